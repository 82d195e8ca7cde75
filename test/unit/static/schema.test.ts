// scripts/generate-static-schema.mjs and the static key lookup: placeholders become user-chosen
// names, the overlays are applied, the committed tree is what the generator writes, and lookups
// follow paerser (names ignore case, removed v2 keys are refused by v3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lookupStaticKey } from '../../../server/src/analysis/traefik/staticConfig';
import { readFlags } from '../../../server/src/analysis/traefik/staticConfig/flags';
import { isBoolFlag } from '../../../server/src/analysis/traefik/staticConfig/schema';
import { ComposeParser } from '../../../server/src/analysis/compose/parse';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'generate-static-schema.mjs');
// Copy of Traefik's docs/content/reference/static-configuration/file.yaml (test/fixtures/traefik/README.md).
const REFERENCE = path.resolve(ROOT, 'test', 'fixtures', 'traefik', 'static-config.v3.yaml');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function generate(reference: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gl-static-'));
  const input = path.join(dir, 'static-config.v3.yaml');
  const output = path.join(dir, 'out.json');
  writeFileSync(input, reference);
  execFileSync(process.execPath, [SCRIPT, input, output], { stdio: 'pipe' });
  return readFileSync(output, 'utf8');
}

const COMMITTED = readFileSync(path.join(ROOT, 'schemas', 'traefik-static.v3.json'), 'utf8');

test('the committed tree is what the generator writes from the reference', () => {
  assert.equal(generate(readFileSync(REFERENCE, 'utf8')), COMMITTED);
});

test('placeholders become names, sample values become kinds, overlays are marked', () => {
  const tree = JSON.parse(COMMITTED) as Json;
  const entryPoints = tree.properties.entryPoints;
  assert.equal(entryPoints['x-name'], 'entry point');
  assert.equal(entryPoints.properties, undefined);
  const ep = entryPoints.additionalProperties;
  assert.equal(ep.properties.address['x-type'], 'string');
  assert.equal(ep.properties.asDefault['x-type'], 'bool');
  assert.equal(ep.properties.transport.properties.lifeCycle.properties.graceTimeOut['x-type'], 'duration');
  assert.equal(ep.properties.forwardedHeaders.properties.trustedIPs['x-type'], 'list');
  assert.ok(ep.properties.http.properties.tls.properties.domains.items.properties.main);
  assert.deepEqual(tree.properties.providers.properties.plugin.additionalProperties, { 'x-raw': true });
  assert.match(tree.properties.providers.properties.precedence['x-cite'], /static_config\.go/);
  assert.match(tree.properties.pilot['x-removed'], /removed in v3/);
  assert.equal(tree.properties.providers.properties.docker.properties.swarmMode['x-type'], 'bool');
  assert.equal(tree.additionalProperties, true);
  assert.equal(tree.properties.global.additionalProperties, false);
});

test('a placeholder next to a field is refused', () => {
  assert.throws(() => generate('entryPoints:\n  EntryPoint0:\n    address: foobar\n  web:\n    address: foobar\n'));
});

const lookups: { path: string[]; version?: 'v2' | 'v3'; expect: Record<string, unknown> }[] = [
  { path: ['entryPoints', 'web', 'address'], expect: {} },
  { path: ['ENTRYPOINTS', 'web', 'Address'], expect: {} },
  { path: ['entrypoints', 'web', 'adress'], expect: { bad: 2, problem: 'unknown', suggestion: 'address' } },
  { path: ['providers', 'dockr', 'exposedbydefault'], expect: { bad: 1, problem: 'unknown', suggestion: 'docker' } },
  { path: ['entryPoint'], expect: { bad: 0, problem: 'unknown', suggestion: 'entryPoints' } },
  { path: ['entryPoints', 'web', 'address', 'port'], expect: { bad: 3, problem: 'leaf' } },
  { path: ['entryPoints', 'web', 'http', 'tls', 'domains[0]', 'main'], expect: {} },
  { path: ['entryPoints', 'web', 'http', 'tls', 'domains', '[1]', 'sans'], expect: {} },
  { path: ['entryPoints', 'web[0]'], expect: { bad: 1, problem: 'index' } },
  { path: ['providers', 'plugin', 'mine', 'any', 'thing'], expect: {} },
  { path: ['experimental', 'localPlugins', 'bouncer', 'moduleName'], expect: {} },
  { path: ['accessLog', 'fields', 'headers', 'names', 'User-Agent'], expect: {} },
  { path: ['api', 'dashboardName'], expect: {} },
  { path: ['providers', 'precedence'], expect: {} },
  { path: ['configFile'], expect: {} },
  { path: ['providers', 'docker', 'swarmMode'], expect: { bad: 2, problem: 'removed' } },
  { path: ['providers', 'docker', 'swarmMode'], version: 'v2', expect: {} },
  { path: ['pilot', 'token'], expect: { bad: 0, problem: 'removed' } },
  { path: ['pilot', 'token'], version: 'v2', expect: {} },
  { path: ['tracing', 'jaeger', 'samplingServerURL'], expect: { bad: 1, problem: 'removed' } },
];

for (const { path: keys, version, expect } of lookups) {
  test(`lookup ${keys.join('.')} (${version ?? 'v3'})`, () => {
    const found = lookupStaticKey(keys, version ?? 'v3');
    const { bad, problem, suggestion } = found;
    const got = Object.fromEntries(
      Object.entries({ bad, problem, suggestion }).filter(([k, v]) => v !== undefined && k in expect),
    );
    assert.deepEqual(got, expect);
    assert.equal(found.bad === undefined, Object.keys(expect).length === 0);
  });
}

test('which flags paerser reads as true without a value', () => {
  const cases: [string, boolean, ('v2' | 'v3')?][] = [
    ['providers.docker', true],
    ['api', true],
    ['api.insecure', true],
    ['entryPoints.web', true],
    ['entryPoints.web.address', false],
    ['entryPoints.web.http', false],
    ['entryPoints', false],
    ['metrics.prometheus.buckets', false],
    ['providers.docker.swarmMode', true, 'v2'],
    ['providers.docker.swarmMode', false, 'v3'],
    ['no.such.flag', false],
  ];
  for (const [name, expected, version] of cases) {
    assert.equal(isBoolFlag(name.split('.'), version ?? 'v3'), expected, name);
  }
});

test('flags: values, next-word values, segment ranges inside quoted and plain words', () => {
  const text = [
    'services:',
    '  t:',
    '    image: traefik',
    '    command:',
    '      - "--entryPoints.web.address=:80"',
    '      - --entrypoints.websecure.address',
    '      - :443',
    '      - --api',
    "      - '--log.level=DEBUG'",
    '',
  ].join('\n');
  const service = new ComposeParser().parse('/p/c.yml', text).services[0];
  const { flags } = readFlags(service.command!, text, 'v3');
  const seen = flags.map((f) => [
    f.name,
    f.value,
    f.segments.map((s) => text.slice(s.range.start, s.range.end)).join('|'),
  ]);
  assert.deepEqual(seen, [
    ['entryPoints.web.address', ':80', 'entryPoints|web|address'],
    ['entrypoints.websecure.address', ':443', 'entrypoints|websecure|address'],
    ['api', 'true', 'api'],
    ['log.level', 'DEBUG', 'log|level'],
  ]);
});
