// The figures as words: one short line per router/service (the CodeLens and the Gateway view
// rows say the same thing), and the text/JSON of `gateway-lens metrics`.
import type { Figures, MetricsView } from './rates';

export function round(n: number): string {
  if (n === 0) return '0';
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1).replace(/\.0$/, '');
  return n.toFixed(2).replace(/\.?0+$/, '');
}

/** `12.4 req/s · p95 38 ms · 0 5xx/min` */
export function figuresLine(f: Figures | undefined): string {
  if (!f) return 'no traffic';
  const p95 = f.p95Ms === undefined ? 'p95 -' : `p95 ${round(f.p95Ms)} ms`;
  return `${round(f.reqPerSec)} req/s · ${p95} · ${round(f.errorsPerMin)} 5xx/min`;
}

export function renderMetricsText(v: MetricsView, source: string): string {
  const out = [`Metrics from ${source}${v.version ? ` (Traefik ${v.version} names)` : ''}`];
  out.push(
    v.seconds > 0
      ? `rates over the last ${round(v.seconds)} s, p95 over up to 5 min`
      : 'one scrape so far: rates need a second one (use --interval)',
  );
  const section = (title: string, rows: Map<string, Figures & { openConnections?: number }>): void => {
    out.push('', title);
    if (rows.size === 0) out.push('  (none)');
    for (const [name, f] of rows) {
      const conns = f.openConnections !== undefined ? ` · ${f.openConnections} open connections` : '';
      out.push(`  ${name}  ${figuresLine(f)}${conns}`);
    }
  };
  section('Entry points', v.entryPoints);
  section('Routers', v.routers);
  section('Services', v.services);
  if (v.missing.length) out.push('', ...v.missing.map((m) => `note: ${m}`));
  for (const p of v.problems.slice(0, 5)) out.push(`warning: line ${p.line} of the exposition: ${p.message}`);
  return out.join('\n') + '\n';
}

export function renderMetricsJson(v: MetricsView, source: string): string {
  const rows = (m: Map<string, object>) => Object.fromEntries(m);
  return (
    JSON.stringify(
      {
        source,
        at: new Date(v.at).toISOString(),
        seconds: v.seconds,
        version: v.version,
        entryPoints: rows(v.entryPoints),
        routers: rows(v.routers),
        services: rows(v.services),
        missing: v.missing,
        problems: v.problems,
      },
      null,
      2,
    ) + '\n'
  );
}
