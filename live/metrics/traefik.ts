// Traefik's Prometheus metrics, read out of one scrape. Names and label sets from
// pkg/observability/metrics/prometheus.go (v3) and pkg/metrics/prometheus.go (v2), and
// docs/content/observability/metrics/overview.md:
//   traefik_entrypoint_requests_total{code,method,protocol,entrypoint}
//   traefik_router_requests_total{code,method,protocol,router,service}
//   traefik_service_requests_total{code,method,protocol,service}
//   traefik_{entrypoint,router,service}_request_duration_seconds_bucket{...,le}
// The same in v2 and v3, except open connections: v2 has traefik_entrypoint_open_connections
// {method,protocol,entrypoint} (and router/service ones), v3 one traefik_open_connections
// {entrypoint,protocol}. Each family exists only when its switch is on:
// metrics.prometheus.addEntryPointsLabels (default true), addRoutersLabels (default false),
// addServicesLabels (default true); Traefik creates a series at its first request.
import { parseExposition, type Labels } from './exposition';

export type Level = 'entrypoint' | 'router' | 'service';
export const LEVELS: Level[] = ['entrypoint', 'router', 'service'];

/** One series' value, by a key unique within the scrape. */
export interface Series {
  level: Level;
  /** The entry point, router or service name (`api@docker`). */
  name: string;
  kind: 'requests' | 'bucket';
  code?: string;
  le?: number;
  value: number;
}

export interface Scrape {
  /** Milliseconds since the epoch, when the answer arrived. */
  at: number;
  series: Map<string, Series>;
  /** Open connections per entry point (a gauge: the latest value is the figure). */
  openConnections: Map<string, number>;
  /** v2 or v3 by the open-connections metric names, when either is present. */
  version?: 'v2' | 'v3';
  /** The router's service, from the router series' `service` label. */
  routerService: Map<string, string>;
  problems: { line: number; message: string }[];
}

const PREFIX: Record<Level, string> = {
  entrypoint: 'traefik_entrypoint_',
  router: 'traefik_router_',
  service: 'traefik_service_',
};

export function readScrape(text: string, at: number): Scrape {
  const parsed = parseExposition(text);
  const scrape: Scrape = {
    at,
    series: new Map(),
    openConnections: new Map(),
    routerService: new Map(),
    problems: parsed.problems,
  };
  for (const s of parsed.samples) {
    if (s.name === 'traefik_open_connections') {
      scrape.version = 'v3';
      addGauge(scrape, s.labels.entrypoint, s.value);
      continue;
    }
    if (s.name === 'traefik_entrypoint_open_connections') {
      scrape.version ??= 'v2';
      addGauge(scrape, s.labels.entrypoint, s.value);
      continue;
    }
    if (/^traefik_(router|service)_open_connections$/.test(s.name)) scrape.version ??= 'v2';
    for (const level of LEVELS) {
      const rest = s.name.startsWith(PREFIX[level]) ? s.name.slice(PREFIX[level].length) : undefined;
      const name = s.labels[level];
      if (rest === undefined || name === undefined) continue;
      if (rest === 'requests_total') {
        add(scrape, { level, name, kind: 'requests', code: s.labels.code, value: s.value }, s.labels);
      } else if (rest === 'request_duration_seconds_bucket' && s.labels.le !== undefined) {
        const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
        if (!Number.isNaN(le))
          add(scrape, { level, name, kind: 'bucket', code: s.labels.code, le, value: s.value }, s.labels);
      }
      if (level === 'router' && s.labels.service) scrape.routerService.set(name, s.labels.service);
    }
  }
  return scrape;
}

function addGauge(scrape: Scrape, entryPoint: string | undefined, value: number): void {
  if (entryPoint === undefined) return;
  scrape.openConnections.set(entryPoint, (scrape.openConnections.get(entryPoint) ?? 0) + value);
}

function add(scrape: Scrape, series: Series, labels: Labels): void {
  const key = `${series.level}|${series.kind}|${Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;
  scrape.series.set(key, series);
}

/** Which label families the scrape has series of. */
export function levelsPresent(scrape: Scrape): Set<Level> {
  const out = new Set<Level>();
  for (const s of scrape.series.values()) out.add(s.level);
  return out;
}
