// unknown-static-key: keys of traefik.yml and the Traefik service's flags that Traefik does not
// know (an error: Traefik does not start), unknown top-level keys of the file (ignored: a
// warning), and v2 options that v3 removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/unknown-static-key';
import { findings, type Setup } from '../static/support';

const MOUNT = '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n';
const STATIC = '/p/traefik.yml';

function compose(image: string, flags: string[], extra = ''): string {
  const command = flags.length ? `    command:\n${flags.map((f) => `      - ${f}\n`).join('')}` : '';
  return `services:\n  traefik:\n    image: ${image}\n${command}${extra}`;
}

const fileCases: {
  name: string;
  yaml: string;
  image?: string;
  expect: { severity: string; text: string; suggestion?: string }[];
}[] = [
  {
    name: 'known keys in any case',
    yaml: 'EntryPoints:\n  web:\n    ADDRESS: ":80"\nproviders:\n  docker:\n    exposedbydefault: false\n',
    expect: [],
  },
  {
    name: 'misspelt field',
    yaml: 'entryPoints:\n  web:\n    adress: ":80"\n',
    expect: [{ severity: 'error', text: 'adress', suggestion: 'address' }],
  },
  {
    name: 'misspelt section: reported once, not for every key below',
    yaml: 'providers:\n  dockr:\n    exposedByDefault: false\n    network: proxy\n',
    expect: [{ severity: 'error', text: 'dockr', suggestion: 'docker' }],
  },
  {
    name: 'unknown top-level key: Traefik ignores it',
    yaml: 'entrypoint:\n  web:\n    address: ":80"\nx-defaults: &d\n  a: 1\n',
    expect: [
      { severity: 'warning', text: 'entrypoint', suggestion: 'entryPoints' },
      { severity: 'warning', text: 'x-defaults' },
    ],
  },
  {
    name: 'http/tcp/udp/tls at the top are unknown to the static loader',
    yaml: 'entryPoints:\n  web:\n    address: ":80"\nhttp:\n  routers: {}\n',
    expect: [{ severity: 'warning', text: 'http' }],
  },
  {
    name: 'unless the file provider reads the static file itself: its dynamic part is read then',
    yaml: 'providers:\n  file:\n    filename: /etc/traefik/traefik.yml\nhttp:\n  routers: {}\ntls:\n  options: {}\nhtp: {}\n',
    expect: [{ severity: 'warning', text: 'htp' }],
  },
  {
    name: 'a key below a value',
    yaml: 'entryPoints:\n  web:\n    address:\n      port: 80\n',
    expect: [{ severity: 'error', text: 'port' }],
  },
  {
    name: 'lists of maps, user names, plugin configuration',
    yaml: [
      'entryPoints:',
      '  websecure:',
      '    http:',
      '      tls:',
      '        domains:',
      '          - main: example.com',
      '            sanz: ["*.example.com"]',
      'experimental:',
      '  plugins:',
      '    bouncer:',
      '      moduleName: github.com/x/y',
      'providers:',
      '  plugin:',
      '    mine:',
      '      anything: goes',
      '',
    ].join('\n'),
    expect: [{ severity: 'error', text: 'sanz', suggestion: 'sans' }],
  },
  {
    name: 'removed in v3',
    yaml: 'providers:\n  docker:\n    swarmMode: true\npilot:\n  token: x\n',
    expect: [
      { severity: 'error', text: 'swarmMode' },
      { severity: 'error', text: 'pilot' },
    ],
  },
  {
    name: 'removed in v3, fine for v2',
    image: 'traefik:v2.11',
    yaml: 'providers:\n  docker:\n    swarmMode: true\npilot:\n  token: x\n',
    expect: [],
  },
  {
    name: 'merge keys',
    yaml: 'x-ep: &ep\n  adress: ":80"\nentryPoints:\n  web:\n    <<: *ep\n',
    expect: [
      { severity: 'warning', text: 'x-ep' },
      { severity: 'error', text: 'adress', suggestion: 'address' },
    ],
  },
];

for (const c of fileCases) {
  test(`unknown-static-key (file): ${c.name}`, () => {
    const setup: Setup = { mounted: { [STATIC]: c.yaml } };
    const seen = findings(check, compose(c.image ?? 'traefik:v3.1', [], MOUNT), setup).map((f) => ({
      severity: f.severity,
      text: f.text,
      ...(f.data?.suggestion ? { suggestion: f.data.suggestion } : {}),
    }));
    assert.deepEqual(seen, c.expect);
    for (const f of findings(check, compose(c.image ?? 'traefik:v3.1', [], MOUNT), setup)) assert.equal(f.file, STATIC);
  });
}

