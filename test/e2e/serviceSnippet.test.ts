// A new service's name typed under `services:` offers the routed block without Ctrl+Space, in
// VS Code's own settings. A service name is a YAML plain scalar: VS Code's YAML grammar scopes
// it string.unquoted.plain.yaml (a String token), and quick suggestions are off in strings by
// default, so nothing would ask while the name is typed. The extension's configurationDefaults
// turn them on for `[dockercompose]` (as Red Hat's YAML extension does for `[yaml]`). No user
// setting for quick suggestions is written here: what shows is what a new user gets.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, test } from 'node:test';
import { startEditor, type Editor } from './codeServer';
import { editorLines, goTo, positionOf, suggestions, waitUntil, workspaceOf, openReady } from './workbench';

const FIXTURE = path.join(__dirname, 'fixtures', 'new-service');
const FILE = 'new-service/docker-compose.yml';

let editor: Editor;
let text: string;

before(async () => {
  text = fs.readFileSync(path.join(FIXTURE, 'docker-compose.yml'), 'utf8');
  editor = await startEditor({
    folder: workspaceOf(path.relative(path.join(__dirname, '..', '..'), FIXTURE)),
    // Undefined drops the harness's own quick-suggestion setting: VS Code's defaults apply.
    settings: { 'editor.quickSuggestions': undefined },
  });
  await openReady(editor, FILE);
});

after(async () => {
  await editor?.stop();
});

test('typing a new service name offers it routed by Traefik, without Ctrl+Space', { timeout: 180_000 }, async () => {
  const { page } = editor;
  const last = "- 'traefik.enable=true'";
  const at = positionOf(text, last, last.length);
  await goTo(page, at.line, at.column);
  // A new line at the labels' indentation, then out to the services' (two Shift+Tabs of two spaces).
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.locator('.statusbar-item', { hasText: `Ln ${at.line + 1}, Col 3` }).waitFor();
  // The name, one key at a time, as a user types it; the list follows the name (an incomplete list).
  await page.keyboard.type('lyrics', { delay: 50 });
  await waitUntil(
    page,
    'the routed block offered for "lyrics"',
    () => suggestions(page),
    (rows) => rows.some((r) => r.startsWith('>lyrics: routed by Traefik,')),
  );
  await page.keyboard.press('Enter');
  // The first tab stop is the image: typing replaces it.
  await page.keyboard.type('ghcr.io/acme/lyrics:1');
  await page.keyboard.press('Escape');
  await waitUntil(
    page,
    'the block with its router',
    () => editorLines(page, 'lyrics'),
    (l) => l.includes('image: ghcr.io/acme/lyrics:1') && l.some((x) => x.includes('routers.lyrics.rule=PathPrefix')),
  );
  await page.keyboard.press('Control+S');
  const file = path.join(editor.folder, FILE);
  const saved = await waitUntil(
    page,
    'the file saved',
    async () => fs.readFileSync(file, 'utf8'),
    (t) => t.includes('ghcr.io/acme/lyrics:1'),
  );
  const block = saved.slice(saved.indexOf('\n  lyrics:'));
  assert.match(block, /^\n {2}lyrics:\n {4}image: ghcr\.io\/acme\/lyrics:1\n/, block.slice(0, 300));
  assert.match(block, /traefik\.http\.routers\.lyrics\.rule=PathPrefix\(`\/api\/lyrics`\)/);
  assert.match(block, /traefik\.http\.services\.lyrics\.loadbalancer\.server\.port=8080/);
});
