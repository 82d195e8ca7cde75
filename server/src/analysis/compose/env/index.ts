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
  dotenv: Dotenv[];
  /** Where a variable's value comes from: the env file line, or the shell (no file). */
  origin(name: string): { file: string; range: Range } | 'shell' | undefined;
  /** A key that changes whenever a lookup may answer differently. */
  key: string;
}

export function readEnvironment(input: EnvironmentInput = {}): Environment {
  const shell = input.shell ?? {};
  const fromShell: Lookup = (name) => (Object.prototype.hasOwnProperty.call(shell, name) ? shell[name] : undefined);
  const values = new Map<string, string>();
  const dotenv: Dotenv[] = [];
  for (const f of input.files ?? []) {
    const parsed = parseDotenv(f.file, f.text, (name) => fromShell(name) ?? values.get(name));
    dotenv.push(parsed);
    for (const [k, v] of parsed.values) values.set(k, v);
  }
  const lookup: Lookup = (name) => fromShell(name) ?? values.get(name);
  const origin = (name: string): ReturnType<Environment['origin']> => {
    if (fromShell(name) !== undefined) return 'shell';
    for (let i = dotenv.length - 1; i >= 0; i--) {
      const set = dotenv[i].variables.filter((v) => v.name === name && dotenv[i].values.has(name)).pop();
      if (set) return { file: dotenv[i].file, range: set.nameRange };
    }
    return undefined;
  };
  const complete = input.complete ?? dotenv.length > 0;
  const shown = [...values].map(([k, v]) => `${k}=${v}`);
  const key = JSON.stringify([complete, shown, Object.entries(shell).sort()]);
  return { lookup, complete, dotenv, origin, key };
}
