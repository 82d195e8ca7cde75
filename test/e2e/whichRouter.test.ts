// "Gateway Lens: Which Router Serves This URL?" from the command palette: type a URL of the
// MusicShare gateway and land on the label of the router Traefik would pick. The answer is
// the one examples/musicshare-broken/EXPECTED.md gives for ../musicshare ("The seed's URLs").
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, test } from 'node:test';
import { openFile, ROOT, runCommand, screenshot, startEditor, type Editor } from './codeServer';
import { gatewayStatus, waitUntil, workspaceOf } from './workbench';

const FILE = 'musicshare/docker-compose.yml';

let editor: Editor;

before(async () => {
  editor = await startEditor({
    folder: workspaceOf('examples/musicshare'),
  });
});

after(async () => {
  await editor?.stop();
});

test('Which Router Serves This URL? lands on the winning router', { timeout: 180_000 }, async () => {
  const { page } = editor;
  await openFile(page, FILE, editor.folder);
  await waitUntil(
    page,
    'the language server to report',
    () => gatewayStatus(page),
    (s) => /no problems/.test(s),
  );

  await runCommand(page, 'Gateway Lens: Which Router Serves This URL?');
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-widget', { hasText: 'Which Router Serves This URL?' }).waitFor();
  await input.fill('https://musicshare.com/api/music/tracks');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'route this URL' }).waitFor();
  await page.keyboard.press('Enter');

  // The editor selects the winning router's rule: the cursor sits on music-service's rule label.
  const lines = fs.readFileSync(path.join(ROOT, 'examples', FILE), 'utf8').split('\n');
  const where = await waitUntil(
    page,
    'the cursor on a music-service router label',
    async () =>
      (
        await page
          .locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ })
          .first()
          .innerText()
      ).trim(),
    (s) => /traefik\.http\.routers\.music-service\.rule=/.test(lines[Number(/Ln (\d+)/.exec(s)?.[1] ?? 0) - 1] ?? ''),
  );
  assert.match(where, /\(\d+ selected\)/, 'the rule is selected');
  await screenshot(page, 'which-router');
});
