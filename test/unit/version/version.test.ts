// The Traefik version as one fact (assumed + why), and what a project of unknown version is told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProject, Analyzer } from '../../../server/src/analysis';

const COMPOSE = '/p/docker-compose.yml';

/** The project's facts; `env` are its env files (the .env, or --env-file ones), read as the CLI and the editor do. */
function fact(compose: string, files: Record<string, string> = {}, options = {}, env: string[] = []) {
  const environment = { files: env.map((file) => ({ file, text: files[file] })) };
  return new Analyzer().project({
    files: [{ file: COMPOSE, text: compose }],
    readFile: (p) => files[p],
    options,
    environment,
  }).versionFact;
}

const traefik = (image: string): string => `services:\n  proxy:\n    image: ${image}\n`;

const CASES: {
  name: string;
  compose: string;
  files?: Record<string, string>;
  env?: string[];
  assumed: string;
  source: string;
  why: RegExp;
}[] = [
  {
    name: 'v2 tag',
    compose: traefik('traefik:v2.11'),
    assumed: 'v2',
    source: 'image',
    why: /traefik:v2\.11 \(service proxy\)/,
  },
  { name: 'bare 3.1', compose: traefik('traefik:3.1'), assumed: 'v3', source: 'image', why: /traefik:3\.1/ },
  { name: 'latest', compose: traefik('traefik:latest'), assumed: 'v3', source: 'image', why: /latest/ },
  { name: 'no tag', compose: traefik('traefik'), assumed: 'v3', source: 'image', why: /image traefik/ },
  {
    name: 'tag and digest',
    compose: traefik('traefik:v2.10@sha256:' + 'a'.repeat(64)),
    assumed: 'v2',
    source: 'image',
    why: /v2\.10/,
  },
  {
    name: 'digest only',
    compose: traefik('traefik@sha256:' + 'a'.repeat(64)),
    assumed: 'v3',
    source: 'unknown',
    why: /digest names no version/,
  },
  {
    name: 'odd tag',
    compose: traefik('traefik:chabichou'),
    assumed: 'v3',
    source: 'unknown',
    why: /tag names no major version/,
  },
  {
    name: 'tag from .env',
    compose: traefik('traefik:${TRAEFIK_TAG}'),
    files: { '/p/.env': 'TRAEFIK_TAG=v2.11\n' },
    env: ['/p/.env'],
    assumed: 'v2',
    source: 'image',
    why: /traefik:\$\{TRAEFIK_TAG\} \(service proxy\) = traefik:v2\.11/,
  },
  {
    name: 'tag from an --env-file, quoted',
    compose: traefik('"traefik:${TRAEFIK_TAG}"'),
    files: { '/p/stack.env': 'TRAEFIK_TAG=2.10\n' },
    env: ['/p/stack.env'],
    assumed: 'v2',
    source: 'image',
    why: /^image traefik:\$\{TRAEFIK_TAG\} \(service proxy\) = traefik:2\.10$/,
  },
  {
    // compose reads the --env-file instead of .env: what .env says of the tag does not count.
    name: 'a variable the env files leave unset, though a .env compose does not read sets it',
    compose: traefik('traefik:${TRAEFIK_TAG}'),
    files: { '/p/.env': 'TRAEFIK_TAG=v2.11\n', '/p/stack.env': 'OTHER=1\n' },
    env: ['/p/stack.env'],
    assumed: 'v3',
    source: 'unknown',
    why: /variable with no value/,
  },
  {
    name: 'default of an unset variable',
    compose: traefik('traefik:${TAG:-v2.9}'),
    assumed: 'v2',
    source: 'image',
    why: /traefik:v2\.9/,
  },
  {
    name: 'variable set nowhere',
    compose: traefik('traefik:${TAG}'),
    assumed: 'v3',
    source: 'unknown',
    why: /variable with no value/,
  },
  {
    name: 'no Traefik',
    compose: 'services:\n  app:\n    image: nginx\n',
    assumed: 'v3',
    source: 'unknown',
    why: /no Traefik image in this project/,
  },
];

