// lookupLabelKey / childKeys against Traefik's own reference lists and the decoding rules of
// paerser (case-insensitive fields, literal root, [N] list elements, raw prefix filters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { childKeys, LabelKeys, lookupLabelKey, type LabelVersion } from '../../../server/src/analysis/schema';

// Copies of Traefik's reference files (test/fixtures/traefik/README.md names each upstream path), so the repo stands alone.
const SHARED = path.resolve(__dirname, '..', '..', 'fixtures', 'traefik');
const split = (key: string): string[] => key.split('.');

for (const version of ['v2', 'v3'] as const) {
  test(`every key of Traefik's ${version} reference list is known (store0/store1 are not decoded)`, () => {
    const lines = parse(readFileSync(path.join(SHARED, `docker-labels.${version}.yml`), 'utf8')) as string[];
    assert.ok(lines.length > 150);
    for (const line of lines) {
      const key = line.slice(0, line.indexOf('='));
      const found = lookupLabelKey(split(key), version);
      if (key.startsWith('traefik.tls.stores.store')) {
        assert.equal(found.status, 'ignored', key);
        assert.match(found.note ?? '', /default/, key);
      } else {
        assert.equal(found.status, 'known', key);
      }
    }
  });
}

const cases: {
  key: string;
  version?: LabelVersion;
  status: 'known' | 'unknown' | 'ignored';
  path?: string;
  leaf?: boolean;
  badSegment?: number;
  suggestion?: string;
  problem?: string;
}[] = [
  { key: 'traefik.http.routers.api.rule', status: 'known', path: 'traefik.http.routers.*.rule', leaf: true },
  { key: 'traefik.HTTP.Routers.MyApi.Rule', status: 'known', path: 'traefik.http.routers.*.rule' },
  { key: 'traefik.http.services.s.loadBalancer.server.port', status: 'known', leaf: true },
  {
    key: 'traefik.http.routers.r.tls.domains[0].main',
    status: 'known',
    path: 'traefik.http.routers.*.tls.domains.[].main',
  },
  {
    key: 'traefik.http.routers.r.tls.domains.0.sans',
    status: 'known',
    path: 'traefik.http.routers.*.tls.domains.[].sans',
  },
  { key: 'traefik.http.routers.r.tls', status: 'known', leaf: false },
  { key: 'traefik.http.routers.r', status: 'known', path: 'traefik.http.routers.*', leaf: false },
  { key: 'traefik.http.middlewares.m.headers.customRequestHeaders.X-Trace', status: 'known', leaf: true },
  { key: 'traefik.http.middlewares.m.plugin.bouncer.crowdsecLapiKey', status: 'known', leaf: true },
  { key: 'traefik.http.middlewares.m.plugin.bouncer.a.b.c', status: 'known' },
  { key: 'traefik.http.middlewares.m.retry.timeout', status: 'known', leaf: true },
  { key: 'traefik.http.middlewares.m.retry.timeout', version: 'v2', status: 'unknown', badSegment: 5 },
  { key: 'traefik.tcp.services.s.loadbalancer.healthcheck.send', status: 'known' },
  { key: 'traefik.tls.stores.default.defaultgeneratedcert.resolver', status: 'known' },
  { key: 'traefik.enable', status: 'known', leaf: true },
  { key: 'traefik.docker.network', status: 'known' },
  { key: 'traefik.docker.allownonrunning', status: 'known' },
  { key: 'traefik.docker.allownonrunning', version: 'v2', status: 'unknown', badSegment: 2 },
  { key: 'traefik.swarm.lbswarm', status: 'known' },
  { key: 'traefik.swarm.network', version: 'v2', status: 'ignored' },
  // unknown fields, with the nearest valid segment
  { key: 'traefik.http.routers.Api.rulle', status: 'unknown', badSegment: 4, suggestion: 'rule', problem: 'field' },
  { key: 'traefik.http.routerss.api.rule', status: 'unknown', badSegment: 2, suggestion: 'routers' },
  { key: 'traefik.http.services.s.loadbalancer.servers.port', status: 'unknown', badSegment: 5, suggestion: 'server' },
  { key: 'traefik.http.routers.r.tls.domain[0].main', status: 'unknown', badSegment: 5, suggestion: 'domains[0]' },
  { key: 'traefik.http.middlewares.m.stripprefixx.prefixes', status: 'unknown', suggestion: 'stripprefix' },
  { key: 'traefik.http.routers.r.maxRequestBodyBytes', status: 'unknown', badSegment: 4, problem: 'field' },
  { key: 'traefik.https.routers.r.rule', status: 'unknown', badSegment: 1, suggestion: 'http' },
  { key: 'traefik.enabled', status: 'unknown', badSegment: 1, suggestion: 'enable' },
  { key: 'traefik.docker.netwrok', status: 'unknown', badSegment: 2, suggestion: 'network' },
  { key: 'traefik.swarm.allownonrunning', status: 'unknown', badSegment: 2 },
  { key: 'Traefik.http.routers.r.rule', status: 'unknown', badSegment: 0, problem: 'root' },
  { key: 'TRAEFIK.enable', status: 'unknown', badSegment: 0, problem: 'root' },
  { key: 'traefik.http..r.rule', status: 'unknown', badSegment: 2, problem: 'empty' },
  { key: 'traefik.http.routers.r.rule.x', status: 'unknown', badSegment: 5, problem: 'leaf' },
  { key: 'traefik.http.routers.r.rule[0]', status: 'unknown', badSegment: 4, problem: 'bracket' },
  { key: 'traefik.http.routers.r.[0]', status: 'unknown', badSegment: 4, problem: 'bracket' },
  // outside the decoded prefixes, or fields labels cannot set
  { key: 'traefik.port', status: 'ignored' },
  { key: 'traefik.constraint-label', status: 'ignored' },
  { key: 'com.docker.compose.project', status: 'ignored' },
  { key: 'traefik.htp.routers.r.rule', status: 'ignored' },
  { key: 'traefik.tls.options.modern.minversion', status: 'ignored' },
  { key: 'traefik.http.serverstransports.t.insecureskipverify', status: 'ignored' },
  { key: 'traefik.http.services.s.weighted.services', status: 'ignored' },
  { key: 'traefik.http.services.s.loadbalancer.server.url', version: 'v2', status: 'ignored' },
  { key: 'traefik.http.services.s.loadbalancer.server.url', status: 'known' },
];

