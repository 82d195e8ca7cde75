// Cuts a compose file into one piece per service so that an edit re-parses only the
// service it touches. Anything the cut cannot handle safely (flow style, anchors and
// aliases, several documents, tabs) returns null and the whole file is parsed at once.

export interface Chunk {
  start: number;
  end: number;
}

export interface Split {
  /** Offset range of the block under `services:` (after its line). */
  services: Chunk;
  /** One chunk per service entry, in file order. */
  chunks: Chunk[];
}

// Anchors, aliases and tags where YAML would see them (after `key: `, `- `, `[` or `,`),
// merge keys, document markers, directives, tab indentation.
const SPACE = 32;

const UNSAFE = /(:[ \t]+|^[ \t]*-[ \t]+|[[,{][ \t]*)[&*!][\w!<]|<<[ \t]*:|^(---|\.\.\.|%)|^\t/m;

export function splitServices(text: string): Split | null {
  if (UNSAFE.test(text)) return null;
  const header = /^services[ \t]*:[ \t]*(#.*)?$/m.exec(text);
  if (!header) return null;
  const blockStart = nextLine(text, header.index);
  let pos = blockStart;
  let indent = -1;
  const starts: number[] = [];
  let blockEnd = text.length;
  while (pos < text.length) {
    const eol = lineEnd(text, pos);
    // First non-blank character of the line, without slicing it out.
    let i = pos;
    while (i < eol && text.charCodeAt(i) === SPACE) i++;
    const first = i < eol ? text[i] : '';
    if (first !== '' && first !== '#' && first !== '\r') {
      const lead = i - pos;
      if (lead === 0) {
        blockEnd = pos;
        break;
      }
      if (indent < 0) indent = lead;
      if (lead < indent) return null;
      if (lead === indent) {
        if (first === '-' || first === '?' || first === '[' || first === '{') return null;
        starts.push(pos);
      }
    }
    pos = eol + 1;
  }
  const chunks: Chunk[] = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : blockEnd }));
  return { services: { start: blockStart, end: blockEnd }, chunks };
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

function nextLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}
