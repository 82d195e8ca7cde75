// What a load test found: statuses, response times (min/avg/p95/max), the spread over the
// service's replicas with a percentage each, and the warnings that explain a bad spread.
import type { ComposeContainer } from '../docker/types';
import type { ApiService } from '../traefik/types';
import type { Attribution } from './attribution';
import type { LoadTestRun } from './run';

export interface ReplicaShare {
  /** The server URL (http://172.18.0.3:80), or the header value. */
  server: string;
  /** The compose container at that address, when known. */
  container?: string;
  requests: number;
  percent: number;
  status?: 'UP' | 'DOWN';
}

export interface LoadTestReport {
  router: string;
  service?: string;
  target: string;
  sent: number;
  cancelled: boolean;
  statuses: Record<string, number>;
  times?: { min: number; avg: number; p95: number; max: number };
  source: string;
  spread: ReplicaShare[];
  /** How the request was built (not a problem). */
  notes: string[];
  warnings: string[];
  requests: { index: number; status: number; ms: number; error?: string }[];
}

/** Nearest-rank percentile of measured times. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const WHY: Record<number, string> = {
  404: 'no router matched the request (Traefik answers 404 page not found): check the rule and the entry point',
  502: "Traefik could not reach the server (502 Bad Gateway): the container's port (loadbalancer.server.port) or network is wrong",
  503: 'the service has no healthy server (503)',
  504: 'the server did not answer in time (504 Gateway Timeout)',
};

export function buildReport(
  run: LoadTestRun,
  attribution: Attribution,
  service?: ApiService,
  containers: ComposeContainer[] = [],
): LoadTestReport {
  const { plan } = run;
  const statuses: Record<string, number> = {};
  for (const r of run.results) {
    const key = r.status === 0 ? 'no answer' : String(r.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const answered = run.results.filter((r) => r.status !== 0).map((r) => r.ms);
  const sorted = [...answered].sort((a, b) => a - b);
  const times = sorted.length
    ? {
        min: sorted[0],
        avg: sorted.reduce((a, b) => a + b, 0) / sorted.length,
        p95: percentile(sorted, 0.95),
        max: sorted[sorted.length - 1],
      }
    : undefined;
  const warnings: string[] = [];
  const servers = (service?.loadBalancer?.servers ?? []).map((s) => s.url ?? s.address ?? '').filter(Boolean);
  const spread: ReplicaShare[] = [];
  if (attribution.source !== 'none') {
    const counts = new Map(attribution.counts);
    // Every server Traefik balances over gets a row, so a starved one shows as 0.
    if (attribution.source === 'access-log') for (const s of servers) if (!counts.has(s)) counts.set(s, 0);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    for (const [server, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      spread.push({
        server,
        container: containerAt(server, containers),
        requests: n,
        percent: total ? (n / total) * 100 : 0,
        status: service?.serverStatus?.[server],
      });
    }
    for (const s of spread.filter((x) => x.requests === 0)) {
      warnings.push(
        `replica ${s.container ?? s.server} got no request${s.status === 'DOWN' ? ' (Traefik marks it DOWN)' : ''}`,
      );
    }
    if (attribution.unmatched > 0) {
      warnings.push(`${attribution.unmatched} request(s) were not found in the ${attribution.detail}`);
    }
  } else warnings.push(`the spread over the replicas cannot be seen: ${attribution.reason}`);
  const down = Object.entries(service?.serverStatus ?? {}).filter(([, s]) => s === 'DOWN');
  for (const [url] of down) {
    if (!spread.some((s) => s.server === url && s.requests === 0)) {
      warnings.push(`server ${url} is DOWN in Traefik's health check: it gets no traffic`);
    }
  }
  if (service?.loadBalancer?.sticky && !plan.keepCookies) {
    warnings.push(
      'the service has sticky sessions: browsers stay on one replica (this test sends no cookies, so it is spread)',
    );
  } else if (service?.loadBalancer?.sticky) {
    warnings.push('the service has sticky sessions and cookies are kept: every request is pinned to one replica');
  }
  for (const [code, why] of Object.entries(WHY)) {
    if (statuses[code]) warnings.push(`${statuses[code]} answer(s) ${code}: ${why}`);
  }
  if (statuses['no answer']) {
    const first = run.results.find((r) => r.status === 0);
    warnings.push(`${statuses['no answer']} request(s) got no answer: ${first?.error ?? 'unknown error'}`);
  }
  return {
    router: plan.router,
    service: plan.service,
    target: `${plan.tls ? 'https' : 'http'}://${plan.host}:${plan.port}${plan.path} (Host: ${plan.hostHeader})`,
    sent: run.results.length,
    cancelled: run.cancelled,
    statuses,
    times,
    source: attribution.source === 'none' ? 'none' : attribution.detail,
    spread,
    notes: plan.notes,
    warnings,
    requests: run.results.map((r) => ({ index: r.index + 1, status: r.status, ms: r.ms, error: r.error })),
  };
}

function containerAt(server: string, containers: ComposeContainer[]): string | undefined {
  let host: string;
  try {
    host = new URL(server).hostname;
  } catch {
    return undefined;
  }
  return containers.find((c) => c.addresses?.includes(host))?.name;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

export function renderReportText(r: LoadTestReport, verbose = true): string {
  const out = [`Load test of router ${r.router}${r.service ? ` -> ${r.service}` : ''}: ${r.target}`];
  if (verbose) {
    for (const q of r.requests) {
      out.push(`  #${q.index} ${q.status || 'ERR'} ${ms(q.ms)}${q.error ? ` ${q.error}` : ''}`);
    }
  }
  out.push(
    `${r.sent} request(s)${r.cancelled ? ' (cancelled)' : ''}: ${Object.entries(r.statuses)
      .map(([k, n]) => `${n} x ${k}`)
      .join(', ')}`,
  );
  if (r.times)
    out.push(
      `times: min ${ms(r.times.min)} · avg ${ms(r.times.avg)} · p95 ${ms(r.times.p95)} · max ${ms(r.times.max)}`,
    );
  if (r.spread.length) {
    out.push(`spread over the replicas (from the ${r.source}):`);
    const width = Math.max(...r.spread.map((s) => (s.container ?? s.server).length));
    for (const s of r.spread) {
      const bar = '#'.repeat(Math.round(s.percent / 5));
      out.push(
        `  ${(s.container ?? s.server).padEnd(width)}  ${String(s.requests).padStart(4)}  ${s.percent.toFixed(1).padStart(5)}%  ${bar}`,
      );
    }
  }
  for (const n of r.notes) out.push(`note: ${n}`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}
