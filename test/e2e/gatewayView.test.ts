// The Gateway view against a server on 127.0.0.1 that answers with Traefik's own API fixtures
// (test/support/fakeTraefik.ts): its routers, services and the services' servers show up as
// rows. The rows expected are read from the fixtures, not written here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fixture, startFakeTraefik, type FakeTraefik } from '../support/fakeTraefik';
import { codeServerEntry, extensionVsix, openFile, screenshot, startEditor, type Editor } from './codeServer';
import { publishScreenshot, waitUntil, workspaceOf } from './workbench';

interface ApiService {
  name: string;
  loadBalancer?: { servers?: { url: string }[] };
}

let traefik: FakeTraefik;
let editor: Editor;

before(async () => {
  traefik = await startFakeTraefik();
  editor = await startEditor({
    folder: workspaceOf('examples/musicshare'),
    vsix: extensionVsix(),
    entry: codeServerEntry(),
    settings: { 'gatewayLens.traefik.apiUrl': traefik.url },
  });
});

after(async () => {
  await editor?.stop();
  await traefik?.close();
});

/** The Gateway view's rows (accessible labels), after expanding every collapsed row once. */
async function gatewayRows(page: Page): Promise<string[]> {
  const rows = page.locator('.part.sidebar .pane-body .monaco-list-row');
  for (let i = 0; i < 50; i++) {
    const collapsed = rows.and(page.locator('[aria-expanded="false"]'));
    if ((await collapsed.count()) === 0) break;
    await collapsed.first().click();
  }
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

test('the Gateway view shows the routers, services and servers Traefik reports', { timeout: 180_000 }, async () => {
  const { page } = editor;
  await openFile(page, 'musicshare/docker-compose.yml', editor.folder);
  await page.locator('.activitybar [aria-label^="Gateway"]').first().click();
  await page.locator('.part.sidebar .pane-header', { hasText: 'Routers' }).waitFor();

  const routers = fixture<{ name: string }[]>('routers.json').map((r) => r.name);
  const services = fixture<ApiService[]>('services.json');
  const servers = services.flatMap((s) => s.loadBalancer?.servers?.map((x) => x.url) ?? []);
  const want = [...routers, ...services.map((s) => s.name), ...servers];
  assert.ok(routers.length > 0 && servers.length > 0, 'the fixtures have routers and servers');

  const shown = await waitUntil(
    page,
    'every router, service and server of the fixtures as a row',
    () => gatewayRows(page),
    (rows) => want.every((name) => rows.some((r) => r === name || r.startsWith(`${name}, `))),
  );
  assert.ok(
    traefik.state.requests.some((r) => r.startsWith('/api/http/routers')),
    'the view asked the API',
  );
  assert.ok(shown.length >= want.length);
  const shot = await screenshot(page, 'gateway-view');
  publishScreenshot(shot, 'gateway-view.png');
});
