// The Gateway view's items for a given Traefik API answer and Docker state, as plain data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComposeContainer } from '../../../live/docker/types';
import { buildLiveModel, traefikServicesOf } from '../../../live/model';
import { renderJson, renderText } from '../../../live/render';
import { composeNodes, routerNodes, serviceNodes, statusNode } from '../../../live/tree';
import type { ApiRouter, ApiService, GatewaySnapshot } from '../../../live/traefik/types';
import { fixture } from '../../support/fakeTraefik';

function snapshot(routers: ApiRouter[], services: ApiService[]): GatewaySnapshot {
  return {
    state: { kind: 'connected', url: 'http://127.0.0.1:8080', version: '3.7.9' },
    at: 0,
    entryPoints: [
      { name: 'web', address: ':80' },
      { name: 'websecure', address: ':443' },
    ],
    http: { routers, services, middlewares: fixture('middlewares.json') },
    tcp: { routers: [], services: [], middlewares: [] },
    udp: { routers: [], services: [] },
  };
}

function container(
  service: string,
  number: number,
  state: string,
  labels: Record<string, string> = {},
): ComposeContainer {
  return {
    id: `${service}-${number}`,
    name: `shop-${service}-${number}`,
    project: 'shop',
    service,
    number,
    state,
    image: 'x',
    labels,
    configFiles: [],
  };
}

const routers: ApiRouter[] = [
  {
    name: 'users@docker',
    provider: 'docker',
    status: 'enabled',
    rule: 'PathPrefix(`/api/users`)',
    service: 'users',
    entryPoints: ['websecure'],
    using: ['websecure'],
    tls: {},
    middlewares: ['users-strip@docker'],
  },
  {
    name: 'broken@docker',
    provider: 'docker',
    status: 'disabled',
    rule: 'Path(`/x`)',
    service: 'nope',
    entryPoints: ['web'],
    error: ['the service "nope@docker" does not exist'],
  },
];
const services: ApiService[] = [
  {
    name: 'users@docker',
    provider: 'docker',
    status: 'enabled',
    type: 'loadbalancer',
    loadBalancer: { servers: [{ url: 'http://10.0.0.2:8002' }, { url: 'http://10.0.0.3:8002' }] },
    serverStatus: { 'http://10.0.0.2:8002': 'UP', 'http://10.0.0.3:8002': 'DOWN' },
  },
];
const containers = [
  container('users', 2, 'running', { 'traefik.http.services.users.loadbalancer.server.port': '8002' }),
  container('users', 1, 'running', { 'traefik.http.services.users.loadbalancer.server.port': '8002' }),
  container('db', 1, 'exited'),
];

test('routers are grouped by entry point, with errors as children', () => {
  const m = buildLiveModel(snapshot(routers, services), containers);
  const nodes = routerNodes(m);
  assert.deepEqual(
    nodes.map((n) => n.label),
    ['web', 'websecure'],
  );
  const broken = nodes[0].children[0];
  assert.equal(broken.icon, 'error');
  assert.deepEqual(
    broken.children.map((c) => c.label),
    ['the service "nope@docker" does not exist'],
  );
  const users = nodes[1].children[0];
  assert.equal(users.icon, 'pass');
  assert.match(users.description ?? '', /priority 24 · TLS · middlewares: users-strip@docker · → users/);
  assert.equal(users.contextValue, 'router.docker');
});

test('services list their servers with UP/DOWN and the compose service behind them', () => {
  const m = buildLiveModel(snapshot(routers, services), containers);
  const [users] = serviceNodes(m);
  assert.equal(users.description, '1/2 UP');
  assert.deepEqual(
    users.children.map((c) => [c.label, c.description]),
    [
      ['http://10.0.0.2:8002', 'UP'],
      ['http://10.0.0.3:8002', 'DOWN'],
    ],
  );
  assert.deepEqual(m.services[0].compose, [{ project: 'shop', service: 'users' }]);
});

test('compose services show running/desired replicas and containers in order', () => {
  const m = buildLiveModel(snapshot(routers, services), containers, undefined, new Map([['users', 3]]));
  const nodes = composeNodes(m);
  const users = nodes.find((n) => n.label === 'users')!;
  assert.match(users.description ?? '', /^2\/3 running · shop → users@docker/);
  assert.deepEqual(
    users.children.map((c) => c.label),
    ['#1 shop-users-1', '#2 shop-users-2'],
  );
  assert.equal(users.icon, 'warning');
  const db = nodes.find((n) => n.label === 'db')!;
  assert.equal(db.icon, 'error');
});

test('a container without service labels feeds the default service name', () => {
  assert.deepEqual(traefikServicesOf(container('web_app', 1, 'running', { 'traefik.enable': 'true' })), [
    'web-app-shop@docker',
  ]);
  assert.deepEqual(traefikServicesOf(container('db', 1, 'running')), []);
});

test('status line: connected / unreachable', () => {
  const up = statusNode(
    buildLiveModel(snapshot([], []), [], {
      kind: 'connected',
      host: 'unix:///s',
      version: '20.10',
      swarmManager: false,
    }),
  );
  assert.equal(up.label, 'Connected to Traefik 3.7.9 at http://127.0.0.1:8080');
  assert.equal(up.description, 'Docker 20.10');
  const down = statusNode(
    buildLiveModel({ ...snapshot([], []), state: { kind: 'unauthorized', url: 'http://x' } }, [], {
      kind: 'unreachable',
      host: 'unix:///s',
      message: 'ENOENT',
    }),
  );
  assert.match(down.label, /refused the credentials/);
  assert.equal(down.icon, 'debug-disconnect');
});

test('fixtures from Traefik render as text and JSON', () => {
  const m = buildLiveModel(snapshot(fixture('routers.json'), fixture('services.json')), []);
  const text = renderText(m);
  assert.match(text, /bar@myprovider {2}Host\(`foo\.bar`\)/);
  const json = JSON.parse(renderJson(m)) as { routers: { name: string }[]; services: { servers: unknown[] }[] };
  assert.equal(json.routers.length, fixture<unknown[]>('routers.json').length);
  assert.deepEqual(json.services[0].servers, [{ url: 'http://127.0.0.1', status: 'UP' }]);
});

test('a compose service scaled to 0 from the editor stays in the tree with its compose files', () => {
  const known = [
    {
      project: 'shop',
      service: 'search',
      traefikServices: ['search@docker'],
      configFiles: ['/srv/shop/docker-compose.yml'],
      workingDir: '/srv/shop',
    },
    // Still has containers: the containers' own data wins.
    { project: 'shop', service: 'users', traefikServices: [], configFiles: ['/elsewhere.yml'] },
  ];
  const withFiles = containers.map((c) => ({ ...c, configFiles: ['/srv/shop/docker-compose.yml'] }));
  const m = buildLiveModel(snapshot(routers, services), withFiles, undefined, new Map([['shop/search', 0]]), known);
  const search = m.composeServices.find((g) => g.service === 'search')!;
  assert.deepEqual([search.running, search.desired, search.containers.length], [0, 0, 0]);
  assert.deepEqual(search.configFiles, ['/srv/shop/docker-compose.yml']);
  const users = m.composeServices.find((g) => g.service === 'users')!;
  assert.deepEqual(users.configFiles, ['/srv/shop/docker-compose.yml']);
  const row = composeNodes(m).find((n) => n.label === 'search')!;
  assert.equal(row.description, '0/0 running · shop → search@docker');
  assert.equal(row.icon, 'circle-outline');
  assert.deepEqual(row.ref, { kind: 'composeService', name: 'shop/search', project: 'shop', service: 'search' });
});