for (const c of cases) {
  const version = c.version ?? 'v3';
  test(`lookup ${version} ${c.key}: ${c.status}`, () => {
    const found = lookupLabelKey(split(c.key), version);
    assert.equal(found.status, c.status);
    if (c.path) assert.equal(found.path?.join('.'), c.path);
    if (c.leaf !== undefined) assert.equal(found.leaf, c.leaf);
    if (c.badSegment !== undefined) assert.equal(found.badSegment, c.badSegment);
    if (c.suggestion !== undefined) assert.equal(found.suggestion, c.suggestion);
    if (c.problem !== undefined) assert.equal(found.problem, c.problem);
    if (c.status !== 'unknown') assert.equal(found.badSegment, undefined);
  });
}

test('ignored fields carry the reason', () => {
  assert.match(lookupLabelKey(split('traefik.tls.options.x.minversion'), 'v3').note ?? '', /file provider/);
  assert.match(lookupLabelKey(split('traefik.http.serverstransports.t.x'), 'v3').note ?? '', /serversTransports/);
  assert.equal(lookupLabelKey(split('traefik.port'), 'v3').note, undefined);
});

test('an engine keeps one lookup per key shape but not across root case', () => {
  const keys = new LabelKeys();
  const a = keys.lookup(split('traefik.http.routers.One.rule'), 'v3');
  assert.equal(keys.lookup(split('traefik.http.routers.one.RULE'), 'v3'), a);
  assert.deepEqual(lookupLabelKey(split('traefik.http.routers.one.RULE'), 'v3'), a);
  assert.equal(keys.lookup(split('Traefik.http.routers.one.rule'), 'v3').status, 'unknown');
});

test('childKeys lists fields, not user names or ignored fields', () => {
  assert.deepEqual(
    childKeys([], 'v3').map((k) => k.name),
    ['traefik'],
  );
  const router = childKeys(['traefik', 'http', 'routers', 'api'], 'v3');
  assert.deepEqual(
    router.map((k) => k.name),
    ['entrypoints', 'middlewares', 'observability', 'priority', 'rule', 'rulesyntax', 'service', 'tls'],
  );
  assert.equal(router.find((k) => k.name === 'rule')?.leaf, true);
  assert.equal(router.find((k) => k.name === 'tls')?.leaf, false);
  assert.ok(router.find((k) => k.name === 'rule')?.description);
  assert.deepEqual(childKeys(['traefik', 'http', 'routers'], 'v3'), []);
  assert.deepEqual(
    childKeys(['traefik', 'http', 'routers', 'r', 'tls', 'domains[0]'], 'v3').map((k) => k.name),
    ['main', 'sans'],
  );
  assert.ok(childKeys(['traefik'], 'v2').every((k) => k.name !== 'swarm'));
  assert.ok(childKeys(['traefik'], 'v3').some((k) => k.name === 'swarm'));
  assert.deepEqual(childKeys(['traefik', 'http', 'routers', 'r', 'rule'], 'v3'), []);
});
