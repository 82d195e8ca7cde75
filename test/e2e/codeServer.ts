// A real VS Code for the end-to-end tests: code-server 4.100.3 (installed into a cache by
// scripts/setup-code-server.sh), our freshly packaged .vsix installed into a temp extensions
// folder, and Debian's Chromium driven by playwright-core. Everything listens on 127.0.0.1.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');

export function codeServerEntry(): string {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'setup-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 2 ** 20,
  });
  const entry = out.trim().split('\n').pop()!;
  if (!fs.existsSync(entry)) throw new Error(`code-server setup did not produce ${entry}`);
  return entry;
}

/**
 * The .vsix under test: GATEWAY_LENS_VSIX when `npm run test:e2e` packaged it once for every
 * file, otherwise packaged here (running one test file on its own).
 */
export function extensionVsix(): string {
  const given = process.env.GATEWAY_LENS_VSIX;
  if (!given) return packageVsix();
  const vsix = path.resolve(ROOT, given);
  if (!fs.existsSync(vsix)) throw new Error(`GATEWAY_LENS_VSIX=${given}: no such file`);
  return vsix;
}

/** Packages the extension (npm run package) and returns the .vsix path. */
export function packageVsix(): string {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
  const vsix = path.join(ROOT, 'gateway-lens.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
  return vsix;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(url, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => (req.destroy(), resolve(false)));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

export interface Editor {
  page: Page;
  /** The workspace folder it opened. */
  folder: string;
  url: string;
  userDataDir: string;
  log(): string;
  stop(): Promise<void>;
}

export interface EditorOptions {
  folder: string;
  /** The packaged extension (default: extensionVsix()). */
  vsix?: string;
  /** code-server's entry point (default: codeServerEntry()). */
  entry?: string;
  settings?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

export async function startEditor(options: EditorOptions): Promise<Editor> {
  const opts = { ...options, vsix: options.vsix ?? extensionVsix(), entry: options.entry ?? codeServerEntry() };
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-e2e-'));
  const userDataDir = path.join(base, 'user');
  const extensionsDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        ...opts.settings,
      },
      null,
      2,
    ),
  );
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  execFileSync(process.execPath, [opts.entry, ...common, '--install-extension', opts.vsix], {
    stdio: 'pipe',
    env: opts.env,
  });
  const port = await freePort();
  let log = '';
  const server: ChildProcess = spawn(
    process.execPath,
    [
      opts.entry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      opts.folder,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } },
  );
  server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.folder)}`;
  let browser: Browser | undefined;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    return {
      page,
      folder: opts.folder,
      url,
      userDataDir,
      log: () => log,
      stop: async () => {
        await browser?.close();
        server.kill('SIGTERM');
        await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
        fs.rmSync(base, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    server.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\ncode-server log:\n${log.slice(-3000)}`);
  }
}

/** Element text as rendered (these files compile without the DOM lib; the callbacks run in the page). */
export interface Shown {
  innerText: string;
}

/** Yields to the page for one animation frame: a poll step tied to rendering, not a fixed delay. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(0)))');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file through Quick Open. `relative` is a path under the workspace folder;
 * it is typed as an absolute path, and the row whose folder is the file's own is clicked: the
 * recently-opened section can list a namesake first (a clean CI run opened
 * musicshare-broken/docker-compose.yml for musicshare/docker-compose.yml by pressing Enter on
 * the first row). The breadcrumbs must show the file's folders before this returns.
 */
export async function openFile(page: Page, relative: string, folder?: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(folder ? path.join(folder, relative) : relative);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const dir = path.dirname(relative);
  const ours = ([name, description]: string[]): boolean =>
    name === path.basename(relative) &&
    (dir === '.' || description === dir || description.endsWith(`/${dir}`) || description.endsWith(`\\${dir}`));
  // The file index of a freshly opened folder can take long on a loaded machine (seen: no row
  // within 15 s while six test suites shared two cores); bounded, but generous.
  const until = Date.now() + 60_000;
  for (;;) {
    // [file name, folder] of each row, as Quick Open shows them.
    const seen: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const name = (await row.locator('.label-name').allInnerTexts()).join('').trim();
      const description = (await row.locator('.label-description').allInnerTexts()).join('').trim();
      seen.push([name, description]);
    }
    const at = seen.findIndex(ours);
    if (at >= 0) {
      await rows.nth(at).click();
      break;
    }
    if (Date.now() > until) throw new Error(`Quick Open lists no row for ${relative}: ${JSON.stringify(seen)}`);
    await nextFrame(page);
  }
  const crumbs = page.locator('.editor-group-container.active .breadcrumbs-control');
  const want = relative.split('/').join('\n');
  await crumbs.filter({ hasText: path.basename(relative) }).waitFor({ timeout: 15_000 });
  const shown = Date.now() + 15_000;
  for (;;) {
    const text = (await crumbs.innerText()).replace(/\s*\n\s*/g, '\n');
    if (text.includes(want)) return;
    if (Date.now() > shown) throw new Error(`${relative} did not open: breadcrumbs show ${text}`);
    await nextFrame(page);
  }
}
