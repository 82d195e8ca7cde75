// What a user sees and does in the workbench, as Playwright steps: the Problems panel, the
// Gateway Lens status bar item, hovers, suggestions and quick fixes. Every wait is bounded
// and waits on the DOM, never on time.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { nextFrame, openFile, ROOT, RESULTS, runCommand, type Editor, type Shown } from './codeServer';

/** How long a user-visible change may take (a language server answer, a re-analysis). */
export const SHOWN_WITHIN = 30_000;

/** A copy of the given repository folders in a temp workspace, so edits never touch the repo. */
export function workspaceOf(...relatives: string[]): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-ws-'));
  for (const rel of relatives) fs.cpSync(path.join(ROOT, rel), path.join(ws, path.basename(rel)), { recursive: true });
  return ws;
}

/** Polls `read` until `done` holds for its value; on timeout fails with the last value seen. */
export async function waitUntil<T>(
  page: Page,
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = SHOWN_WITHIN,
): Promise<T> {
  const until = Date.now() + ms;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > until) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}; last seen: ${JSON.stringify(last, null, 1)}`);
    }
    await nextFrame(page);
    last = await read();
  }
  return last;
}

/**
 * The Gateway view's rows (accessible labels), after expanding every collapsed row in sight once.
 * Rows of a collapsed pane stay in the DOM, hidden: only visible rows are clicked (a hidden one
 * waits out the click's whole timeout). A row the live refresh re-renders mid-click detaches; the
 * short click timeout lets the next turn find it again.
 */
export async function gatewayRows(page: Page): Promise<string[]> {
  const rows = page.locator('.part.sidebar .pane-body .monaco-list-row');
  for (let i = 0; i < 50; i++) {
    const collapsed = rows.and(page.locator('[aria-expanded="false"]')).filter({ visible: true });
    if ((await collapsed.count()) === 0) break;
    await collapsed
      .first()
      .click({ timeout: 3000 })
      .catch((err: unknown) => {
        if (!(err instanceof Error && err.name === 'TimeoutError')) throw err;
      });
  }
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

/** The Gateway Lens status bar item's accessible label (its text and tooltip). */
export async function gatewayStatus(page: Page): Promise<string> {
  const item = page.locator('.statusbar-item[aria-label*="Gateway Lens"]').first();
  return (await item.count()) > 0 ? ((await item.getAttribute('aria-label')) ?? '') : '';
}

export interface Problem {
  /** "folder/file" as the Problems panel groups it. */
  file: string;
  source: string;
  code: string;
  text: string;
}

/**
 * Every marker row of the Problems panel. The panel is maximized while reading so the
 * virtualized list renders all rows (related-information rows carry no source and are skipped).
 */
export async function readProblems(page: Page): Promise<Problem[]> {
  const rows = await page
    .locator('.markers-panel .monaco-list-row')
    .evaluateAll((els) =>
      els.map((e) => ({ label: e.getAttribute('aria-label') ?? '', text: (e as unknown as Shown).innerText })),
    );
  const out: Problem[] = [];
  let file = '';
  for (const row of rows) {
    const group = /problems? in file (\S+) of folder (\S+)/.exec(row.label);
    if (group) {
      file = `${group[2]}/${group[1]}`;
      continue;
    }
    // Rendered as "message / source / code / [Ln, Col]" lines; the parentheses are CSS.
    const marker = /\n([\w.-]+)\n([\w-]+)\n\[Ln \d+, Col \d+\]\s*$/.exec(row.text);
    if (marker) out.push({ file, source: marker[1], code: marker[2], text: row.text.replace(/\s+/g, ' ') });
  }
  return out;
}

/** Shows the Problems panel, maximized so every row renders. */
export async function showProblems(page: Page): Promise<void> {
  await runCommand(page, 'Problems: Focus on Problems View');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
  await maximizePanel(page, true);
}

/** Maximizes or restores the panel with its own title-bar button, if not already so. */
export async function maximizePanel(page: Page, on: boolean): Promise<void> {
  const button = page.locator(`.part.panel [aria-label^="${on ? 'Maximize Panel Size' : 'Restore Panel Size'}"]`);
  if ((await button.count()) === 0) return;
  await button.first().click();
  await page
    .locator(`.part.panel [aria-label^="${on ? 'Restore Panel Size' : 'Maximize Panel Size'}"]`)
    .first()
    .waitFor({ timeout: SHOWN_WITHIN });
}

/** Ours only: the problems Gateway Lens reported, as `file code` strings, sorted. */
export function ours(problems: Problem[]): string[] {
  return problems
    .filter((p) => p.source === 'gateway-lens')
    .map((p) => `${p.file} ${p.code}`)
    .sort();
}

/**
 * Moves the cursor with Go to Line (1-based line and column, as the status bar shows them).
 * Go to Line is tried again (up to three times) when the status bar does not reach the position:
 * a Ctrl+G that lands while the editor is still taking focus after a file opens is lost.
 */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  const reached = page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    try {
      await reached.waitFor({ timeout: attempt < 3 ? SHOWN_WITHIN / 3 : SHOWN_WITHIN });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/** 1-based line and column of `needle` in `text` (plus `within` characters into it). */
export function positionOf(text: string, needle: string, within = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in the file`);
  const before = text.slice(0, at + within).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The text of the visible editor lines containing `needle`. */
