// The Traefik version as one fact (assumed + why), and what a project of unknown version is told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProject, Analyzer } from '../../../server/src/analysis';
import { workspaceVersion } from '../../../server/src/analysis/traefik/version';

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
    compose: traefik('traefik:custom'),
    assumed: 'v3',
    source: 'unknown',
    why: /tag names no major version/,
  },
  {
    name: 'a release code name (v3.5)',
    compose: traefik('traefik:chabichou'),
    assumed: 'v3',
    source: 'image',
    why: /traefik:chabichou/,
  },
  {
    name: 'a v2 release code name',
    compose: traefik('traefik:saintmarcelin'),
    assumed: 'v2',
    source: 'image',
    why: /saintmarcelin/,
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

test('unknown version: an error in v3 that v2 only warns about is a warning that names both', () => {
  // After tiredofit/docker-traefik examples: v3 reads the HostRegexp as a Go regexp (missing ]),
  // v2 as a template where [ is a literal character (a warning).
  const text =
    'services:\n  app:\n    image: nginx\n    labels:\n      - traefik.http.routers.a.rule=HostRegexp(`whoam[i|i2).example.com`)\n';
  const f = analyzeProject({ files: [{ file: COMPOSE, text }] }).findings.filter((x) => x.code === 'rule-syntax');
  assert.deepEqual(
    f.map((x) => [x.severity, /version unknown/.test(x.message)]),
    [['warning', true]],
  );
});

test('unknown version: a v3-only construct is not reported against v2', () => {
  const text =
    'services:\n  app:\n    image: nginx\n    labels:\n      - traefik.http.routers.a.rule=Header(`X-A`, `1`)\n';
  const f = analyzeProject({ files: [{ file: COMPOSE, text }] }).findings.filter((x) => x.code === 'rule-syntax');
  assert.deepEqual(f, []);
});

test('a static option v3 removed: an error naming the replacement on v3, a warning naming both when unknown', () => {
  const compose = (image: string, more = ''): string =>
    `services:\n  proxy:\n    image: ${image}\n    command:\n      - --providers.docker.swarmMode=true\n${more}`;
  const on = (image: string, more?: string) =>
    analyzeProject({ files: [{ file: COMPOSE, text: compose(image, more) }] }).findings.filter(
      (x) => x.code === 'unknown-static-key',
    );
  const v3 = on('traefik:v3.1');
  assert.deepEqual(
    v3.map((f) => f.severity),
    ['error'],
  );
  assert.match(v3[0].message, /providers\.swarm/);
  assert.deepEqual(on('traefik:v2.11'), []);
  // Also an option only v3 has: neither major starts with it, so the version stays unknown.
  const unknown = on('traefik:${TAG}', '      - --providers.swarm.endpoint=unix:///var/run/docker.sock\n');
  assert.deepEqual(
    unknown.map((f) => f.severity),
    ['warning'],
  );
  assert.match(unknown[0].message, /providers\.swarm.*\(in v3; valid in v2, version unknown\)\.$/);
});

// v3 does not start with the v2 options it removed: a static configuration holding some, and none
// of v3's own, runs on v2 (trial project 12: a registry build FROM traefik:v2.2 with swarmMode,
// influxDB and jaeger in traefik.toml, told "Traefik v3 refuses" three times).
const STATIC_CASES: { name: string; compose: string; files?: Record<string, string>; source: string; why?: RegExp }[] =
  [
    {
      name: 'flags with a v2-only option',
      compose: 'services:\n  proxy:\n    image: traefik:${TAG}\n    command: ["--providers.docker.swarmMode=true"]\n',
      source: 'static',
      why: /providers\.docker\.swarmMode, which v3 removed/,
    },
    {
      name: 'v2-only and v3-only options together: unknown',
      compose:
        'services:\n  proxy:\n    image: traefik:${TAG}\n    command: ["--providers.docker.swarmMode=true", "--core.defaultRuleSyntax=v2"]\n',
      source: 'unknown',
    },
    {
      name: 'options both majors accept: unknown',
      compose: 'services:\n  proxy:\n    image: traefik:${TAG}\n    command: ["--providers.docker=true"]\n',
      source: 'unknown',
    },
    {
      name: 'the image still wins',
      compose: 'services:\n  proxy:\n    image: traefik:v3.1\n    command: ["--providers.docker.swarmMode=true"]\n',
      source: 'image',
    },
  ];
for (const c of STATIC_CASES) {
  test(`version from the static configuration: ${c.name}`, () => {
    const got = fact(c.compose, c.files);
    assert.equal(got.source, c.source);
    if (c.source === 'static') assert.equal(got.assumed, 'v2');
    if (c.why) assert.match(got.why, c.why);
  });
}

test('version from the static configuration: a given traefik.toml with v2-only options (--traefik-config)', () => {
  const toml =
    '[providers.docker]\n  swarmMode = true\n[metrics.influxDB]\n  address = "x:8086"\n[tracing.jaeger]\n  samplingServerURL = "http://j"\n';
  const project = new Analyzer().project({
    files: [{ file: COMPOSE, text: 'services:\n  proxy:\n    image: registry.example:5000/acme/traefik\n' }],
    staticFiles: [{ file: '/p/traefik/traefik.toml', text: toml }],
  });
  assert.equal(project.versionFact.source, 'static');
  assert.equal(project.versionFact.assumed, 'v2');
  assert.match(
    project.versionFact.why,
    /^the static configuration uses providers\.docker\.swarmMode and 2 more, which v3 removed$/,
  );
});

test('version from the static configuration: the v2 options are no finding then', () => {
  const text = 'services:\n  proxy:\n    image: traefik:${TAG}\n    command: ["--providers.docker.swarmMode=true"]\n';
  const f = analyzeProject({ files: [{ file: COMPOSE, text }] }).findings.filter(
    (x) => x.code === 'unknown-static-key',
  );
  assert.deepEqual(f, []);
});

// The version the other projects' Traefiks name, for a project with none (editor and `check` alike).
const ELSEWHERE: {
  name: string;
  others: { version: 'v2' | 'v3'; why: string; where: string }[];
  expect: { version: 'v2' | 'v3'; why: string } | undefined;
}[] = [
  { name: 'no other Traefik', others: [], expect: undefined },
  {
    name: 'one Traefik',
    others: [{ version: 'v2', why: 'image traefik:v2.11 (service traefik)', where: 'proxy' }],
    expect: { version: 'v2', why: 'image traefik:v2.11 (service traefik) in proxy/' },
  },
  {
    name: 'two alternatives naming the same major (trial6 min-12)',
    others: [
      { version: 'v3', why: 'image traefik:v3.3 (service traefik)', where: 'traefik' },
      { version: 'v3', why: 'image traefik:v3.3 (service traefik)', where: 'traefik' },
    ],
    expect: { version: 'v3', why: 'image traefik:v3.3 (service traefik) in traefik/ and 1 more' },
  },
  {
    name: 'two naming different majors: none',
    others: [
      { version: 'v2', why: 'image traefik:v2.11 (service traefik)', where: 'old' },
      { version: 'v3', why: 'image traefik:v3.3 (service traefik)', where: 'new' },
    ],
    expect: undefined,
  },
];

for (const c of ELSEWHERE) {
  test(`workspaceVersion: ${c.name}`, () => {
    assert.deepEqual(workspaceVersion(c.others), c.expect);
  });
}