test('unknown-static-key (file): explicit files are checked, TOML too', () => {
  const text = compose('traefik', ['--entrypoints.web.address=:80']);
  const seen = findings(check, text, {
    explicit: {
      '/cfg/traefik.yml': 'log:\n  levl: DEBUG\n',
      '/cfg/x.toml': '[log]\nlevel = "DEBUG"\n[entryPoints.web]\nadress = ":80"\n[providers.dockr]\n',
    },
  });
  assert.deepEqual(
    seen.map((f) => [f.file, f.text, f.data?.suggestion]),
    [
      ['/cfg/traefik.yml', 'levl', 'level'],
      ['/cfg/x.toml', 'adress', 'address'],
      ['/cfg/x.toml', 'dockr', 'docker'],
    ],
  );
  assert.match(seen[0].message, /^unknown static configuration key "levl": did you mean "level"\?$/);
});

const flagCases: {
  name: string;
  flags: string[];
  image?: string;
  extra?: string;
  expect: { severity: string; text: string; suggestion?: string }[];
}[] = [
  {
    name: 'known flags in any case',
    flags: [
      '--entryPoints.web.address=:80',
      '--providers.docker.exposedByDefault=false',
      '--certificatesresolvers.le.acme.tlschallenge=true',
      '--entrypoints.websecure.http.tls.domains[0].main=example.com',
      '--accesslog.fields.headers.names.User-Agent=keep',
      '--experimental.localplugins.bouncer.modulename=github.com/x/y',
    ],
    expect: [],
  },
  {
    name: 'misspelt segment in a plain and in a quoted word',
    flags: ['--entrypoints.web.adress=:80', '"--providers.dockr=true"'],
    expect: [
      { severity: 'error', text: 'adress', suggestion: 'address' },
      { severity: 'error', text: 'dockr', suggestion: 'docker' },
    ],
  },
  {
    name: 'an unknown first segment is an error for flags',
    flags: ['--entrypoint.web.address=:80'],
    expect: [{ severity: 'error', text: 'entrypoint', suggestion: 'entryPoints' }],
  },
  {
    name: 'a compose variable in the name is not judged',
    flags: ['--entrypoints.${EP}.adress=:80'],
    expect: [],
  },
  {
    name: 'removed in v3',
    flags: ['--providers.docker.swarmMode=true'],
    expect: [{ severity: 'error', text: 'swarmMode' }],
  },
  {
    name: 'v2 keeps swarmMode',
    image: 'traefik:v2.10',
    flags: ['--providers.docker.swarmMode', '--providers.docker.network=proxy'],
    expect: [],
  },
  {
    name: 'flags are not read when a file is in effect, except removed v2 options',
    flags: ['--entrypoints.web.adress=:80', '--providers.docker.swarmMode=true'],
    extra: MOUNT,
    expect: [{ severity: 'error', text: 'swarmMode' }],
  },
];

for (const c of flagCases) {
  test(`unknown-static-key (flags): ${c.name}`, () => {
    const text = compose(c.image ?? 'traefik:v3.1', c.flags, c.extra);
    const seen = findings(check, text).map((f) => ({
      severity: f.severity,
      text: f.text,
      ...(f.data?.suggestion ? { suggestion: f.data.suggestion } : {}),
    }));
    assert.deepEqual(seen, c.expect);
  });
}

test('unknown-static-key (flags): a command given as one string', () => {
  const text = 'services:\n  t:\n    image: traefik\n    command: --api.insecure=true --providers.dockr\n';
  assert.deepEqual(
    findings(check, text).map((f) => f.text),
    ['dockr'],
  );
});

test('unknown-static-key: removed options explain what replaced them', () => {
  const [finding] = findings(check, compose('traefik:v3.1', ['--tracing.jaeger.samplingServerURL=http://x']));
  assert.equal(finding.text, 'jaeger');
  assert.equal(finding.message, 'Traefik v3 refuses "jaeger": use `tracing.otlp` (OpenTelemetry)');
  assert.match(finding.explanation, /^The jaeger tracing backend was removed in v3: .* does not start with it/);
});

test('unknown-static-key (variables): judged when they are the source, with the name in upper case', () => {
  const env = (lines: string[], extra = ''): string =>
    `services:\n  traefik:\n    image: traefik:v3.1\n${extra}    environment:\n${lines.map((l) => `      - ${l}\n`).join('')}`;
  const seen = findings(check, env(['TRAEFIK_ENTRYPOINTS_WEB_ADRESS=:80', 'TRAEFIK_PROVIDERS_DOCKER=true']));
  assert.deepEqual(
    seen.map((f) => [f.severity, f.text, f.data?.suggestion]),
    [['error', 'ADRESS', 'ADDRESS']],
  );
  assert.match(seen[0].explanation, /failed to decode configuration from environment variables/);
  // Beside flags the variables are never decoded (ignored-static-config says so), unless v3 refuses them.
  const beside = env(
    ['TRAEFIK_ENTRYPOINTS_WEB_ADRESS=:80', 'TRAEFIK_PILOT_TOKEN=x'],
    '    command: --providers.docker\n',
  );
  assert.deepEqual(
    findings(check, beside).map((f) => f.text),
    ['PILOT'],
  );
});

