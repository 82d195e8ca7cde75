// Docker through dockerode: compose containers grouped by project/service, live updates from
// the events stream (not polling), Swarm services on a manager. Failures become DockerState.
import type Docker from 'dockerode';
import type { Readable } from 'stream';
import {
  COMPOSE_FILES,
  COMPOSE_NUMBER,
  COMPOSE_PROJECT,
  COMPOSE_SERVICE,
  COMPOSE_WORKDIR,
  type ComposeContainer,
  type ContainerEvent,
  type DockerState,
  type SwarmService,
} from './types';
import { errorMessage } from '../../server/src/analysis/errors';

/** dockerode options for a DOCKER_HOST-style address (unix://, tcp://, npipe://) or a socket path. */
export function dockerOptions(host: string | undefined): Docker.DockerOptions & { label: string } {
  const address = host && host.trim() !== '' ? host.trim() : defaultHost();
  if (address.startsWith('unix://')) return { socketPath: address.slice('unix://'.length), label: address };
  if (address.startsWith('npipe://')) return { socketPath: address.slice('npipe://'.length), label: address };
  if (address.startsWith('/')) return { socketPath: address, label: `unix://${address}` };
  const url = new URL(address.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375), protocol: 'http', label: address };
}

function defaultHost(): string {
  if (process.env.DOCKER_HOST) return process.env.DOCKER_HOST;
  return process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

export class DockerClient {
  readonly docker: Docker;
  readonly host: string;

  constructor(host?: string) {
    const { label, ...options } = dockerOptions(host);
    this.host = label;
    // dockerode (ssh2 under it: ~160 ms of CPU to load) is required when a client is made, so a
    // CLI command that never talks to Docker (`check`) does not load it though cli.js bundles it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Dockerode = require('dockerode') as typeof Docker;
    this.docker = new Dockerode(options);
  }

  async state(): Promise<DockerState> {
    try {
      const version = await this.docker.version();
      const info = (await this.docker.info()) as { Swarm?: { ControlAvailable?: boolean } };
      return {
        kind: 'connected',
        host: this.host,
        version: version.Version,
        swarmManager: Boolean(info.Swarm?.ControlAvailable),
      };
    } catch (err) {
      return { kind: 'unreachable', host: this.host, message: errorMessage(err) };
    }
  }

  /** Containers created by compose (all states), optionally of one project. */
  async composeContainers(project?: string): Promise<ComposeContainer[]> {
    const label = project ? [`${COMPOSE_PROJECT}=${project}`] : [COMPOSE_PROJECT];
    const list = await this.docker.listContainers({ all: true, filters: { label } });
    return list.map((c) => {
      const labels = c.Labels ?? {};
      return {
        id: c.Id,
        name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''),
        project: labels[COMPOSE_PROJECT] ?? '',
        service: labels[COMPOSE_SERVICE] ?? '',
        number: Number(labels[COMPOSE_NUMBER] ?? '1'),
        state: c.State,
        health: healthOf(c.Status),
        image: c.Image,
        labels,
        configFiles: (labels[COMPOSE_FILES] ?? '').split(',').filter((f) => f !== ''),
        workingDir: labels[COMPOSE_WORKDIR],
        addresses: Object.values(c.NetworkSettings?.Networks ?? {})
          .map((n) => n.IPAddress)
          .filter((a) => a !== ''),
      };
    });
  }

  async swarmServices(): Promise<SwarmService[]> {
    const services = await this.docker.listServices();
    return services.map((s) => {
      const spec = s.Spec ?? {};
      const labels = (spec.Labels ?? {}) as Record<string, string>;
      return {
        id: s.ID ?? '',
        name: spec.Name ?? '',
        stack: labels['com.docker.stack.namespace'],
        replicas: spec.Mode?.Replicated?.Replicas,
        labels,
      };
    });
  }

  /** Sets a replicated Swarm service's replica count (service update with the current version). */
  async scaleSwarmService(id: string, replicas: number): Promise<void> {
    const service = this.docker.getService(id);
    const current = await service.inspect();
    const spec = { ...current.Spec, Mode: { Replicated: { Replicas: replicas } } };
    await service.update({ ...spec, version: current.Version.Index });
  }

  /**
   * Calls `onEvent` for every container start/die/destroy/health change of compose containers
   * until the returned function is called. `onClose` reports a broken stream.
   */
  async watch(onEvent: (e: ContainerEvent) => void, onClose: (err?: Error) => void): Promise<() => void> {
    const stream = (await this.docker.getEvents({
      filters: {
        type: ['container'],
        event: ['create', 'start', 'die', 'stop', 'destroy', 'health_status'],
        label: [COMPOSE_PROJECT],
      },
    })) as unknown as Readable;
    let buffer = '';
    let stopped = false;
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line === '') continue;
        try {
          const e = JSON.parse(line) as {
            Action?: string;
            id?: string;
            Actor?: { ID?: string; Attributes?: Record<string, string> };
          };
          const attrs = e.Actor?.Attributes ?? {};
          onEvent({
            action: (e.Action ?? '').split(':')[0],
            id: e.Actor?.ID ?? e.id ?? '',
            project: attrs[COMPOSE_PROJECT],
            service: attrs[COMPOSE_SERVICE],
          });
        } catch {
          // a partial or foreign line: ignore
        }
      }
    });
    stream.on('error', (err: Error) => !stopped && onClose(err));
    stream.on('end', () => !stopped && onClose());
    return () => {
      stopped = true;
      stream.destroy();
    };
  }
}

/** `Up 5 minutes (healthy)` -> healthy. */
function healthOf(status: string | undefined): string | undefined {
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(status ?? '');
  if (!m) return undefined;
  return m[1] === 'health: starting' ? 'starting' : m[1];
}
