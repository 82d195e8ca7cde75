// When to read Traefik's metrics: only while something shows the figures (the Gateway view,
// the Gateway Metrics panel, or, with the CodeLens on, a visible compose file with routers),
// and not at all otherwise. No vscode imports: the view feeds it what is visible.

export interface Watchers {
  /** The Routers or Services view of the Gateway container is visible. */
  gatewayView: boolean;
  /** The Gateway Metrics panel is open (visible or not: its charts need the history). */
  panel: boolean;
  /** gatewayLens.metrics.codeLens. */
  codeLens: boolean;
  /** Visible editors' document uris. */
  visibleEditors: readonly string[];
  /** Compose files known to hold router rule labels (the CodeLens has something to show there). */
  filesWithRouters: ReadonlySet<string>;
}

export function shouldPoll(w: Watchers): boolean {
  if (w.gatewayView || w.panel) return true;
  return w.codeLens && w.visibleEditors.some((uri) => w.filesWithRouters.has(uri));
}

/** setTimeout/clearTimeout by default; tests pass a clock they drive. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  set: (run, ms) => {
    const t = setTimeout(run, ms);
    t.unref?.();
    return t;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface PollerOptions {
  /** One read (scrape or queries); never rejects. */
  read: () => Promise<void>;
  wanted: () => boolean;
  intervalMs: () => number;
  timers?: Timers;
}

/**
 * Reads at once when the figures become wanted, then every interval while they stay wanted;
 * stops as soon as they are not (checked at every tick and on every wake()).
 */
export class MetricsPoller {
  private timer: unknown;
  private reading: Promise<void> | undefined;
  private disposed = false;
  private readonly timers: Timers;

  constructor(private readonly options: PollerOptions) {
    this.timers = options.timers ?? REAL_TIMERS;
  }

  get polling(): boolean {
    return this.timer !== undefined || this.reading !== undefined;
  }

  /** Something visible changed: start (reading now) or stop. */
  wake(): void {
    if (this.disposed) return;
    if (!this.options.wanted()) return this.stop();
    if (this.polling) return;
    void this.tick();
  }

  /** Reads now when wanted (a setting changed, the user asked); the schedule goes on from here. */
  async readNow(): Promise<void> {
    if (this.disposed || !this.options.wanted()) return;
    await this.reading;
    this.stop();
    await this.tick();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.disposed || !this.options.wanted()) return;
    this.reading = this.options.read().catch(() => undefined);
    await this.reading;
    this.reading = undefined;
    if (this.disposed || !this.options.wanted() || this.timer !== undefined) return;
    this.timer = this.timers.set(() => void this.tick(), Math.max(1000, this.options.intervalMs()));
  }

  private stop(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }
}
