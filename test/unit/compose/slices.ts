// Service slices for the fast reader's differential test: every compose file in the repo
// (examples, fixtures, the copied corpus), generated bench files, and seeded mutations of them.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { splitServices } from '../../../server/src/analysis/compose/split';

const ROOT = join(__dirname, '..', '..', '..');

export function composeFiles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry))
        out.push({ name: path.slice(ROOT.length + 1), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'test', 'fixtures'));
  return out;
}

/** A service slice: `text` from `start` to `end`, as the parser cuts it out of a file. */
export interface Slice {
  text: string;
  start: number;
  end: number;
}

/** The service slices the parser would cut `text` into (none when it parses the file whole). */
export function slicesOf(text: string): Slice[] {
  const split = splitServices(text);
  return split ? split.chunks.map((c) => ({ text, start: c.start, end: c.end })) : [];
}

/** `slice` alone, after a `services:` line, so that its offsets do not start at 0. */
export function inFile(slice: string): Slice {
  const head = 'services:\n';
  return { text: head + slice, start: head.length, end: head.length + slice.length };
}

const PIECES = [
  ' ',
  '  ',
  ' # note',
  '#',
  ': ',
  ':',
  '-',
  '- ',
  '"',
  "'",
  "''",
  '\\',
  '\\"',
  '\\x41',
  '\\u00e9',
  '\\q',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
  '? ',
  '%',
  '@',
  '`',
  '\t',
  '\r',
  '\r\n',
  'é',
  '😀',
  '\u00a0',
  '{}',
  '[]',
  ': {}',
  ': []',
  '~',
  'null',
  'true',
  '0x10',
  '1.5',
  '=',
  '$${X}',
  '${X}',
  '---',
  '...',
  '<<: ',
  '\n',
  '\n  ',
  '\n    ',
  '\n      ',
];

/** One random edit of `slice`: a line-level change (comments, blank lines, quoting, indent) or a piece inserted. */
export function mutate(slice: string, rnd: () => number): string {
  const lines = slice.split('\n');
  const n = Math.floor(rnd() * lines.length);
  const line = lines[n];
  const indent = line.length - line.trimStart().length;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  switch (Math.floor(rnd() * 12)) {
    case 0:
      lines.splice(n, 0, ' '.repeat(Math.floor(rnd() * 10)) + '# ' + pick(['a comment', 'x: y', '- z', '']));
      break;
    case 1:
      lines.splice(n, 0, ' '.repeat(Math.floor(rnd() * 4)));
      break;
    case 2:
      lines[n] = line + ' '.repeat(1 + Math.floor(rnd() * 3));
      break;
    case 3:
      lines[n] = line + pick([' # trailing', '  #', '# not a comment']);
      break;
    case 4: {
      // requote the value after `- ` or `key: `
      const m = /^(\s*(?:- |[^\s#'"][^:#]*: ))(["']?)(.*?)\2(\s*)$/.exec(line);
      if (m) {
        const raw = m[2] === '"' ? m[3].replace(/\\(.)/g, '$1') : m[2] === "'" ? m[3].replace(/''/g, "'") : m[3];
        const q = pick(['"', "'", '']);
        const body = q === '"' ? raw.replace(/[\\"]/g, '\\$&') : q === "'" ? raw.replace(/'/g, "''") : raw;
        lines[n] = m[1] + q + body + q + m[4];
      }
      break;
    }
    case 5: {
      // a list label `- "k=v"` as a map label `k: v`, or the reverse
      const list = /^(\s*)- ["']?([^=:"']+)=(.*?)["']?\s*$/.exec(line);
      const map = /^(\s*)([\w.-]+): (.*)$/.exec(line);
      if (list) lines[n] = `${list[1]}${list[2]}: ${list[3]}`;
      else if (map) lines[n] = `${map[1]}- "${map[2]}=${map[3].replace(/"/g, '\\"')}"`;
      break;
    }
    case 6:
      lines[n] = (rnd() < 0.5 ? ' ' : '') + (rnd() < 0.5 ? line : line.slice(Math.min(1, indent)));
      break;
    case 7:
      lines.splice(n, 0, line);
      break;
    case 8:
      lines.splice(n, 1);
      break;
    default: {
      const at = Math.floor(rnd() * (line.length + 1));
      lines[n] = line.slice(0, at) + pick(PIECES) + line.slice(at);
    }
  }
  return lines.join('\n');
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
