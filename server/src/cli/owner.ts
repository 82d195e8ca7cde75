// A compose file given alone that another project loads through `include:` or `extends: file:`
// is checked in that project, as docker compose runs it and as the editor sees it (the editor
// gives such a file to the project that reads it: server/src/projects.ts projectOf). Compose
// never runs an included file with its own folder's .env when the including project runs it
// (compose-go loader/include.go: the including project's variables come first).
import * as path from 'path';
import type { Analyzer } from '../analysis';
import {
  DEFAULT_OVERRIDE_NAMES,
  defaultProjectAbove,
  folderDefaultFiles,
  folderProjects,
  isOverrideFragment,
} from '../analysis/compose/project';
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

/** A compose project as one FILE on the command line means it; `only` is the file given when the project is larger. */
export interface FileProject {
  folder: string;
  files: string[];
  only?: string;
  /** When `only` is a fragment over a base: the base files (compose/project/fragments.ts). */
  base?: string[];
  /** Why each file of `files` is loaded, for `project`. */
  why: (file: string) => string;
}

/**
 * The one rule for a FILE given alone, for every subcommand (check, config, project, route): the
 * project that includes or extends it (loadingProject), else its folder's default project when it
 * has a default name (with the override, as `docker compose` run there loads it), else the file
 * over the folder's base file when it only overrides services, else the file alone. The editor
 * groups files the same way (server/src/projects.ts).
 */
export function projectOfFile(
  file: string,
  io: Io,
  readFile: (file: string) => string | undefined,
  analyzer: Analyzer,
): FileProject {
  const loader = loadingProject(file, io, readFile, analyzer);
  if (loader) {
    const why = (f: string): string =>
      f === file
        ? 'given on the command line'
        : `the default project of ${shown(io, loader.folder)}, which includes or extends the file given`;
    return { ...loader, only: file, why };
  }
  const folder = path.dirname(file);
  const defaults = folderDefaultFiles(folder, composeEnvironment(io, folder).lookup, (f) => readFile(f) !== undefined);
  const fragment = (f: string): boolean => isOverrideFragment(analyzer.parse({ file: f, text: readFile(f) ?? '' }));
  const servicesOf = (f: string): string[] =>
    analyzer.parse({ file: f, text: readFile(f) ?? '' }).services.map((s) => s.name);
  const [project] = folderProjects([file], defaults, fragment, servicesOf);
  // A fragment alone (compose refuses it so): over the nearest default project above, within the
  // working directory, as `check DIR` and the editor put it (compose/project/fragments.ts).
  const above =
    project.files.length === 1 && fragment(file)
      ? defaultProjectAbove(folder, io.cwd, (dir) =>
          folderDefaultFiles(dir, composeEnvironment(io, dir).lookup, (f) => readFile(f) !== undefined),
        )
      : [];
  if (above.length > 0) {
    const why = (f: string): string =>
      f === file
        ? 'given on the command line'
        : `the default project of ${shown(io, path.dirname(above[0]))}, which the fragment given goes over`;
    return { folder: path.dirname(above[0]), files: [...above, file], only: file, base: above, why };
  }
  const why = (f: string): string =>
    f === file
      ? 'given on the command line'
      : project.only !== undefined
        ? `the base of ${shown(io, folder)}, which the file given overrides`
        : DEFAULT_OVERRIDE_NAMES.includes(path.basename(f))
          ? "the default names' override file"
          : "compose's default file names";
  const base = project.only === undefined ? undefined : project.files.filter((f) => f !== project.only);
  return { folder, files: project.files, only: project.only, base, why };
}

function shown(io: Io, folder: string): string {
  return path.relative(io.cwd, folder) || '.';
}

function within(root: string, dir: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
