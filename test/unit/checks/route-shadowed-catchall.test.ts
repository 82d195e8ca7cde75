// route-shadowed under a HostRegexp catch-all: `.+` matches every request that has a host, `.*`
// every request (v3 pkg/muxer/http/matcher.go hostRegexp; v2 `{name:.+}` is a gorilla/mux
// template matched against the whole host), so a Host rule of lower priority never gets one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledMatchers, matchRequest, parseRule } from '../../../server/src/analysis/rules';
import { run } from '../../helpers';

const compiled = new CompiledMatchers();

const compose = (image: string, catchAll: string, rule: string): string =>
  [
    'services:',
    '  traefik:',
    `    image: ${image}`,
    '    command: [--providers.docker, --entrypoints.https.address=:443]',
    '    labels: [traefik.enable=false]',
    '  app:',
    '    image: x',
    '    labels:',
    `      - "traefik.http.routers.app.rule=${rule}"`,
    '      - traefik.http.routers.app.entrypoints=https',
    '      - traefik.http.services.app.loadbalancer.server.port=80',
    '  catch:',
    '    image: x',
    '    labels:',
    `      - "traefik.http.routers.catchall.rule=${catchAll}"`,
    '      - traefik.http.routers.catchall.priority=10000',
    '      - traefik.http.routers.catchall.entrypoints=https',
    '      - traefik.http.services.catch.loadbalancer.server.port=80',
    '',
  ].join('\n');

const cases: { name: string; image?: string; catchAll: string; rule: string; shadowed: boolean }[] = [
  { name: '.+ over a Host rule', catchAll: 'HostRegexp(`.+`)', rule: 'Host(`app.homelab.local`)', shadowed: true },
  { name: 'anchored ^.+$', catchAll: 'HostRegexp(`^.+$`)', rule: 'Host(`app.homelab.local`)', shadowed: true },
  { name: 'grouped ^(.*)$', catchAll: 'HostRegexp(`^(.*)$`)', rule: 'PathPrefix(`/api`)', shadowed: true },
  { name: '.* over a path rule', catchAll: 'HostRegexp(`.*`)', rule: 'PathPrefix(`/api`)', shadowed: true },
  // A request without a host (HTTP/1.0 without Host) reaches a path rule past `.+`.
  {
    name: '.+ over a path rule: not proven',
    catchAll: 'HostRegexp(`.+`)',
    rule: 'PathPrefix(`/api`)',
    shadowed: false,
  },
  {
    name: 'a narrower regexp',
    catchAll: 'HostRegexp(`.+\\.local`)',
    rule: 'Host(`app.homelab.local`)',
    shadowed: false,
  },
  { name: 'a character class', catchAll: 'HostRegexp(`[a-z]+`)', rule: 'Host(`app.homelab.local`)', shadowed: false },
  {
    name: 'v2 template {any:.+}',
    image: 'traefik:v2.11',
    catchAll: 'HostRegexp(`{any:.+}`)',
    rule: 'Host(`app.homelab.local`)',
    shadowed: true,
  },
  {
    name: 'v2 template {sub:[a-z]+}.local',
    image: 'traefik:v2.11',
    catchAll: 'HostRegexp(`{sub:[a-z]+}.local`)',
    rule: 'Host(`app.local`)',
    shadowed: false,
  },
  {
    name: 'v3 reads {any:.+} as a regexp with literal braces',
    catchAll: 'HostRegexp(`{any:.+}`)',
    rule: 'Host(`app.homelab.local`)',
    shadowed: false,
  },
];

for (const c of cases) {
  test(`route-shadowed catch-all: ${c.name}`, () => {
    const found = run('route-shadowed', compose(c.image ?? 'traefik:v3.6', c.catchAll, c.rule));
    assert.deepEqual(
      found.map((f) => f.text),
      c.shadowed ? [c.rule] : [],
    );
  });
}

test('route-shadowed catch-all: the real matcher agrees on hosts', () => {
  const syntax = 'v3';
  const plus = parseRule('HostRegexp(`.+`)', syntax).tree!;
  const star = parseRule('HostRegexp(`^(.*)$`)', syntax).tree!;
  const req = (host: string) => ({ host, path: '/', method: 'GET', headers: {}, query: '', clientIP: '192.0.2.1' });
  for (const host of ['app.homelab.local', 'x', 'EXAMPLE.com:8443', '[::1]:80']) {
    assert.equal(matchRequest(plus, req(host), syntax, compiled), true, host);
    assert.equal(matchRequest(star, req(host), syntax, compiled), true, host);
  }
  assert.equal(matchRequest(plus, req(''), syntax, compiled), false);
  assert.equal(matchRequest(star, req(''), syntax, compiled), true);
});
