// "Gateway Lens: Add Service to Gateway..." as a user runs it on the MusicShare gateway: a new
// service answered step by step with the defaults, then the cursor is on the one thing only the
// user knows. MusicShare builds every routed service from its folder, so the new block says
// `build: ./lyrics` and `./lyrics` is selected: typing replaces exactly that. Every wait polls
// the DOM; none sleeps.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { runCommand, startEditor, type Editor, type Shown } from './codeServer';
import { editorLines, waitUntil, workspaceOf, openReady } from './workbench';

const FILE = 'musicshare/docker-compose.yml';
let editor: Editor;

before(async () => {
  editor = await startEditor({
    folder: workspaceOf('examples/musicshare'),
  });
  await openReady(editor, FILE);
});

after(async () => {
  await editor?.stop();
});

/** The quick input's title and its focused row (for picks), as shown. */
async function quickInput(page: Page): Promise<{ title: string; focused: string }> {
  const widget = page.locator('.quick-input-widget');
  if (!(await widget.isVisible())) return { title: '', focused: '' };
  const title = (await widget.locator('.quick-input-title').allInnerTexts()).join('').trim();
  const focused = (await widget.locator('.monaco-list-row.focused').allInnerTexts()).join('').trim();
  return { title, focused };
}

/**
 * Waits for the step titled `step`, types `value` into it (if given), waits until the focused
 * row contains `row` (for picks) and accepts with Enter.
 */
async function answer(page: Page, step: string, opts: { value?: string; row?: string } = {}): Promise<void> {
  await waitUntil(
    page,
    `the step "${step}"`,
    () => quickInput(page),
    (q) => q.title.includes(step),
  );
  if (opts.value !== undefined) await page.locator('.quick-input-widget input').fill(opts.value);
  if (opts.row !== undefined)
    await waitUntil(
      page,
      `the row "${opts.row}" focused in "${step}"`,
      () => quickInput(page),
      (q) => q.focused.includes(opts.row!),
    );
  await page.keyboard.press('Enter');
}

test(
  "Add Service leaves the new service's build folder selected for the user to fill in",
  { timeout: 180_000 },
  async () => {
    const { page } = editor;
    await runCommand(page, 'Gateway Lens: Add Service to Gateway...');
    await answer(page, 'compose service', { value: 'lyrics', row: 'New service "lyrics"' });
    await answer(page, 'public path prefix');
    await answer(page, 'internal port', { value: '8086' });
    await answer(page, 'strip /api/lyrics?', { row: 'Strip /api/lyrics' });
    await answer(page, 'entry point', { row: 'websecure' });
    await answer(page, 'TLS on websecure?', { row: 'TLS' });
    await answer(page, 'replicas');

    const toast = page.locator('.notifications-toasts .notification-list-item-message');
    await waitUntil(
      page,
      'the toast saying where lyrics is served',
      async () => (await toast.evaluateAll((els) => els.map((e) => (e as unknown as Shown).innerText))).join('\n'),
      (t) => t.includes('"lyrics" is behind the gateway at /api/lyrics on websecure'),
    );
    // The selection is the folder, ./lyrics (8 characters), on the new block's build line.
    const selection = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ });
    await waitUntil(
      page,
      'the build folder selected',
      async () => ((await selection.count()) > 0 ? (await selection.first().innerText()).trim() : ''),
      (s) => / \(8 selected\)$/.test(s),
    );
    await waitUntil(
      page,
      'the new block in the editor',
      () => editorLines(page, 'build: ./lyrics'),
      (l) => l.includes('build: ./lyrics'),
    );
    // What the user types replaces the selection: the folder, nothing else.
    await page.keyboard.type('./services/lyrics');
    await page.keyboard.press('Control+S');
    const file = path.join(editor.folder, FILE);
    const saved = await waitUntil(
      page,
      'the file saved with the typed folder',
      async () => fs.readFileSync(file, 'utf8'),
      (t) => t.includes('build: ./services/lyrics'),
    );
    const block = saved.slice(saved.indexOf('\n  lyrics:'));
    assert.match(block, /^\n {2}lyrics:\n {4}build: \.\/services\/lyrics\n/, block.slice(0, 200));
    assert.match(block, /traefik\.http\.routers\.lyrics\.rule=PathPrefix\(`\/api\/lyrics`\)/);
    assert.equal(saved.split('build: ./lyrics').length, 1, 'the placeholder was replaced, not kept');
  },
);
