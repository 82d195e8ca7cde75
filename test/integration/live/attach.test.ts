// Live errors on the right project's labels, against a real Docker engine this test starts and
// the fake Traefik: two compose projects of one workspace define a router `api`; only alpha's
// containers run, so Traefik's error on api@docker belongs on alpha's labels only. Without
// Docker the name alone decides, and only where one project defines it. The drift view's
// definitions come from the same server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { placeProblem, type Placed } from '../../../live/attach';
import { drift } from '../../../live/drift';
import { liveProblems } from '../../../live/problems';
import { LiveSession } from '../../../live/session';
import type { LiveModel } from '../../../live/model';
import { detectCompose, runCompose, type ComposeCli } from '../../../live/docker/compose';
import { DefinitionsRequest, LocateRequest, type LocateParams, type RouteLocation } from '../../../server/src/protocol';
import { built } from '../../support/build';
import { SLEEPING_API, startEngine, TEST_IMAGE, type Engine } from '../../support/dockerEngine';
import { defaultState, startFakeTraefik, type FakeTraefik } from '../../support/fakeTraefik';
import { LspClient } from '../../support/lspClient';

const BETA_ONLY = `  extra:
    image: ${TEST_IMAGE}
    network_mode: none
    labels:
      - traefik.enable=true
      - traefik.http.routers.beta-only.rule=PathPrefix(\`/beta\`)
      - traefik.http.services.extra.loadbalancer.server.port=8081
`;

let engine: Engine;
let cli: ComposeCli;
let fake: FakeTraefik;
let client: LspClient;
let ws: string;
const file = (project: string): string => path.join(ws, project, 'docker-compose.yml');

before(async () => {
  engine = await startEngine();
  const found = await detectCompose(engine.env);
  assert.ok(found, 'docker compose or docker-compose must be installed');
  cli = found;
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-attach-'));
  for (const [project, extra] of [
    ['alpha', ''],
    ['beta', BETA_ONLY],
  ]) {
    fs.mkdirSync(path.join(ws, project));
    fs.writeFileSync(file(project), `services:\n${SLEEPING_API}${extra}`);
  }
  // Only alpha runs; its containers carry alpha's compose labels.
  const up = await runCompose(cli, [...cli.prefix, '-f', file('alpha'), '-p', 'alpha', 'up', '-d'], {
    cwd: path.join(ws, 'alpha'),
    env: engine.env,
  });
  assert.equal(up.code, 0, up.output);
  const state = defaultState();
  const broken = (name: string, rule: string) => ({
    name,
    provider: 'docker',
    rule,
    entryPoints: ['web'],
    using: ['web'],
    service: `${name}@docker`,
    middlewares: ['auth@docker'],
    status: 'disabled',
    error: ['middleware "auth@docker" does not exist'],
  });
  state.lists['/api/http/routers'] = [
    broken('api@docker', 'PathPrefix(`/api`)'),
    broken('beta-only@docker', 'PathPrefix(`/beta`)'),
  ];
  fake = await startFakeTraefik(state);
  client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  await client.initialize(ws);
});

after(async () => {
  if (cli && ws)
    await runCompose(cli, [...cli.prefix, '-f', file('alpha'), '-p', 'alpha', 'down', '-t', '1'], { env: engine.env });
  await client?.stop();
  await fake?.close();
  await engine?.stop();
  if (ws) fs.rmSync(ws, { recursive: true, force: true });
});

async function modelWith(dockerHost: string): Promise<LiveModel> {
  const session = new LiveSession({ api: { baseUrl: fake.url }, dockerHost, intervalMs: 0 });
  try {
    await session.refresh();
    return session.model!;
  } finally {
    session.dispose();
  }
}

const locate = (params: LocateParams): Promise<RouteLocation[]> => client.connection.sendRequest(LocateRequest, params);

async function place(model: LiveModel, name: string): Promise<Placed> {
  const problem = liveProblems(model).find((p) => p.name === name);
  assert.ok(problem, `Traefik reports ${name}`);
  const files = ['alpha', 'beta'].map((p) => pathToFileURL(file(p)).href);
  const placed = await placeProblem(model, problem, files, locate);
  assert.ok(placed);
  return placed;
}

/** Where each location is: project folder and the label text it covers. */
function where(placed: Placed): string[] {
  return placed.locations.map((l) => {
    const line = fs.readFileSync(new URL(l.uri), 'utf8').split('\n')[l.range.start.line];
    return `${path.basename(path.dirname(new URL(l.uri).pathname))}: ${line.slice(l.range.start.character, l.range.end.character)}`;
  });
}

test(
  'with Docker: the error goes on the labels of the project whose containers run',
  { timeout: 120_000 },
  async () => {
    const model = await modelWith(engine.host);
    assert.equal(model.docker?.kind, 'connected');
    const api = await place(model, 'api@docker');
    assert.deepEqual(where(api), ['alpha: api']);
    assert.equal(api.note, undefined);
    // No running container defines beta-only: by name, and beta alone defines it.
    const betaOnly = await place(model, 'beta-only@docker');
    assert.deepEqual(where(betaOnly), ['beta: beta-only']);
    assert.match(
      betaOnly.note ?? '',
      /matched by name only \(no container of the Docker engine at unix:.* carries its labels; no other project/,
    );
  },
);

test('without Docker: only where the name is unique in the workspace, saying so', { timeout: 60_000 }, async () => {
  const model = await modelWith(`unix://${path.join(ws, 'no-such.sock')}`);
  assert.equal(model.docker?.kind, 'unreachable');
  const api = await place(model, 'api@docker');
  assert.deepEqual(where(api), []);
  assert.match(api.skipped ?? '', /2 projects of the workspace define it and Docker is not reachable/);
  const betaOnly = await place(model, 'beta-only@docker');
  assert.deepEqual(where(betaOnly), ['beta: beta-only']);
  assert.match(
    betaOnly.note ?? '',
    /matched by name only \(Docker is not reachable to say which project Traefik runs; no other project/,
  );
});

test('drift: the files against the running Traefik, through the language server', { timeout: 60_000 }, async () => {
  const model = await modelWith(engine.host);
  const files = ['alpha', 'beta'].map((p) => pathToFileURL(file(p)).href);
  const defined = await client.connection.sendRequest(DefinitionsRequest, { files });
  assert.deepEqual(defined.map((d) => `${d.project} ${d.kind} ${d.name}`).sort(), [
    'alpha router api@docker',
    'alpha service api@docker',
    'beta router api@docker',
    'beta router beta-only@docker',
    'beta service api@docker',
    'beta service extra@docker',
  ]);
  const d = drift(model, defined);
  // The fake runs the two routers only: every service is missing; no router is unexplained.
  assert.deepEqual(d.notRunning.map((f) => `${f.project} ${f.kind} ${f.name}`).sort(), [
    'alpha service api@docker',
    'beta service api@docker',
    'beta service extra@docker',
  ]);
  assert.deepEqual(d.notInFiles, []);
});