for (const c of CASES) {
  test(`version: ${c.name}`, () => {
    const got = fact(c.compose, c.files, {}, c.env);
    assert.equal(got.assumed, c.assumed);
    assert.equal(got.source, c.source);
    assert.match(got.why, c.why);
  });
}

test('version: a setting wins over the image, and says so', () => {
  const got = fact(
    traefik('traefik:v3.1'),
    {},
    { version: 'v2', versionSource: 'the gatewayLens.traefik.version setting' },
  );
  assert.deepEqual(got, { assumed: 'v2', source: 'setting', why: 'set by the gatewayLens.traefik.version setting' });
});

test('version: a Traefik service elsewhere in the workspace is used when the project has none', () => {
  const got = fact(
    'services:\n  app:\n    image: nginx\n',
    {},
    { workspaceVersion: { version: 'v2', why: 'image traefik:2.11 in ../proxy/compose.yml' } },
  );
  assert.deepEqual(got, { assumed: 'v2', source: 'workspace', why: 'image traefik:2.11 in ../proxy/compose.yml' });
});

const V2_RULE = (image: string): string =>
  `services:\n${image}  app:\n    image: nginx\n    labels:\n      - traefik.http.routers.a.rule=Host(\`a.example\`, \`b.example\`)\n`;

test('unknown version: a rule only v3 rejects is a warning that names both', () => {
  const text = V2_RULE('');
  const { findings } = analyzeProject({ files: [{ file: COMPOSE, text }] });
  const f = findings.filter((x) => x.code === 'rule-syntax');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /\(in v3; valid in v2, version unknown\)\.$/);
  assert.match(f[0].explanation ?? '', /no Traefik image in this project/);
  assert.deepEqual(f[0].data?.versions, { wrong: 'v3', valid: 'v2' });
});

test('known version: the same rule is an error on v3 and nothing on v2', () => {
  const on = (image: string) =>
    analyzeProject({ files: [{ file: COMPOSE, text: V2_RULE(`  proxy:\n    image: ${image}\n`) }] }).findings.filter(
      (x) => x.code === 'rule-syntax',
    );
  assert.deepEqual(
    on('traefik:v3.1').map((f) => f.severity),
    ['error'],
  );
  assert.deepEqual(on('traefik:v2.11'), []);
});

test('unknown version: what both majors reject stays an error', () => {
  const text =
    'services:\n  app:\n    image: nginx\n    labels:\n      - traefik.http.routers.a.rule=Host(a.example)\n';
  const f = analyzeProject({ files: [{ file: COMPOSE, text }] }).findings.filter((x) => x.code === 'rule-syntax');
  assert.deepEqual(
    f.map((x) => [x.severity, /version unknown/.test(x.message)]),
    [['error', false]],
  );
});

test('unknown version: a v3-only construct is not reported against v2', () => {
  const text =
    'services:\n  app:\n    image: nginx\n    labels:\n      - traefik.http.routers.a.rule=Header(`X-A`, `1`)\n';
  const f = analyzeProject({ files: [{ file: COMPOSE, text }] }).findings.filter((x) => x.code === 'rule-syntax');
  assert.deepEqual(f, []);
});

test('a static option v3 removed: an error naming the replacement on v3, a warning naming both when unknown', () => {
  const compose = (image: string): string =>
    `services:\n  proxy:\n    image: ${image}\n    command:\n      - --providers.docker.swarmMode=true\n`;
  const on = (image: string) =>
    analyzeProject({ files: [{ file: COMPOSE, text: compose(image) }] }).findings.filter(
      (x) => x.code === 'unknown-static-key',
    );
  const v3 = on('traefik:v3.1');
  assert.deepEqual(
    v3.map((f) => f.severity),
    ['error'],
  );
  assert.match(v3[0].message, /providers\.swarm/);
  assert.deepEqual(on('traefik:v2.11'), []);
  const unknown = on('traefik:${TAG}');
  assert.deepEqual(
    unknown.map((f) => f.severity),
    ['warning'],
  );
  assert.match(unknown[0].message, /providers\.swarm.*\(in v3; valid in v2, version unknown\)\.$/);
});
