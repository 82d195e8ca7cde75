// Which variables each compose file of the project is interpolated with. The files given (-f,
// the defaults) use the project's environment; an included project uses the including one's
// variables, then its own env files for the names still unset (compose spec 14-include.md
// `env_file`: "defaults to the .env file in the project_directory"; compose-go
// loader/include.go ApplyInclude). A file reached twice keeps the first environment it got.
import * as path from 'path';
import { includedEnvironment, type Environment } from '../env';
import type { LoadedProject } from './load';

export interface FileEnvironments {
  /** The environment `file` is interpolated with (the project's for files no include loads). */
  of(file: string): Environment;
  /** The environments includes added, in load order (their env files may have problems of their own). */
  included: Environment[];
}

export function fileEnvironments(
  load: LoadedProject,
  root: Environment,
  read: ((file: string) => string | undefined) | undefined,
): FileEnvironments {
  const byFile = new Map<string, Environment>();
  const included: Environment[] = [];
  const of = (file: string): Environment => byFile.get(file) ?? root;
  for (const include of load.includes) {
    const parent = of(include.file);
    // `/dev/null` reads as no file (ApplyInclude skips it); no env_file: the project directory's .env, if any.
    const named = include.envFiles.length > 0;
    const names = named
      ? include.envFiles.filter((f) => f !== '/dev/null')
      : [path.join(include.projectDirectory, '.env')];
    const files = names.flatMap((file) => {
      const text = read?.(file);
      return text === undefined ? [] : [{ file, text }];
    });
    const env = includedEnvironment(parent, files);
    if (env !== parent) included.push(env);
    for (const file of include.files) if (!byFile.has(file)) byFile.set(file, env);
  }
  return { of, included };
}