export async function editorLines(page: Page, needle: string): Promise<string[]> {
  const lines = await page
    .locator('.editor-group-container.active .monaco-editor .view-line')
    .evaluateAll((els) => els.map((e) => (e as unknown as Shown).innerText.replace(/\u00a0/g, ' ')));
  return lines.filter((l) => l.includes(needle)).map((l) => l.trim());
}

/** The suggest widget's rows as their labels, the focused one marked with a leading `>`. */
export async function suggestions(page: Page): Promise<string[]> {
  return page
    .locator('.editor-widget.suggest-widget.visible .monaco-list-row')
    .evaluateAll((els) =>
      els.map((e) => (e.classList.contains('focused') ? '>' : '') + (e.getAttribute('aria-label') ?? '')),
    );
}

/**
 * Types `text`, waits until the suggest widget shows `label` as the focused item and accepts it
 * with Enter, the way a user picks the top suggestion.
 */
export async function typeAndAccept(page: Page, text: string, label: string): Promise<string[]> {
  await page.keyboard.type(text);
  const rows = await waitUntil(
    page,
    `the suggestion "${label}" after typing ${JSON.stringify(text)}`,
    () => suggestions(page),
    (r) => r.some((l) => l.startsWith(`>${label},`)),
  );
  await page.keyboard.press('Enter');
  return rows;
}

/** The hover's text after asking for it at the cursor (Show or Focus Hover, Ctrl+K Ctrl+I). */
export async function hoverAtCursor(page: Page, contains: string): Promise<string> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  // Several hover widgets live in the DOM (editor, status bar); the shown one has text.
  const hovers = page.locator('.monaco-hover-content');
  const want = normalize(contains);
  const texts = await waitUntil(
    page,
    `a hover containing ${JSON.stringify(contains)}`,
    async () => (await hovers.evaluateAll((els) => els.map((e) => (e as unknown as Shown).innerText))).map(normalize),
    (all) => all.some((t) => t.includes(want)),
  );
  return texts.find((t) => t.includes(want))!;
}

/** Rendered markdown drops backticks and folds whitespace. */
export function normalize(text: string): string {
  return text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** Opens the quick fixes at the cursor (Ctrl+.) and applies the one titled `title` by keyboard. */
export async function applyQuickFix(page: Page, title: string): Promise<void> {
  const rows = page.locator('.action-widget .monaco-list-row');
  // The light bulb's actions come from the server; a Ctrl+. pressed before they are ready opens
  // nothing, so it is pressed again (every 2 s at most) while no widget is showing.
  let pressed = 0;
  const titles = await waitUntil(
    page,
    `the quick fix "${title}"`,
    async () => {
      if ((await rows.count()) === 0 && Date.now() - pressed > 2000) {
        pressed = Date.now();
        await page.keyboard.press('Control+.');
      }
      return rows.evaluateAll((els) => els.map((e) => (e as unknown as Shown).innerText));
    },
    (all) => all.some((t) => t.includes(title)),
  );
  for (let i = 0; i <= titles.length; i++) {
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    if ((await focused.count()) > 0 && (await focused.first().innerText()).includes(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`quick fix "${title}" could not be selected`);
}

/**
 * Copies a screenshot from test-results/ to docs/images/ (the README's pictures) when asked
 * with GATEWAY_LENS_README_IMAGES=1 (npm run screenshots), so a test run leaves the tree clean.
 */
export function publishScreenshot(file: string, name: string): void {
  if (process.env.GATEWAY_LENS_README_IMAGES !== '1') return;
  const dir = path.join(ROOT, 'docs', 'images');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(file, path.join(dir, name));
}

export { RESULTS };

/** Opens `file` of the editor's folder and waits until the Gateway status says `ready`. */
export async function openReady(editor: Editor, file: string, ready = /no problems/): Promise<void> {
  await openFile(editor.page, file, editor.folder);
  await waitUntil(
    editor.page,
    'the language server to report',
    () => gatewayStatus(editor.page),
    (s) => ready.test(s),
  );
}
