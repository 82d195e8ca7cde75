// What a scale request turns into, decided as plain data before anything runs: the replica
// count is validated, a service compose cannot scale is refused with the reason, fixed host
// ports are warned about, and the exact compose command line is built. The compose files are
// read by the language server (gatewayLens/scalePlan answers the plan); no vscode here.
import type { ScalePlanAnswer, ScalePlanParams } from '../../server/src/protocol';
import { scaleArgs, type ComposeCli } from '../docker/compose';
import type { SwarmService } from '../docker/types';
import type { LiveComposeService, LiveModel } from '../model';

/** A compose service as the containers' labels name it, or a Swarm service. */
export type ScaleTarget =
  | {
      kind: 'compose';
      project: string;
      service: string;
      /** com.docker.compose.project.config_files of its containers. */
      configFiles: string[];
      workingDir?: string;
      /** Replicas now (desired, else the containers that exist). */
      current: number;
    }
  | { kind: 'swarm'; id: string; service: string; current: number };

export type ScaleRun =
  | { kind: 'compose'; cli: ComposeCli; args: string[]; cwd?: string; line: string }
  | { kind: 'swarm'; id: string; service: string; replicas: number; line: string };

export type ScaleDecision =
  { refuse: string } | { refuse?: undefined; warnings: string[]; replicas: number; target: ScaleTarget; run: ScaleRun };

/** Why the text is not a replica count from 0 to max, or undefined when it is one. */
export function replicasError(text: string, max: number): string | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > max)
    return `Enter a whole number from 0 to ${max} (gatewayLens.scale.maxReplicas).`;
  return undefined;
}

export function parseReplicas(text: string, max: number): number | undefined {
  return replicasError(text, max) === undefined ? Number(text.trim()) : undefined;
}

/** The count after a +1/-1 step; undefined when it would leave 0..max. */
export function stepReplicas(current: number, delta: number, max: number): number | undefined {
  const n = current + delta;
  return n >= 0 && n <= max ? n : undefined;
}

export function composeTarget(g: LiveComposeService): Extract<ScaleTarget, { kind: 'compose' }> {
  return {
    kind: 'compose',
    project: g.project,
    service: g.service,
    configFiles: g.configFiles,
    workingDir: g.workingDir,
    current: g.desired,
  };
}

export function swarmTarget(s: SwarmService): ScaleTarget {
  return { kind: 'swarm', id: s.id, service: s.name, current: s.replicas ?? 0 };
}

/**
 * Compose services Traefik balances ("Scale All Backend Services"): those whose containers feed
 * a service Traefik's API lists, Traefik's own container excepted.
 */
export function backendServices(model: LiveModel): LiveComposeService[] {
  const balanced = new Set(model.services.flatMap((s) => s.compose.map((c) => `${c.project}/${c.service}`)));
  return model.composeServices.filter(
    (g) =>
      balanced.has(`${g.project}/${g.service}`) &&
      !g.containers.some((c) => /(^|\/)traefik(:|@|$)/.test(c.image.replace(/^docker\.io\/(library\/)?/, ''))),
  );
}

/** What the server is asked for a compose target (gatewayLens/scalePlan). */
export function scalePlanParams(
  target: Extract<ScaleTarget, { kind: 'compose' }>,
  replicas: number,
  max: number,
): ScalePlanParams {
  return {
    project: target.project,
    service: target.service,
    configFiles: target.configFiles,
    ...(target.workingDir !== undefined ? { workingDir: target.workingDir } : {}),
    replicas,
    max,
  };
}

/** A command line as a shell would need it, for the output channel (nothing runs through a shell). */
export function commandLine(command: string, args: string[]): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [command, ...args].map(quote).join(' ');
}

export interface DecideOptions {
  max: number;
  /** The server's plan for a compose target; undefined when the language server did not answer. */
  plan?: ScalePlanAnswer;
  /** The compose CLI found on the machine (detectCompose), for compose targets. */
  cli?: ComposeCli;
}

export function decideScale(target: ScaleTarget, replicas: number, options: DecideOptions): ScaleDecision {
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > options.max) {
    return { refuse: `Replicas must be a whole number from 0 to ${options.max} (gatewayLens.scale.maxReplicas).` };
  }
  if (target.kind === 'swarm') {
    return {
      warnings: [],
      replicas,
      target,
      run: {
        kind: 'swarm',
        id: target.id,
        service: target.service,
        replicas,
        // Shown as the equivalent CLI; it runs as a service update through the Docker API.
        line: `${commandLine('docker', ['service', 'scale', `${target.service}=${replicas}`])} (Docker API)`,
      },
    };
  }
  const plan = options.plan;
  if (!plan) return { refuse: 'The Gateway Lens language server is not running; it reads the compose files to scale.' };
  if (plan.refuse !== undefined) return { refuse: plan.refuse };
  if (!options.cli) {
    return { refuse: 'Neither `docker compose` nor `docker-compose` runs on this machine; install one to scale.' };
  }
  const args = scaleArgs(options.cli, plan.files, plan.project, plan.service, replicas);
  return {
    warnings: plan.warnings,
    replicas,
    target,
    run: {
      kind: 'compose',
      cli: options.cli,
      args,
      cwd: plan.projectDirectory,
      line: commandLine(options.cli.command, args),
    },
  };
}
