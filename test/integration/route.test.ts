// The route tester through its two real edges: `gateway-lens route` (dist/cli.js) and the
// language server's gatewayLens/route request over stdio, on examples/musicshare.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient } from '../support/lspClient';

const CLI = built('cli.js');
const ROOT = path.resolve(__dirname, '..', '..');
const COMPOSE = path.join(ROOT, 'examples', 'musicshare', 'docker-compose.yml');

function route(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'route', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('route --format json: the documented shape, the winner first among the candidates', () => {
  const r = route(
    '--format',
    'json',
    '--url',
    'https://musicshare.com/api/users/auth/token',
    path.relative(ROOT, COMPOSE),
  );
  assert.equal(r.status, 0, r.stderr);
  const answer = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(answer).slice(0, 8), [
    'router',
    'service',
    'priority',
    'rule',
    'entrypoint',
    'middlewares',
    'forwardedPath',
    'candidates',
  ]);
  assert.equal(answer.router, 'userservice@docker');
  assert.equal(answer.service, 'userservice@docker');
  assert.equal(answer.priority, 24);
  assert.equal(answer.rule, 'PathPrefix(`/api/users`)');
  assert.equal(answer.entrypoint, 'websecure');
  assert.deepEqual(answer.middlewares, ['userservice-stripprefix@docker']);
  assert.equal(answer.forwardedPath, '/auth/token');
  assert.deepEqual(
    answer.candidates.map((c: { router: string }) => c.router),
    ['userservice@docker', 'frontend@docker'],
  );
  assert.equal(answer.file, 'examples/musicshare/docker-compose.yml');
  const line = fs.readFileSync(COMPOSE, 'utf8').split('\n')[answer.line - 1];
  assert.ok(line.slice(answer.column - 1).startsWith('PathPrefix(`/api/users`)'), line);
});

test('route text output names the router, service and backend path', () => {
  const r = route('--url', 'https://musicshare.com/swagger-ui', COMPOSE);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /-> router social-service-swagger@docker/);
  assert.match(r.stdout, /backend path \/swagger-ui/);
});

test('route on the broken example: the catch-all serves, and the answer says why userservice does not', () => {
  const broken = path.join(path.dirname(path.dirname(COMPOSE)), 'musicshare-broken', 'docker-compose.yml');
  const r = route('--url', 'https://musicshare.com/api/users/me', broken);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /-> router frontend@docker/);
  assert.match(
    r.stdout,
    /not loaded: userservice@docker would match first, but its container "userservice" is dropped: unknown-label at .*docker-compose\.yml:\d+:\d+/,
  );
});

test('route exits 3 with "router": null when no router matches', () => {
  // Without the frontend's catch-all nothing serves /nothing.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-route-'));
  try {
    const file = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(
      file,
      'services:\n  api:\n    image: x\n    labels:\n      - "traefik.http.routers.api.rule=PathPrefix(`/api`)"\n      - traefik.http.services.api.loadbalancer.server.port=80\n',
    );
    const r = route('--format', 'json', '--url', 'http://localhost/nothing', file);
    assert.equal(r.status, 3, r.stderr);
    const answer = JSON.parse(r.stdout);
    assert.equal(answer.router, null);
    assert.deepEqual(answer.candidates, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('route: bad usage exits 2 with one line', () => {
  assert.equal(route(COMPOSE).status, 2);
  const bad = route('--url', 'ftp://x/', COMPOSE);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^gateway-lens: "ftp" is not an HTTP scheme/);
  assert.equal(route('--url', 'http://x:1/', COMPOSE).status, 2);
});

let client: LspClient;
const uri = pathToFileURL(COMPOSE).toString();

before(async () => {
  client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  await client.initialize(path.dirname(COMPOSE));
  await client.open(uri, 'dockercompose', fs.readFileSync(COMPOSE, 'utf8'));
});

after(async () => {
  await client.stop();
});

test('gatewayLens/route over stdio answers with LSP locations', async () => {
  const answer = (await client.connection.sendRequest('gatewayLens/route', {
    uri,
    url: 'wss://musicshare.com/ws',
  })) as { router: string; forwardedPath: string; location: { uri: string; range: { start: { line: number } } } };
  assert.equal(answer.router, 'notificationservice-ws@docker');
  assert.equal(answer.forwardedPath, '/ws');
  assert.equal(answer.location.uri, uri);
  const line = fs.readFileSync(COMPOSE, 'utf8').split('\n')[answer.location.range.start.line];
  assert.match(line, /notificationservice-ws\.rule/);
});

test('gatewayLens/route reports a bad URL as a note, not an error', async () => {
  const answer = (await client.connection.sendRequest('gatewayLens/route', { uri, url: 'http://h/%zz' })) as {
    router: null;
    notes: string[];
  };
  assert.equal(answer.router, null);
  assert.match(answer.notes[0], /bad %-escape/);
});
