// The first thing a user sees: open the broken MusicShare gateway and the Problems panel lists
// every planted mistake with its code (examples/musicshare-broken/EXPECTED.md); the intact
// gateway next to it shows none of ours.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, test } from 'node:test';
import { expectedBrokenCodes } from './expected';
import { openFile, ROOT, screenshot, startEditor, type Editor } from './codeServer';
import {
  gatewayStatus,
  goTo,
  maximizePanel,
  ours,
  positionOf,
  publishScreenshot,
  readProblems,
  showProblems,
  waitUntil,
  workspaceOf,
} from './workbench';

const expectedCodes = (): string[] => expectedBrokenCodes(ROOT);

let editor: Editor;

before(async () => {
  editor = await startEditor({
    folder: workspaceOf('examples/musicshare-broken', 'examples/musicshare'),
  });
});

after(async () => {
  await editor?.stop();
});

/** yaml-error/docker-compose.yml, a project of its own: its unclosed quote, and the rule it cuts short. */
const YAML_ERROR = [
  'musicshare-broken/yaml-error/docker-compose.yml rule-syntax',
  'musicshare-broken/yaml-error/docker-compose.yml yaml-syntax',
];

/** Errors + warnings + infos as the status bar item's tooltip counts them. */
function problemTotal(status: string): number {
  const counts = /(\d+) errors?, (\d+) warnings?, (\d+) infos?/.exec(status);
  assert.ok(counts, status);
  return Number(counts[1]) + Number(counts[2]) + Number(counts[3]);
}

test(
  "opening the examples' folder shows both projects' findings in Problems without opening a file",
  { timeout: 120_000 },
  async () => {
    const { page } = editor;
    const want = [...expectedCodes().map((c) => `musicshare-broken/docker-compose.yml ${c}`), ...YAML_ERROR].sort();
    await showProblems(page);
    const shown = await waitUntil(
      page,
      'the workspace check to fill the Problems panel',
      async () => ours(await readProblems(page)),
      (got) => got.length >= want.length,
    );
    assert.deepEqual(shown, want, 'musicshare/ has none of ours');
    const status = await waitUntil(
      page,
      'the status bar to count every project',
      () => gatewayStatus(page),
      (s) => /in 3 projects/.test(s),
    );
    assert.equal(problemTotal(status), want.length, status);
    await maximizePanel(page, false);
    const shot = await screenshot(page, 'workspace-problems');
    publishScreenshot(shot, 'workspace-problems.png');
  },
);

test(
  'the Problems panel lists the planted mistakes of musicshare-broken with their codes',
  { timeout: 120_000 },
  async () => {
    const codes = expectedCodes();
    assert.equal(codes.length, 15, 'EXPECTED.md promises 15 findings; the table parse is off');
    const { page } = editor;
    await openFile(page, 'musicshare-broken/docker-compose.yml', editor.folder);
    await showProblems(page);
    const want = codes.map((c) => `musicshare-broken/docker-compose.yml ${c}`);
    const shown = await waitUntil(
      page,
      'the planted findings in the Problems panel',
      async () => ours(await readProblems(page)).filter((p) => p.startsWith('musicshare-broken/docker-compose.yml ')),
      (got) => got.length >= want.length,
    );
    assert.deepEqual(shown, want);
    await maximizePanel(page, false);

    // The README picture: squiggles on the broken middleware reference, the panel below.
    const text = fs.readFileSync(path.join(ROOT, 'examples/musicshare-broken/docker-compose.yml'), 'utf8');
    const at = positionOf(text, 'notificationservice-stripprefx');
    await goTo(page, at.line, at.column);
    const shot = await screenshot(page, 'compose-diagnostics');
    publishScreenshot(shot, 'compose-diagnostics.png');
  },
);

test('the intact musicshare gateway shows none of ours', { timeout: 120_000 }, async () => {
  const { page } = editor;
  await openFile(page, 'musicshare/docker-compose.yml', editor.folder);
  // The status counts every project of the workspace (yaml-error/ is one of its own): the
  // intact one adds nothing to the broken one's 15 and yaml-error's 2.
  const status = await waitUntil(
    page,
    'the status bar to count every project',
    () => gatewayStatus(page),
    (s) => /in 3 projects/.test(s),
  );
  assert.equal(problemTotal(status), expectedCodes().length + YAML_ERROR.length, status);
  await showProblems(page);
  const shown = ours(await readProblems(page));
  assert.deepEqual(
    shown.filter((p) => p.startsWith('musicshare/')),
    [],
  );
  assert.equal(shown.length, 15 + YAML_ERROR.length, 'the broken files keep their findings');
  await screenshot(page, 'compose-clean');
});
