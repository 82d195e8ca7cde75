// Suppression comments, read from the text of any YAML file the project reads (compose files,
// Traefik's static and dynamic configuration): hadolint's and eslint's habit in YAML's comment
// syntax. A comment starts at a `#` at the start of a line or after a blank, outside a quoted
// scalar (YAML 1.2, 6.6 "Comments").
//
//   # gateway-lens-disable-next-line <code>[, <code>] [-- reason]   the line after the comment
//   <yaml>  # gateway-lens-disable-line <code>[, <code>]             the comment's own line
//   # gateway-lens-disable <code>[, <code>]                          from this line to the file's end
import type { Range } from '../types';

export type SuppressionKind = 'next-line' | 'line' | 'file';

export interface SuppressedCode {
  code: string;
  /** The code as written in the comment. */
  range: Range;
}

export interface Suppression {
  kind: SuppressionKind;
  /** 0-based line of the comment. */
  line: number;
  codes: SuppressedCode[];
  /** From the `#` to the end of the comment. */
  range: Range;
}

export const DIRECTIVE = 'gateway-lens-disable';

const DIRECTIVE_RE = /^#[ \t]*gateway-lens-disable(-next-line|-line)?(?=[ \t]|$)/;
const CODE_RE = /[A-Za-z0-9][A-Za-z0-9_-]*/g;

/** Start offsets of each line (after `\n`; a CRLF's `\r` stays with the line before). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line holding `offset`. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset of the `#` starting the line's comment, or -1 (quotes opened on this line are skipped). */
export function commentStart(text: string, from: number, to: number): number {
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    const prev = i === from ? ' ' : text[i - 1];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
    } else if (quote === "'") {
      if (c === "'" && text[i + 1] === "'") i++;
      else if (c === "'") quote = '';
    } else if (c === '#' && (prev === ' ' || prev === '\t')) return i;
    // A quote opens a scalar only where one can start, never inside a plain scalar (`a"b`).
    else if ((c === '"' || c === "'") && /[\s[{,:-]/.test(prev)) quote = c;
  }
  return -1;
}

/** Every suppression comment of a file, in order; cheap when the file has none. */
export function readSuppressions(text: string): Suppression[] {
  if (!text.includes(DIRECTIVE)) return [];
  const starts = lineStarts(text);
  const found: Suppression[] = [];
  for (let line = 0; line < starts.length; line++) {
    const from = starts[line];
    const to = line + 1 < starts.length ? starts[line + 1] : text.length;
    const hit = text.indexOf(DIRECTIVE, from);
    if (hit < 0) break;
    if (hit >= to) {
      line = lineOf(starts, hit) - 1;
      continue;
    }
    const hash = commentStart(text, from, to);
    if (hash < 0 || hash > hit) continue;
    let end = to;
    while (end > hash && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const comment = text.slice(hash, end);
    const m = DIRECTIVE_RE.exec(comment);
    if (!m) continue;
    const kind: SuppressionKind = m[1] === '-next-line' ? 'next-line' : m[1] === '-line' ? 'line' : 'file';
    // An eslint-style reason after ` -- ` is the author's, not codes.
    const dashes = comment.search(/[ \t]--([ \t]|$)/);
    const list = comment.slice(m[0].length, dashes > m[0].length ? dashes : comment.length);
    const codes: SuppressedCode[] = [];
    for (const c of list.matchAll(CODE_RE)) {
      const start = hash + m[0].length + (c.index ?? 0);
      codes.push({ code: c[0], range: { start, end: start + c[0].length } });
    }
    found.push({ kind, line, codes, range: { start: hash, end } });
  }
  return found;
}

/** Whether a suppression of this kind on `line` covers a finding starting on `findingLine`. */
export function covers(s: Suppression, findingLine: number): boolean {
  if (s.kind === 'line') return findingLine === s.line;
  if (s.kind === 'next-line') return findingLine === s.line + 1;
  return findingLine >= s.line;
}
