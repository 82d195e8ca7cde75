// `check --fix` and `--fix-dry-run`: the core's fixAll on each project, limited to the compose
// files given; the fixed files are written (a byte order mark kept), or their diff printed.
import * as fs from 'fs';
import { fixAll, Analyzer, type ProjectInput } from '../analysis';
import { lineMap, toLineColumn } from '../convert';
import type { Io } from './command';
import { unifiedDiff } from './diff';
import type { Inputs } from './inputs';

export interface Fixed {
  /** The inputs to check afterwards (with the fixed texts). */
  projects: ProjectInput[];
  /** The fixed texts by file. */
  texts: Map<string, string>;
}

/** Fixes each project, writes (or diffs) the files it changed. */
export function runFixes(projects: ProjectInput[], inputs: Inputs, io: Io, dryRun: boolean): Fixed {
  const out: ProjectInput[] = [];
  const texts = new Map<string, string>();
  let count = 0;
  for (const project of projects) {
    const given = new Set(project.files.map((f) => f.file));
    const result = fixAll(new Analyzer(), project, (file) => given.has(file));
    out.push(result.input);
    for (const fix of result.applied) {
      const original = project.files.find((f) => f.file === fix.file)?.text ?? '';
      const at = toLineColumn(lineMap(original), fix.range);
      const verb = dryRun ? 'would fix' : 'fixed';
      io.err(`${inputs.shown(fix.file)}:${at.line}:${at.column}: ${verb} ${fix.code}: ${fix.title}\n`);
      count++;
    }
    for (const [file, text] of result.texts) texts.set(file, text);
    for (const [file, edits] of Object.entries(result.edits)) {
      const original = project.files.find((f) => f.file === file)?.text ?? '';
      if (dryRun) io.out(unifiedDiff(inputs.shown(file), original, edits));
      else {
        const raw = fs.readFileSync(file, 'utf8');
        const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
        fs.writeFileSync(file, bom + result.texts.get(file)!);
      }
    }
  }
  io.err(`gateway-lens: ${count} ${count === 1 ? 'fix' : 'fixes'} ${dryRun ? 'would be applied' : 'applied'}\n`);
  return { projects: out, texts };
}
