// The Traefik API client against a local server answering with Traefik's own fixtures, then
// misbehaving. Every failure must come back as a state; no rejection may go unhandled.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'net';
import { TraefikApi } from '../../../live/traefik/api';
import { LiveSession } from '../../../live/session';
import { defaultState, fixture, startFakeTraefik, type FakeTraefik } from '../../support/fakeTraefik';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
let fake: FakeTraefik;

before(async () => {
  process.on('unhandledRejection', onUnhandled);
  fake = await startFakeTraefik();
});

after(async () => {
  await fake.close();
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'no unhandled rejections');
});

test("reads version, overview and every list in Traefik's shapes", async () => {
  fake.state = Object.assign(defaultState(), { requests: [] });
  const snap = await new TraefikApi({ baseUrl: fake.url }).snapshot();
  assert.deepEqual(snap.state, { kind: 'connected', url: fake.url, version: '3.7.9' });
  const byName = (xs: { name: string }[]) => xs.map((x) => x.name).sort();
  assert.deepEqual(byName(snap.http.routers), byName(fixture('routers.json')));
  assert.deepEqual(byName(snap.http.services), byName(fixture('services.json')));
  const bar = snap.http.services.find((s) => s.name === 'bar@myprovider')!;
  assert.deepEqual(bar.serverStatus, { 'http://127.0.0.1': 'UP' });
  assert.equal(snap.udp.routers.length, fixture<unknown[]>('udprouters.json').length);
  assert.ok(snap.overview?.http);
});

test('follows X-Next-Page across pages', async () => {
  const many = Array.from({ length: 19 }, (_, i) => ({
    name: `r${String(i).padStart(2, '0')}@docker`,
    provider: 'docker',
    status: 'enabled',
  }));
  fake.state = defaultState();
  fake.state.lists['/api/http/routers'] = many;
  const api = new TraefikApi({ baseUrl: fake.url, perPage: 7 });
  const routers = await api.list<{ name: string }>('/api/http/routers');
  assert.deepEqual(
    routers.map((r) => r.name),
    many.map((r) => r.name),
  );
  assert.deepEqual(
    fake.state.requests.filter((r) => r.startsWith('/api/http/routers')),
    [
      '/api/http/routers?per_page=7&page=1',
      '/api/http/routers?per_page=7&page=2',
      '/api/http/routers?per_page=7&page=3',
    ],
  );
});

test('basic auth: right credentials connect, wrong ones are "unauthorized"', async () => {
  fake.state = defaultState();
  fake.state.credentials = 'admin:s3cret';
  const ok = await new TraefikApi({ baseUrl: fake.url, username: 'admin', password: 's3cret' }).snapshot();
  assert.equal(ok.state.kind, 'connected');
  const bad = await new TraefikApi({ baseUrl: fake.url, username: 'admin', password: 'nope' }).snapshot();
  assert.equal(bad.state.kind, 'unauthorized');
});

const failures: { mode: Parameters<typeof setMode>[0]; kind: string; options?: object }[] = [
  { mode: 'unauthorized', kind: 'unauthorized' },
  { mode: 'error', kind: 'error' },
  { mode: 'invalid-json', kind: 'not-traefik' },
  { mode: 'not-traefik', kind: 'not-traefik' },
  { mode: 'slow', kind: 'timeout', options: { timeoutMs: 300 } },
  { mode: 'huge', kind: 'too-large', options: { maxBytes: 1_000_000 } },
];

function setMode(mode: 'unauthorized' | 'error' | 'invalid-json' | 'not-traefik' | 'slow' | 'huge'): void {
  fake.state = defaultState();
  fake.state.mode = mode;
}

for (const f of failures) {
  test(`misbehaving Traefik (${f.mode}) is the state "${f.kind}"`, async () => {
    setMode(f.mode);
    const api = new TraefikApi({ baseUrl: fake.url, ...f.options });
    const snap = await api.snapshot();
    assert.equal(snap.state.kind, f.kind);
    assert.deepEqual(snap.http.routers, []);
    assert.ok(api.backoffRemaining() > 0, 'a failure schedules a back-off');
  });
}

test("error answers carry Traefik's message", async () => {
  setMode('error');
  const snap = await new TraefikApi({ baseUrl: fake.url }).snapshot();
  assert.deepEqual(snap.state, { kind: 'error', url: fake.url, status: 500, message: 'internal error' });
});

test('nothing listening is "unreachable", and the back-off grows', async () => {
  const port = await freePort();
  const api = new TraefikApi({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000 });
  const first = await api.snapshot();
  assert.equal(first.state.kind, 'unreachable');
  const wait1 = api.backoffRemaining();
  await api.snapshot();
  assert.ok(api.backoffRemaining() > wait1);
});

test('a success resets the back-off', async () => {
  setMode('error');
  const api = new TraefikApi({ baseUrl: fake.url });
  await api.snapshot();
  fake.state.mode = 'ok';
  const snap = await api.snapshot();
  assert.equal(snap.state.kind, 'connected');
  assert.equal(api.backoffRemaining(), 0);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

test('auto-refresh asks Traefik only while a Gateway view is visible', { timeout: 30_000 }, async () => {
  fake.state = Object.assign(defaultState(), { requests: [] });
  let visible = false;
  let asked = 0;
  const session = new LiveSession({
    api: { baseUrl: fake.url },
    dockerHost: 'unix:///nonexistent/docker.sock',
    intervalMs: 20,
    active: () => (asked++, visible),
  });
  const until = async (what: string, ok: () => boolean): Promise<void> => {
    const end = Date.now() + 10_000;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setImmediate(r));
    }
  };
  const versions = () => fake.state.requests.filter((r) => r.startsWith('/api/version')).length;
  try {
    void session.start();
    await until('three timer ticks', () => asked >= 3);
    assert.equal(versions(), 0, 'no request while hidden');
    visible = true;
    await until('a refresh once visible', () => versions() > 0 && session.model !== undefined);
    assert.equal(session.model!.traefik.kind, 'connected');
  } finally {
    session.dispose();
  }
});
