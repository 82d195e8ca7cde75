// Which compose files docker compose loads together, in its order (compose-go cli/options.go):
// the `-f` files as given; else COMPOSE_FILE (the shell's environment, then the project's `.env`),
// split on COMPOSE_PATH_SEPARATOR (default: the OS path list separator); else the first default
// name found in the working directory or the nearest parent that has one, with the first
// default override name beside it (03-compose-file.md: compose.yaml is preferred).
import * as path from 'path';
import type { Lookup } from '../env';
import type { ComposeFile } from '../model';

/** compose-go cli.DefaultFileNames, in order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
/** compose-go cli.DefaultOverrideFileNames, in order of preference. */
export const DEFAULT_OVERRIDE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

export type FileSource = 'flag' | 'COMPOSE_FILE' | 'default';

export interface FileSelection {
  /** Absolute paths, in merge order (later files override earlier ones). */
  files: string[];
  source: FileSource;
  /** The project directory: --project-directory, else the first file's folder. */
  projectDirectory: string;
  /** What compose warns about while choosing (several default names in one folder). */
  notes: string[];
}

export interface SelectInput {
  /** Where relative `-f` and COMPOSE_FILE paths resolve: the process's working directory. */
  cwd: string;
  /** `-f` / `--file`, repeatable. */
  files?: string[];
  /** `--project-directory`: where the default names are looked for, and relative paths resolve. */
  projectDirectory?: string;
  /** The variables compose reads COMPOSE_FILE and COMPOSE_PATH_SEPARATOR from. */
  env?: Lookup;
  /** Whether a regular file exists at an absolute path. */
  exists(file: string): boolean;
  /** The OS path list separator (`:`, `;` on Windows); default: this platform's. */
  delimiter?: string;
  /** Whether the default names are looked for in the parent folders too (compose does); default true. */
  parents?: boolean;
}

/** The files compose would load; undefined when it finds none (compose: "no configuration file provided"). */
export function selectComposeFiles(input: SelectInput): FileSelection | undefined {
  const abs = (f: string): string => path.resolve(input.cwd, f);
  const directory = input.projectDirectory === undefined ? undefined : abs(input.projectDirectory);
  const chosen = (files: string[], source: FileSource, notes: string[] = []): FileSelection => ({
    files,
    source,
    projectDirectory: directory ?? path.dirname(files[0]),
    notes,
  });
  if (input.files && input.files.length > 0) return chosen(input.files.map(abs), 'flag');
  const listed = input.env?.('COMPOSE_FILE');
  if (listed !== undefined && listed !== '') {
    const separator = input.env?.('COMPOSE_PATH_SEPARATOR') || (input.delimiter ?? path.delimiter);
    return chosen(listed.split(separator).map(abs), 'COMPOSE_FILE');
  }
  for (let dir = directory ?? path.resolve(input.cwd); ;) {
    const found = DEFAULT_FILE_NAMES.map((n) => path.join(dir, n)).filter((f) => input.exists(f));
    if (found.length > 0) {
      const notes =
        found.length > 1 ? [`several compose files: ${names(found)}; compose uses ${names(found.slice(0, 1))}`] : [];
      const overrides = DEFAULT_OVERRIDE_NAMES.map((n) => path.join(dir, n)).filter((f) => input.exists(f));
      if (overrides.length > 1)
        notes.push(`several override files: ${names(overrides)}; compose uses ${names(overrides.slice(0, 1))}`);
      return chosen([found[0], ...overrides.slice(0, 1)], 'default', notes);
    }
    const parent = path.dirname(dir);
    if (parent === dir || input.parents === false) return undefined;
    dir = parent;
  }
}

function names(files: string[]): string {
  return files.map((f) => path.basename(f)).join(', ');
}

/** Whether a file is one of the names compose finds by itself (a base or an override). */
export function isDefaultName(file: string): boolean {
  const base = path.basename(file);
  return DEFAULT_FILE_NAMES.includes(base) || DEFAULT_OVERRIDE_NAMES.includes(base);
}

/**
 * The default project of `folder`, as `docker compose` run there loads it (COMPOSE_FILE, else
 * the first default name with its override), looked for in that folder only; [] when it has
 * none. Every other compose file of the folder is a project of its own, as `docker compose -f
 * that-file` loads it: the editor groups a folder's files so.
 */
export function folderDefaultFiles(
  folder: string,
  env: Lookup | undefined,
  exists: (file: string) => boolean,
): string[] {
  return selectComposeFiles({ cwd: folder, env, exists, parents: false })?.files ?? [];
}

/**
 * Whether a compose file is an override fragment, which compose refuses alone and which only runs
 * over a base file (`docker compose -f base -f fragment`): a service of it has neither `image`,
 * `build` nor `extends` ("has neither an image nor a build context"), or joins a network the
 * file does not define ("service x refers to undefined network y", compose-go loader/validate.go;
 * `default` is compose's own).
 */
export function isOverrideFragment(file: Pick<ComposeFile, 'services' | 'networks'>): boolean {
  const defined = new Set(['default', ...file.networks.map((n) => n.key)]);
  return file.services.some(
    (s) =>
      (!s.image && !s.build && !s.extends) || s.networks.some((n) => !n.value.includes('$') && !defined.has(n.value)),
  );
}

/** One project of a folder's compose files; `only` the file whose findings it reports. */
export interface FolderProject {
  files: string[];
  only?: string;
}

/**
 * The projects compose files of one folder form, as the editor groups them: any of them among
 * the folder's default files (folderDefaultFiles) means that default project; every other file
 * is a project of its own (`docker compose -f file`), over the base file when it is an override
 * fragment, reporting that file's findings only (the base reports in its own project). The base
 * is the first default file (`-f compose.yml -f compose.prod.yml`, without the override), or the
 * whole default project when that first file lacks a service the fragment overrides (a
 * COMPOSE_FILE list whose first entry holds the tests only): `servicesOf` names a file's services.
 */
export function folderProjects(
  files: string[],
  defaults: string[],
  fragment: (file: string) => boolean,
  servicesOf?: (file: string) => readonly string[],
): FolderProject[] {
  const out: FolderProject[] = [];
  if (files.some((f) => defaults.includes(f))) out.push({ files: defaults });
  for (const file of files) {
    if (defaults.includes(file)) continue;
    const base = defaults[0];
    if (base === undefined || !fragment(file)) {
      out.push({ files: [file] });
      continue;
    }
    const first = new Set(servicesOf?.(base) ?? []);
    const covered = !servicesOf || servicesOf(file).every((name) => first.has(name));
    out.push({ files: [...(covered ? [base] : defaults), file], only: file });
  }
  return out;
}
