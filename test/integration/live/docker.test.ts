// Scaling through the same code the Scale command uses (scale/plan.ts decides, scale/run.ts
// runs), against a real Docker engine that this test starts; replica counts read back through
// dockerode and through the events stream.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerClient } from '../../../live/docker/client';
import { LiveSession } from '../../../live/session';
import type { LiveModel } from '../../../live/model';
import { startFakeTraefik } from '../../support/fakeTraefik';
import { detectCompose, runCompose, type ComposeCli } from '../../../live/docker/compose';
import type { ContainerEvent } from '../../../live/docker/types';
import { composeTarget, decideScale, scalePlanParams, type ScaleTarget } from '../../../live/scale/plan';
import { composeScalePlan } from '../../../server/src/analysis/compose/scale';
import { readComposeFiles } from '../../../server/src/scalePlan';
import { executeScale, type ScaleOutcome } from '../../../live/scale/run';
import { SLEEPING_API, startEngine, TEST_IMAGE, type Engine } from '../../support/dockerEngine';

const COMPOSE = `services:
${SLEEPING_API}  pinned:
    image: ${TEST_IMAGE}
    container_name: gl-pinned
    command: ["sleep", "600"]
    network_mode: none
  broken:
    image: ${TEST_IMAGE}
    command: ["/bin/no-such-program"]
    network_mode: none
`;

let engine: Engine;
let cli: ComposeCli;
let dir: string;
let file: string;
let docker: DockerClient;
const project = 'gltest';

before(async () => {
  engine = await startEngine();
  const found = await detectCompose(engine.env);
  assert.ok(found, 'docker compose or docker-compose must be installed');
  cli = found;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-compose-'));
  file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(file, COMPOSE);
  docker = new DockerClient(engine.host);
});

after(async () => {
  if (cli && file)
    await runCompose(cli, [...cli.prefix, '-f', file, '-p', project, 'down', '-t', '1'], { env: engine.env });
  await engine?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The target as the command builds it before any container exists (labels name the files later). */
function target(service: string): ScaleTarget {
  return { kind: 'compose', project, service, configFiles: [file], workingDir: dir, current: 0 };
}

/** The language server's answer to gatewayLens/scalePlan (server/src/scalePlan.ts), in process. */
function planOf(t: ScaleTarget, replicas: number) {
  if (t.kind !== 'compose') return undefined;
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  return composeScalePlan(scalePlanParams(t, replicas, 10), readComposeFiles(t.configFiles, read), replicas, 10);
}

/** What the Scale command does: decide (validate, refuse, build arguments), then run. */
async function scale(t: ScaleTarget, replicas: number): Promise<ScaleOutcome & { line: string }> {
  const decision = decideScale(t, replicas, { max: 10, plan: planOf(t, replicas), cli });
  assert.equal(decision.refuse, undefined);
  assert.ok(decision.refuse === undefined);
  const outcome = await executeScale(decision.run, { env: engine.env });
  return { ...outcome, line: decision.run.line };
}

async function scaleTo(replicas: number): Promise<ScaleOutcome & { line: string }> {
  return scale(target('api'), replicas);
}

async function running(): Promise<number[]> {
  const list = await docker.composeContainers(project);
  return list
    .filter((c) => c.service === 'api' && c.state === 'running')
    .map((c) => c.number)
    .sort();
}

/** Resolves once `count` events of `action` arrived for service api. */
function expectEvents(action: string, count: number): { done: Promise<ContainerEvent[]>; stop: Promise<() => void> } {
  const seen: ContainerEvent[] = [];
  let resolve!: (e: ContainerEvent[]) => void;
  const done = new Promise<ContainerEvent[]>((r) => (resolve = r));
  const stop = docker.watch(
    (e) => {
      if (e.project === project && e.service === 'api' && e.action === action) {
        seen.push(e);
        if (seen.length === count) resolve(seen);
      }
    },
    () => undefined,
  );
  return { done, stop };
}

test('docker: the engine is reachable through dockerode', async () => {
  const state = await docker.state();
  assert.equal(state.kind, 'connected');
});

test('scale 1 -> 3 -> 1, read back through dockerode and events', { timeout: 180_000 }, async () => {
  let r = await scaleTo(1);
  assert.ok(r.ok, r.output);
  assert.match(r.line, /up -d --no-recreate --scale api=1 api$/);
  assert.deepEqual(await running(), [1]);

  const up = expectEvents('start', 2);
  await up.stop;
  r = await scaleTo(3);
  assert.ok(r.ok, r.output);
  const started = await up.done;
  (await up.stop)();
  assert.equal(started.length, 2);
  assert.deepEqual(await running(), [1, 2, 3]);
  const list = await docker.composeContainers(project);
  assert.ok(
    list.every((c) => c.configFiles.length === 0 || c.configFiles.some((f) => f.endsWith('docker-compose.yml'))),
  );

  const down = expectEvents('destroy', 2);
  await down.stop;
  r = await scaleTo(1);
  assert.ok(r.ok, r.output);
  await down.done;
  (await down.stop)();
  assert.deepEqual(await running(), [1]);
});

test('the live session follows a scale through Docker events', { timeout: 120_000 }, async () => {
  const fake = await startFakeTraefik();
  const session = new LiveSession({ api: { baseUrl: fake.url }, dockerHost: engine.host, intervalMs: 0 });
  try {
    await session.refresh();
    const api = (m: LiveModel) => m.composeServices.find((g) => g.project === project && g.service === 'api');
    assert.equal(api(session.model!)?.running, 1);
    assert.deepEqual(api(session.model!)?.traefikServices, ['api@docker']);
    const seen = new Promise<void>((resolve) => {
      session.onChange((m) => {
        if (api(m)?.running === 2) resolve();
      });
    });
    await session.start();
    // The tree row's target, from the containers' labels, as +1 uses it.
    const row = api(session.model!)!;
    assert.equal(row.project, project);
    session.desired.set(`${project}/api`, 2);
    const r = await scale({ ...composeTarget(row), configFiles: row.configFiles.length ? row.configFiles : [file] }, 2);
    assert.ok(r.ok, r.output);
    await seen;
    assert.equal(api(session.model!)?.desired, 2);
    assert.equal(session.model!.traefik.kind, 'connected');
  } finally {
    session.dispose();
    await fake.close();
  }
});

test('container_name: the Scale command refuses before anything runs', async () => {
  const refused = decideScale(target('pinned'), 3, { max: 10, plan: planOf(target('pinned'), 3), cli });
  assert.match(refused.refuse ?? '', /container_name "gl-pinned"/);
  assert.match(
    decideScale(target('api'), 11, { max: 10, plan: planOf(target('api'), 11), cli }).refuse ?? '',
    /0 to 10/,
  );
  const list = await docker.composeContainers(project);
  assert.deepEqual(
    list.filter((c) => c.service === 'pinned'),
    [],
  );
});

test('a compose failure surfaces its message', { timeout: 120_000 }, async () => {
  const r = await scale(target('broken'), 1);
  assert.equal(r.ok, false);
  assert.equal(r.cancelled, false);
  assert.match(r.error ?? '', /no-such-program|no such file/i, JSON.stringify(r));
});

test('cancelling a compose run ends it', async () => {
  const controller = new AbortController();
  const pending = runCompose(cli, [...cli.prefix, '-f', file, '-p', project, 'logs', '-f', 'api'], {
    cwd: dir,
    env: engine.env,
    signal: controller.signal,
    onOutput: () => controller.abort(),
  });
  setTimeout(() => controller.abort(), 3000).unref();
  const r = await pending;
  assert.equal(r.cancelled, true);
});
