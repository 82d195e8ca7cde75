// `gateway-lens loadtest` and `gateway-lens metrics` (dist/cli.js) against the gateway stand-in
// (test/support/gatewayStandIn.ts): every request goes to 127.0.0.1, at most a few dozen.
import { after, afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startStandIn, type StandIn, type StandInOptions } from '../../support/gatewayStandIn';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-loadtest-'));
let standIn: StandIn | undefined;

after(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  assert.ok(fs.existsSync(CLI), 'npm run build first (npm test does)');
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface Report {
  sent: number;
  statuses: Record<string, number>;
  times?: { min: number; avg: number; p95: number; max: number };
  source: string;
  spread: { server: string; requests: number; percent: number }[];
  notes: string[];
  warnings: string[];
  requests: { status: number }[];
}

async function loadtest(
  options: StandInOptions,
  extra: string[],
): Promise<{ code: number; report: Report; stderr: string }> {
  standIn = await startStandIn(options);
  const r = await cli([
    'loadtest',
    '--router',
    'users',
    '--api',
    standIn.api.url,
    '--gateway-host',
    '127.0.0.1',
    '--delay',
    '5',
    '--no-docker',
    '--format',
    'json',
    ...extra,
  ]);
  assert.ok(r.code !== 2, r.stderr);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/** What the stand-in served, as the report's spread should say it. */
function served(s: StandIn): Record<string, number> {
  return Object.fromEntries(s.replicas.map((r) => [r.url, r.served]));
}
const spreadOf = (r: Report) => Object.fromEntries(r.spread.map((s) => [s.server, s.requests]));

test('three replicas, common access log: the spread is what the stand-in served, a third each', async () => {
  const log = path.join(dir, 'common.log');
  const { code, report } = await loadtest({ commonLog: log }, ['--requests', '30', '--access-log', log]);
  assert.equal(code, 0, report.warnings.join('\n'));
  assert.equal(report.sent, 30);
  assert.deepEqual(report.statuses, { 200: 30 });
  assert.deepEqual(spreadOf(report), served(standIn!));
  assert.deepEqual(
    report.spread.map((s) => Math.round(s.percent * 10) / 10),
    [33.3, 33.3, 33.3],
  );
  assert.equal(standIn!.requests, 30, 'exactly the asked number of requests reached the gateway');
  assert.ok(report.times && report.times.min <= report.times.avg && report.times.avg <= report.times.max);
  assert.deepEqual(report.warnings, []);
});

test('JSON access log (headers dropped, as by default): matched by router, path and time', async () => {
  const log = path.join(dir, 'json.log');
  const { report } = await loadtest({ jsonLog: log }, ['--requests', '12', '--access-log', log]);
  assert.match(report.source, /access log/);
  assert.deepEqual(spreadOf(report), served(standIn!));
  assert.equal(
    Object.values(spreadOf(report)).reduce((a, b) => a + b),
    12,
  );
});

test('one replica starved (weight 0): it shows with 0 requests and a warning, exit 1', async () => {
  const log = path.join(dir, 'starved.log');
  const { code, report } = await loadtest({ commonLog: log, starved: [1] }, ['--requests', '10', '--access-log', log]);
  assert.equal(code, 1);
  const starved = standIn!.replicas[1];
  assert.equal(starved.served, 0);
  assert.equal(spreadOf(report)[starved.url], 0);
  assert.deepEqual(spreadOf(report), served(standIn!));
  assert.ok(
    report.warnings.some((w) => w === `replica ${starved.url} got no request`),
    report.warnings.join('\n'),
  );
});

test('a DOWN server is warned as such', async () => {
  const log = path.join(dir, 'down.log');
  const { report } = await loadtest({ commonLog: log, down: [0] }, ['--requests', '6', '--access-log', log]);
  const down = standIn!.replicas[0];
  assert.ok(
    report.warnings.some((w) => w.includes(down.url) && w.includes('DOWN')),
    report.warnings.join('\n'),
  );
});

test('no access log: a response header the user names gives the spread', async () => {
  const { report } = await loadtest({}, ['--requests', '9', '--replica-header', 'X-Replica']);
  assert.equal(report.source, 'response header X-Replica');
  assert.deepEqual(spreadOf(report), Object.fromEntries(standIn!.replicas.map((r) => [r.name, r.served])));
});

test('no source at all: the spread cannot be seen, and how to enable access logs is said', async () => {
  const { code, report } = await loadtest({}, ['--requests', '3']);
  assert.equal(code, 1);
  assert.deepEqual(report.spread, []);
  assert.ok(
    report.warnings.some((w) => /cannot be seen.*--accesslog=true/.test(w)),
    report.warnings.join('\n'),
  );
});

test('a rule the stand-in does not route: 404s are explained', async () => {
  const { report } = await loadtest({ rule: 'PathPrefix(`/nope`)' }, [
    '--requests',
    '2',
    '--replica-header',
    'X-Replica',
  ]);
  assert.deepEqual(report.statuses, { 404: 2 });
  assert.ok(report.warnings.some((w) => w.startsWith('2 answer(s) 404: no router matched')));
});

test('bounds: more than 1000 requests, a URL as host, an unknown router are refused before sending', async () => {
  standIn = await startStandIn();
  const base = ['loadtest', '--router', 'users', '--api', standIn.api.url, '--no-docker'];
  const tooMany = await cli([...base, '--requests', '1001']);
  assert.equal(tooMany.code, 2);
  assert.match(tooMany.stderr, /1 to 1000/);
  const url = await cli([...base, '--gateway-host', 'http://example.com/']);
  assert.equal(url.code, 2);
  assert.match(url.stderr, /host name or address/);
  const unknown = await cli(['loadtest', '--router', 'nope', '--api', standIn.api.url, '--no-docker']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no HTTP router "nope" \(routers: users@docker\)/);
  assert.equal(standIn.requests, 0);
});

test('metrics: two scrapes around traffic give req/s per entry point and service; router metrics are said to be off', async () => {
  standIn = await startStandIn({ latencyMs: 20 });
  const s = standIn;
  // Bounded traffic to 127.0.0.1 while the CLI scrapes twice 1.5 s apart.
  const traffic = (async () => {
    for (let i = 0; i < 40; i++) {
      await fetch(`http://127.0.0.1:${s.gatewayPort}/api/users`).then((r) => r.text());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const r = await cli(['metrics', '--api', s.api.url, '--interval', '1500', '--format', 'json']);
  await traffic;
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    version: string;
    entryPoints: Record<string, { reqPerSec: number }>;
    services: Record<string, { reqPerSec: number; p95Ms?: number }>;
    routers: Record<string, unknown>;
    missing: string[];
  };
  assert.equal(out.version, 'v3');
  assert.ok(out.entryPoints.web.reqPerSec > 1, JSON.stringify(out.entryPoints));
  const users = out.services['users@docker'];
  assert.ok(users.reqPerSec > 1);
  // 20 ms answers all fall in the first bucket (0.1 s): p95 is interpolated inside (0, 100] ms.
  assert.ok(users.p95Ms !== undefined && users.p95Ms > 0 && users.p95Ms <= 100, String(users.p95Ms));
  assert.deepEqual(out.routers, {});
  assert.match(out.missing.join(), /addRoutersLabels/);
});

test('metrics: an unreachable Traefik exits 2 with the reason', async () => {
  const r = await cli(['metrics', '--metrics-url', 'http://127.0.0.1:1/metrics', '--interval', '100']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unreachable at http:\/\/127\.0\.0\.1:1\/metrics/);
});
