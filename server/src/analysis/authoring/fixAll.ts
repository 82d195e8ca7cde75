// "Fix all auto-fixable problems", for `gateway-lens check --fix` and the editor's
// source.fixAll.gatewayLens alike: the quick fixes that need no choice (the one preferred fix
// of a finding whose code repairs mechanically), applied one at a time, each kept only when
// checking the project again shows its finding gone and no finding that was not there before
// (a file that no longer parses has a new yaml-syntax finding, so it is never written).
import type { AnalysisResult, ProjectInput } from '../index';
import type { Finding, Range } from '../types';
import { applyEdits } from './edits';
import { codeActions } from './fixes';
import type { CodeAction, TextEdit } from './types';

/**
 * Codes whose preferred fix repairs what the author evidently meant: a misspelt name or key
 * with one suggestion, a value Traefik reads otherwise, a missing traefik.enable=true, a
 * container_name that stops scaling. Left out: a port (a guess), priorities and strip prefixes
 * (they change which router serves and what path the backend gets: the author's choice).
 */
export const AUTO_FIX_CODES: ReadonlySet<string> = new Set([
  'unknown-label',
  'invalid-value',
  'rule-syntax',
  'undefined-middleware',
  'undefined-service',
  'undefined-entrypoint',
  'undefined-certresolver',
  'not-enabled',
  'scale-container-name',
  'unknown-static-key',
]);

/** What fixAll needs of an Analyzer (a type only: analysis/index.ts imports this module). */
export interface Analyse {
  analyze(input: ProjectInput): AnalysisResult;
}

export interface AppliedFix {
  file: string;
  code: string;
  message: string;
  title: string;
  /** Where the finding was, in the file as it was before any fix. */
  range: Range;
}

export interface FixAllResult {
  /** Edits per file against the texts given, not overlapping; empty when nothing was fixed. */
  edits: Record<string, TextEdit[]>;
  /** The fixed texts of the files that changed. */
  texts: Map<string, string>;
  applied: AppliedFix[];
  /** The input with the fixed texts. */
  input: ProjectInput;
}

/** A finding's one automatic fix, if it has one: edits in one file that `editable` allows. */
export function autoFix(
  project: AnalysisResult['project'],
  finding: Finding,
  editable: (file: string) => boolean,
): CodeAction | undefined {
  if (finding.suppressed || !AUTO_FIX_CODES.has(finding.code)) return undefined;
  const preferred = codeActions(project, finding.file, finding).filter((a) => a.kind === 'quickfix' && a.isPreferred);
  if (preferred.length !== 1) return undefined;
  const files = Object.keys(preferred[0].edits);
  return files.length === 1 && editable(files[0]) ? preferred[0] : undefined;
}

const key = (f: Finding): string => `${f.file}\0${f.code}\0${f.message}`;

function counts(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (!f.suppressed) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

/** The fixed finding is gone and nothing appeared that was not there before. */
function verified(before: Finding[], after: Finding[], fixed: Finding): boolean {
  const was = counts(before);
  const now = counts(after);
  if ((now.get(key(fixed)) ?? 0) >= (was.get(key(fixed)) ?? 0)) return false;
  for (const [k, n] of now) if (n > (was.get(k) ?? 0)) return false;
  return true;
}

function withTexts(input: ProjectInput, texts: Map<string, string>): ProjectInput {
  const swap = <T extends { file: string; text: string }>(f: T): T =>
    texts.has(f.file) ? { ...f, text: texts.get(f.file)! } : f;
  return { ...input, files: input.files.map(swap), staticFiles: input.staticFiles?.map(swap) };
}

/** Fixes at most `limit` findings of the project, in files `editable` allows. */
export function fixAll(
  analyzer: Analyse,
  input: ProjectInput,
  editable: (file: string) => boolean,
  limit = 100,
): FixAllResult {
  const original = new Map([...input.files, ...(input.staticFiles ?? [])].map((f) => [f.file, f.text]));
  const texts = new Map<string, string>();
  const composed = new Map<string, TextEdit[]>();
  const applied: AppliedFix[] = [];
  const rejected = new Set<string>();
  let current = input;
  let result = analyzer.analyze(current);
  // A file that does not parse is not touched: where its text ends up is a guess.
  const broken = new Set(result.findings.filter((f) => f.code === 'yaml-syntax').map((f) => f.file));
  while (applied.length < limit) {
    let next: { result: AnalysisResult; input: ProjectInput } | undefined;
    for (const finding of result.findings) {
      const fix = autoFix(result.project, finding, (f) => editable(f) && original.has(f) && !broken.has(f));
      const id = fix && `${key(finding)}\0${fix.title}`;
      if (!fix || !id || rejected.has(id)) continue;
      const [file, edits] = Object.entries(fix.edits)[0];
      const text = texts.get(file) ?? original.get(file)!;
      const fixedTexts = new Map(texts).set(file, applyEdits(text, edits));
      const candidate = withTexts(input, fixedTexts);
      const after = analyzer.analyze(candidate);
      if (!verified(result.findings, after.findings, finding)) {
        rejected.add(id);
        continue;
      }
      const before = composed.get(file) ?? [];
      applied.push({
        file,
        code: finding.code,
        message: finding.message,
        title: fix.title,
        range: { start: toOriginal(before, finding.range.start), end: toOriginal(before, finding.range.end) },
      });
      let list = before;
      for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) list = compose(list, e, text);
      composed.set(file, list);
      texts.set(file, fixedTexts.get(file)!);
      next = { result: after, input: candidate };
      break;
    }
    if (!next) break;
    result = next.result;
    current = next.input;
  }
  return { edits: Object.fromEntries(composed), texts, applied, input: current };
}

/** An offset of the current text (after `applied`) in the original text. */
function toOriginal(applied: readonly TextEdit[], offset: number): number {
  let delta = 0;
  for (const a of applied) {
    const start = a.range.start + delta;
    if (offset < start) break;
    const end = start + a.newText.length;
    if (offset <= end) return Math.min(a.range.start + (offset - start), a.range.end);
    delta += a.newText.length - (a.range.end - a.range.start);
  }
  return offset - delta;
}

/**
 * Adds `edit` (in the coordinates of `current`, the text after `applied`) to `applied` (edits
 * of the original text, sorted, not overlapping), merged with the applied edits it touches.
 */
export function compose(applied: readonly TextEdit[], edit: TextEdit, current: string): TextEdit[] {
  const { start: p, end: q } = edit.range;
  const shift = (a: TextEdit): number => a.newText.length - (a.range.end - a.range.start);
  let i = 0;
  let before = 0;
  // Applied edits ending before the new one starts stay as they are.
  while (i < applied.length && applied[i].range.start + before + applied[i].newText.length < p) {
    before += shift(applied[i]);
    i++;
  }
  let j = i;
  let after = before;
  while (j < applied.length && applied[j].range.start + after <= q) {
    after += shift(applied[j]);
    j++;
  }
  let curStart = p;
  let curEnd = q;
  let origStart = p - before;
  let origEnd = q - after;
  if (j > i) {
    const first = applied[i];
    const s = first.range.start + before;
    if (s <= p) {
      curStart = s;
      origStart = first.range.start;
    }
    const last = applied[j - 1];
    const e = last.range.start + after - shift(last) + last.newText.length;
    if (e >= q) {
      curEnd = e;
      origEnd = last.range.end;
    }
  }
  const newText = current.slice(curStart, p) + edit.newText + current.slice(q, curEnd);
  return [...applied.slice(0, i), { range: { start: origStart, end: origEnd }, newText }, ...applied.slice(j)];
}
