// Label edits through the engine alone (no LSP): for each kind, type one character at the
// bench's edit point of the middle service, then delete it, `n` times each, on a file of `size`
// services. Reports wall time, CPU time (process.cpuUsage: less sensitive to a loaded machine)
// and memory after each kind: heapUsed after a full GC (what the engine retains) and rss.
// Usage: node --expose-gc --import tsx bench/engineEdits.ts [size] [n] [--only rule,outside,...]
//   [--snapshot FILE] (a heap snapshot after the edits; summarise it with bench/heapSummary.mjs)
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
const size = Number(args[0] ?? 1000);
const n = Number(args[1] ?? 50);
const file = '/bench/docker-compose.yml';
const base = composeFile(size);
const analyzer = new Analyzer();
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
  const cpu0 = cpuMs();
  for (let i = 0; i < n; i++) {
    for (const text of [typed, base]) {
      const t = performance.now();
      analyzer.analyze({ files: [{ file, text }] });
      times.push(performance.now() - t);
    }
  }
  const cpu = (cpuMs() - cpu0) / times.length;
  rows.push(
    `${kind}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, cpu ${cpu.toFixed(1)} ms/edit; ${memory()}`,
  );
}
console.log(rows.join('\n'));
if (snapshot) console.log(`snapshot ${writeHeapSnapshot(snapshot)}`);
