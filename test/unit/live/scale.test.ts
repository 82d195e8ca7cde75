// The scale commands' decisions as plain data: replica validation, the container_name refusal,
// the fixed host-port warning, and the exact compose arguments, before anything runs. The
// compose half is the server's plan (composeScalePlan over the files it reads), the rest the
// client's decideScale; `decide` joins them as the Scale command does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeError, type ComposeCli } from '../../../live/docker/compose';
import type { ComposeContainer } from '../../../live/docker/types';
import { buildLiveModel } from '../../../live/model';
import {
  backendServices,
  commandLine,
  composeTarget,
  decideScale,
  parseReplicas,
  replicasError,
  scalePlanParams,
  stepReplicas,
  type ScaleTarget,
} from '../../../live/scale/plan';
import type { GatewaySnapshot } from '../../../live/traefik/types';
import { composeScalePlan } from '../../../server/src/analysis/compose/scale';
import { readComposeFiles } from '../../../server/src/scalePlan';

const V2: ComposeCli = { command: 'docker', prefix: ['compose'], version: '2.29.0' };
const V1: ComposeCli = { command: 'docker-compose', prefix: [], version: '1.29.2' };
const FILE = '/srv/shop/docker-compose.yml';
const OVERRIDE = '/srv/shop/docker-compose.override.yml';

const COMPOSE = `services:
  users:
    image: users
    labels:
      - traefik.http.services.users.loadbalancer.server.port=8002
  pinned:
    image: pinned
    container_name: shop_pinned
  web:
    image: web
    ports:
      - "8080:80"
      - "9000"
`;
const OVERRIDE_TEXT = `services:
  users:
    ports:
      - "8443:443"
`;
const TEXTS: Record<string, string> = { [FILE]: COMPOSE, [OVERRIDE]: OVERRIDE_TEXT };
const files = (names: string[]) => readComposeFiles(names, (f) => TEXTS[f]);

/** The Scale command's decision: the server's plan from `readable` (default: the target's files), then the client's. */
function decide(t: ScaleTarget, n: number, cli: ComposeCli | undefined, readable?: string[]) {
  const plan =
    t.kind === 'compose'
      ? composeScalePlan(scalePlanParams(t, n, 10), files(readable ?? t.configFiles), n, 10)
      : undefined;
  return decideScale(t, n, { max: 10, plan, cli });
}

function target(service: string, configFiles = [FILE]): ScaleTarget {
  return { kind: 'compose', project: 'shop', service, configFiles, workingDir: '/srv/shop', current: 1 };
}

test('replica counts: whole numbers from 0 to max', () => {
  const table: [string, number, number | undefined][] = [
    ['0', 10, 0],
    ['3', 10, 3],
    [' 10 ', 10, 10],
    ['11', 10, undefined],
    ['-1', 10, undefined],
    ['2.5', 10, undefined],
    ['', 10, undefined],
    ['three', 10, undefined],
    ['1e1', 10, undefined],
    ['5', 4, undefined],
  ];
  for (const [text, max, expected] of table) {
    assert.equal(parseReplicas(text, max), expected, JSON.stringify(text));
    assert.equal(replicasError(text, max) === undefined, expected !== undefined, JSON.stringify(text));
  }
  assert.match(replicasError('11', 10) ?? '', /0 to 10/);
});

test('+1 / -1 stay within 0..max', () => {
  const table: [number, number, number, number | undefined][] = [
    [1, +1, 10, 2],
    [1, -1, 10, 0],
    [0, -1, 10, undefined],
    [10, +1, 10, undefined],
  ];
  for (const [current, delta, max, expected] of table) assert.equal(stepReplicas(current, delta, max), expected);
});

test('compose scale: the exact arguments for v2 and v1', () => {
  const table: [ComposeCli, string[]][] = [
    [V2, ['compose', '-f', FILE, '-p', 'shop', 'up', '-d', '--no-recreate', '--scale', 'users=3', 'users']],
    [V1, ['-f', FILE, '-p', 'shop', 'up', '-d', '--no-recreate', '--scale', 'users=3', 'users']],
  ];
  for (const [cli, args] of table) {
    const d = decide(target('users'), 3, cli);
    assert.equal(d.refuse, undefined);
    assert.ok(d.refuse === undefined && d.run.kind === 'compose');
    assert.deepEqual(d.run.args, args);
    assert.equal(d.run.cwd, '/srv/shop');
    assert.equal(d.run.line, [cli.command, ...args].join(' '));
    assert.deepEqual(d.warnings, []);
  }
});

