// Attribution from Traefik's container logs, through the Docker API of a real engine this test
// starts: a load test runs against the gateway stand-in (127.0.0.1), the access-log lines the
// stand-in wrote in Traefik's formats are printed by a busybox container named like Traefik's,
// and the spread read back from its logs must be what the stand-in served.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerClient } from '../../../live/docker/client';
import { attribute, findTraefikContainer } from '../../../live/loadtest/attribution';
import { planLoadTest } from '../../../live/loadtest/plan';
import { buildReport } from '../../../live/loadtest/report';
import { runLoadTest, type LoadTestRun } from '../../../live/loadtest/run';
import type { ApiEntryPoint, ApiRouter, ApiService } from '../../../live/traefik/types';
import { startEngine, TEST_IMAGE, type Engine } from '../../support/dockerEngine';
import { startStandIn, type StandIn } from '../../support/gatewayStandIn';

let engine: Engine;
let docker: DockerClient;
let standIn: StandIn;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-attr-'));

before(async () => {
  engine = await startEngine();
  docker = new DockerClient(engine.host);
});

after(async () => {
  await standIn?.close();
  await engine?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function runAgainstStandIn(
  log: { commonLog?: string; jsonLog?: string },
  requests: number,
): Promise<LoadTestRun> {
  await standIn?.close();
  standIn = await startStandIn({ replicas: 3, ...log });
  const list = <T>(p: string) => standIn.api.state.lists[p] as unknown as T[];
  const plan = planLoadTest({
    router: list<ApiRouter>('/api/http/routers')[0],
    routers: list<ApiRouter>('/api/http/routers'),
    entryPoints: list<ApiEntryPoint>('/api/entrypoints'),
    syntax: 'v3',
    gatewayHost: '127.0.0.1',
    requests,
    delayMs: 0,
  });
  assert.ok(!('error' in plan), JSON.stringify(plan));
  return runLoadTest(plan);
}

/** A container that prints the recorded lines (as Traefik prints its access log to stdout) and stays up. */
function printer(name: string, file: string): void {
  execFileSync(
    'docker',
    [
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'none',
      '-e',
      `LINES=${fs.readFileSync(file, 'utf8')}`,
      TEST_IMAGE,
      'sh',
      '-c',
      'echo "$LINES"; sleep 600',
    ],
    { env: engine.env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function logsShow(name: string, text: string): Promise<void> {
  // The container's first output is an event we can wait for: its logs hold the text.
  for (let i = 0; i < 100; i++) {
    const out = execFileSync('docker', ['logs', name], { env: engine.env, encoding: 'utf8' });
    if (out.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`container ${name} never printed ${text}`);
}

test('common format in the logs of a container named traefik: the spread the stand-in served', async () => {
  const file = path.join(dir, 'common.log');
  const run = await runAgainstStandIn({ commonLog: file }, 15);
  printer('musicshare-traefik-1', file);
  await logsShow('musicshare-traefik-1', run.userAgent);
  const found = await findTraefikContainer(docker.docker);
  assert.equal(found?.name, 'musicshare-traefik-1');
  const a = await attribute(run, { docker: docker.docker, settleMs: 5000 });
  if (a.source !== 'access-log') assert.fail(a.source === 'none' ? a.reason : a.source);
  assert.equal(a.detail, 'access log in the logs of container musicshare-traefik-1');
  assert.deepEqual(Object.fromEntries(a.counts), Object.fromEntries(standIn.replicas.map((r) => [r.url, r.served])));
  assert.equal(a.unmatched, 0);
  const service = (standIn.api.state.lists['/api/http/services'] as unknown as ApiService[])[0];
  const report = buildReport(run, a, service);
  assert.deepEqual(
    report.spread.map((s) => s.requests),
    [5, 5, 5],
  );
  execFileSync('docker', ['rm', '-f', 'musicshare-traefik-1'], { env: engine.env, stdio: 'ignore' });
});

test('JSON format in the logs of the container named with --traefik-container', async () => {
  const file = path.join(dir, 'json.log');
  const run = await runAgainstStandIn({ jsonLog: file }, 9);
  printer('edge-proxy', file);
  await logsShow('edge-proxy', '"RouterName":"users@docker"');
  const a = await attribute(run, { docker: docker.docker, traefikContainer: 'edge-proxy', settleMs: 5000 });
  if (a.source !== 'access-log') assert.fail(a.source === 'none' ? a.reason : a.source);
  assert.deepEqual(Object.fromEntries(a.counts), Object.fromEntries(standIn.replicas.map((r) => [r.url, r.served])));
  execFileSync('docker', ['rm', '-f', 'edge-proxy'], { env: engine.env, stdio: 'ignore' });
});

test('no Traefik container and no header: the reason says so', async () => {
  const run = await runAgainstStandIn({}, 2);
  const a = await attribute(run, { docker: docker.docker, settleMs: 200 });
  assert.equal(a.source, 'none');
  if (a.source !== 'none') return;
  assert.match(a.reason, /no running Traefik container found/);
  assert.match(a.reason, /--accesslog=true/);
});
