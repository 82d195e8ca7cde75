// Cuts a compose file into one piece per service so that an edit re-parses only the
// service it touches. Anything the cut cannot handle safely (flow style, anchors and
// aliases, several documents, tabs) returns null and the whole file is parsed at once.

export interface Chunk {
  start: number;
  end: number;
  /** Index of the chunk of the previous split with the same text (resplit only). */
  was?: number;
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

const UNSAFE_LINE = /<<[ \t]*:|^(?:---|\.\.\.|%|\t)/m;
// `&x`, `*x`, `!x` anywhere; whether YAML sees a property there is decided by what precedes it.
// (One regex for both took a tenth of a cold parse of a big file: it tried every offset.)
const PROPERTY = /[&*!][\w!<]/g;
// What starts a line for `^` in a multiline regex.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** True when `text` holds something the cut cannot handle (see above). */
export function unsafe(text: string): boolean {
  if (UNSAFE_LINE.test(text)) return true;
  PROPERTY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROPERTY.exec(text)) !== null) if (propertyAt(text, m.index)) return true;
  return false;
}

/** After `key: `, `- ` at the start of a line, or `[`, `,`, `{` (blanks between). */
function propertyAt(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  const c = text[j];
  if (c === '[' || c === ',' || c === '{') return true;
  if (j === at - 1 || (c !== ':' && c !== '-')) return false;
  if (c === ':') return true;
  let k = j - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k < 0 || LINE_BREAK.test(text[k]);
}

export function splitServices(text: string): Split | null {
  if (unsafe(text)) return null;
  const header = /^services[ \t]*:[ \t]*(#.*)?$/m.exec(text);
  if (!header) return null;
  const blockStart = nextLine(text, header.index);
  const scanned = scan(text, blockStart, text.length, -1);
  if (!scanned) return null;
  const { starts, blockEnd } = scanned;
  const chunks: Chunk[] = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : blockEnd }));
  return { services: { start: blockStart, end: blockEnd }, chunks };
}

/**
 * The split of `text` from the split of `before` (the text one edit earlier), re-scanning
 * only the services the edit touched: the chunks before it keep their offsets, those after
 * it move by the length change. Undefined when the edit is not inside the services (or
 * changes their layout), so the caller splits the whole text instead.
 */
export function resplit(before: string, split: Split, text: string): Split | undefined {
  const { chunks } = split;
  if (chunks.length === 0) return undefined;
  const delta = text.length - before.length;
  // Outside the service chunks nothing may change (the header, `networks:` and the like).
  if (!sameAt(before, text, 0, 0, chunks[0].start)) return undefined;
  const tail = before.length - split.services.end;
  if (!sameAt(before, text, split.services.end, split.services.end + delta, tail)) return undefined;
  // The changed region: from the first chunk that differs in place to the last that differs
  // once moved by `delta`; everything before and after it is the same text.
  let first = 0;
  while (first < chunks.length && sameAt(before, text, chunks[first].start, chunks[first].start, length(chunks[first])))
    first++;
  if (first === chunks.length) {
    if (delta === 0) return { services: split.services, chunks: chunks.map((c, i) => ({ ...c, was: i })) };
    first = chunks.length - 1;
  }
  let last = chunks.length - 1;
  while (last > first && sameAt(before, text, chunks[last].start, chunks[last].start + delta, length(chunks[last])))
    last--;
  const from = chunks[first].start;
  const to = chunks[last].end + delta;
  // The unchanged chunk after the region must still start a line.
  if (to > from && to < text.length && text.charCodeAt(to - 1) !== NEWLINE) return undefined;
  const region = text.slice(from, to);
  if (unsafe(region)) return undefined;
  const indent = lineIndent(before, chunks[0].start);
  const scanned = scan(text, from, to, indent);
  // The region must still open with a service at the same indent, and not end the block.
  if (!scanned || scanned.blockEnd !== to || scanned.starts[0] !== from) return undefined;
  const kept = chunks.slice(0, first).map((c, i) => ({ start: c.start, end: c.end, was: i }));
  const after = chunks
    .slice(last + 1)
    .map((c, i) => ({ start: c.start + delta, end: c.end + delta, was: last + 1 + i }));
  const middle = scanned.starts.map((start, i) => ({
    start,
    end: i + 1 < scanned.starts.length ? scanned.starts[i + 1] : to,
  }));
  return {
    services: { start: split.services.start, end: split.services.end + delta },
    chunks: [...kept, ...middle, ...after],
  };
}

/**
 * Service starts of the block from `pos` (a line start) to `limit`: lines at the services'
 * indent (the first one's when `indent` < 0). Null when the layout is one the cut cannot handle.
 */
function scan(text: string, pos: number, limit: number, indent: number): { starts: number[]; blockEnd: number } | null {
  const starts: number[] = [];
  let blockEnd = limit;
  while (pos < limit) {
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
  return { starts, blockEnd };
}

const NEWLINE = 10;

function length(c: Chunk): number {
  return c.end - c.start;
}

/** `length` characters of `a` from `at` equal those of `b` from `bt`. */
function sameAt(a: string, b: string, at: number, bt: number, length: number): boolean {
  if (at + length > a.length || bt + length > b.length || bt < 0) return false;
  // Native comparison of two views into the texts (slices of a flat string are not copied).
  return a.slice(at, at + length) === b.slice(bt, bt + length);
}

function lineIndent(text: string, pos: number): number {
  let i = pos;
  while (text.charCodeAt(i) === SPACE) i++;
  return i - pos;
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

function nextLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}
