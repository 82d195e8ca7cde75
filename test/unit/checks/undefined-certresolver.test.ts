// undefined-certresolver: a router's tls.certresolver that names no certificatesResolvers entry of
// Traefik's static configuration (Traefik logs "Router uses a nonexistent certificate resolver"
// and serves its default certificate, cmd/traefik/traefik.go); quiet whenever the resolvers are
// not all known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/undefined-certresolver';
import { findings, traefikBesideApp, type Setup } from '../static/support';

const FLAGS = [
  '--providers.docker',
  '--entrypoints.websecure.address=:443',
  '--certificatesresolvers.le.acme.email=a@example.com',
  '--certificatesresolvers.le.acme.httpchallenge.entrypoint=websecure',
];
const FILE_PROVIDER = [...FLAGS, '--providers.file.filename=/etc/dyn.yml'];
const MOUNT_DYN = '    volumes: [./dyn.yml:/etc/dyn.yml]';
const fileRouter = (tls: string): string =>
  `http:\n  routers:\n    r:\n      rule: Host(\`r.example.com\`)\n      service: s\n      tls:\n${tls}` +
  '  services:\n    s:\n      loadBalancer:\n        servers: [{url: "http://10.0.0.1"}]\n';

const compose = (flags: string[], labels: string[], extra = ''): string =>
  traefikBesideApp(flags, labels, extra, 'traefik:v3.6');

