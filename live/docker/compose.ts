// Runs the compose CLI without a shell: `docker compose` (v2) when present, else
// `docker-compose` (v1). Arguments are a list; service names come from the compose model.
import { execFile, spawn } from 'child_process';

export interface ComposeCli {
  command: string;
  /** Leading arguments: ['compose'] for the v2 plugin, [] for docker-compose v1. */
  prefix: string[];
  version: string;
}

export interface RunResult {
  code: number | null;
  output: string;
  cancelled: boolean;
}

function probe(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 10_000 }, (err, stdout) => resolve(err ? undefined : stdout.trim()));
  });
}

/** Finds the compose CLI: the v2 plugin first, then v1. Undefined when neither runs. */
export async function detectCompose(env: NodeJS.ProcessEnv = process.env): Promise<ComposeCli | undefined> {
  const v2 = await probe('docker', ['compose', 'version', '--short'], env);
  if (v2) return { command: 'docker', prefix: ['compose'], version: v2 };
  const v1 = await probe('docker-compose', ['version', '--short'], env);
  if (v1) return { command: 'docker-compose', prefix: [], version: v1 };
  return undefined;
}

/** `-f <files> -p <project> up -d --no-recreate --scale <svc>=<n> <svc>` */
export function scaleArgs(
  cli: ComposeCli,
  files: string[],
  project: string,
  service: string,
  replicas: number,
): string[] {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(service)) throw new Error(`not a compose service name: ${service}`);
  if (!Number.isInteger(replicas) || replicas < 0) throw new Error(`not a replica count: ${replicas}`);
  return [
    ...cli.prefix,
    ...files.flatMap((f) => ['-f', f]),
    '-p',
    project,
    'up',
    '-d',
    '--no-recreate',
    '--scale',
    `${service}=${replicas}`,
    service,
  ];
}

/** Runs the CLI, streaming its output; `signal` cancels it (SIGTERM). Never rejects. */
export function runCompose(
  cli: ComposeCli,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal; onOutput?: (text: string) => void },
): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let cancelled = false;
    const child = spawn(cli.command, args, { cwd: options.cwd, env: options.env ?? process.env, shell: false });
    const take = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      options.onOutput?.(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const abort = (): void => {
      cancelled = true;
      child.kill('SIGTERM');
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (err) => {
      options.signal?.removeEventListener('abort', abort);
      resolve({ code: null, output: output + err.message, cancelled });
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', abort);
      resolve({ code, output, cancelled });
    });
  });
}

/** Summaries that say that something failed, not what: v1's last line, progress rows. */
const GENERIC = /^Encountered errors while|\.\.\. (error|Error)$/;

/** The line of compose's output that says what failed, for the error message. */
export function composeError(output: string): string {
  const lines = output
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const specific = [...lines].reverse();
  const error =
    specific.find((l) => /^(ERROR:|Error response from daemon|Error:|error:|Error )/.test(l) && !GENERIC.test(l)) ??
    specific.find((l) => /error|denied|invalid|not found|conflict|no such/i.test(l) && !GENERIC.test(l));
  return error ?? lines[lines.length - 1] ?? 'compose failed without output';
}
