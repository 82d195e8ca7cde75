// Scaling from the Gateway view against a real Docker engine that the test starts
// (test/support/dockerEngine.ts: its own dockerd, no bridge, a busybox image made with
// `docker import`): the inline "+1 Replica" on a compose service runs `docker compose ... --scale`
// and the row follows Docker from 1/1 to 2/2 running.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { defaultState, startFakeTraefik, type FakeTraefik } from '../support/fakeTraefik';
import { SLEEPING_API, startEngine, type Engine } from '../support/dockerEngine';
import { screenshot, startEditor, type Editor } from './codeServer';
import { publishScreenshot, waitUntil } from './workbench';

const PROJECT = 'glscale';
const COMPOSE = `services:
${SLEEPING_API}`;

let engine: Engine;
let traefik: FakeTraefik;
let editor: Editor;
let dir: string;
let file: string;

before(async () => {
  engine = await startEngine();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-scale-'));
  file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(file, COMPOSE);
  execFileSync('docker-compose', ['-f', file, '-p', PROJECT, 'up', '-d'], { env: engine.env, stdio: 'ignore' });
  // Traefik's fixtures plus the service this project's containers make.
  const state = defaultState();
  state.lists['/api/http/services'] = [
    ...state.lists['/api/http/services'],
    { name: 'api@docker', provider: 'docker', status: 'enabled', type: 'loadbalancer', loadBalancer: { servers: [] } },
  ].sort((a, b) => a.name.localeCompare(b.name));
  traefik = await startFakeTraefik(state);
  editor = await startEditor({
    folder: dir,
    settings: { 'gatewayLens.traefik.apiUrl': traefik.url, 'gatewayLens.docker.host': engine.host },
  });
});

after(async () => {
  await editor?.stop();
  await traefik?.close();
  try {
    if (engine)
      execFileSync('docker-compose', ['-f', file, '-p', PROJECT, 'down', '-t', '1'], {
        env: engine.env,
        stdio: 'ignore',
      });
  } finally {
    await engine?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function running(): string[] {
  const out = execFileSync(
    'docker',
    ['ps', '--filter', `label=com.docker.compose.project=${PROJECT}`, '--format', '{{.Names}}'],
    {
      env: engine.env,
      encoding: 'utf8',
    },
  );
  return out.split('\n').filter(Boolean).sort();
}

test(
  '+1 Replica on a compose service scales it with the real engine and the row follows',
  { timeout: 240_000 },
  async () => {
    const { page } = editor;
    assert.equal(running().length, 1);
    await page.locator('.activitybar [aria-label^="Gateway"]').first().click();
    const rowAt = (label: string) => page.locator(`.pane-body .monaco-list-row[aria-label^="${label}"]`).first();
    const before = rowAt('api, 1/1 running');
    await before.waitFor({ timeout: 60_000 });
    await before.hover();
    await before.locator('.action-label[aria-label="+1 Replica"]').click();
    await rowAt('api, 2/2 running').waitFor({ timeout: 120_000 });
    const names = await waitUntil(
      page,
      'two containers in docker ps',
      async () => running(),
      (n) => n.length === 2,
    );
    assert.equal(names.length, 2);
    const shot = await screenshot(page, 'gateway-scaled');
    publishScreenshot(shot, 'gateway-scaled.png');
  },
);
