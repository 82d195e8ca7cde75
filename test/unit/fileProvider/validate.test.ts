// unknown-dynamic-key and invalid-value in the file provider's files: Traefik's own reference
// files (every key it documents, YAML and TOML) give nothing; each mistake is underlined alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/analysis';
import { parseDynamicFile } from '../../../server/src/analysis/traefik/fileProvider';
import { run, yaml } from '../../helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'traefik');

for (const [name, version] of [
  ['dynamic-config.v3.yaml', 'v3'],
  ['dynamic-config.v3.toml', 'v3'],
  ['dynamic-config.v2.yaml', 'v2'],
  ['dynamic-config.v3.yaml', undefined],
] as const) {
  test(`Traefik's reference ${name} (${version ?? 'version unknown'}) has no problem`, () => {
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    const file = parseDynamicFile(`/x/${name}`, `/etc/traefik/${name}`, text, version);
    assert.deepEqual(
      file.problems.map((p) => `${p.code} ${p.key}`),
      [],
    );
    assert.equal(file.refused, undefined);
    assert.ok(file.definitions.length > 40, `${file.definitions.length} definitions`);
  });
}

const compose = yaml`
  services:
    traefik:
      image: traefik:v3.1
      command: --providers.docker --providers.file.filename=/etc/traefik/dynamic.yml
      volumes:
        - ./dynamic.yml:/etc/traefik/dynamic.yml:ro
    app:
      image: app
      labels:
        - traefik.http.routers.app.rule=Host(\`a.example\`)
        - traefik.http.routers.app.middlewares=auth@file
        - traefik.http.services.app.loadbalancer.server.port=80
`;

const cases: { name: string; dynamic: string; expect: string[] }[] = [
  {
    name: 'field names ignore case, as Traefik decodes them',
    dynamic: 'HTTP:\n  Middlewares:\n    auth:\n      BASICAUTH:\n        Users: ["u:p"]\n',
    expect: [],
  },
  {
    name: 'unknown top-level keys are skipped by Traefik',
    dynamic: 'x-common: &c\n  a: 1\nhttp:\n  middlewares:\n    auth:\n      basicAuth:\n        users: ["u:p"]\n',
    expect: [],
  },
  {
    name: 'a misspelt field: refused file, the reference to its name says so',
    dynamic: 'http:\n  middlewares:\n    auth:\n      basicAuth:\n        userz: ["u:p"]\n',
    expect: ['unknown-dynamic-key userz', 'undefined-middleware auth@file'],
  },
  {
    name: 'a misspelt middleware type',
    dynamic: 'http:\n  middlewares:\n    auth:\n      basicAuthh:\n        users: ["u:p"]\n',
    expect: ['unknown-dynamic-key basicAuthh', 'undefined-middleware auth@file'],
  },
  {
    name: 'a value Traefik cannot decode',
    dynamic:
      'http:\n  middlewares:\n    auth:\n      basicAuth:\n        users: ["u:p"]\n        removeHeader: yes please\n',
    expect: ['invalid-value removeHeader', 'undefined-middleware auth@file'],
  },
  {
    name: 'plugin configuration takes any key',
    dynamic:
      'http:\n  middlewares:\n    auth:\n      plugin:\n        my-plugin:\n          anything: [1, 2]\n          deep: {er: x}\n',
    expect: [],
  },
  {
    name: 'a templated file is not judged',
    dynamic: 'http:\n  middlewares:\n    auth:\n      basicAuth:\n        userz: ["{{ env "U" }}"]\n',
    expect: [],
  },
];

for (const c of cases) {
  test(`dynamic file: ${c.name}`, () => {
    const got = run('unknown-dynamic-key', compose, { mounted: { '/project/dynamic.yml': c.dynamic } })
      .concat(run('invalid-value', compose, { mounted: { '/project/dynamic.yml': c.dynamic } }))
      .concat(run('undefined-middleware', compose, { mounted: { '/project/dynamic.yml': c.dynamic } }));
    assert.deepEqual(
      got.map((f) => `${f.code} ${f.text || '?'}`),
      c.expect,
    );
  });
}

test('the committed dynamic trees are what the generator writes from the references', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const dir = mkdtempSync(path.join(tmpdir(), 'gl-dynamic-'));
  for (const version of ['v2', 'v3']) {
    const out = path.join(dir, `${version}.json`);
    execFileSync(process.execPath, [
      path.join(root, 'scripts', 'generate-dynamic-schema.mjs'),
      path.join(FIXTURES, `dynamic-config.${version}.yaml`),
      out,
      '--version',
      version,
    ]);
    assert.equal(
      readFileSync(out, 'utf8'),
      readFileSync(path.join(root, 'schemas', `traefik-dynamic.${version}.json`), 'utf8'),
    );
  }
});

// The file provider is judged for the project's version (its source, as every other check):
// tcp.serversTransports is Traefik v3 only.
for (const [name, options, problems] of [
  ['the workspace says v2 for an image whose tag is a variable', { workspaceVersion: { version: 'v2', why: 'x' } }, 1],
  ['a setting says v2', { version: 'v2' }, 1],
  ['nothing says: judged for both', {}, 0],
] as const) {
  test(`file provider version: ${name}`, () => {
    const project = new Analyzer().project({
      files: [
        {
          file: '/p/compose.yaml',
          text: 'services:\n  traefik:\n    image: traefik:${TAG}\n    command: --providers.file.filename=/d.yml\n    volumes: [./d.yml:/d.yml]\n',
        },
      ],
      readFile: (f) => (f === '/p/d.yml' ? 'tcp:\n  serversTransports:\n    t: {}\n' : undefined),
      options,
    });
    assert.equal(project.fileProvider.files[0]?.problems.length, problems);
  });
}
