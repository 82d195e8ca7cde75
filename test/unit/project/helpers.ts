// A project of in-memory files under /p, analysed as the CLI and server do.
import * as path from 'path';
import { analyzeProject, type AnalysisResult } from '../../../server/src/analysis';

export const ROOT = '/p';

export function analyseFiles(
  texts: Record<string, string>,
  given: string[] = ['compose.yaml'],
  extra: {
    profiles?: string[];
    projectDirectory?: string;
    environment?: { files: { file: string; text: string }[] };
  } = {},
): AnalysisResult {
  const abs = (f: string): string => path.resolve(ROOT, f);
  const byPath = new Map(Object.entries(texts).map(([f, t]) => [abs(f), t]));
  return analyzeProject({
    files: given.map((f) => ({ file: abs(f), text: byPath.get(abs(f)) ?? '' })),
    readFile: (f) => byPath.get(path.resolve(f)),
    ...extra,
  });
}

/** `code file: slice` for each finding of the given codes. */
export function seen(result: AnalysisResult, codes: string[]): string[] {
  const texts = new Map(result.project.files.concat(result.project.load.extendsFiles).map((f) => [f.file, f.text]));
  return result.findings
    .filter((f) => codes.includes(f.code))
    .map((f) => `${f.code} ${path.relative(ROOT, f.file)}: ${texts.get(f.file)?.slice(f.range.start, f.range.end)}`);
}
