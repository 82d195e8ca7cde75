// not-enabled on container labels under a swarm-only Traefik: the swarm provider (v3
// providers.swarm, v2 providers.docker.swarmMode) reads the Swarm service's labels, compose's
// deploy.labels (pkg/provider/docker/pswarm.go parseService), never the containers' labels:.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/not-enabled';
import { findings } from '../static/support';

function compose(image: string, flags: string[], app: string[], traefikExtra = ''): string {
  return [
    'services:',
    '  traefik:',
    `    image: ${image}`,
    ...(flags.length ? ['    command:', ...flags.map((f) => `      - ${f}`)] : []),
    traefikExtra,
    '  komga:',
    '    image: gotson/komga',
    ...app,
    '',
  ].join('\n');
}

const CONTAINER_LABELS = [
  '    labels:',
  '      - com.example.team=media',
  '      - traefik.enable=true',
  '      - traefik.http.routers.komga.rule=Host(`komga.example.com`)',
  '      - traefik.http.services.komga.loadbalancer.server.port=25600',
];
const DEPLOY_LABELS = [
  '    deploy:',
  '      labels:',
  '        - traefik.http.routers.komga.rule=Host(`komga.example.com`)',
  '        - traefik.http.services.komga.loadbalancer.server.port=25600',
];

const cases: { name: string; image?: string; flags: string[]; app: string[]; extra?: string; expect: string[] }[] = [
  {
    name: 'v3 swarm provider only, labels under labels:',
    flags: ['--providers.swarm.endpoint=unix:///var/run/docker.sock'],
    app: CONTAINER_LABELS,
    expect: ['traefik.http.routers.komga.rule'],
  },
  {
    name: 'v3 swarm provider only, labels under deploy.labels',
    flags: ['--providers.swarm.endpoint=unix:///var/run/docker.sock'],
    app: DEPLOY_LABELS,
    expect: [],
  },
  {
    name: 'only labels that are not Traefik routing ones',
    flags: ['--providers.swarm'],
    app: ['    labels:', '      - com.example.team=media', '      - traefik.enable=true', ...DEPLOY_LABELS],
    expect: [],
  },
  {
    name: 'a docker provider beside the swarm one reads them',
    flags: ['--providers.swarm', '--providers.docker'],
    app: CONTAINER_LABELS,
    expect: [],
  },
  {
    name: 'v2 docker provider in swarm mode',
    image: 'traefik:v2.11',
    flags: ['--providers.docker.swarmMode=true'],
    app: CONTAINER_LABELS,
    expect: ['traefik.http.routers.komga.rule'],
  },
  {
    name: 'v2 docker provider, not in swarm mode',
    image: 'traefik:v2.11',
    flags: ['--providers.docker'],
    app: CONTAINER_LABELS,
    expect: [],
  },
  {
    name: 'static configuration unknown (mounted file not readable)',
    flags: [],
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro',
    app: CONTAINER_LABELS,
    expect: [],
  },
  // The mirror (trial6 min-13): deploy.labels under a docker provider that is not in swarm mode.
  {
    name: 'v3 docker provider only, labels under deploy.labels',
    flags: ['--providers.docker'],
    app: DEPLOY_LABELS,
    expect: ['traefik.http.routers.komga.rule'],
  },
  {
    name: 'v2 docker provider, not in swarm mode, labels under deploy.labels',
    image: 'traefik:v2.11',
    flags: ['--providers.docker'],
    app: DEPLOY_LABELS,
    expect: ['traefik.http.routers.komga.rule'],
  },
  {
    name: 'v2 docker provider in swarm mode, labels under deploy.labels',
    image: 'traefik:v2.11',
    flags: ['--providers.docker.swarmMode=true'],
    app: DEPLOY_LABELS,
    expect: [],
  },
  {
    name: 'a swarm provider beside the docker one reads deploy.labels',
    flags: ['--providers.swarm', '--providers.docker'],
    app: DEPLOY_LABELS,
    expect: [],
  },
  {
    name: 'deploy.labels, static configuration unknown',
    flags: [],
    extra: '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro',
    app: DEPLOY_LABELS,
    expect: [],
  },
];

for (const c of cases) {
  test(`not-enabled under swarm: ${c.name}`, () => {
    const text = compose(c.image ?? 'traefik:v3.6', c.flags, c.app, c.extra);
    assert.deepEqual(
      findings(check, text).map((f) => f.text),
      c.expect,
    );
  });
}

test('not-enabled under swarm: the message says where Traefik reads labels', () => {
  const text = compose('traefik:v3.6', ['--providers.swarm'], [...CONTAINER_LABELS, ...DEPLOY_LABELS]);
  const [finding] = findings(check, text);
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'Traefik ignores these labels of "komga": its swarm provider reads only deploy.labels; move them there',
  );
  assert.match(finding.explanation, /2 router, service and middleware labels/);
  assert.deepEqual(finding.related, ['/p/docker-compose.yml: swarm']);
});
