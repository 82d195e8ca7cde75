// Runs a decided scale: the compose CLI without a shell (cancellable), or a Swarm service
// update through dockerode. Never rejects: the outcome, with compose's own error, is data.
import { composeError, runCompose } from '../docker/compose';
import type { DockerClient } from '../docker/client';
import type { ScaleRun } from './plan';
import { errorMessage } from '../../server/src/analysis/errors';

export interface ScaleOutcome {
  ok: boolean;
  cancelled: boolean;
  /** Everything the command printed. */
  output: string;
  /** For a failure: compose's (or Docker's) error line. */
  error?: string;
}

export interface ExecuteOptions {
  /** Environment of the compose CLI (DOCKER_HOST from gatewayLens.docker.host). */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onOutput?: (text: string) => void;
  /** For Swarm services. */
  docker?: DockerClient;
}

export async function executeScale(run: ScaleRun, options: ExecuteOptions = {}): Promise<ScaleOutcome> {
  if (run.kind === 'swarm') {
    if (!options.docker) return { ok: false, cancelled: false, output: '', error: 'Docker is not connected' };
    try {
      await options.docker.scaleSwarmService(run.id, run.replicas);
      return { ok: true, cancelled: false, output: '' };
    } catch (err) {
      const error = errorMessage(err);
      options.onOutput?.(`${error}\n`);
      return { ok: false, cancelled: false, output: error, error };
    }
  }
  const r = await runCompose(run.cli, run.args, {
    cwd: run.cwd,
    env: options.env,
    signal: options.signal,
    onOutput: options.onOutput,
  });
  if (r.cancelled) return { ok: false, cancelled: true, output: r.output };
  if (r.code === 0) return { ok: true, cancelled: false, output: r.output };
  return { ok: false, cancelled: false, output: r.output, error: composeError(r.output) };
}
