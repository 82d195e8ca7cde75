// What compose interpolates a project with: the shell's environment over the env files (the
// project's `.env`, or each `--env-file` in order, later files winning), as compose-go's
// cli.GetEnvFromFile reads them (each file interpolated with the shell and the files before it).
import type { Range } from '../../types';
import { parseDotenv, type Dotenv } from './dotenv';
import type { Lookup } from './interpolate';

export * from './interpolate';
export * from './dotenv';
export * from './projectName';

export interface EnvironmentInput {
  /** The env files, in the order compose reads them. */
  files?: { file: string; text: string }[];
  /** The shell's variables (the CLI's process environment); the editor passes none. */
  shell?: Record<string, string | undefined>;
  /**
   * Whether a variable found nowhere is known to be unset. Default: when an env file was read
   * (the project says where its variables come from). Without that, an unknown variable may be
   * set where the project runs, and nothing is judged that depends on it.
   */
  complete?: boolean;
}

export interface Environment {
  lookup: Lookup;
  /** Whether `lookup` returning undefined means the variable is unset (not merely unknown). */
  complete: boolean;
  /**
   * Whether the shell's variables are known (the CLI's process environment): then a variable the
   * shell does not set is unset where compose runs, and a default is what compose uses. The
   * editor knows no shell.
   */
  shell: boolean;
  dotenv: Dotenv[];
  /** Where a variable's value comes from: the env file line, or the shell (no file). */
  origin(name: string): { file: string; range: Range } | 'shell' | undefined;
  /** A key that changes whenever a lookup may answer differently. */
  key: string;
}

export function readEnvironment(input: EnvironmentInput = {}): Environment {
  const shell = input.shell ?? {};
  const fromShell: Lookup = (name) => (Object.prototype.hasOwnProperty.call(shell, name) ? shell[name] : undefined);
  return environment(
    fromShell,
    () => 'shell',
    input.files ?? [],
    input.complete,
    Object.entries(shell).sort(),
    input.shell !== undefined,
  );
}

/**
 * What an included project is interpolated with (compose-go loader/include.go ApplyInclude): the
 * including project's variables, then those of the include's `env_file` (else the `.env` of its
 * project directory) for the names still unset (types.Mapping.Merge keeps what is set), each
 * env file read with the including project's variables first (dotenv.GetEnvFromFile).
 */
export function includedEnvironment(parent: Environment, files: { file: string; text: string }[]): Environment {
  if (files.length === 0) return parent;
  return environment(parent.lookup, parent.origin, files, parent.complete || undefined, parent.key, parent.shell);
}

function environment(
  first: Lookup,
  firstOrigin: (name: string) => ReturnType<Environment['origin']>,
  files: { file: string; text: string }[],
  complete: boolean | undefined,
  firstKey: unknown,
  shell: boolean,
): Environment {
  const values = new Map<string, string>();
  const dotenv: Dotenv[] = [];
  for (const f of files) {
    const parsed = parseDotenv(f.file, f.text, (name) => first(name) ?? values.get(name));
    dotenv.push(parsed);
    for (const [k, v] of parsed.values) values.set(k, v);
  }
  const lookup: Lookup = (name) => first(name) ?? values.get(name);
  const origin = (name: string): ReturnType<Environment['origin']> => {
    if (first(name) !== undefined) return firstOrigin(name);
    for (let i = dotenv.length - 1; i >= 0; i--) {
      const set = dotenv[i].variables.filter((v) => v.name === name && dotenv[i].values.has(name)).pop();
      if (set) return { file: dotenv[i].file, range: set.nameRange };
    }
    return undefined;
  };
  const isComplete = complete ?? dotenv.length > 0;
  const shown = [...values].map(([k, v]) => `${k}=${v}`);
  const key = JSON.stringify([isComplete, shown, firstKey, shell]);
  return { lookup, complete: isComplete, shell, dotenv, origin, key };
}
