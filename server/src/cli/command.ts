// What every `gateway-lens` subcommand gets and returns: arguments in, an exit code out, and
// all output through `io` so tests can run commands in-process.
import { parseArgs, type ParseArgsConfig } from 'util';
import { readRegularFile } from '../readText';
import { errorMessage } from '../analysis/errors';

export { readProblem } from '../readText';

export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Throws (a Node error, or UnreadableFile for a device, FIFO or oversized file) when the file cannot be read. */
  readFile(file: string): string;
  /** The shell's environment (COMPOSE_FILE, COMPOSE_PROFILES, … and interpolation); none when absent. */
  env?: Record<string, string | undefined>;
}

export const nodeIo: Io = {
  cwd: process.cwd(),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readFile: (file) => readRegularFile(file),
  env: process.env,
};

/** Bad usage or unreadable input: reported in one line, exit status 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface Command {
  name: string;
  /** One line for `gateway-lens --help`. */
  summary: string;
  /** The full `gateway-lens <name> --help` text. */
  help: string;
  run(args: string[], io: Io): number | Promise<number>;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** node's parseArgs with positionals, its long explanation cut to a one-line UsageError. */
export function parseCommandArgs<O extends OptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (err) {
    const first = errorMessage(err).split(/\.\s/)[0].replace(/\.$/, '');
    throw new UsageError(first.charAt(0).toLowerCase() + first.slice(1));
  }
}

/** `--traefik-version`: v2, v3 or unset. */
export function traefikVersionOption(value: string | undefined): 'v2' | 'v3' | undefined {
  if (value !== undefined && value !== 'v2' && value !== 'v3') {
    throw new UsageError(`unknown Traefik version '${value}' (expected v2 or v3)`);
  }
  return value;
}
