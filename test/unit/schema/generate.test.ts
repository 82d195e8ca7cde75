// scripts/generate-schemas.mjs: placeholders become name positions, placeholder values become
// typed patterns, the overlay is applied, and the committed schemas are what it generates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CUSTOM_KEYWORDS } from '../../../server/src/analysis/schema';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'generate-schemas.mjs');
// Copies of Traefik's reference files (test/fixtures/traefik/README.md names each upstream path), so the repo stands alone.
const SHARED = path.resolve(ROOT, 'test', 'fixtures', 'traefik');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function generate(reference: string, version: 'v2' | 'v3'): { schema: Json; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gl-schema-'));
  const input = path.join(dir, `docker-labels.${version}.yml`);
  const output = path.join(dir, 'out.json');
  writeFileSync(input, reference);
  execFileSync(process.execPath, [SCRIPT, input, output], { stdio: 'pipe' });
  const text = readFileSync(output, 'utf8');
  return { schema: JSON.parse(text) as Json, text };
}

const TINY = `
- "traefik.http.routers.router0.rule=foobar"
- "traefik.http.routers.router0.priority=42"
- "traefik.http.routers.router1.entrypoints=foobar, foobar"
- "traefik.http.routers.router0.tls=true"
- "traefik.http.routers.router0.tls.domains[0].main=foobar"
- "traefik.http.middlewares.middleware01.retry.initialinterval=42s"
- "traefik.http.middlewares.middleware02.headers.customrequestheaders.name0=foobar"
- "traefik.http.middlewares.middleware03.errors.status=42, 42"
- "traefik.http.middlewares.middleware04.plugin.pluginconf0.name0=foobar"
- "traefik.http.services.service01.loadbalancer.passhostheader=true"
- "traefik.http.services.service01.loadbalancer.sticky.cookie.samesite=foobar"
- "traefik.tls.stores.store0.defaultgeneratedcert.resolver=foobar"
`;

const http = (s: Json): Json => s.properties.traefik.properties.http.properties;
const router = (s: Json): Json => http(s).routers.additionalProperties.properties;

test('generator: placeholders become user names, merged across router0/router1', () => {
  const { schema } = generate(TINY, 'v3');
  const routers = http(schema).routers;
  assert.equal(routers['x-name'], 'router');
  assert.deepEqual(Object.keys(routers.properties), []);
  // parentrefs comes from the overlay: Traefik finds it but never reads it from labels.
  assert.deepEqual(Object.keys(router(schema)).sort(), ['entrypoints', 'parentrefs', 'priority', 'rule', 'tls']);
  assert.match(router(schema).parentrefs['x-ignored'], /cannot be set with labels/);
  const headers = http(schema).middlewares.additionalProperties.properties.headers.properties.customrequestheaders;
  assert.equal(headers.additionalProperties['x-type'], 'string');
});

test('generator: value types from placeholder values', () => {
  const { schema } = generate(TINY, 'v3');
  const r = router(schema);
  assert.equal(r.rule['x-type'], 'string');
  assert.equal(r.priority['x-type'], 'int');
  assert.equal(r.entrypoints['x-type'], 'list');
  const middleware = http(schema).middlewares.additionalProperties.properties;
  assert.equal(middleware.retry.properties.initialinterval['x-type'], 'duration');
  assert.equal(middleware.errors.properties.status['x-type'], 'int-list');
  const lb = http(schema).services.additionalProperties.properties.loadbalancer.properties;
  assert.equal(lb.passhostheader['x-type'], 'bool');
  assert.equal(lb.passhostheader.pattern, '^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$');
});

test('generator: [0] is a list element, a value plus sub-keys is an allowEmpty object', () => {
  const { schema } = generate(TINY, 'v3');
  const tls = router(schema).tls;
  assert.equal(tls.type, 'object');
  assert.equal(tls['x-value']['x-type'], 'enable');
  assert.equal(tls['x-value']['x-soft'], true);
  assert.equal(tls.properties.domains.type, 'array');
  assert.equal(tls.properties.domains.items.properties.main['x-type'], 'string');
});

test('generator: overlay adds cited gaps, enums, the default store and free-form plugins', () => {
  const v3 = generate(TINY, 'v3').schema;
  const traefik = v3.properties.traefik.properties;
  assert.equal(traefik.enable['x-type'], 'bool');
  assert.equal(traefik.docker.properties.allownonrunning['x-type'], 'bool');
  assert.equal(traefik.swarm.properties.network['x-type'], 'string');
  assert.equal(http(v3).middlewares.additionalProperties.properties.retry.properties.timeout['x-type'], 'duration');
  const cookie = http(v3).services.additionalProperties.properties.loadbalancer.properties.sticky.properties.cookie;
  assert.deepEqual(cookie.properties.samesite['x-enum'], ['none', 'lax', 'strict']);
  assert.equal(cookie.properties.samesite['x-soft'], true);
  const stores = traefik.tls.properties.stores;
  assert.deepEqual(Object.keys(stores.properties), ['default']);
  assert.match(stores.additionalProperties['x-ignored'], /default/);
  assert.equal(http(v3).middlewares.additionalProperties.properties.plugin.additionalProperties['x-raw'], true);

  const v2 = generate(TINY, 'v2').schema.properties.traefik.properties;
  assert.equal(v2.docker.properties.allownonrunning, undefined);
  assert.match(v2.swarm['x-ignored'], /v3/);
});

test('generator: output is deterministic and sorted', () => {
  const a = generate(TINY, 'v3').text;
  const shuffled = TINY.trim().split('\n').reverse().join('\n');
  assert.equal(generate(shuffled, 'v3').text, a);
  assert.ok(a.indexOf('"entrypoints"') < a.indexOf('"priority"'));
});

test('generator: rejects conflicting placeholder types', () => {
  const conflicting = '- "traefik.http.routers.router0.priority=42"\n- "traefik.http.routers.router1.priority=true"\n';
  assert.throws(() => generate(conflicting, 'v3'));
});

test('generated schemas compile with ajv (draft-07 plus the x- keywords) and validate nested labels', () => {
  for (const version of ['v2', 'v3'] as const) {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', `traefik-labels.${version}.json`), 'utf8'));
    const ajv = new Ajv({ strict: true });
    ajv.addVocabulary([...CUSTOM_KEYWORDS]);
    const validate = ajv.compile(schema);
    const good = { traefik: { enable: 'true', http: { routers: { api: { rule: 'Host(`a`)', priority: '10' } } } } };
    assert.equal(validate(good), true, JSON.stringify(validate.errors));
    const bad = { traefik: { http: { routers: { api: { priority: 'high' } } } } };
    assert.equal(validate(bad), false);
    const unknown = { traefik: { http: { routers: { api: { rulle: 'x' } } } } };
    assert.equal(validate(unknown), false);
  }
});

test("committed schemas are what the generator makes of Traefik's reference lists", () => {
  for (const version of ['v2', 'v3'] as const) {
    const { text } = generate(readFileSync(path.join(SHARED, `docker-labels.${version}.yml`), 'utf8'), version);
    const committed = readFileSync(path.join(ROOT, 'schemas', `traefik-labels.${version}.json`), 'utf8');
    assert.equal(text, committed, `schemas/traefik-labels.${version}.json is stale: npm run schemas`);
  }
});
