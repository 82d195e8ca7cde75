// Which variables each compose file of the project is interpolated with. The files given (-f,
// the defaults) use the project's environment; an included project uses the including one's
// variables, then its own env files for the names still unset (compose spec 14-include.md
// `env_file`: "defaults to the .env file in the project_directory"; compose-go
// loader/include.go ApplyInclude), and so do the `include:` and `extends: file:` paths written in
// it. A file reached twice keeps the first environment it got.
import * as path from 'path';
import { includedEnvironment, type Environment } from '../env';
import type { IncludedProject, LoadedProject } from './load';

export interface FileEnvironments {
  /** The environment `file` is interpolated with (the project's for files no include loads). */
  of(file: string): Environment;
  /** The environments includes added, in load order (their env files may have problems of their own). */
  included: Environment[];
}

export function fileEnvironments(load: LoadedProject, root: Environment): FileEnvironments {
  const included = load.includes.flatMap((i) => (i.environment && i.environment !== root ? [i.environment] : []));
  return { of: (file) => load.environmentOf(file) ?? root, included: [...new Set(included)] };
}

/** What an include's files are interpolated with, given its including project's variables. */
export function includeEnvironment(
  include: Omit<IncludedProject, 'environment'>,
  parent: Environment,
  read: ((file: string) => string | undefined) | undefined,
): Environment {
  // `/dev/null` reads as no file (ApplyInclude skips it); no env_file: the project directory's .env, if any.
  const names =
    include.envFiles.length > 0
      ? include.envFiles.filter((f) => f !== '/dev/null')
      : [path.join(include.projectDirectory, '.env')];
  const files = names.flatMap((file) => {
    const text = read?.(file);
    return text === undefined ? [] : [{ file, text }];
  });
  return includedEnvironment(parent, files);
}
