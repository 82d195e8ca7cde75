// not-enabled: routing labels Traefik ignores because the provider has exposedByDefault=false
// and the service does not set traefik.enable=true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/not-enabled';
import { COMPOSE, findings, type Setup } from '../static/support';

const HIDDEN = [
  '--providers.docker=true',
  '--providers.docker.exposedbydefault=false',
  '--entrypoints.web.address=:80',
];

function compose(flags: string[], app: string, traefikExtra = ''): string {
  return [
    'services:',
    '  traefik:',
    '    image: traefik:v3.1',
    ...(flags.length ? ['    command:', ...flags.map((f) => `      - ${f}`)] : []),
    traefikExtra,
    app,
  ].join('\n');
}

const APP = [
  '  app:',
  '    image: nginx',
  '    labels:',
  '      - com.example.team=web',
  '      - traefik.http.routers.app.rule=Host(`app.example.com`)',
  '      - traefik.http.services.app.loadbalancer.server.port=80',
  '',
].join('\n');

const cases: {
  name: string;
  flags?: string[];
  app?: string;
  traefikExtra?: string;
  setup?: Setup;
  expect: { severity: string; text: string }[];
}[] = [
  {
    name: 'exposedByDefault=false and no traefik.enable',
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: 'traefik.enable=true',
    app: APP + '      - traefik.enable=true\n',
    expect: [],
  },
  {
    name: 'traefik.enable: true in map form (a YAML bool)',
    app: '  app:\n    image: nginx\n    labels:\n      traefik.enable: true\n      traefik.http.routers.app.rule: Host(`a`)\n',
    expect: [],
  },
  {
    name: 'exposedByDefault left at its default (true)',
    flags: ['--providers.docker', '--entrypoints.web.address=:80'],
    expect: [],
  },
  {
    name: '--providers.docker=false turns the provider off, whatever its children say',
    flags: ['--providers.docker=false', '--providers.docker.exposedbydefault=false', '--entrypoints.web.address=:80'],
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: 'flags without --providers.docker: no provider runs',
    flags: ['--entrypoints.web.address=:80', '--api.insecure=true'],
    app: APP + '      - traefik.enable=true\n',
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: 'a traefik.yml with only the file provider',
    flags: [],
    traefikExtra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n',
    setup: { mounted: { '/p/traefik.yml': 'providers:\n  file:\n    directory: /rules\n' } },
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: 'a Traefik without flags or a mounted file: its configuration is unknown',
    flags: [],
    expect: [],
  },
  {
    name: "the provider's constraints prune the container: information",
    flags: ['--providers.docker', '--providers.docker.constraints=Label(`traefik.constraint-label`, `public`)'],
    app: APP + '      - traefik.enable=true\n',
    expect: [{ severity: 'info', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: "labels that match the provider's constraints",
    flags: ['--providers.docker', '--providers.docker.constraints=Label(`traefik.constraint-label`, `public`)'],
    app: APP + '      - traefik.constraint-label=public\n',
    expect: [],
  },
  {
    name: 'constraints from a compose variable are not known',
    flags: ['--providers.docker', '--providers.docker.constraints=${CONSTRAINTS}'],
    expect: [],
  },
  {
    name: 'no routing labels',
    app: '  db:\n    image: postgres\n    labels:\n      - com.example.backup=daily\n',
    expect: [],
  },
  {
    name: 'traefik.enable=false with routing labels: disabled on purpose?',
    app: APP + '      - traefik.enable=false\n',
    expect: [{ severity: 'info', text: 'false' }],
  },
  {
    name: 'the Traefik service itself (dashboard labels) is ignored too',
    app: '',
    traefikExtra: '    labels:\n      - traefik.http.routers.dashboard.service=api@internal\n',
    expect: [{ severity: 'warning', text: 'traefik.http.routers.dashboard.service' }],
  },
  {
    name: 'swarm provider reads deploy.labels',
    flags: ['--providers.swarm.exposedByDefault=false'],
    app: '  app:\n    image: nginx\n    deploy:\n      labels:\n        - traefik.http.routers.app.rule=Host(`a`)\n',
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: 'from the mounted traefik.yml',
    flags: [],
    traefikExtra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n',
    setup: { mounted: { '/p/traefik.yml': 'providers:\n  docker:\n    exposedByDefault: false\n' } },
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: 'static configuration unknown (mounted file not readable)',
    traefikExtra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n',
    expect: [],
  },
  {
    name: 'exposedByDefault from a compose variable with no value here',
    flags: ['--providers.docker.exposedbydefault=${EXPOSED}'],
    expect: [],
  },
  {
    name: 'exposedByDefault from a compose variable whose default decides (compose interpolates the command)',
    flags: ['--providers.docker.exposedbydefault=${EXPOSED:-false}'],
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
  {
    name: 'an override fragment (no image, no build): its base may set traefik.enable',
    app: '  app:\n    labels:\n      - traefik.http.routers.app.rule=Host(`a`)\n',
    expect: [],
  },
  {
    name: 'a service built from a Dockerfile is judged',
    app: '  app:\n    build: .\n    labels:\n      - traefik.http.routers.app.rule=Host(`a`)\n',
    expect: [{ severity: 'warning', text: 'traefik.http.routers.app.rule' }],
  },
];

for (const c of cases) {
  test(`not-enabled: ${c.name}`, () => {
    const text = compose(c.flags ?? HIDDEN, c.app ?? APP, c.traefikExtra);
    const seen = findings(check, text, c.setup).map((f) => ({ severity: f.severity, text: f.text }));
    assert.deepEqual(seen, c.expect);
  });
}

test('not-enabled: message, quick-fix data and the provider setting as related information', () => {
  const [finding] = findings(check, compose(HIDDEN, APP));
  assert.equal(finding.message, 'Traefik ignores "app": add traefik.enable=true to its labels');
  assert.match(finding.explanation, /^The docker provider has exposedByDefault=false/);
  assert.deepEqual(finding.data, {
    insertEnable: true,
    label: 'traefik.enable=true',
    source: 'labels',
    service: 'app',
  });
  assert.deepEqual(finding.related, [`${COMPOSE}: docker`]);
});

test('not-enabled: traefik.enable=true in an override file counts', () => {
  const override = 'services:\n  app:\n    labels:\n      - traefik.enable=true\n';
  assert.deepEqual(
    findings(check, compose(HIDDEN, APP), { others: { '/p/docker-compose.override.yml': override } }),
    [],
  );
});

test('not-enabled: no docker provider says so, offers no traefik.enable fix, and points at the static configuration', () => {
  const [finding] = findings(check, compose(['--providers.docker=false', '--entrypoints.web.address=:80'], APP));
  assert.equal(finding.message, 'Traefik reads no labels: its static configuration enables no docker provider');
  assert.match(finding.explanation, /add --providers\.docker/);
  assert.equal(finding.data?.insertEnable, false);
  assert.equal(finding.related?.length, 1);
});
