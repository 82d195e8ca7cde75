// readStaticConfig: which service is Traefik, which source Traefik reads (file, else flags),
// and what the label checks learn from it: entry points, providers, API, rule syntax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import type { StaticConfig } from '../../../server/src/analysis/traefik/static';
import { imageVersion, isTraefikImage } from '../../../server/src/analysis/traefik/staticConfig/service';
import { COMPOSE, project, type Setup } from './support';

/** A Traefik service with the given image and `command:` list items. */
function traefik(image: string, flags: string[], extra = ''): string {
  const command = flags.length > 0 ? `    command:\n${flags.map((f) => `      - ${f}\n`).join('')}` : '';
  return `services:\n  traefik:\n    image: ${image}\n${command}${extra}`;
}

function read(text: string, setup: Setup = {}): StaticConfig {
  return project(text, setup).staticConfig;
}

/** Entry points as `name=address` (`*` marks ones Traefik creates itself, `!` asDefault). */
function entryPoints(config: StaticConfig): string[] {
  return [...config.entryPoints.values()].map(
    (ep) => `${ep.name}=${ep.address ?? '?'}${ep.implicit ? '*' : ''}${ep.asDefault ? '!' : ''}`,
  );
}

test('the Traefik image and its major version', () => {
  const cases: [string, boolean, string | undefined][] = [
    ['traefik', true, 'v3'],
    ['traefik:latest', true, 'v3'],
    ['traefik:v3.1', true, 'v3'],
    ['traefik:3.6.13', true, 'v3'],
    ['docker.io/library/traefik:2.10', true, 'v2'],
    ['library/traefik:v2.11.53', true, 'v2'],
    ['traefik:v2.11@sha256:0123abcd', true, 'v2'],
    ['traefik:1.7', true, 'v1'],
    ['traefik:${TRAEFIK_TAG:-v3}', true, undefined],
    // Release code names (the CODENAME of each vX.Y.0 tag's CI file).
    ['traefik:saintnectaire', true, 'v3'],
    ['traefik:maroilles', true, 'v1'],
    ['traefik:cancoillotte', true, 'v1'],
    ['traefik:montdor', true, 'v2'],
    ['traefik:mimolette-alpine', true, 'v2'],
    ['traefik:comte', true, 'v3'],
    ['traefik:cheddar', true, undefined],
    ['traefik:edge', true, undefined],
    ['traefik/whoami', false, undefined],
    ['thomseddon/traefik-forward-auth:2', false, undefined],
    ['photoprism/traefik:latest', false, undefined],
  ];
  for (const [image, isTraefik, version] of cases) {
    assert.equal(isTraefikImage(image), isTraefik, image);
    if (isTraefik) assert.equal(imageVersion(image), version, image);
  }
});

test('version reaches the project; Traefik 1.x is not read', () => {
  assert.equal(project(traefik('traefik:v2.10', ['--providers.docker'])).version, 'v2');
  const v1 = read(traefik('traefik:1.7', ['--providers.docker']));
  assert.equal(v1.found, false);
  assert.match(v1.notes?.[0] ?? '', /Traefik v1/);
});

