// Label edits through the engine alone (no LSP): for each kind, type one character at the
// bench's edit point of the middle service, then delete it, `n` times each, on a file of `size`
// services. Reports wall time, CPU time (process.cpuUsage: less sensitive to a loaded machine)
// and memory after each kind: heapUsed after a full GC (what the engine retains) and rss.
// Usage: node --expose-gc --import tsx bench/engineEdits.ts [size] [n] [--only rule,outside,...]
//   [--snapshot FILE] (a heap snapshot after the edits; summarise it with bench/heapSummary.mjs)
//   [--by-query] (each kind's runs and verifications per edit by query, the largest first)
// Per kind it also reports the engine's query runs and memo verifications per edit: what an edit
// costs in the engine's own terms, steady on a loaded machine where milliseconds are not.
import { performance } from 'perf_hooks';
import { writeHeapSnapshot } from 'v8';
import { Analyzer } from '../server/src/analysis';
import { EDIT_KINDS, editPoint, middleService } from './edits';
import { composeFile } from './generate';

const args = process.argv.slice(2);
const snapshotAt = args.indexOf('--snapshot');
const snapshot = snapshotAt >= 0 ? args.splice(snapshotAt, 2)[1] : undefined;
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1].split(',') : undefined;
const byQueryAt = args.indexOf('--by-query');
const byQuery = byQueryAt >= 0 && args.splice(byQueryAt, 1).length > 0;
const size = Number(args[0] ?? 1000);
const n = Number(args[1] ?? 50);
const file = '/bench/docker-compose.yml';
const base = composeFile(size);
const analyzer = new Analyzer({ countByKey: byQuery });
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const memory = (): string => {
  gc?.();
  const m = process.memoryUsage();
  return gc ? `heap ${mb(m.heapUsed)} MB, rss ${mb(m.rss)} MB` : `rss ${mb(m.rss)} MB (run with --expose-gc for heap)`;
};
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// A check's query is named per project ("undefined-service per container of 3|/bench/..."): grouped without it.
const group = (name: string): string => name.replace(/ of \d\|.*$/s, '').replace(/^(\S+\n)?/, '');
const work = (): { runs: Map<string, number>; checks: Map<string, number> } => {
  const { executions, verifications } = analyzer.engineWork();
  const sum = (counts: Record<string, number>): Map<string, number> => {
    const out = new Map<string, number>();
    for (const [name, n] of Object.entries(counts)) out.set(group(name), (out.get(group(name)) ?? 0) + n);
    return out;
  };
  return { runs: sum(executions), checks: sum(verifications) };
};
const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const delta = (after: Map<string, number>, before: Map<string, number>, per: number): [string, number][] =>
  [...after]
    .map(([k, v]): [string, number] => [k, (v - (before.get(k) ?? 0)) / per])
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]);
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];

const t0 = performance.now();
const c0 = cpuMs();
analyzer.analyze({ files: [{ file, text: base }] });
const rows: string[] = [
  `${size} services, cold ${(performance.now() - t0).toFixed(0)} ms (cpu ${(cpuMs() - c0).toFixed(0)} ms); ${memory()}`,
];
// 'above': a character typed into the Traefik service's --api.insecure flag (the first service), which moves every other service.
const above = { offset: base.indexOf('--api.insecure=true') + 2, char: 'x' };
for (const kind of [...EDIT_KINDS, 'above' as const].filter((k) => !only || only.includes(k))) {
  const at = kind === 'above' ? above : editPoint(base, kind, middleService(size));
  const typed = base.slice(0, at.offset) + at.char + base.slice(at.offset);
  const times: number[] = [];
  const work0 = work();
  const cpu0 = cpuMs();
  for (let i = 0; i < n; i++) {
    for (const text of [typed, base]) {
      const t = performance.now();
      analyzer.analyze({ files: [{ file, text }] });
      times.push(performance.now() - t);
    }
  }
  const cpu = (cpuMs() - cpu0) / times.length;
  const work1 = work();
  const runs = (total(work1.runs) - total(work0.runs)) / times.length;
  const checks = (total(work1.checks) - total(work0.checks)) / times.length;
  rows.push(
    `${kind}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, cpu ${cpu.toFixed(1)} ms/edit, ` +
      `${runs.toFixed(0)} runs and ${checks.toFixed(0)} verifications/edit; ${memory()}`,
  );
  if (byQuery) {
    const top = (rows: [string, number][]): string =>
      rows
        .slice(0, 60)
        .map(([k, v]) => `    ${v.toFixed(1).padStart(8)}  ${k}`)
        .join('\n');
    rows.push(`  runs/edit:\n${top(delta(work1.runs, work0.runs, times.length))}`);
    rows.push(`  verifications/edit:\n${top(delta(work1.checks, work0.checks, times.length))}`);
  }
}
console.log(rows.join('\n'));
if (snapshot) console.log(`snapshot ${writeHeapSnapshot(snapshot)}`);
