// Figures from successive scrapes, as the seed's Grafana queries compute them from Prometheus:
//   req/s  sum(rate(traefik_<level>_requests_total[1m])) by <level>
//   p95    histogram_quantile(0.95, sum(rate(traefik_<level>_request_duration_seconds_bucket[5m])) by (le))
//   5xx    sum(increase(traefik_<level>_requests_total{code=~"5.."}[1m])) by <level>
// Increases are taken per series between consecutive scrapes and then summed (sum of rates, as
// in PromQL). A value lower than the one before is a counter reset (Traefik restarted): the
// increase is the new value, as Prometheus' rate() counts it. A series missing from the
// earlier scrape counts from 0: Traefik creates a series at its first request.
import { histogramQuantile } from './quantile';
import { LEVELS, levelsPresent, type Level, type Scrape, type Series } from './traefik';

export interface Figures {
  /** Requests per second over the rate window. */
  reqPerSec: number;
  /** Requests counted over the rate window. */
  requests: number;
  /** 5xx answers over the rate window, per minute. */
  errorsPerMin: number;
  /** 95th percentile of the request duration over the quantile window, in ms; undefined without requests. */
  p95Ms?: number;
}

export interface MetricsView {
  at: number;
  /** Seconds actually covered by the rate window (0 with a single scrape). */
  seconds: number;
  version?: 'v2' | 'v3';
  entryPoints: Map<string, Figures & { openConnections?: number }>;
  routers: Map<string, Figures & { service?: string }>;
  services: Map<string, Figures>;
  /** What cannot be shown, and the switch that enables it. */
  missing: string[];
  problems: { line: number; message: string }[];
}

export interface WindowOptions {
  rateMs?: number;
  quantileMs?: number;
}

const HINTS: Record<Level, string> = {
  entrypoint: 'no entry point metrics: metrics.prometheus.addEntryPointsLabels is off',
  router:
    'no router metrics: metrics.prometheus.addRoutersLabels is off (its default); router figures need it, set --metrics.prometheus.addrouterslabels=true',
  service: 'no service metrics: metrics.prometheus.addServicesLabels is off',
};

/** Keeps the scrapes of the last minutes and derives the figures. */
export class MetricsHistory {
  private scrapes: Scrape[] = [];

  constructor(private readonly keepMs = 10 * 60_000) {}

  add(scrape: Scrape): void {
    this.scrapes.push(scrape);
    const oldest = scrape.at - this.keepMs;
    while (this.scrapes.length > 2 && this.scrapes[0].at < oldest) this.scrapes.shift();
  }

  get latest(): Scrape | undefined {
    return this.scrapes[this.scrapes.length - 1];
  }

  get all(): readonly Scrape[] {
    return this.scrapes;
  }

  view(options: WindowOptions = {}, until = this.scrapes.length - 1): MetricsView | undefined {
    const last = this.scrapes[until];
    if (!last) return undefined;
    return viewOf(this.scrapes.slice(0, until + 1), options);
  }
}

/** The figures at the last scrape of `scrapes` (oldest first). */
export function viewOf(scrapes: readonly Scrape[], options: WindowOptions = {}): MetricsView {
  const last = scrapes[scrapes.length - 1];
  const rateWindow = within(scrapes, options.rateMs ?? 60_000);
  const quantileWindow = within(scrapes, options.quantileMs ?? 5 * 60_000);
  const seconds = (last.at - rateWindow[0].at) / 1000;
  const rate = increases(rateWindow);
  const slow = increases(quantileWindow);
  const figures = (level: Level, name: string): Figures => {
    const mine = rate.filter((d) => d.series.level === level && d.series.name === name && d.series.kind === 'requests');
    const requests = sum(mine.map((d) => d.increase));
    const errors = sum(mine.filter((d) => /^5\d\d$/.test(d.series.code ?? '')).map((d) => d.increase));
    const buckets = new Map<number, number>();
    for (const d of slow) {
      if (d.series.level !== level || d.series.name !== name || d.series.kind !== 'bucket') continue;
      buckets.set(d.series.le!, (buckets.get(d.series.le!) ?? 0) + d.increase);
    }
    const p95 = histogramQuantile(
      0.95,
      [...buckets].map(([le, count]) => ({ le, count })),
    );
    return {
      reqPerSec: seconds > 0 ? requests / seconds : 0,
      requests,
      errorsPerMin: seconds > 0 ? (errors / seconds) * 60 : 0,
      p95Ms: Number.isFinite(p95) ? p95 * 1000 : undefined,
    };
  };
  const names = (level: Level): string[] =>
    [...new Set([...last.series.values()].filter((s) => s.level === level).map((s) => s.name))].sort();
  const present = levelsPresent(last);
  const missing =
    present.size === 0
      ? [
          'no request metrics yet: no traffic since Traefik started, or metrics.prometheus.addEntryPointsLabels/addServicesLabels are off',
        ]
      : LEVELS.filter((l) => !present.has(l)).map((l) => HINTS[l]);
  return {
    at: last.at,
    seconds,
    version: last.version,
    entryPoints: new Map(
      names('entrypoint').map((n) => [
        n,
        { ...figures('entrypoint', n), openConnections: last.openConnections.get(n) },
      ]),
    ),
    routers: new Map(names('router').map((n) => [n, { ...figures('router', n), service: last.routerService.get(n) }])),
    services: new Map(names('service').map((n) => [n, figures('service', n)])),
    missing,
    problems: last.problems,
  };
}

/** The scrapes from the oldest one inside the window to the last (at least the last two when there are two). */
function within(scrapes: readonly Scrape[], ms: number): readonly Scrape[] {
  const last = scrapes[scrapes.length - 1];
  let first = scrapes.findIndex((s) => s.at >= last.at - ms);
  if (first === scrapes.length - 1 && scrapes.length > 1) first = scrapes.length - 2;
  return scrapes.slice(first);
}

function increases(scrapes: readonly Scrape[]): { series: Series; increase: number }[] {
  const out: { series: Series; increase: number }[] = [];
  for (let i = 1; i < scrapes.length; i++) {
    const before = scrapes[i - 1].series;
    for (const [key, s] of scrapes[i].series) {
      const prev = before.get(key)?.value ?? 0;
      out.push({ series: s, increase: s.value >= prev ? s.value - prev : s.value });
    }
  }
  return out;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
