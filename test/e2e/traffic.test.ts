// Traffic next to the routes, in code-server driven by Chromium: a gateway played by the stand-in
// on 127.0.0.1 (test/support/gatewayStandIn.ts: three replicas, Traefik's API and /metrics with
// Traefik's names) and the musicshare example, whose userservice router is the stand-in's.
// Nothing reads /metrics while nothing shows the figures; the CodeLens and the Gateway view
// rows show them once something does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { startStandIn, type StandIn } from '../support/gatewayStandIn';
import { openFile, runCommand, screenshot, startEditor, type Editor } from './codeServer';
import { gatewayRows, gatewayStatus, goTo, positionOf, publishScreenshot, waitUntil, workspaceOf } from './workbench';

/** Traefik's access log in the common format, as the stand-in writes it (the spread's source). */
const ACCESS_LOG = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-access-')), 'access.log');
let standIn: StandIn;
let editor: Editor;
/** Requests sent through the stand-in's entry point, so the figures move. */
let sending: Promise<void> | undefined;
let stopSending = false;

before(async () => {
  standIn = await startStandIn({
    replicas: 3,
    router: 'userservice@docker',
    service: 'userservice@docker',
    routerMetrics: true,
    commonLog: ACCESS_LOG,
  });
  editor = await startEditor({
    folder: workspaceOf('examples/musicshare'),
    settings: {
      'gatewayLens.traefik.apiUrl': standIn.api.url,
      'gatewayLens.metrics.refreshInterval': 1,
      'gatewayLens.loadtest.host': '127.0.0.1',
      'gatewayLens.loadtest.accessLogFile': ACCESS_LOG,
    },
  });
});

after(async () => {
  stopSending = true;
  await sending;
  await editor?.stop();
  await standIn?.close();
});

