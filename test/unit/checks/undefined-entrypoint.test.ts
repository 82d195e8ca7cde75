// undefined-entrypoint: router entry points that Traefik's static configuration does not define
// (warning while another entry point of the router is valid, error when none is), and entry
// points configured without an address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/undefined-entrypoint';
import { COMPOSE, findings, traefikBesideApp, type Setup } from '../static/support';

const FLAGS = ['--providers.docker', '--entrypoints.web.address=:80', '--entryPoints.websecure.address=:443'];

const compose = (flags: string[], labels: string[], extra = ''): string => traefikBesideApp(flags, labels, extra);

const cases: {
  name: string;
  flags?: string[];
  labels: string[];
  extra?: string;
  setup?: Setup;
  expect: { severity: string; text: string; suggestion?: string }[];
}[] = [
  { name: 'defined', labels: ['- traefik.http.routers.app.entrypoints=web'], expect: [] },
  { name: 'several, all defined', labels: ['- traefik.http.routers.app.entrypoints=web, websecure'], expect: [] },
  {
    name: "a container the provider's constraints prune is another Traefik's: not judged",
    flags: [...FLAGS, '--providers.docker.constraints=Label(`traefik.constraint-label`, `public`)'],
    labels: ['- traefik.http.routers.app.entrypoints=webs'],
    expect: [],
  },
  {
    name: 'one the constraints keep is judged',
    flags: [...FLAGS, '--providers.docker.constraints=Label(`traefik.constraint-label`, `public`)'],
    labels: ['- traefik.constraint-label=public', '- traefik.http.routers.app.entrypoints=webs'],
    expect: [{ severity: 'error', text: 'webs', suggestion: 'web' }],
  },
  {
    name: 'no docker provider: the labels are for another Traefik',
    flags: FLAGS.slice(1),
    labels: ['- traefik.http.routers.app.entrypoints=webs'],
    expect: [],
  },
  {
    name: 'the only entry point is unknown: the router is disabled',
    labels: ['- traefik.http.routers.app.entrypoints=webs'],
    expect: [{ severity: 'error', text: 'webs', suggestion: 'web' }],
  },
  {
    name: 'another entry point is valid: a warning',
    labels: ['- traefik.http.routers.app.entrypoints=web,websecur'],
    expect: [{ severity: 'warning', text: 'websecur', suggestion: 'websecure' }],
  },
  {
    name: 'names compare with case',
    labels: ['- "traefik.http.routers.app.entrypoints=Web"'],
    expect: [{ severity: 'error', text: 'Web', suggestion: 'web' }],
  },
  {
    name: 'map form, mixed-case key',
    labels: ['traefik.http.routers.app.entryPoints: "https"'],
    expect: [{ severity: 'error', text: 'https' }],
  },
  {
    name: 'TCP router',
    labels: ['- traefik.tcp.routers.db.entrypoints=postgres'],
    expect: [{ severity: 'error', text: 'postgres' }],
  },
  {
    name: 'a UDP entry point is not one for HTTP routers',
    flags: [...FLAGS, '--entrypoints.dns.address=:53/udp'],
    labels: ['- traefik.http.routers.app.entrypoints=dns'],
    expect: [{ severity: 'error', text: 'dns' }],
  },
  {
    name: 'UDP routers use UDP entry points',
    flags: [...FLAGS, '--entrypoints.dns.address=:53/udp'],
    labels: ['- traefik.udp.routers.dns.entrypoints=dns,web'],
    expect: [{ severity: 'warning', text: 'web' }],
  },
  { name: 'compose variable', labels: ['- traefik.http.routers.app.entrypoints=${EP}'], expect: [] },
  {
    name: 'no entry point configured: Traefik creates http (and traefik for the API)',
    flags: ['--api.insecure=true', '--providers.docker'],
    labels: ['- traefik.http.routers.app.entrypoints=traefik,http', '- traefik.http.routers.x.entrypoints=web'],
    expect: [{ severity: 'error', text: 'web' }],
  },
  {
    name: 'static configuration unknown (mounted file not readable)',
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml',
    labels: ['- traefik.http.routers.app.entrypoints=webs'],
    expect: [],
  },
  {
    name: 'Traefik without flags or file: its configuration is unknown',
    flags: [],
    labels: ['- traefik.http.routers.app.entrypoints=webs'],
    expect: [],
  },
  {
    name: 'entry points from the mounted traefik.yml',
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml',
    setup: { mounted: { '/p/traefik.yml': 'providers:\n  docker: {}\nentryPoints:\n  https:\n    address: ":443"\n' } },
    labels: ['- traefik.http.routers.app.entrypoints=https', '- traefik.http.routers.b.entrypoints=web'],
    expect: [{ severity: 'error', text: 'web' }],
  },
  {
    name: 'an entry point configured without an address',
    flags: [...FLAGS, '--entryPoints.websecur.forwardedHeaders.insecure=true'],
    labels: ['- traefik.http.routers.app.entrypoints=web'],
    expect: [{ severity: 'warning', text: 'websecur', suggestion: 'websecure' }],
  },
];

for (const c of cases) {
  test(`undefined-entrypoint: ${c.name}`, () => {
    const text = compose(c.flags ?? FLAGS, c.labels, c.extra);
    const seen = findings(check, text, c.setup).map((f) => ({
      severity: f.severity,
      text: f.text,
      ...(f.data?.suggestion ? { suggestion: f.data.suggestion } : {}),
    }));
    assert.deepEqual(seen, c.expect);
  });
}

test('undefined-entrypoint: related information points at the definitions', () => {
  const text = compose(FLAGS, ['- traefik.http.routers.app.entrypoints=webs']);
  const [finding] = findings(check, text);
  assert.deepEqual(finding.related, [`${COMPOSE}: web`, `${COMPOSE}: websecure`]);
  assert.equal(finding.message, 'entry point "webs" is not defined: did you mean "web"?');
  assert.match(finding.explanation, /^The static configuration defines web, websecure; .*disables it/);
});

test('undefined-entrypoint: an override file replaces the label', () => {
  const base = compose(FLAGS, ['- traefik.http.routers.app.entrypoints=webs']);
  const override = 'services:\n  app:\n    labels:\n      - traefik.http.routers.app.entrypoints=web\n';
  assert.deepEqual(findings(check, base, { others: { '/p/docker-compose.override.yml': override } }), []);
  assert.equal(findings(check, base).length, 1);
});

test('undefined-entrypoint: with nothing close, the message lists the entry points to use', () => {
  const [finding] = findings(check, compose(FLAGS, ['- traefik.http.routers.app.entrypoints=internal']));
  assert.equal(finding.message, 'entry point "internal" is not defined: use one of "web", "websecure"');
});
