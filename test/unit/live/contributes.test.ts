// The Gateway view as package.json declares it agrees with the code: view ids,
// activation, menus (scaling only in trusted workspaces), welcome links and settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIVE_VIEW_CONTAINER, LIVE_VIEWS } from '../../../client/src/views/liveViews';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const declared: { command: string; category: string; enablement?: string }[] = contributes.commands;
const isLive = (id: string) => /^gatewayLens\.(live|scale)\./.test(id);

test('the scale commands are enabled only in trusted workspaces', () => {
  const scale = declared.filter((c) => c.command.startsWith('gatewayLens.scale.'));
  assert.equal(scale.length, 4);
  for (const c of scale) assert.equal(c.enablement, 'isWorkspaceTrusted', c.command);
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
