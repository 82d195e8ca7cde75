// Text edits in offsets, and the line arithmetic every fix needs to keep a file's own layout.
import type { Range } from '../types';
import type { TextEdit } from './types';

export function replace(range: Range, newText: string): TextEdit {
  return { range: { start: range.start, end: range.end }, newText };
}

export function insert(offset: number, newText: string): TextEdit {
  return { range: { start: offset, end: offset }, newText };
}

/** Applies edits that do not overlap; order does not matter. Throws on overlap (a bug). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.range.start < at) throw new Error(`overlapping edits at ${e.range.start}`);
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

/** The file's line break: a CRLF file stays CRLF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  // lastIndexOf reads a negative position as 0: at offset 0 of a text that opens with a line
  // break it would answer 1, past the offset (and yamlPath, walking up, never reached 0).
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line that holds `offset` (before a `\r`), or the text's end. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Start of the next line (after its line break), or the text's end. */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** End of the last line that holds content at or before `offset` (ranges may end after a line break). */
export function contentLineEnd(text: string, offset: number): number {
  let p = offset;
  while (p > 0 && (text[p - 1] === '\n' || text[p - 1] === '\r')) p--;
  return lineEnd(text, p);
}

/** Leading blanks of the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}