const cases: {
  name: string;
  flags?: string[];
  labels?: string[];
  extra?: string;
  setup?: Setup;
  expect: { text: string; suggestion?: string }[];
}[] = [
  { name: 'defined', labels: ['- traefik.http.routers.app.tls.certresolver=le'], expect: [] },
  {
    name: 'misspelt: did you mean',
    labels: ['- traefik.http.routers.app.tls.certresolver=lee'],
    expect: [{ text: 'lee', suggestion: 'le' }],
  },
  {
    name: 'map form, mixed-case key',
    labels: ['traefik.http.routers.app.tls.certResolver: "letsencrypt"'],
    expect: [{ text: 'letsencrypt' }],
  },
  {
    name: 'TCP router',
    labels: ['- traefik.tcp.routers.db.tls.certresolver=el'],
    expect: [{ text: 'el', suggestion: 'le' }],
  },
  {
    name: 'only the case differs: left alone',
    labels: ['- traefik.http.routers.app.tls.certresolver=LE'],
    expect: [],
  },
  {
    name: 'no resolver defined at all',
    flags: FLAGS.slice(0, 2),
    labels: ['- traefik.http.routers.app.tls.certresolver=le'],
    expect: [{ text: 'le' }],
  },
  {
    name: 'a resolver named by a compose variable: the resolvers are not known',
    flags: [...FLAGS, '--certificatesresolvers.${RESOLVER}.acme.email=a@example.com'],
    labels: ['- traefik.http.routers.app.tls.certresolver=lee'],
    expect: [],
  },
  {
    name: 'the label is a compose variable without a value',
    labels: ['- traefik.http.routers.app.tls.certresolver=${RESOLVER}'],
    expect: [],
  },
  {
    name: 'the static configuration is not readable',
    flags: [],
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml',
    labels: ['- traefik.http.routers.app.tls.certresolver=lee'],
    expect: [],
  },
  {
    name: 'Traefik without flags or file',
    flags: [],
    labels: ['- traefik.http.routers.app.tls.certresolver=lee'],
    expect: [],
  },
  {
    name: 'resolvers from the mounted traefik.yml',
    flags: [],
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml',
    setup: {
      mounted: {
        '/p/traefik.yml':
          'providers:\n  docker: {}\ncertificatesResolvers:\n  myresolver:\n    acme:\n      tlsChallenge: {}\n',
      },
    },
    labels: [
      '- traefik.http.routers.app.tls.certresolver=myresolver',
      '- traefik.http.routers.b.tls.certresolver=myresolvr',
    ],
    expect: [{ text: 'myresolvr', suggestion: 'myresolver' }],
  },
  {
    name: 'labels of a container another Traefik reads (no docker provider here)',
    flags: FLAGS.slice(1),
    labels: ['- traefik.http.routers.app.tls.certresolver=lee'],
    expect: [],
  },
  {
    name: 'a file provider router',
    flags: FILE_PROVIDER,
    extra: MOUNT_DYN,
    setup: { mounted: { '/p/dyn.yml': fileRouter('        certResolver: lea\n') } },
    labels: ['- traefik.enable=true'],
    expect: [{ text: 'lea', suggestion: 'le' }],
  },
  {
    name: 'a file provider router naming a defined resolver',
    flags: FILE_PROVIDER,
    extra: MOUNT_DYN,
    setup: { mounted: { '/p/dyn.yml': fileRouter('        certResolver: le\n') } },
    labels: ['- traefik.enable=true'],
    expect: [],
  },
  {
    name: 'a templated file provider router is not judged',
    flags: FILE_PROVIDER,
    extra: MOUNT_DYN,
    setup: { mounted: { '/p/dyn.yml': fileRouter('        certResolver: \'{{ env "R" }}\'\n') } },
    labels: ['- traefik.enable=true'],
    expect: [],
  },
  {
    name: "an entry point's default resolver, misspelt (flags)",
    flags: [...FLAGS, '--entrypoints.websecure.http.tls.certresolver=lee'],
    labels: ['- traefik.enable=true'],
    expect: [{ text: 'lee', suggestion: 'le' }],
  },
  {
    name: "an entry point's default resolver, defined (flags, any case of the key)",
    flags: [...FLAGS, '--entryPoints.websecure.http.tls.certResolver=le'],
    labels: ['- traefik.enable=true'],
    expect: [],
  },
  {
    name: "an entry point's default resolver with no resolver defined",
    flags: [...FLAGS.slice(0, 2), '--entrypoints.websecure.http.tls.certresolver=le'],
    labels: ['- traefik.enable=true'],
    expect: [{ text: 'le' }],
  },
  {
    name: "an entry point's default resolver from a compose variable without a value",
    flags: [...FLAGS, '--entrypoints.websecure.http.tls.certresolver=${RESOLVER}'],
    labels: ['- traefik.enable=true'],
    expect: [],
  },
  {
    name: "an entry point's default resolver from TRAEFIK_* variables: on the value",
    flags: [],
    extra:
      '    environment:\n      - TRAEFIK_PROVIDERS_DOCKER=true\n      - TRAEFIK_ENTRYPOINTS_WEBSECURE_ADDRESS=:443\n' +
      '      - TRAEFIK_CERTIFICATESRESOLVERS_LE_ACME_TLSCHALLENGE=true\n' +
      '      - TRAEFIK_ENTRYPOINTS_WEBSECURE_HTTP_TLS_CERTRESOLVER=lee',
    labels: ['- traefik.enable=true'],
    expect: [{ text: 'lee', suggestion: 'le' }],
  },
  {
    name: "an entry point's default resolver in the mounted traefik.yml",
    flags: [],
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml',
    setup: {
      mounted: {
        '/p/traefik.yml':
          'providers:\n  docker: {}\nentryPoints:\n  websecure:\n    address: ":443"\n    http:\n      tls:\n        certResolver: "myresolvr"\n' +
          'certificatesResolvers:\n  myresolver:\n    acme:\n      tlsChallenge: {}\n',
      },
    },
    labels: ['- traefik.enable=true'],
    expect: [{ text: 'myresolvr', suggestion: 'myresolver' }],
  },
  {
    name: "an entry point's default resolver in the mounted traefik.yml, defined",
    flags: [],
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml',
    setup: {
      mounted: {
        '/p/traefik.yml':
          'providers:\n  docker: {}\nentryPoints:\n  websecure:\n    address: ":443"\n    http:\n      tls:\n        certResolver: myresolver\n' +
          'certificatesResolvers:\n  myresolver:\n    acme:\n      tlsChallenge: {}\n',
      },
    },
    labels: ['- traefik.enable=true'],
    expect: [],
  },
  {
    name: "an entry point's default resolver in flags Traefik ignores beside a mounted traefik.yml",
    flags: ['--entrypoints.websecure.http.tls.certresolver=lee'],
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml',
    setup: {
      mounted: {
        '/p/traefik.yml':
          'providers:\n  docker: {}\ncertificatesResolvers:\n  le:\n    acme:\n      tlsChallenge: {}\n',
      },
    },
    labels: ['- traefik.enable=true'],
    expect: [],
  },
];

for (const c of cases) {
  test(`undefined-certresolver: ${c.name}`, () => {
    const text = compose(c.flags ?? FLAGS, c.labels ?? [], c.extra);
    const seen = findings(check, text, c.setup).map((f) => ({
      text: f.text,
      ...(f.data?.suggestion ? { suggestion: f.data.suggestion } : {}),
    }));
    assert.deepEqual(seen, c.expect);
  });
}

test('undefined-certresolver: message, severity and related information', () => {
  const [finding] = findings(check, compose(FLAGS, ['- traefik.http.routers.app.tls.certresolver=lee']));
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.message, 'certificate resolver "lee" is not defined: did you mean "le"?');
  assert.match(finding.explanation, /nonexistent certificate resolver.*default self-signed certificate/);
  assert.deepEqual(finding.related, ['/p/docker-compose.yml: le']);
});

test("undefined-certresolver: an entry point's resolver names the entry point", () => {
  const flags = [...FLAGS, '--entrypoints.websecure.http.tls.certresolver=lee'];
  const [finding] = findings(check, compose(flags, ['- traefik.enable=true']));
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.message, 'certificate resolver "lee" is not defined: did you mean "le"?');
  assert.match(finding.explanation, /Entry point "websecure" gives this resolver to every router on it/);
});
