// Helpers for the authoring tests: cursor markers, projects from snippets, applying edits.
import { Analyzer, type AnalysisOptions, type Finding, type Project } from '../../../server/src/analysis';
import { applyEdits } from '../../../server/src/analysis/authoring/edits';
import type { TextEdit, WorkspaceEdits } from '../../../server/src/analysis/authoring/types';

export const FILE = '/project/docker-compose.yml';

/** Removes the cursor marker `|` (a lone one: `||` in rules stays) and returns the text and offset. */
export function cursor(src: string): { text: string; offset: number } {
  const m = /(?<!\|)\|(?!\|)/.exec(src);
  if (!m) throw new Error('no cursor marker');
  return { text: src.slice(0, m.index) + src.slice(m.index + 1), offset: m.index };
}

export interface ProjectOptions {
  others?: Record<string, string>;
  options?: AnalysisOptions;
  /** Entry points of the static configuration (set directly: the static reader is not under test). */
  entryPoints?: Record<string, string>;
}

export function projectOf(text: string, opts: ProjectOptions = {}): Project {
  const files = [{ file: FILE, text }];
  for (const [name, other] of Object.entries(opts.others ?? {})) files.push({ file: `/project/${name}`, text: other });
  const project = new Analyzer().project({ files, options: opts.options });
  if (opts.entryPoints) {
    project.staticConfig.entryPointsKnown = true;
    project.staticConfig.found = true;
    for (const [name, address] of Object.entries(opts.entryPoints))
      project.staticConfig.entryPoints.set(name, { name, address });
  }
  return project;
}

export function findings(
  text: string,
  opts: { options?: AnalysisOptions; others?: Record<string, string> } = {},
): Finding[] {
  const files = [{ file: FILE, text }];
  for (const [name, other] of Object.entries(opts.others ?? {})) files.push({ file: `/project/${name}`, text: other });
  return new Analyzer().analyze({ files, options: opts.options }).findings;
}

/** Findings as `code: underlined text` lines, for whole-set comparisons. */
export function summary(text: string, list: Finding[]): string[] {
  return list.map((f) => `${f.code}: ${text.slice(f.range.start, f.range.end)}`);
}

export function apply(text: string, edits: TextEdit[] | undefined): string {
  return applyEdits(text, edits ?? []);
}

export function applyFile(text: string, edits: WorkspaceEdits, file = FILE): string {
  return applyEdits(text, edits[file] ?? []);
}