test('refusals and warnings', () => {
  const table: {
    name: string;
    t: ScaleTarget;
    n: number;
    files?: string[];
    cli?: ComposeCli;
    refuse?: RegExp;
    warn?: RegExp[];
  }[] = [
    {
      name: 'container_name',
      t: target('pinned'),
      n: 2,
      refuse: /container_name "shop_pinned".*Remove container_name/,
    },
    { name: 'container_name at 1 is fine', t: target('pinned'), n: 1, warn: [] },
    { name: 'over max', t: target('users'), n: 11, refuse: /0 to 10/ },
    { name: 'negative', t: target('users'), n: -1, refuse: /0 to 10/ },
    { name: 'fixed host port', t: target('web'), n: 2, warn: [/Host port 8080 is fixed/] },
    { name: 'fixed host port, one replica', t: target('web'), n: 1, warn: [] },
    {
      name: 'override file adds a port',
      t: target('users', [FILE, OVERRIDE]),
      n: 3,
      files: [FILE, OVERRIDE],
      warn: [/Host port 8443/],
    },
    { name: 'no compose files in the labels', t: target('users', []), n: 2, refuse: /config_files/ },
    {
      name: 'files unreadable',
      t: target('users', ['/nowhere.yml']),
      n: 2,
      refuse: /none of them could be read/,
    },
    { name: 'service not in the files', t: target('ghost'), n: 2, refuse: /not defined there/ },
    {
      name: 'no compose CLI',
      t: target('users'),
      n: 2,
      cli: undefined,
      refuse: /Neither `docker compose` nor `docker-compose`/,
    },
  ];
  for (const row of table) {
    const cli = 'cli' in row ? row.cli : V2;
    const d = decide(row.t, row.n, cli, row.files);
    if (row.refuse) {
      assert.match(d.refuse ?? '', row.refuse, row.name);
    } else {
      assert.equal(d.refuse, undefined, row.name);
      assert.ok(d.refuse === undefined);
      assert.equal(d.warnings.length, row.warn!.length, row.name);
      row.warn!.forEach((w, i) => assert.match(d.warnings[i], w, row.name));
    }
  }
});

test('without the language server a compose service is not scaled; the plan gives the -f set and directory', () => {
  assert.match(decideScale(target('users'), 2, { max: 10, cli: V2 }).refuse ?? '', /language server is not running/);
  const plan = { files: [FILE, OVERRIDE], projectDirectory: '/srv', project: 'p', service: 'users', warnings: [] };
  const d = decideScale(target('users'), 2, { max: 10, plan, cli: V2 });
  assert.ok(d.refuse === undefined && d.run.kind === 'compose');
  assert.deepEqual(d.run.args, [
    'compose',
    '-f',
    FILE,
    '-f',
    OVERRIDE,
    '-p',
    'p',
    'up',
    '-d',
    '--no-recreate',
    '--scale',
    'users=2',
    'users',
  ]);
  assert.equal(d.run.cwd, '/srv');
});

test('swarm services scale through the API, validated the same way', () => {
  const swarm: ScaleTarget = { kind: 'swarm', id: 'abc', service: 'shop_users', current: 2 };
  const d = decideScale(swarm, 4, { max: 10 });
  assert.ok(d.refuse === undefined && d.run.kind === 'swarm');
  assert.deepEqual([d.run.id, d.run.replicas], ['abc', 4]);
  assert.match(d.run.line, /^docker service scale shop_users=4/);
  assert.match(decideScale(swarm, 12, { max: 10 }).refuse ?? '', /0 to 10/);
});

test('command lines are shown quoted as a shell would need them', () => {
  assert.equal(
    commandLine('docker', ['compose', '-f', '/a b/c.yml', "it's"]),
    `docker compose -f '/a b/c.yml' 'it'\\''s'`,
  );
});

test('backend services: compose services Traefik balances, not Traefik itself', () => {
  const c = (service: string, image: string, labels: Record<string, string>): ComposeContainer => ({
    id: service,
    name: `shop-${service}-1`,
    project: 'shop',
    service,
    number: 1,
    state: 'running',
    image,
    labels,
    configFiles: [FILE],
  });
  const snapshot: GatewaySnapshot = {
    state: { kind: 'connected', url: 'http://127.0.0.1:8080', version: '3.7.9' },
    at: 0,
    entryPoints: [],
    http: {
      routers: [],
      services: [
        { name: 'users@docker', provider: 'docker', status: 'enabled' },
        { name: 'traefik-shop@docker', provider: 'docker', status: 'enabled' },
      ],
      middlewares: [],
    },
    tcp: { routers: [], services: [], middlewares: [] },
    udp: { routers: [], services: [] },
  };
  const model = buildLiveModel(snapshot, [
    c('users', 'users:1', { 'traefik.http.services.users.loadbalancer.server.port': '8002' }),
    c('traefik', 'traefik:v3.1', { 'traefik.enable': 'true' }),
    c('db', 'postgres', {}),
  ]);
  assert.deepEqual(
    backendServices(model).map((g) => g.service),
    ['users'],
  );
  const t = composeTarget(model.composeServices.find((g) => g.service === 'users')!);
  assert.deepEqual(t, {
    kind: 'compose',
    project: 'shop',
    service: 'users',
    configFiles: [FILE],
    workingDir: undefined,
    current: 1,
  });
});

test('the compose error in the failure message says what failed', () => {
  const table: [string, string][] = [
    [
      'Creating shop_web_1 ... \r\nCreating shop_web_1 ... error\r\n\nERROR: for web  Cannot start service web: port is already allocated\nEncountered errors while bringing up the project.\n',
      'ERROR: for web  Cannot start service web: port is already allocated',
    ],
    [
      ' Container shop-web-2  Creating\nError response from daemon: Conflict. The container name "/pinned" is already in use\n',
      'Error response from daemon: Conflict. The container name "/pinned" is already in use',
    ],
    ['no such service: nope\n', 'no such service: nope'],
    ['something odd\n', 'something odd'],
    ['', 'compose failed without output'],
  ];
  for (const [output, expected] of table) assert.equal(composeError(output), expected);
});
