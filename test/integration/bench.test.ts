// The benchmark's harness runs once on the 10-service file so it cannot rot (no timing is
// asserted: figures live in `npm run bench`, not in tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { built, ROOT } from '../support/build';

test('bench: both servers answer on the 10-service file and results.json is complete', { timeout: 180_000 }, () => {
  built('server.js');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-bench-')), 'results.json');
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--sizes', '10', '--edits', '4', '--out', out], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 170_000,
  });
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    rows: {
      services: number;
      ours: { coldMs: number; edits: Record<string, { p95: number; cpuMs: number; routerJudgements: number }> };
      theirs: { coldMs: number };
      ratios: Record<string, number>;
    }[];
    memory: { rssMB: number; rssAfterEditsMB: number };
    client: { bytes: number; dockerode: boolean; loadMs: number };
    targets: Record<string, { met: boolean }>;
  };
  assert.equal(result.rows.length, 1);
  const [row] = result.rows;
  assert.equal(row.services, 10);
  const editP95 = ['rule', 'port', 'middlewares', 'outside'].map((k) => row.ours.edits[k].p95);
  const figures = [row.ours.coldMs, row.theirs.coldMs, ...editP95, row.ratios.cold, row.ratios.labelEditP95];
  for (const v of [...figures, result.memory.rssMB, result.memory.rssAfterEditsMB]) {
    assert.ok(Number.isFinite(v) && v > 0, `a measured figure: ${v}`);
  }
  // The server's engine counters (gatewayLens/engineCounters): a port edit judges no router pair.
  for (const k of ['rule', 'port', 'middlewares', 'outside'])
    assert.ok(Number.isFinite(row.ours.edits[k].routerJudgements), `${k}: router judgements counted`);
  assert.equal(row.ours.edits.port.routerJudgements, 0);
  assert.ok('activation' in result.targets);
  assert.ok(result.client.bytes > 0 && result.client.loadMs > 0, 'the client bundle was measured');
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
});
