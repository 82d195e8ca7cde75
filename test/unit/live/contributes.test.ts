// The Gateway view as package.json declares it agrees with the code: command table, view ids,
// activation, menus (scaling only in trusted workspaces), welcome links and settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../client/src/commands';
import type { Node } from '../../../client/src/live/tree';
import {
  LIVE_COMMANDS,
  LIVE_VIEW_CONTAINER,
  LIVE_VIEWS,
  registerLiveCommands,
  type LiveCommandContext,
} from '../../../client/src/views/liveCommands';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const declared: { command: string; category: string; enablement?: string }[] = contributes.commands;
const isLive = (id: string) => /^gatewayLens\.(live|scale)\./.test(id);

test('every live command is contributed with category "Gateway Lens", and vice versa', () => {
  const mine = Object.keys(LIVE_COMMANDS).sort();
  assert.deepEqual(
    mine,
    declared
      .map((c) => c.command)
      .filter(isLive)
      .sort(),
  );
  for (const id of mine) {
    assert.equal(declared.find((c) => c.command === id)!.category, 'Gateway Lens', id);
    assert.ok(!(id in COMMANDS), `${id} is registered twice`);
  }
  for (const c of declared.filter((c) => c.command.startsWith('gatewayLens.scale.'))) {
    assert.equal(c.enablement, 'isWorkspaceTrusted', c.command);
  }
});

test('the Gateway container and its views, opened lazily', () => {
  const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === LIVE_VIEW_CONTAINER);
  assert.equal(container.title, 'Gateway');
  const icon = fs.readFileSync(path.join(ROOT, container.icon), 'utf8');
  assert.match(icon, /^<svg [^>]*viewBox="0 0 24 24"/);
  assert.deepEqual(
    contributes.views[LIVE_VIEW_CONTAINER].map((v: { id: string }) => v.id),
    Object.values(LIVE_VIEWS),
  );
  for (const id of Object.values(LIVE_VIEWS)) assert.ok(manifest.activationEvents.includes(`onView:${id}`), id);
});

test('menus and welcome links name declared commands; scaling needs a trusted workspace', () => {
  const ids = new Set(declared.map((c) => c.command));
  const menus: Record<string, { command: string; when?: string }[]> = contributes.menus;
  for (const [menu, items] of Object.entries(menus)) {
    for (const item of items.filter((i) => isLive(i.command))) {
      assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
      if (item.command.startsWith('gatewayLens.scale.')) {
        assert.match(item.when ?? '', /isWorkspaceTrusted|^false$/, `${menu}: ${item.command}`);
      }
    }
  }
  const welcome: { view: string; contents: string }[] = contributes.viewsWelcome;
  for (const w of welcome.filter((w) => w.view.startsWith('gatewayLens.'))) {
    assert.ok((Object.values(LIVE_VIEWS) as string[]).includes(w.view), w.view);
    for (const [, command] of w.contents.matchAll(/\(command:([\w.]+)/g)) {
      assert.ok(ids.has(command) || command.startsWith('workbench.'), `${w.view}: ${command}`);
    }
  }
  assert.ok(
    welcome.some((w) => w.view === LIVE_VIEWS.routers && w.contents.includes('command:gatewayLens.live.setApiUrl')),
  );
});

test('settings: API URL, user (no password), Docker host, refresh interval, max replicas', () => {
  const props = contributes.configuration.properties;
  const table: [string, unknown][] = [
    ['gatewayLens.traefik.apiUrl', 'http://localhost:8080'],
    ['gatewayLens.traefik.apiUser', ''],
    ['gatewayLens.docker.host', ''],
    ['gatewayLens.live.refreshInterval', 10],
    ['gatewayLens.scale.maxReplicas', 10],
  ];
  for (const [key, value] of table) assert.equal(props[key]?.default, value, key);
  assert.deepEqual(
    Object.keys(props).filter((k) => /password|secret/i.test(k)),
    [],
  );
});

test('registerLiveCommands hands tree rows through and drops anything else', async () => {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) =>
      void calls.push([name, ...args]);
  const ctx: LiveCommandContext = {
    refresh: record('refresh'),
    setApiUrl: record('setApiUrl'),
    setApiPassword: record('setApiPassword'),
    reveal: record('reveal'),
    scale: record('scale'),
    step: record('step'),
    scaleAllBackends: record('all'),
    showMetrics: () => void calls.push(['metrics']),
    testLoadBalancing: record('loadtest'),
  };
  const registered = new Map<string, (node?: unknown) => unknown>();
  registerLiveCommands(ctx, (id, run) => {
    registered.set(id, run as (node?: unknown) => unknown);
    return { dispose: () => undefined };
  });
  const row: Node = { id: 'compose:shop/users', label: 'users', contextValue: 'composeService', children: [] };
  await registered.get('gatewayLens.scale.increment')!(row);
  await registered.get('gatewayLens.scale.decrement')!(row);
  await registered.get('gatewayLens.scale.service')!('not a row');
  await registered.get('gatewayLens.live.revealInCompose')!(row);
  await registered.get('gatewayLens.live.testLoadBalancing')!(row);
  await registered.get('gatewayLens.live.showMetrics')!();
  assert.deepEqual(calls, [
    ['step', row, 1],
    ['step', row, -1],
    ['scale', undefined],
    ['reveal', row],
    ['loadtest', row],
    ['metrics'],
  ]);
});