/** Up to `max` requests to the stand-in's entry point, 50 ms apart, until stopped. */
function sendTraffic(max = 2000): void {
  sending ??= (async () => {
    for (let i = 0; i < max && !stopSending; i++) {
      await new Promise<void>((resolve) => {
        const req = http.get(`http://127.0.0.1:${standIn.gatewayPort}/api/users/${i}`, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', () => resolve());
        req.setTimeout(5000, () => req.destroy());
      });
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
}

const metricsReads = (): number => standIn.api.state.requests.filter((r) => r.startsWith('/metrics')).length;

async function codeLenses(page: Page): Promise<string[]> {
  return page.locator('.monaco-editor .codelens-decoration').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

/** No read within `ms` (at 1 s refresh, several would have happened). */
async function noReadFor(page: Page, ms: number, what: string): Promise<void> {
  const before = metricsReads();
  await page.waitForTimeout(ms);
  assert.equal(metricsReads(), before, `no /metrics request ${what}`);
}

test(
  'nothing reads /metrics while no view, panel or compose file shows the figures',
  { timeout: 180_000 },
  async () => {
    const { page } = editor;
    sendTraffic();
    // A file that is not a compose file; the extension is active (its status bar item is there).
    await openFile(page, 'musicshare/traefik/traefik.yml', editor.folder);
    await waitUntil(
      page,
      'the extension to be active',
      () => gatewayStatus(page),
      (s) => s !== '',
    );
    await noReadFor(page, 4000, 'while only traefik.yml is shown');
    assert.equal(metricsReads(), 0);
  },
);

test(
  'the CodeLens above the router rule shows its traffic, and stops reading once hidden',
  { timeout: 180_000 },
  async () => {
    const { page } = editor;
    await openFile(page, 'musicshare/docker-compose.yml', editor.folder);
    const text = fs.readFileSync(path.join(editor.folder, 'musicshare', 'docker-compose.yml'), 'utf8');
    const at = positionOf(text, 'traefik.http.routers.userservice.rule');
    await goTo(page, at.line, at.column);
    const lenses = await waitUntil(
      page,
      'a CodeLens with the userservice router traffic',
      () => codeLenses(page),
      (l) => l.some((t) => /^[1-9][\d.]* req\/s · p95 \d+(\.\d+)? ms · 0 5xx\/min$/.test(t)),
    );
    assert.ok(metricsReads() > 0, 'the open compose file made the extension read /metrics');
    // Routers the stand-in has no traffic for say so.
    assert.ok(lenses.includes('no traffic'), JSON.stringify(lenses));
    const shot = await screenshot(page, 'traffic-codelens');
    publishScreenshot(shot, 'traffic-codelens.png');

    // Back to traefik.yml in the same editor group: the compose file is hidden, reading stops.
    await openFile(page, 'musicshare/traefik/traefik.yml', editor.folder);
    await page.waitForTimeout(1500); // a read in flight may still land
    await noReadFor(page, 4000, 'once the compose file is hidden');
  },
);

test('the Gateway view rows show req/s, p95 and 5xx per minute', { timeout: 180_000 }, async () => {
  const { page } = editor;
  await page.locator('.activitybar [aria-label^="Gateway"]').first().click();
  await page.locator('.part.sidebar .pane-header', { hasText: 'Routers' }).waitFor();
  const shown = await waitUntil(
    page,
    'figures on the userservice router and service rows and the web entry point',
    () => gatewayRows(page),
    (r) =>
      r.some((x) => /^web, [1-9][\d.]* req\/s/.test(x)) &&
      r.filter((x) => /^userservice@docker, [1-9][\d.]* req\/s · p95 \d/.test(x)).length === 2,
  );
  assert.ok(shown.length > 0);
  const shot = await screenshot(page, 'traffic-gateway-view');
  publishScreenshot(shot, 'traffic-gateway-view.png');
});

/** The Gateway Metrics panel's page (the webview's inner frame), once it has a body. */
async function panelFrame(page: Page): Promise<Frame> {
  return waitUntil(
    page,
    'the Gateway Metrics webview',
    async () => {
      for (const f of page.frames()) {
        if (
          (await f
            .locator('h1', { hasText: 'Gateway Metrics' })
            .count()
            .catch(() => 0)) > 0
        )
          return f;
      }
      return undefined;
    },
    (f) => f !== undefined,
  ) as Promise<Frame>;
}

test('the Gateway Metrics panel draws the last minutes with uPlot', { timeout: 180_000 }, async () => {
  const { page } = editor;
  await runCommand(page, 'Gateway Lens: Show Gateway Metrics');
  const frame = await panelFrame(page);
  const drawn = await waitUntil(
    page,
    'four charts with at least three points and the stand-in series',
    () =>
      frame.evaluate(() => ({
        charts: document.body.dataset.charts,
        points: Number(document.body.dataset.points ?? 0),
        canvases: document.querySelectorAll('canvas').length,
        legend: Array.from(document.querySelectorAll('.u-legend .u-label')).map((e) => e.textContent ?? ''),
      })),
    (d) => d.charts === '4' && d.points >= 3 && d.legend.includes('web') && d.legend.includes('userservice@docker'),
  );
  assert.ok(drawn.canvases >= 4);
  const shot = await screenshot(page, 'traffic-panel');
  publishScreenshot(shot, 'traffic-panel.png');
});

test(
  'Test Load Balancing: the spread over the three replicas, as the stand-in served it',
  { timeout: 240_000 },
  async () => {
    const { page } = editor;
    stopSending = true;
    await sending;
    const before = standIn.replicas.map((r) => r.served);
    await runCommand(page, 'Gateway Lens: Test Load Balancing...');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // The stand-in has one HTTP router: no pick; the number of requests, then the pause.
    await page.locator('.quick-input-widget', { hasText: 'Requests to send through userservice@docker' }).waitFor();
    await input.fill('30');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Pause between requests' }).waitFor();
    await input.fill('20');
    await page.keyboard.press('Enter');
    const frame = await panelFrame(page);
    const rows = await waitUntil(
      page,
      "the load test's bar chart with three replicas",
      () =>
        frame.evaluate(() => ({
          bars: document.body.dataset.bars,
          items: Array.from(document.querySelectorAll('#loadtest li')).map((e) => e.textContent ?? ''),
        })),
      (d) => d.bars === '3',
      120_000,
    );
    const served = standIn.replicas.map((r, i) => r.served - before[i]);
    assert.deepEqual(served, [10, 10, 10], 'the stand-in round-robins');
    for (const r of standIn.replicas) {
      assert.ok(
        rows.items.some((t) => t.startsWith(r.url) && t.includes(': 10 (33%)')),
        `${r.url} in ${JSON.stringify(rows.items)}`,
      );
    }
    const shot = await screenshot(page, 'traffic-loadtest');
    publishScreenshot(shot, 'traffic-loadtest.png');
  },
);
