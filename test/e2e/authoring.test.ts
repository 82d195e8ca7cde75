// Writing labels in the editor: a hover explains a label, and a new user routes a service by
// accepting suggestions one segment at a time, then sees the result clean, then flagged.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, test } from 'node:test';
import { Analyzer, hover } from '../../server/src/analysis';
import { screenshot, startEditor, type Editor } from './codeServer';
import {
  editorLines,
  gatewayStatus,
  goTo,
  hoverAtCursor,
  maximizePanel,
  ours,
  positionOf,
  readProblems,
  showProblems,
  typeAndAccept,
  waitUntil,
  workspaceOf,
  openReady,
} from './workbench';

const FIXTURE = path.join(__dirname, 'fixtures', 'new-service');
const FILE = 'new-service/docker-compose.yml';

let editor: Editor;
let text: string;

before(async () => {
  text = fs.readFileSync(path.join(FIXTURE, 'docker-compose.yml'), 'utf8');
  editor = await startEditor({
    folder: workspaceOf(path.relative(path.join(__dirname, '..', '..'), FIXTURE)),
    // The user types every quote; an auto-inserted closing quote would depend on the language's
    // auto-close rules, not on Gateway Lens.
    settings: { 'editor.autoClosingQuotes': 'never' },
  });
  await openReady(editor, FILE);
});

after(async () => {
  await editor?.stop();
});

test('hovering a label shows its documentation', { timeout: 120_000 }, async () => {
  const { page } = editor;
  const key = 'traefik.enable';
  // What the core documents for the key is what the editor must show.
  const file = path.join(FIXTURE, 'docker-compose.yml');
  const project = new Analyzer().project({ files: [{ file, text }] });
  const docs = hover(project, file, text.indexOf(key) + key.length - 2);
  assert.ok(docs, 'the core documents traefik.enable');
  const description = docs.markdown.split('\n\n')[1];
  assert.ok(description && description.length > 20, docs.markdown);

  const at = positionOf(text, key, key.length - 2);
  await goTo(page, at.line, at.column);
  const shown = await hoverAtCursor(page, description);
  assert.match(shown, /traefik\.enable/);
  await screenshot(page, 'hover-label');
  await page.keyboard.press('Escape');
});

test(
  'a new service is routed by accepting suggestions, then flagged by a bad reference',
  { timeout: 180_000 },
  async () => {
    const { page } = editor;
    const last = "- 'traefik.enable=true'";
    const at = positionOf(text, last, last.length);
    await goTo(page, at.line, at.column);

    // The router's rule, segment by segment: traefik. -> http -> routers -> (own name) -> rule -> PathPrefix.
    await page.keyboard.press('Enter');
    await typeAndAccept(page, "- 'traefik.htt", 'http');
    await typeAndAccept(page, 'rou', 'routers');
    await typeAndAccept(page, 'x.ru', 'rule');
    await typeAndAccept(page, 'PathP', 'PathPrefix');
    await page.keyboard.type('/x');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type("'");
    const rule = "- 'traefik.http.routers.x.rule=PathPrefix(`/x`)'";
    await waitUntil(
      page,
      'the typed rule',
      () => editorLines(page, 'routers.x.rule'),
      (l) => l.includes(rule),
    );

    // On a blank item, Ctrl+Space offers whole labels the service still lacks: narrow to the port.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await typeAndAccept(page, 'port', 'traefik.http.services.whoami.loadbalancer.server.port=…');
    await page.keyboard.type('80');
    await page.keyboard.press('Escape');
    const port = "- 'traefik.http.services.whoami.loadbalancer.server.port=80'";
    await waitUntil(
      page,
      'the port label',
      () => editorLines(page, 'server.port'),
      (l) => l.includes(port),
    );
    await waitUntil(
      page,
      'a clean status',
      () => gatewayStatus(page),
      (s) => /no problems/.test(s),
    );
    await screenshot(page, 'new-service-clean');

    // A middleware nobody defines: the one finding the file now has.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await typeAndAccept(page, "- 'traefik.http.routers.x.midd", 'middlewares');
    await page.keyboard.type("auth'");
    await page.keyboard.press('Escape');
    await showProblems(page);
    const shown = await waitUntil(
      page,
      'the undefined middleware in the Problems panel',
      async () => await readProblems(page),
      (p) => ours(p).length > 0,
    );
    assert.deepEqual(ours(shown), [`${FILE} undefined-middleware`]);
    assert.match(shown[0].text, /"auth"/);
    await maximizePanel(page, false);
    await screenshot(page, 'new-service-flagged');
  },
);