// A Traefik v1 file under a v2/v3 image: one finding on its first v1 section, not one per key
// (lukasnellen/dc-traefik: traefik:latest with a v1 traefik.toml got nine).
const V1_TOML = [
  'logLevel = "INFO"',
  'defaultEntryPoints = ["http", "https"]',
  '[entryPoints]',
  '  [entryPoints.http]',
  '  address = ":80"',
  '    [entryPoints.http.redirect]',
  '    entryPoint = "https"',
  '  [entryPoints.https]',
  '  address = ":443"',
  '    [entryPoints.https.tls]',
  '[traefikLog]',
  'filePath = "/var/log/traefik/traefik.log"',
  '[api]',
  '[acme]',
  'email = "webmaster@example.com"',
  'entryPoint = "https"',
  '[acme.httpChallenge]',
  '  entryPoint = "http"',
  '[docker]',
  'domain = "www.example.com"',
  'exposedByDefault = false',
  '[file]',
  '  directory = "/etc/traefik/rules/"',
  '',
].join('\n');

const v1Cases: {
  name: string;
  file: string;
  text: string;
  image: string;
  expect: { severity: string; text: string }[];
  message?: RegExp;
  related?: string[];
}[] = [
  {
    name: 'dc-traefik: v1 sections and entryPoints.http.redirect: one error, naming the node Traefik stops on',
    file: 'traefik.toml',
    text: V1_TOML,
    image: 'traefik',
    expect: [{ severity: 'error', text: 'logLevel' }],
    message: /^a Traefik v1 configuration file: Traefik v3 does not start \("field not found, node: redirect"\)$/,
    related: ['redirect', 'tls'],
  },
  {
    name: '[entryPoints.http] address, [docker] and [acme]: Traefik starts and drops the v1 sections, one warning',
    file: 'traefik.toml',
    text: '[entryPoints]\n  [entryPoints.http]\n  address = ":80"\n[docker]\nendpoint = "unix:///var/run/docker.sock"\n[acme]\nemail = "a@example.com"\n[acme.httpChallenge]\nentryPoint = "http"\n',
    image: 'traefik:latest',
    expect: [{ severity: 'warning', text: 'docker' }],
    message: /^a Traefik v1 configuration file: Traefik v3 ignores its v1 keys \(docker, acme\)$/,
  },
  {
    name: 'the same under traefik:v2.11 says v2',
    file: 'traefik.toml',
    text: '[entryPoints]\n  [entryPoints.http]\n  address = ":80"\n[docker]\nwatch = true\n',
    image: 'traefik:v2.11',
    expect: [{ severity: 'warning', text: 'docker' }],
    message: /Traefik v2 ignores its v1 keys \(docker\)$/,
  },
  {
    name: 'a v2 file with one stray v1 key at the top: judged key by key, as before',
    file: 'traefik.yml',
    text: 'logLevel: DEBUG\nentryPoints:\n  web:\n    adress: ":80"\n',
    image: 'traefik:v3.1',
    expect: [
      { severity: 'warning', text: 'logLevel' },
      { severity: 'error', text: 'adress' },
    ],
  },
  {
    name: 'a YAML v1 file: once too',
    file: 'traefik.yml',
    text: 'defaultEntryPoints: [http]\nentryPoints:\n  http:\n    address: ":80"\ndocker:\n  watch: true\nfile:\n  directory: /rules\n',
    image: 'traefik:v3.1',
    expect: [{ severity: 'warning', text: 'defaultEntryPoints' }],
  },
];

for (const c of v1Cases) {
  test(`unknown-static-key (v1 file): ${c.name}`, () => {
    const mount = `    volumes:\n      - ./${c.file}:/etc/traefik/${c.file}:ro\n`;
    const seen = findings(check, compose(c.image, [], mount), { mounted: { [`/p/${c.file}`]: c.text } });
    assert.deepEqual(
      seen.map((f) => ({ severity: f.severity, text: f.text })),
      c.expect,
    );
    if (c.message) assert.match(seen[0].message, c.message);
    if (c.related)
      assert.deepEqual(
        seen[0].related,
        c.related.map((r) => `/p/${c.file}: ${r}`),
      );
  });
}
