// Suppression quick fixes: "Suppress <code> on this line" writes a
// `# gateway-lens-disable-next-line <code>` comment above the finding's line (indented like it,
// `#` spaced like the file's other comments), or adds the code to the comment already there;
// an unused suppression's code is removed (the whole comment when it was the only one).
import { isMap, parseDocument } from 'yaml';
import type { ComposeFile } from '../../compose/model';
import { commentStart, readSuppressions } from '../../suppress/comments';
import type { Range } from '../../types';
import { eolOf, indentOf, insert, lineEnd, lineStart, replace } from '../edits';
import type { CodeAction, FindingRef, TextEdit } from '../types';
import { action, type FixContext } from './common';

/** Codes that are not about the file's content, or that a suppression cannot sit before. */
const NOT_SUPPRESSIBLE = new Set(['yaml-syntax', 'unused-suppression', 'invalid-config', 'internal-error']);

/** `#` followed by a blank, unless the file's comments mostly are not. */
function hashOf(text: string): string {
  const spaced = (text.match(/(^|\s)# /g) ?? []).length;
  const tight = (text.match(/(^|\s)#[^\s#]/g) ?? []).length;
  return tight > spaced ? '#' : '# ';
}

/** The end of a comment's code list: before an eslint-style ` -- reason`, else the comment's end. */
function codesEnd(text: string, comment: Range): number {
  const body = text.slice(comment.start, comment.end);
  const dashes = body.search(/[ \t]--([ \t]|$)/);
  let end = dashes > 0 ? comment.start + dashes : comment.end;
  while (end > comment.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** The slice of YAML the edit lands in (the service, else the file), before and after, read alike. */
function sameValue(file: ComposeFile, at: number, edit: TextEdit): boolean {
  const service = file.services.find((s) => s.range.start <= at && at <= s.range.end);
  if (service) {
    const alike = readAlike(
      file.text,
      lineStart(file.text, service.range.start),
      lineEnd(file.text, service.range.end),
      edit,
    );
    if (alike !== undefined) return alike;
  }
  // The service uses an anchor set outside it (`<<: *default-logging`): the whole file then.
  return readAlike(file.text, 0, file.text.length, edit) ?? false;
}

/** Whether text[from, to) reads the same with the edit; undefined when an alias's anchor is outside it. */
function readAlike(text: string, from: number, to: number, edit: TextEdit): boolean | undefined {
  const before = text.slice(from, to);
  const after = before.slice(0, edit.range.start - from) + edit.newText + before.slice(edit.range.end - from);
  const a = parseDocument(before);
  const b = parseDocument(after);
  if (a.errors.length > 0 || b.errors.length > 0 || !(isMap(a.contents) || a.contents === null)) return false;
  try {
    return JSON.stringify(a.toJS()) === JSON.stringify(b.toJS());
  } catch {
    // yaml's toJS throws on an unresolved alias (and on more aliases than its budget).
    return undefined;
  }
}

export function suppressFix(ctx: FixContext): CodeAction[] {
  const { file, finding } = ctx;
  if (NOT_SUPPRESSIBLE.has(finding.code)) return [];
  const text = file.text;
  const start = lineStart(text, finding.range.start);
  const title = `Suppress ${finding.code} on this line`;
  const existing = readSuppressions(text);
  const lineNo = text.slice(0, start).split('\n').length - 1;
  const addTo = (comment: Range): CodeAction[] => [
    action(title, file.file, [insert(codesEnd(text, comment), `, ${finding.code}`)]),
  ];
  const own = existing.find((s) => s.line === lineNo && s.kind === 'line');
  if (own) return own.codes.some((c) => c.code === finding.code) ? [] : addTo(own.range);
  const above = existing.find((s) => s.line === lineNo - 1 && s.kind === 'next-line');
  if (above && commentStart(text, lineStart(text, above.range.start), above.range.start + 1) === above.range.start) {
    const alone = text.slice(lineStart(text, above.range.start), above.range.start).trim() === '';
    if (alone) return above.codes.some((c) => c.code === finding.code) ? [] : addTo(above.range);
  }
  const edit = insert(
    start,
    `${indentOf(text, start)}${hashOf(text)}gateway-lens-disable-next-line ${finding.code}${eolOf(text)}`,
  );
  // A comment line inside a block scalar (`command: |`) would become part of its text.
  return sameValue(file, finding.range.start, edit) ? [action(title, file.file, [edit])] : [];
}

/** An unused suppression: its code removed, or the whole comment when it names nothing else. */
export function removeSuppression(ctx: FixContext<'unused-suppression'>): CodeAction[] {
  const { file, finding } = ctx;
  const text = file.text;
  const suppression = readSuppressions(text).find(
    (s) => s.range.start <= finding.range.start && finding.range.end <= s.range.end,
  );
  if (!suppression) return [];
  const others = suppression.codes.filter((c) => c.range.start !== finding.range.start);
  if (others.length === suppression.codes.length && suppression.codes.length > 0) return [];
  if (others.length > 0)
    return [action(`Remove "${textOf(text, finding)}" from the comment`, file.file, [removeCode(text, finding.range)])];
  const start = lineStart(text, suppression.range.start);
  const alone = text.slice(start, suppression.range.start).trim() === '';
  let from = suppression.range.start;
  while (from > start && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  const next = text.indexOf('\n', suppression.range.end);
  const range = alone ? { start, end: next < 0 ? text.length : next + 1 } : { start: from, end: suppression.range.end };
  return [action('Remove the unused suppression comment', file.file, [replace(range, '')], true)];
}

function textOf(text: string, finding: FindingRef): string {
  return text.slice(finding.range.start, finding.range.end);
}

/** A code and the separator before it (or after it, for the first one). */
function removeCode(text: string, range: Range): TextEdit {
  let start = range.start;
  while (start > 0 && /[ \t,]/.test(text[start - 1])) start--;
  if (text[start] !== ',' && !text.slice(start, range.start).includes(',')) {
    // The first code: take the separator after it instead.
    let end = range.end;
    while (end < text.length && /[ \t,]/.test(text[end])) end++;
    return replace({ start: range.start, end }, '');
  }
  return replace({ start, end: range.end }, '');
}
