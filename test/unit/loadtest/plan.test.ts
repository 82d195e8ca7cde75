// The load test's request: what the router's rule matches and no higher-priority router takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planLoadTest, type LoadTestPlan } from '../../../live/loadtest/plan';
import type { ApiRouter } from '../../../live/traefik/types';

const r = (name: string, rule: string, extra: Partial<ApiRouter> = {}): ApiRouter => ({
  name,
  provider: 'docker',
  status: 'enabled',
  rule,
  service: name.split('@')[0],
  entryPoints: ['web'],
  ...extra,
});
const EPS = [
  { name: 'web', address: ':80' },
  { name: 'websecure', address: '0.0.0.0:443/tcp' },
];

function plan(router: ApiRouter, routers: ApiRouter[] = [router], extra = {}): LoadTestPlan {
  const p = planLoadTest({ router, routers, entryPoints: EPS, syntax: 'v3', gatewayHost: 'localhost', ...extra });
  assert.ok(!('error' in p), JSON.stringify(p));
  return p;
}

test('Host and PathPrefix: that host, a path under the prefix, the entry point port, the configured host only', () => {
  const p = plan(r('music@docker', 'Host(`music.localhost`) && PathPrefix(`/api/music`)'));
  assert.equal(p.host, 'localhost');
  assert.equal(p.port, 80);
  assert.equal(p.hostHeader, 'music.localhost');
  assert.ok(p.path.startsWith('/api/music'), p.path);
  assert.deepEqual(p.notes, []);
  assert.equal(p.requests, 20);
  assert.equal(p.delayMs, 500);
});

test('no Host(): the gateway host is sent, and said', () => {
  const p = plan(r('users@docker', 'PathPrefix(`/api/users`)'));
  assert.equal(p.hostHeader, 'localhost');
  assert.match(p.notes.join(), /matches any host/);
});

test('a longer rule on the same entry point takes /api/music/top10: the witness avoids it', () => {
  const music = r('music@docker', 'PathPrefix(`/api/music`)');
  const top = r('top10@docker', 'PathPrefix(`/api/music/top10`)');
  const p = plan(music, [music, top]);
  assert.ok(!p.path.startsWith('/api/music/top10'), p.path);
});

test('TLS router on websecure: https to port 443', () => {
  const p = plan(r('s@docker', 'Host(`a.localhost`)', { entryPoints: ['websecure'], tls: {} }));
  assert.equal(p.tls, true);
  assert.equal(p.port, 443);
});

test('Header() and Method() matchers are honoured, extra headers added', () => {
  const p = plan(r('h@docker', 'Method(`POST`) && Header(`X-Tenant`, `blue`) && Path(`/h`)'), undefined, {
    headers: ['Authorization: Bearer t'],
  });
  assert.equal(p.method, 'POST');
  assert.equal(p.path, '/h');
  assert.equal(p.headers['X-Tenant'], 'blue');
  assert.equal(p.headers.Authorization, 'Bearer t');
});

const ERRORS: { name: string; extra: object; router?: ApiRouter; message: RegExp }[] = [
  { name: 'more than 1000 requests', extra: { requests: 1001 }, message: /1 to 1000/ },
  { name: 'zero requests', extra: { requests: 0 }, message: /1 to 1000/ },
  { name: 'a URL as gateway host', extra: { gatewayHost: 'http://evil.example/' }, message: /host name or address/ },
  { name: 'a host with a path', extra: { gatewayHost: 'a/b' }, message: /host name or address/ },
  { name: 'a bad header', extra: { headers: ['nocolon'] }, message: /Name: value/ },
  {
    name: 'an unknown entry point',
    extra: {},
    router: r('x@docker', 'Path(`/`)', { entryPoints: ['nope'] }),
    message: /no entry point/,
  },
  { name: 'a rule that cannot parse', extra: {}, router: r('x@docker', 'Path(`/`'), message: /no rule/ },
];

for (const c of ERRORS) {
  test(`refused: ${c.name}`, () => {
    const router = c.router ?? r('users@docker', 'PathPrefix(`/api`)');
    const p = planLoadTest({
      router,
      routers: [router],
      entryPoints: EPS,
      syntax: 'v3',
      gatewayHost: 'localhost',
      ...c.extra,
    });
    assert.ok('error' in p);
    assert.match(p.error, c.message);
  });
}
