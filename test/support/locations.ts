// Positions and locations in a test's named files, for stdio tests that ask the server where
// things are (definition, references, rename) and compare the answer as text.
import assert from 'node:assert/strict';

export interface Loc {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export type NamedFiles = Record<string, { uri: string; text: string }>;

/** The position `offset` characters into the first `needle` of a file's text. */
export function positionIn(text: string, needle: string, offset = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** `name:text` of a one-line location in one of the files. */
export function shownIn(files: NamedFiles, l: Loc): string {
  const entry = Object.entries(files).find(([, f]) => f.uri === l.uri);
  assert.ok(entry, `a file of the project: ${l.uri}`);
  const line = entry[1].text.split('\n')[l.range.start.line];
  return `${entry[0]}:${line.slice(l.range.start.character, l.range.end.character)}`;
}
