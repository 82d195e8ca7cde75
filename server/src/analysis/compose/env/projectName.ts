// The compose project name, in docker compose's order (docs.docker.com/compose/how-tos/project-name/):
// `-p`, then COMPOSE_PROJECT_NAME (the shell's environment, then the project's .env), then the
// top-level `name:` of the last file that sets one (interpolated), then the project folder's name.
// A name given with -p or COMPOSE_PROJECT_NAME must already be valid (compose-go refuses it
// otherwise: InvalidProjectNameErr); `name:` and the folder name are normalised
// (compose-go loader.NormalizeProjectName: lower case, only [a-z0-9_-], no leading `_` or `-`).
import * as path from 'path';
import type { Lookup } from './interpolate';

export type ProjectNameSource = 'flag' | 'environment' | 'name' | 'folder';

export interface ProjectName {
  name: string;
  source: ProjectNameSource;
  /** Set when compose refuses the name (an explicit one that is not valid, or an empty one). */
  problem?: string;
}

export interface ProjectNameInput {
  /** `-p` / `--project-name`. */
  flag?: string;
  /** The environment compose interpolates with (shell first, then .env). */
  environment?: Lookup;
  /** The interpolated top-level `name:` values of the project's files, in load order. */
  names?: (string | undefined)[];
  /** The project directory (the first compose file's folder unless --project-directory). */
  folder: string;
}

export function normalizeProjectName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

const INVALID =
  'must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number';

export function projectName(input: ProjectNameInput): ProjectName {
  const explicit = (name: string, source: ProjectNameSource): ProjectName =>
    normalizeProjectName(name) === name && name !== ''
      ? { name, source }
      : { name: normalizeProjectName(name), source, problem: `invalid project name "${name}": ${INVALID}` };
  if (input.flag !== undefined && input.flag !== '') return explicit(input.flag, 'flag');
  const fromEnv = input.environment?.('COMPOSE_PROJECT_NAME');
  if (fromEnv !== undefined && fromEnv !== '') return explicit(fromEnv, 'environment');
  const named = [...(input.names ?? [])].reverse().find((n) => n !== undefined && n !== '');
  if (named !== undefined) {
    const name = normalizeProjectName(named);
    if (name !== '') return { name, source: 'name' };
  }
  const name = normalizeProjectName(path.basename(path.resolve(input.folder)));
  return name === ''
    ? {
        name,
        source: 'folder',
        problem: `project name must not be empty: the folder name "${path.basename(path.resolve(input.folder))}" has no letter or digit; set name: or COMPOSE_PROJECT_NAME`,
      }
    : { name, source: 'folder' };
}
