// Where the figures come from: Traefik's own /metrics (scraped here, rates from successive
// scrapes), or a Prometheus server asked the seed's queries through its HTTP API
// (GET /api/v1/query, docs/prometheus/latest/querying/api.md). No vscode imports.
import { TraefikApi, type ApiOptions } from '../traefik/api';
import type { ApiState } from '../traefik/types';
import { MetricsHistory, type Figures, type MetricsView, type WindowOptions } from './rates';
import { readScrape, type Level } from './traefik';

export interface MetricsSourceOptions {
  /** Traefik's metrics URL (e.g. http://localhost:8080/metrics), credentials as for the API. */
  metrics?: ApiOptions;
  /** A Prometheus server (http://localhost:9090): when set, it is asked instead. */
  prometheus?: ApiOptions;
  window?: WindowOptions;
}

export type MetricsResult = { ok: true; view: MetricsView } | { ok: false; state: ApiState };

/** The default metrics URL: the API URL's /metrics (metrics.prometheus.entryPoint defaults to `traefik`, the API's). */
export function defaultMetricsUrl(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '') + '/metrics';
}

export class MetricsSource {
  readonly history = new MetricsHistory();
  private readonly traefik: TraefikApi | undefined;
  private readonly prometheus: TraefikApi | undefined;

  constructor(private readonly options: MetricsSourceOptions) {
    this.traefik = options.metrics ? new TraefikApi(options.metrics) : undefined;
    this.prometheus = options.prometheus ? new TraefikApi(options.prometheus) : undefined;
  }

  get url(): string {
    return (this.prometheus ?? this.traefik)?.url ?? '';
  }

  get kind(): 'prometheus' | 'traefik' {
    return this.prometheus ? 'prometheus' : 'traefik';
  }

  /** One scrape (or one round of queries); never rejects. */
  async read(now = Date.now): Promise<MetricsResult> {
    if (this.prometheus) return queryPrometheus(this.prometheus, now());
    if (!this.traefik) return { ok: false, state: { kind: 'unreachable', url: '', message: 'no metrics URL' } };
    const answer = await this.traefik.getText('');
    if (!answer.ok) return answer;
    const scrape = readScrape(answer.body, now());
    if (scrape.series.size === 0 && scrape.openConnections.size === 0 && !/^# (HELP|TYPE) /m.test(answer.body)) {
      return {
        ok: false,
        state: { kind: 'not-traefik', url: this.traefik.url, message: 'the answer has no Prometheus metrics' },
      };
    }
    this.history.add(scrape);
    return { ok: true, view: this.history.view(this.options.window)! };
  }
}

const QUERIES: Record<Level, { rate: string; p95: string; errors: string }> = {
  entrypoint: queries('entrypoint'),
  router: queries('router'),
  service: queries('service'),
};

/** The seed's four Grafana queries, broken down per entry point, router or service. */
function queries(level: Level): { rate: string; p95: string; errors: string } {
  return {
    rate: `sum by (${level}) (rate(traefik_${level}_requests_total[1m]))`,
    p95: `histogram_quantile(0.95, sum by (${level}, le) (rate(traefik_${level}_request_duration_seconds_bucket[5m])))`,
    errors: `sum by (${level}) (increase(traefik_${level}_requests_total{code=~"5.."}[1m]))`,
  };
}

interface Vector {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: { metric: Record<string, string>; value: [number, string] }[] };
}

async function queryPrometheus(api: TraefikApi, at: number): Promise<MetricsResult> {
  const view: MetricsView = {
    at,
    seconds: 60,
    entryPoints: new Map(),
    routers: new Map(),
    services: new Map(),
    missing: [],
    problems: [],
  };
  const maps: Record<Level, Map<string, Figures>> = {
    entrypoint: view.entryPoints,
    router: view.routers,
    service: view.services,
  };
  for (const level of Object.keys(QUERIES) as Level[]) {
    for (const [field, query] of Object.entries(QUERIES[level]) as ['rate' | 'p95' | 'errors', string][]) {
      const answer = await api.getText(`/api/v1/query?query=${encodeURIComponent(query)}`);
      if (!answer.ok) return answer;
      let parsed: Vector;
      try {
        parsed = JSON.parse(answer.body) as Vector;
      } catch {
        return { ok: false, state: { kind: 'not-traefik', url: api.url, message: 'not a Prometheus query answer' } };
      }
      if (parsed.status !== 'success' || !Array.isArray(parsed.data?.result)) {
        const message = parsed.error ?? 'not a Prometheus query answer';
        return { ok: false, state: { kind: 'not-traefik', url: api.url, message } };
      }
      for (const r of parsed.data.result) {
        const name = r.metric[level];
        const value = Number(r.value?.[1]);
        if (name === undefined) continue;
        const f = maps[level].get(name) ?? { reqPerSec: 0, requests: 0, errorsPerMin: 0 };
        if (field === 'rate') Object.assign(f, { reqPerSec: value, requests: Math.round(value * 60) });
        else if (field === 'p95') f.p95Ms = Number.isFinite(value) ? value * 1000 : undefined;
        else f.errorsPerMin = value;
        maps[level].set(name, f);
      }
    }
    if (maps[level].size === 0) view.missing.push(`Prometheus has no traefik_${level}_requests_total series`);
  }
  return { ok: true, view };
}
