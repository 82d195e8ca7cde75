// The Gateway view against a server on 127.0.0.1 that answers with Traefik's own API fixtures
// (test/support/fakeTraefik.ts): its routers, services and the services' servers show up as
// rows. The rows expected are read from the fixtures, not written here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { defaultState, fixture, startFakeTraefik, type FakeTraefik } from '../support/fakeTraefik';
import { openFile, runCommand, screenshot, startEditor, type Editor } from './codeServer';
import { gatewayRows, publishScreenshot, waitUntil, workspaceOf } from './workbench';

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
    settings: { 'gatewayLens.traefik.apiUrl': traefik.url },
  });
});

after(async () => {
  await editor?.stop();
  await traefik?.close();
});

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

test(
  'TCP and UDP groups, entry point addresses, and the live Traefik state in the status bar',
  { timeout: 120_000 },
  async () => {
    const { page } = editor;
    const tcp = fixture<{ name: string }[]>('tcprouters.json');
    const udpServices = fixture<{ name: string }[]>('udpservices.json');
    const rows = await waitUntil(
      page,
      'the TCP and UDP groups and the web entry point with its address',
      () => gatewayRows(page),
      (r) =>
        r.includes(`TCP routers, ${tcp.length}`) &&
        r.includes(`UDP services, ${udpServices.length}`) &&
        r.some((x) => x.startsWith('web, :80 · ')),
    );
    assert.ok(rows.some((r) => r.startsWith(`${tcp[0].name}, `) && r.includes('entry points: web')));
    const status = page.locator('.statusbar-item[aria-label*="Traefik 3.7.9"]');
    await status.first().waitFor({ timeout: 30_000 });
  },
);

test(
  'Set Traefik API URL asks where to keep it; the old routers go while the new URL is tried',
  { timeout: 120_000 },
  async () => {
    const { page, folder, userDataDir } = editor;
    // A server that accepts the connection and answers only after the client gave up (5 s).
    const hanging = await startFakeTraefik({ ...defaultState(), mode: 'slow', slowMs: 60_000 });
    try {
      await runCommand(page, 'Gateway Lens: Set Traefik API URL...');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(hanging.url);
      await page.keyboard.press('Enter');
      const user = page.locator('.quick-input-list .monaco-list-row', { hasText: 'User settings' });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Workspace settings' }).waitFor();
      await user.click();
      const sidebar = page.locator('.part.sidebar');
      // At once: no row of the old Traefik under "Connected", the view says it is reading the API.
      await waitUntil(
        page,
        "the loading state instead of the old Traefik's routers",
        async () => (await sidebar.innerText()).replace(/\s+/g, ' '),
        (text) =>
          text.includes("Reading Traefik's API") && !text.includes(`Connected to Traefik 3.7.9 at ${traefik.url}`),
        4000,
      );
      await waitUntil(
        page,
        'the timeout to be shown',
        async () => (await sidebar.innerText()).replace(/\s+/g, ' '),
        (text) => text.includes('did not answer within 5000 ms'),
      );
      const settings = fs.readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8');
      assert.match(settings, new RegExp(`"gatewayLens.traefik.apiUrl": "${hanging.url}"`));
      assert.equal(
        fs.existsSync(path.join(folder, '.vscode', 'settings.json')),
        false,
        'nothing written into the repository',
      );
    } finally {
      await hanging.close();
    }
  },
);
