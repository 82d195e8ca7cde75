// A compose file given alone that another project loads through `include:` or `extends: file:`
// is checked in that project, as docker compose runs it and as the editor sees it (the editor
// gives such a file to the project that reads it: server/src/projects.ts projectOf). Compose
// never runs an included file with its own folder's .env when the including project runs it
// (compose-go loader/include.go: the including project's variables come first).
import * as path from 'path';
import type { Analyzer } from '../analysis';
import { folderDefaultFiles } from '../analysis/compose/project';
import type { Io } from './command';
import { composeEnvironment } from './project';

/**
 * The nearest folder, from the file's own up to the working directory, whose default project
 * (what `docker compose` run there loads) reads `file` without naming it; undefined when none
 * does or the file lies outside the working directory.
 */
export function loadingProject(
  file: string,
  io: Io,
  readFile: (file: string) => string | undefined,
  analyzer: Analyzer,
): { folder: string; files: string[] } | undefined {
  const exists = (f: string): boolean => readFile(f) !== undefined;
  for (let dir = path.dirname(file); within(io.cwd, dir); dir = path.dirname(dir)) {
    const environment = composeEnvironment(io, dir);
    const defaults = folderDefaultFiles(dir, environment.lookup, exists);
    // The file's own folder may run it too; the project that reads it wins, as in the editor.
    if (defaults.length > 0 && !defaults.includes(file)) {
      const project = analyzer.project({
        files: defaults.map((f) => ({ file: f, text: readFile(f) ?? '' })),
        readFile,
        environment,
      });
      const reads = [...project.files, ...project.load.extendsFiles].some((f) => f.file === file);
      if (reads) return { folder: dir, files: defaults };
    }
    if (dir === path.dirname(dir)) break;
  }
  return undefined;
}

function within(root: string, dir: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
