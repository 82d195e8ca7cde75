// A quick fix from the Problems panel: pick the unknown-label finding (the `nmae` typo of
// musicshare-broken), apply "Change "nmae" to "name"" and see that finding, and only it, go.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openFile, screenshot, startEditor, type Editor } from './codeServer';
import {
  applyQuickFix,
  editorLines,
  maximizePanel,
  ours,
  readProblems,
  type Problem,
  showProblems,
  waitUntil,
  workspaceOf,
} from './workbench';

const FILE = 'musicshare-broken/docker-compose.yml';

let editor: Editor;

before(async () => {
  editor = await startEditor({
    folder: workspaceOf('examples/musicshare-broken'),
  });
});

after(async () => {
  await editor?.stop();
});

/** This file's findings: the workspace check also shows yaml-error/'s, whenever it gets there. */
const mine = (problems: Problem[]): string[] => ours(problems).filter((p) => p.startsWith(`${FILE} `));

test('the quick fix for a label typo removes its finding', { timeout: 180_000 }, async () => {
  const { page } = editor;
  await openFile(page, FILE, editor.folder);
  await showProblems(page);
  const before = await waitUntil(
    page,
    'the unknown-label finding',
    async () => mine(await readProblems(page)),
    (codes) => codes.includes(`${FILE} unknown-label`),
  );
  // The workspace check adds yaml-error/'s findings when it gets there, and the list re-sorts:
  // a row clicked before that can be a different one when Enter opens it.
  await waitUntil(
    page,
    "the workspace check's findings of yaml-error/",
    async () => ours(await readProblems(page)),
    (codes) => codes.includes('musicshare-broken/yaml-error/docker-compose.yml yaml-syntax'),
  );

  // Selecting the problem puts the cursor on it, as a user would go there.
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'unknown-label' }).first();
  // Near its start: the code in the row is a link to docs/codes.md, and the middle of the row,
  // where a plain click lands, is on it once the message says "did you mean ..." too.
  await row.click({ position: { x: 60, y: 8 } });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
  await applyQuickFix(page, 'Change "nmae" to "name"');

  const expected = [...before];
  expected.splice(expected.indexOf(`${FILE} unknown-label`), 1);
  // The editor has the focus now; back to the whole (maximized) panel to read every row.
  await showProblems(page);
  const after = await waitUntil(
    page,
    'the unknown-label finding, and only it, to disappear',
    async () => mine(await readProblems(page)),
    (codes) => JSON.stringify(codes) === JSON.stringify(expected),
  );
  assert.deepEqual(after, expected);
  await maximizePanel(page, false);
  const fixed = '- "traefik.http.services.userservice.loadbalancer.sticky.cookie.name=userservice_session"';
  await waitUntil(
    page,
    'the fixed label in the editor',
    () => editorLines(page, 'sticky.cookie.'),
    (l) => l.includes(fixed),
  );
  await screenshot(page, 'quick-fix-applied');
});
