// .gateway-lens.yaml: its errors on the exact key or value, what still applies next to them, the
// schema file kept equal to the checks, and its precedence over the editor's or CLI's options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, CHECKS, configCandidates, configSchema, withConfig } from '../../../server/src/analysis';
import { parseConfig } from '../../../server/src/analysis/config';
import { yaml } from '../../helpers';

const FILE = '/project/.gateway-lens.yaml';

function problems(text: string): string[] {
  return parseConfig(FILE, text).findings.map((f) => `${text.slice(f.range.start, f.range.end)} | ${f.message}`);
}

const errorCases: { name: string; text: string; expect: RegExp[] }[] = [
  { name: 'a valid file', text: 'severity:\n  missing-port: off\ntraefik:\n  version: v2\n', expect: [] },
  { name: 'an empty file', text: '', expect: [] },
  {
    name: 'a misspelt top-level key, on the key',
    text: 'severty:\n  missing-port: off\n',
    expect: [/^severty \| Unknown key "severty" in the configuration; did you mean "severity"\?$/],
  },
  {
    name: 'an unknown code, on the code',
    text: 'severity:\n  missing-prot: off\n',
    expect: [/^missing-prot \| "missing-prot" is not a Gateway Lens code; did you mean "missing-port"\?$/],
  },
  {
    name: 'a bad level, on the value',
    text: 'severity:\n  missing-port: warn\n',
    expect: [
      /^warn \| "severity.missing-port" cannot be "warn": use off, info, warning, error \(did you mean "warning"\?\)\.$/,
    ],
  },
  {
    name: 'a bad version, on the value',
    text: 'traefik:\n  version: 3\n',
    expect: [/^3 \| "traefik.version" cannot be "3": use v2, v3/],
  },
  {
    name: 'a string where a list belongs',
    text: 'externalMiddlewares: auth@file\n',
    expect: [/^auth@file \| "externalMiddlewares" must be a list\.$/],
  },
  {
    name: 'an unknown key under traefik',
    text: 'traefik:\n  verison: v3\n',
    expect: [/^verison \| Unknown key "verison" in traefik; did you mean "version"\?$/],
  },
  { name: 'not YAML', text: 'severity: [\n', expect: [/Not valid YAML/] },
  { name: 'a duplicate key', text: 'files: [a]\nfiles: [b]\n', expect: [/Not valid YAML/] },
];

for (const c of errorCases) {
  test(`config errors: ${c.name}`, () => {
    const got = problems(c.text);
    assert.equal(got.length, c.expect.length, got.join('\n'));
    c.expect.forEach((re, i) => assert.match(got[i], re));
  });
}

test('config: what is valid next to an error still applies', () => {
  const { config } = parseConfig(
    FILE,
    yaml`
      severity:
        missing-port: off
        missing-prot: off
        priority-tie: loud
      traefik:
        version: v2
        colour: blue
      externalMiddlewares: [auth@file, '', auth@file]
      files: [stacks/*.yml]
    `,
  );
  assert.deepEqual(config.severity, { 'missing-port': 'off' });
  assert.equal(config.traefikVersion, 'v2');
  assert.deepEqual(config.externalMiddlewares, ['auth@file', 'auth@file']);
  assert.deepEqual(config.files, ['stacks/*.yml']);
});

test('config: the file wins over the options for facts, severity comes from the file', () => {
  const { config } = parseConfig(
    FILE,
    'traefik:\n  version: v2\nexternalServices: [billing]\nseverity:\n  not-enabled: error\n',
  );
  const merged = withConfig({ version: 'v3', externalServices: ['other'], externalMiddlewares: ['kept'] }, config);
  assert.equal(merged.version, 'v2');
  assert.deepEqual(merged.externalServices, ['billing']);
  assert.deepEqual(merged.externalMiddlewares, ['kept'], 'a fact the file does not set keeps the option');
  assert.deepEqual(merged.severity, { 'not-enabled': 'error' });
});

test('config in an analysis: severity off, a raised severity, the version, and its problems', () => {
  const compose = yaml`
    services:
      api:
        image: busybox
        labels:
          - traefik.http.routers.api.rule=Host(\`a\`)
          - traefik.http.routers.api.middlewares=auth
  `;
  const analyse = (config: string, options = {}) =>
    new Analyzer().analyze({
      files: [{ file: '/project/docker-compose.yml', text: compose }],
      options,
      config: { file: FILE, text: config },
    });
  const codes = (config: string, options = {}) =>
    analyse(config, options).findings.map((f) => `${f.code}:${f.severity}`);
  assert.ok(codes('').includes('missing-port:warning'));
  assert.ok(!codes('severity:\n  missing-port: off\n').some((c) => c.startsWith('missing-port')));
  assert.ok(codes('severity:\n  missing-port: error\n').includes('missing-port:error'));
  assert.ok(codes('severity:\n  missng-port: off\n').includes('invalid-config:error'));
  assert.equal(analyse('traefik:\n  version: v2\n', { version: 'v3' }).project.version, 'v2');
  const external = (config: string) => codes(config).filter((c) => c.startsWith('undefined-middleware'));
  assert.equal(external('').length, 1);
  assert.deepEqual(external('externalMiddlewares: [auth]\n'), []);
});

test('configCandidates: nearest first, each folder up to the stop', () => {
  assert.deepEqual(configCandidates('/a/b', '/a'), [
    '/a/b/.gateway-lens.yaml',
    '/a/b/.gateway-lens.yml',
    '/a/.gateway-lens.yaml',
    '/a/.gateway-lens.yml',
  ]);
  assert.equal(configCandidates('/a/b').at(-1), '/.gateway-lens.yml');
});

test('schemas/gateway-lens-config.json is the schema the core validates with, one entry per code', () => {
  const file = path.join(__dirname, '..', '..', '..', 'schemas', 'gateway-lens-config.json');
  const written = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  assert.deepEqual(
    written,
    JSON.parse(JSON.stringify(configSchema())),
    'run: node --import tsx scripts/generate-config-schema.ts',
  );
  const severity = (written.properties as Record<string, { properties: Record<string, unknown> }>).severity;
  assert.deepEqual(
    Object.keys(severity.properties),
    CHECKS.map((c) => c.code),
  );
});

test('package.json contributes the schema for .gateway-lens.yaml (yamlValidation)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { yamlValidation?: { fileMatch: string | string[]; url: string }[] };
  };
  const entry = pkg.contributes.yamlValidation?.find((v) => [v.fileMatch].flat().includes('.gateway-lens.yaml'));
  assert.ok(entry, 'yamlValidation entry');
  assert.ok(fs.existsSync(path.join(__dirname, '..', '..', '..', entry.url)));
});
