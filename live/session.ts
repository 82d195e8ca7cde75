// Keeps the live model fresh: asks Traefik on a timer (respecting the API client's back-off),
// follows Docker's events stream instead of polling containers, and tells listeners when the
// model changed. No vscode imports; the view and the commands subscribe to it.
import { DockerClient } from './docker/client';
import type { ComposeContainer, DockerState } from './docker/types';
import { TraefikApi, type ApiOptions } from './traefik/api';
import type { GatewaySnapshot } from './traefik/types';
import { buildLiveModel, type KnownComposeService, type LiveModel } from './model';
import { errorMessage } from '../server/src/analysis/errors';

export interface SessionOptions {
  api: ApiOptions;
  dockerHost?: string;
  /** Auto-refresh period of the Traefik API in ms; 0 turns it off. */
  intervalMs: number;
  /** Whether anyone looks (a Gateway view is visible): timed refreshes are skipped while not. */
  active?: () => boolean;
}

type Listener = (model: LiveModel) => void;

export class LiveSession {
  readonly api: TraefikApi;
  readonly docker: DockerClient;
  model: LiveModel | undefined;
  /** Replica counts the user asked for (service or project/service -> n), shown as "desired". */
  readonly desired = new Map<string, number>();
  /** Compose services scaled from the editor (project/service -> where they came from): shown even at 0 replicas. */
  readonly known = new Map<string, KnownComposeService>();
  private listeners: Listener[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopEvents: (() => void) | undefined;
  private snapshot: GatewaySnapshot | undefined;
  private containers: ComposeContainer[] = [];
  private dockerState: DockerState | undefined;
  private refreshing: Promise<void> | undefined;
  private disposed = false;

  constructor(private readonly options: SessionOptions) {
    this.api = new TraefikApi(options.api);
    this.docker = new DockerClient(options.dockerHost);
  }

  onChange(listener: Listener): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }

  /** Refreshes Traefik and Docker; concurrent calls share one refresh. Never rejects. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const [snapshot] = await Promise.all([this.api.snapshot(), this.refreshDocker(false)]);
    this.snapshot = snapshot;
    this.publish();
  }

  private async refreshDocker(publish: boolean): Promise<void> {
    this.dockerState = await this.docker.state();
    try {
      this.containers = this.dockerState.kind === 'connected' ? await this.docker.composeContainers() : [];
    } catch (err) {
      this.dockerState = {
        kind: 'unreachable',
        host: this.docker.host,
        message: errorMessage(err),
      };
      this.containers = [];
    }
    if (publish) this.publish();
  }

  /** Rebuilds the model from what is known (after `desired` or `known` changed). */
  publish(): void {
    if (this.disposed || !this.snapshot) return;
    this.model = buildLiveModel(this.snapshot, this.containers, this.dockerState, this.desired, [
      ...this.known.values(),
    ]);
    for (const l of this.listeners) l(this.model);
  }

  /** Starts the timer and the Docker events subscription; resolves once subscribed (or failed). */
  start(): Promise<void> {
    this.schedule();
    return this.subscribe();
  }

  private schedule(): void {
    if (this.options.intervalMs <= 0 || this.disposed) return;
    const wait = Math.max(this.options.intervalMs, this.api.backoffRemaining());
    this.timer = setTimeout(() => {
      if (this.options.active?.() === false) this.schedule();
      else void this.refresh().finally(() => this.schedule());
    }, wait);
    this.timer.unref?.();
  }

  private async subscribe(): Promise<void> {
    if (this.disposed) return;
    let pending: NodeJS.Timeout | undefined;
    try {
      this.stopEvents = await this.docker.watch(
        () => {
          // Replicas come and go in bursts during a scale: coalesce them.
          clearTimeout(pending);
          pending = setTimeout(() => void this.refreshDocker(true), 150);
        },
        () => {
          // The stream broke (daemon restart): try again later.
          this.stopEvents = undefined;
          if (!this.disposed) setTimeout(() => void this.subscribe(), 5000).unref?.();
        },
      );
    } catch {
      if (!this.disposed) setTimeout(() => void this.subscribe(), 10_000).unref?.();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.stopEvents?.();
    this.listeners = [];
  }
}