const flagCases: { name: string; flags: string[]; image?: string; expect: (c: StaticConfig) => void }[] = [
  {
    name: 'flag names ignore case; asDefault',
    flags: [
      '--entryPoints.web.address=:80',
      '--entrypoints.websecure.address=:443',
      '--ENTRYPOINTS.websecure.asDefault=true',
    ],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80', 'websecure=:443!']),
  },
  {
    name: 'a non-bool flag takes the next word as its value',
    flags: ['--entrypoints.web.address', "':8081'", '--providers.docker'],
    expect: (c) => {
      assert.deepEqual(entryPoints(c), ['web=:8081']);
      assert.equal(c.docker?.exposedByDefault, true);
    },
  },
  {
    name: 'a bool flag alone is true and does not take the next word',
    flags: ['--providers.docker', '--providers.docker.exposedbydefault=false', '--providers.docker.network=proxy'],
    expect: (c) => {
      assert.equal(c.docker?.exposedByDefault, false);
      assert.equal(c.docker?.network, 'proxy');
    },
  },
  {
    name: 'a provider set to false is off even with sub-keys',
    flags: ['--providers.docker=false', '--providers.docker.exposedbydefault=false'],
    expect: (c) => assert.equal(c.docker, undefined),
  },
  {
    name: 'any sub-key enables the provider (exposedByDefault defaults to true)',
    flags: ['--providers.docker.network=proxy'],
    expect: (c) => assert.deepEqual([c.docker?.exposedByDefault, c.docker?.network], [true, 'proxy']),
  },
  {
    name: 'exposedByDefault from a compose variable with no value here is unknown',
    flags: ['--providers.docker.exposedbydefault=${EXPOSE}'],
    expect: (c) => assert.equal(c.docker?.exposedByDefaultUnknown, true),
  },
  {
    name: 'swarm provider (v3)',
    flags: ['--providers.swarm.exposedByDefault=false', '--entrypoints.web.address=:80'],
    expect: (c) => assert.deepEqual([c.swarm?.exposedByDefault, c.docker], [false, undefined]),
  },
  {
    name: 'v2 swarmMode: a bool flag, the docker provider reads Swarm services',
    image: 'traefik:v2.10',
    flags: ['--providers.docker', '--providers.docker.swarmMode', '--providers.docker.network=proxy'],
    expect: (c) => assert.deepEqual([c.docker, c.swarm?.network], [undefined, 'proxy']),
  },
  {
    name: 'swarmMode, version unknown: v3 refuses the key, so a Traefik that starts with it is v2',
    image: 'traefik:${TAG}',
    flags: ['--providers.docker', '--providers.docker.swarmMode=true'],
    expect: (c) => assert.deepEqual([c.docker, c.swarm?.exposedByDefault], [undefined, true]),
  },
  {
    name: 'swarmMode on v3 is no swarm provider (Traefik does not start: unknown-static-key)',
    flags: ['--providers.docker', '--providers.docker.swarmMode=true'],
    expect: (c) => assert.deepEqual([c.docker?.exposedByDefault, c.swarm], [true, undefined]),
  },
  {
    name: 'no entry point configured: Traefik creates http on :80; api.insecure adds traefik on :8080',
    flags: ['--api.insecure=true', '--providers.docker'],
    expect: (c) => {
      assert.deepEqual(entryPoints(c), ['http=:80*', 'traefik=:8080*']);
      assert.deepEqual(c.api, { insecure: true, dashboard: true });
    },
  },
  {
    name: 'ping and prometheus default to the traefik entry point',
    flags: ['--entrypoints.web.address=:80', '--ping', '--metrics.prometheus=true'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80', 'traefik=:8080*']),
  },
  {
    name: 'ping on another entry point needs no traefik entry point',
    flags: ['--entrypoints.web.address=:80', '--ping', '--ping.entryPoint=web'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80']),
  },
  {
    name: 'a configured traefik entry point keeps its address',
    flags: ['--api.insecure', '--entrypoints.traefik.address=:9000'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['traefik=:9000']),
  },
  {
    name: 'the first word that is not a flag ends the flags',
    flags: ['--api.insecure', 'true', '--entrypoints.web.address=:80'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['http=:80*', 'traefik=:8080*']),
  },
  {
    name: 'a valueless bool flag does not swallow the next flag',
    flags: ['--api.insecure', '--entrypoints.web.address=:80'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80', 'traefik=:8080*']),
  },
  {
    name: 'a v2 option v3 refuses, alone, does not swallow the next flag',
    flags: ['--providers.docker.swarmMode', '--entrypoints.web.address=:80'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80']),
  },
  {
    name: 'an unknown flag alone does not swallow the next flag',
    flags: ['--no.such.flag', '--entrypoints.web.address=:80'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80']),
  },
  {
    name: 'a leading traefik word is the program',
    flags: ['traefik', '--entrypoints.web.address=:80'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80']),
  },
  {
    name: 'flags merge entry points whose names differ in case; the first sorted key names it',
    flags: ['--entrypoints.web.http.tls=true', '--entrypoints.Web.address=:80'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['Web=:80']),
  },
  {
    name: 'an entry point configured without an address',
    flags: ['--entrypoints.web.address=:80', '--entryPoints.http.forwardedHeaders.insecure=true'],
    expect: (c) => assert.deepEqual(entryPoints(c), ['web=:80', 'http=?']),
  },
  {
    name: 'an interpolated entry point name makes the names unknown',
    flags: ['--entrypoints.${EP}.address=:80'],
    expect: (c) => assert.deepEqual([c.found, c.entryPointsKnown], [true, false]),
  },
  {
    name: 'file provider, default rule syntax',
    flags: ['--providers.file.directory=/rules', '--core.defaultRuleSyntax=v2'],
    expect: (c) => assert.deepEqual([c.fileProvider, c.defaultRuleSyntax], [true, 'v2']),
  },
];

for (const { name, flags, image, expect } of flagCases) {
  test(`flags: ${name}`, () => {
    const config = read(traefik(image ?? 'traefik:v3.1', flags));
    assert.equal(config.found, true);
    assert.equal(config.from, 'flags');
    assert.equal(config.settingsKnown, true);
    expect(config);
  });
}

test('flags: values are read as compose interpolates them; an unknown variable leaves the value unknown', () => {
  const flags = [
    '--api.insecure=${INSECURE:-false}',
    '--providers.docker.exposedbydefault=${EXPOSE:-false}',
    '--entrypoints.web.address=:${HTTP_PORT}',
  ];
  const known = read(traefik('traefik:v3.1', flags), { env: 'HTTP_PORT=8000\n' });
  assert.equal(known.api?.insecure, false);
  assert.equal(known.docker?.exposedByDefault, false);
  assert.deepEqual(entryPoints(known), ['web=:8000']);
  // Without a .env the editor cannot know HTTP_PORT; the defaults still decide the others.
  const unknown = read(traefik('traefik:v3.1', flags));
  assert.equal(unknown.api?.insecure, false);
  assert.equal(unknown.docker?.exposedByDefault, false);
  assert.deepEqual(entryPoints(unknown), ['web=:${HTTP_PORT}'], 'as written');
});

test('flags: a command given as one string', () => {
  const config = read('services:\n  proxy:\n    image: traefik\n    command: --api.insecure=true --providers.docker\n');
  assert.deepEqual(entryPoints(config), ['http=:80*', 'traefik=:8080*']);
});

test('flags: a string command is split as compose splits it (quotes join a word)', () => {
  const config = read(
    'services:\n  proxy:\n    image: traefik\n    command: --entrypoints.web.address=":80" --log.format \'json\' --api.insecure\n',
  );
  assert.deepEqual(entryPoints(config), ['web=:80', 'traefik=:8080*']);
});

test('flags: a string command keeps a backtick span with blanks in one word (go-shellwords)', () => {
  // Quoted as compose needs it (a bare `(` makes compose refuse the string: compose-spec says so).
  const rule = 'Host(`{{ normalize .Name }}.example.com`)';
  for (const command of [
    `--providers.docker --providers.docker.defaultRule='${rule}'`,
    `--providers.docker --providers.docker.defaultRule=${rule}`,
  ]) {
    const text = `services:\n  proxy:\n    image: traefik\n    command: ${command} --entrypoints.web.address=:80\n`;
    const config = read(text);
    assert.equal(config.docker?.defaultRule, rule, command);
    assert.deepEqual(entryPoints(config), ['web=:80'], command);
  }
});

test('flags: entry point origins point at the name inside the flag', () => {
  const text = traefik('traefik', ['"--entrypoints.web.address=:80"', '--entryPoints.websecure.address=:443']);
  const config = read(text);
  const slices = [...config.entryPoints.values()].map((ep) => text.slice(ep.origin!.range.start, ep.origin!.range.end));
  assert.deepEqual(slices, ['web', 'websecure']);
  assert.equal(config.entryPoints.get('web')!.origin!.file, COMPOSE);
});

test('flags: an override file replaces the command', () => {
  const base = traefik('traefik:v3.1', ['--entrypoints.web.address=:80']);
  const override = yaml`
    services:
      traefik:
        command:
          - --entrypoints.websecure.address=:443
  `;
  const config = read(base, { others: { '/p/docker-compose.override.yml': override } });
  assert.deepEqual(entryPoints(config), ['websecure=:443']);
  assert.equal(config.version, 'v3');
});

test('flags: a service built from a Dockerfile with Traefik flags is Traefik', () => {
  const text = yaml`
    services:
      proxy:
        build: ./traefik
        command: ["--providers.docker.exposedbydefault=false", "--entrypoints.web.address=:80"]
  `;
  const config = read(text);
  assert.deepEqual([config.found, config.version, config.docker?.exposedByDefault], [true, undefined, false]);
});

const STATIC = yaml`
  entryPoints:
    web:
      address: ":80"
    websecure:
      address: ":443"
      asDefault: true
  providers:
    docker:
      exposedByDefault: false
      network: proxy
    file:
      directory: /rules
  api:
    dashboard: true
`;

test('file: a mounted traefik.yml wins over the flags', () => {
  const text = traefik(
    'traefik:v3.1',
    ['--entrypoints.other.address=:81'],
    '    volumes:\n      - ./traefik/traefik.yml:/etc/traefik/traefik.yml:ro\n',
  );
  const p = project(text, { mounted: { '/p/traefik/traefik.yml': STATIC } });
  const config = p.staticConfig;
  assert.deepEqual([config.from, config.settingsKnown], ['file', true]);
  assert.deepEqual(entryPoints(config), ['web=:80', 'websecure=:443!']);
  assert.deepEqual(
    [config.docker?.exposedByDefault, config.docker?.network, config.fileProvider],
    [false, 'proxy', true],
  );
  assert.deepEqual(config.api, { insecure: false, dashboard: true });
  const web = config.entryPoints.get('web')!.origin!;
  assert.equal(web.file, '/p/traefik/traefik.yml');
  assert.equal(STATIC.slice(web.range.start, web.range.end), 'web');
  assert.deepEqual(p.staticFiles, [{ file: '/p/traefik/traefik.yml', text: STATIC }]);
  assert.ok(config.notes?.some((n) => /ignores the command flags/.test(n)));
});

test('file: a mounted file that cannot be read leaves entry points unknown (flags are still ignored)', () => {
  const text = traefik(
    'traefik',
    ['--entrypoints.web.address=:80'],
    '    volumes:\n      - ./traefik.yml:/traefik.yml\n',
  );
  const config = read(text);
  assert.deepEqual(
    [config.found, config.from, config.entryPointsKnown, config.settingsKnown, config.docker],
    [true, 'file', false, undefined, undefined],
  );
});

test('file: lookup paths, directory mounts, --configFile, relative sources', () => {
  const cases: { name: string; volumes: string[]; flags?: string[]; file: string; from: string; known: boolean }[] = [
    {
      name: 'directory on /etc/traefik',
      volumes: ['./conf:/etc/traefik'],
      file: '/p/conf/traefik.yml',
      from: 'file',
      known: true,
    },
    {
      name: 'yaml extension',
      volumes: ['./conf:/etc/traefik'],
      file: '/p/conf/traefik.yaml',
      from: 'file',
      known: true,
    },
    { name: '$HOME/.config', volumes: ['./c:/root/.config'], file: '/p/c/traefik.yml', from: 'file', known: true },
    {
      name: 'directory without the file: flags',
      volumes: ['./conf:/etc/traefik'],
      file: '/p/other.yml',
      from: 'flags',
      known: true,
    },
    {
      name: 'dynamic directory only',
      volumes: ['./conf/traefik.yml:/etc/traefik/dynamic/traefik.yml'],
      file: '/p/conf/traefik.yml',
      from: 'flags',
      known: true,
    },
    {
      name: '--configFile',
      volumes: ['./cfg:/config'],
      flags: ['--configFile=/config/static.yml'],
      file: '/p/cfg/static.yml',
      from: 'file',
      known: true,
    },
    {
      name: '--configFile not mounted',
      volumes: [],
      flags: ['--configfile=/config/static.yml'],
      file: '/p/x.yml',
      from: 'file',
      known: false,
    },
    {
      name: 'relative to the compose file',
      volumes: ['../shared/traefik.yml:/etc/traefik/traefik.yml'],
      file: '/shared/traefik.yml',
      from: 'file',
      known: true,
    },
    {
      name: 'named volume',
      volumes: ['traefik-config:/etc/traefik'],
      file: '/p/traefik-config/traefik.yml',
      from: 'flags',
      known: true,
    },
  ];
  for (const c of cases) {
    const volumes = `    volumes:\n${c.volumes.map((v) => `      - ${v}\n`).join('')}`;
    const text = traefik(
      'traefik',
      [...(c.flags ?? []), '--entrypoints.flag.address=:80'],
      c.volumes.length ? volumes : '',
    );
    const config = read(text, { mounted: { [c.file]: STATIC } });
    assert.equal(config.from, c.from, c.name);
    assert.equal(config.entryPointsKnown, c.known, c.name);
    if (c.known)
      assert.deepEqual(entryPoints(config), c.from === 'file' ? ['web=:80', 'websecure=:443!'] : ['flag=:80'], c.name);
  }
});

test('file: YAML keys ignore case; a null value does not enable a section', () => {
  const cases: [string, (c: StaticConfig) => void][] = [
    ['entrypoints:\n  web:\n    ADDRESS: ":80"\n', (c) => assert.deepEqual(entryPoints(c), ['web=:80'])],
    ['providers:\n  docker:\n', (c) => assert.equal(c.docker, undefined)],
    ['providers:\n  docker: {}\n', (c) => assert.equal(c.docker?.exposedByDefault, true)],
    ['providers:\n  Docker:\n    exposedbydefault: "false"\n', (c) => assert.equal(c.docker?.exposedByDefault, false)],
    ['providers:\n  docker: false\n', (c) => assert.equal(c.docker, undefined)],
    ['api:\n', (c) => assert.equal(c.api, undefined)],
    ['api:\n  insecure: true\n', (c) => assert.deepEqual(entryPoints(c), ['http=:80*', 'traefik=:8080*'])],
    [
      'entryPoints:\n  Web:\n    address: ":80"\n  web:\n    address: ":81"\n',
      (c) => assert.deepEqual(entryPoints(c), ['Web=:80', 'web=:81']),
    ],
    ['core:\n  defaultRuleSyntax: v2\n', (c) => assert.equal(c.defaultRuleSyntax, 'v2')],
    ['entryPoints: [oops\n', (c) => assert.deepEqual([c.found, c.entryPointsKnown], [true, false])],
  ];
  for (const [file, expect] of cases) {
    const text = traefik('traefik', [], '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml\n');
    expect(read(text, { mounted: { '/p/traefik.yml': file } }));
  }
});

test('file: traefik.toml is read into the same model as traefik.yml', () => {
  const text = traefik('traefik', [], '    volumes:\n      - ./traefik.toml:/etc/traefik/traefik.toml\n');
  const toml = [
    '[entryPoints]',
    '  [entryPoints.web]',
    '    address = ":80"',
    '    [entryPoints.web.http.redirections.entryPoint]',
    '      to = "websecure"',
    '  [entryPoints.websecure]',
    '    address = ":443"',
    '    asDefault = true',
    '[providers.docker]',
    '  exposedByDefault = false',
    '  network = "proxy"',
    '[providers.file]',
    '  directory = "/etc/traefik/dynamic"',
    '[api]',
    '[certificatesResolvers.le.acme]',
    '  email = "a@example.com"',
    '  [certificatesResolvers.le.acme.tlsChallenge]',
    '',
  ].join('\n');
  const config = read(text, { mounted: { '/p/traefik.toml': toml } });
  assert.deepEqual([config.found, config.from, config.settingsKnown], [true, 'file', true]);
  assert.deepEqual(entryPoints(config), ['web=:80', 'websecure=:443!']);
  assert.deepEqual(config.entryPoints.get('web')?.redirect, { to: 'websecure', scheme: 'https' });
  assert.deepEqual([config.docker?.exposedByDefault, config.docker?.network], [false, 'proxy']);
  assert.equal(config.fileProviderPaths?.directory?.value, '/etc/traefik/dynamic');
  assert.deepEqual(config.api, { insecure: false, dashboard: true });
  assert.equal(config.certResolvers?.get('le')?.challenge, 'tlsChallenge');
  // Origins point into the TOML text.
  const origin = config.entryPoints.get('websecure')!.origin!;
  assert.equal(origin.file, '/p/traefik.toml');
  assert.equal(toml.slice(origin.range.start, origin.range.end), 'websecure');
  assert.equal(config.notes, undefined);
});

test('file: a TOML file that does not parse stops Traefik; the note says where', () => {
  const text = traefik('traefik', [], '    volumes:\n      - ./traefik.toml:/etc/traefik/traefik.toml\n');
  const config = read(text, { mounted: { '/p/traefik.toml': '[entryPoints.web\naddress = ":80"\n' } });
  assert.deepEqual([config.found, config.from, config.entryPointsKnown], [true, 'file', false]);
  assert.match(config.notes?.[0] ?? '', /is not valid TOML \(.+\): Traefik does not start/);
});

test('explicit static files take precedence over what the compose file mounts', () => {
  const text = traefik(
    'traefik:v2.11',
    ['--entrypoints.flag.address=:80'],
    '    volumes:\n      - ./t.yml:/etc/traefik/traefik.yml\n',
  );
  const config = read(text, {
    mounted: { '/p/t.yml': 'entryPoints:\n  mounted:\n    address: ":80"\n' },
    explicit: { '/elsewhere/traefik.yml': STATIC },
  });
  assert.deepEqual(entryPoints(config), ['web=:80', 'websecure=:443!']);
  assert.equal(config.version, 'v2');
});

test('not found: no Traefik service, or one without flags or file', () => {
  assert.equal(read('services:\n  app:\n    image: nginx\n').found, false);
  const bare = read(traefik('traefik:v3.1', []));
  assert.equal(bare.found, false);
  assert.equal(bare.version, 'v3');
  assert.match(bare.notes?.[0] ?? '', /no TRAEFIK_\* variables/);
});

/** A Traefik service with the given `environment:` (YAML lines under it) and more keys. */
function withEnv(env: string, extra = ''): string {
  return `services:\n  traefik:\n    image: traefik:v3.1\n${extra}    environment:\n${env}`;
}

const ENV_MAP =
  '      TRAEFIK_ENTRYPOINTS_WEB_ADDRESS: ":80"\n      TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT: "false"\n';

const sourceCases: {
  name: string;
  text: string;
  setup?: Setup;
  from: string | undefined;
  eps?: string[];
  ignored?: string[];
}[] = [
  {
    name: 'variables in map form',
    text: withEnv(ENV_MAP),
    from: 'env',
    eps: ['web=:80'],
  },
  {
    name: 'variables in list form; names not starting with a static root are not read',
    text: withEnv(
      '      - TRAEFIK_ENTRYPOINTS_WEBSECURE_ADDRESS=:443\n      - TRAEFIK_DOMAIN=example.com\n      - OTHER=1\n',
    ),
    from: 'env',
    eps: ['websecure=:443'],
  },
  {
    name: 'variables from env_file; environment wins',
    text: withEnv('      - TRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:8000\n', '    env_file: ./traefik.env\n'),
    setup: {
      mounted: {
        '/p/traefik.env':
          '# comment\nTRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:80\nexport TRAEFIK_ENTRYPOINTS_API_ADDRESS=":9000"\n',
      },
    },
    from: 'env',
    eps: ['web=:8000', 'api=:9000'],
  },
  {
    name: 'lower-case variable names are not read',
    text: withEnv('      - traefik_entrypoints_web_address=:80\n'),
    from: undefined,
  },
  {
    name: 'flags win over variables',
    text: withEnv(ENV_MAP, '    command: --entrypoints.websecure.address=:443\n'),
    from: 'flags',
    eps: ['websecure=:443'],
    ignored: ['env:TRAEFIK_ENTRYPOINTS_WEB_ADDRESS,TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT<flags'],
  },
  {
    name: 'a configuration file wins over flags and variables; --configFile itself is not ignored',
    text: withEnv(
      ENV_MAP,
      '    command: --configFile=/etc/traefik/static.yml --api.insecure\n    volumes:\n      - ./static.yml:/etc/traefik/static.yml\n',
    ),
    setup: { mounted: { '/p/static.yml': 'entryPoints:\n  edge:\n    address: ":8443"\n' } },
    from: 'file',
    eps: ['edge=:8443'],
    ignored: [
      'flags:--api.insecure<file',
      'env:TRAEFIK_ENTRYPOINTS_WEB_ADDRESS,TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT<file',
    ],
  },
  // A script of the container starts Traefik (trial min-2, opencloud-compose): the flags it passes
  // are not in the file, and flags beat variables, so the variables are not the static configuration.
  {
    name: 'entrypoint: [/bin/sh, script]: unknown, the variables are not the source',
    text: withEnv('      - TRAEFIK_LOG_LEVEL=ERROR\n', '    entrypoint: ["/bin/sh", "/opt/start.sh"]\n'),
    from: undefined,
  },
  {
    name: 'a command that is not Traefik flags (sh -c): unknown, its words are not flags',
    text: withEnv(ENV_MAP, '    command: ["sh", "-c", "traefik --entrypoints.web.address=:81"]\n'),
    from: undefined,
  },
  {
    name: 'a script entrypoint beside a mounted traefik.yml: the file still wins',
    text: withEnv(
      ENV_MAP,
      '    entrypoint: /start.sh\n    command: --whatever\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml\n',
    ),
    setup: { mounted: { '/p/traefik.yml': 'entryPoints:\n  edge:\n    address: ":8443"\n' } },
    from: 'file',
    eps: ['edge=:8443'],
    ignored: ['env:TRAEFIK_ENTRYPOINTS_WEB_ADDRESS,TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT<file'],
  },
  {
    name: 'entrypoint: traefik with flags of its own, then the command',
    text: withEnv(
      ENV_MAP,
      '    entrypoint: ["traefik", "--entrypoints.a.address=:1"]\n    command: ["--entrypoints.b.address=:2"]\n',
    ),
    from: 'flags',
    eps: ['a=:1', 'b=:2'],
    ignored: ['env:TRAEFIK_ENTRYPOINTS_WEB_ADDRESS,TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT<flags'],
  },
  {
    // retrial F3: the image's ENTRYPOINT (/entrypoint.sh) is then the project's own script.
    name: "a script mounted over the image's /entrypoint.sh: unknown, its flags are not the source",
    text: withEnv(
      ENV_MAP,
      '    command: --entrypoints.b.address=:2\n    volumes:\n      - ./entrypoint.sh:/entrypoint.sh:ro\n',
    ),
    from: undefined,
  },
  {
    name: "the image's own entrypoint named again: the command is Traefik's flags",
    text: withEnv(ENV_MAP, '    entrypoint: /entrypoint.sh\n    command: traefik --entrypoints.b.address=:2\n'),
    from: 'flags',
    eps: ['b=:2'],
    ignored: ['env:TRAEFIK_ENTRYPOINTS_WEB_ADDRESS,TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT<flags'],
  },
  {
    name: 'dynamic configuration in variables is never read, whatever the source',
    text: withEnv('      - TRAEFIK_HTTP_ROUTERS_API_RULE=Host(`x`)\n      - TRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:80\n'),
    from: 'env',
    eps: ['web=:80'],
    ignored: ['dynamic:TRAEFIK_HTTP_ROUTERS_API_RULE'],
  },
];

for (const c of sourceCases) {
  test(`sources: ${c.name}`, () => {
    const config = read(c.text, c.setup);
    assert.equal(config.from, c.from);
    if (c.eps) assert.deepEqual(entryPoints(config), c.eps);
    const ignored = (config.ignored ?? []).map(
      (g) => `${g.kind}:${g.items.map((i) => i.text).join(',')}${g.winner ? `<${g.winner.source}` : ''}`,
    );
    assert.deepEqual(ignored, c.ignored ?? []);
  });
}

test('a private Traefik image names no version: the version option decides how the given static file is read', () => {
  const text = 'services:\n  traefik:\n    image: registry.example:5000/acme/traefik:latest\n';
  const explicit = { '/p/traefik.toml': '[providers.docker]\n  swarmMode = true\n' };
  for (const [version, swarm] of [
    ['v2', true],
    ['v3', false],
    [undefined, true],
  ] as const) {
    const config = read(text, { explicit, ...(version ? { version } : {}) });
    assert.equal(config.swarm !== undefined, swarm, `version ${version ?? 'unknown'}`);
    assert.equal(config.docker !== undefined, !swarm, `version ${version ?? 'unknown'}`);
  }
});
