// `gatewayLens.check: workspace` over stdio with a real LSP client: opening the examples'
// folder shows both projects' findings without opening a file (pushed, or answered to
// workspace/diagnostic for a client that pulls), findings stay after a file is closed, the
// open file is answered before the background work, and `openFiles` turns it off.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = built('server.js');
const BROKEN_FINDINGS = 15;

const tmpDirs: string[] = [];
const clients: LspClient[] = [];

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The two examples side by side, plus a compose file under node_modules that is not the user's. */
function examplesWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-ws-check-'));
  tmpDirs.push(ws);
  for (const name of ['musicshare', 'musicshare-broken']) {
    fs.cpSync(path.join(ROOT, 'examples', name), path.join(ws, name), { recursive: true });
  }
  fs.mkdirSync(path.join(ws, 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(
    path.join(ws, 'node_modules', 'pkg', 'docker-compose.yml'),
    'services:\n  x:\n    labels:\n      - "traefik.http.routers.x.rulle=Host(`x`)"\n',
  );
  return ws;
}

const uri = (ws: string, rel: string): string => pathToFileURL(path.join(ws, rel)).href;
const BROKEN = 'musicshare-broken/docker-compose.yml';
const INTACT = 'musicshare/docker-compose.yml';

/** Status notifications received so far, and who waits for the next. */
type Statuses = StatusParams[] & { listeners: (() => void)[] };

function start(settings: Record<string, unknown> = {}): { client: LspClient; statuses: Statuses } {
  const client = new LspClient(process.execPath, [SERVER, '--stdio'], ROOT);
  client.settings = { gatewayLens: settings };
  const statuses: Statuses = Object.assign([], { listeners: [] });
  client.connection.onNotification(StatusNotification, (p) => {
    statuses.push(p);
    for (const l of statuses.listeners) l();
  });
  clients.push(client);
  return { client, statuses };
}

/** The first status notification (already received or still to come) that `accept` takes. */
function statusWhere(statuses: Statuses, accept: (s: StatusParams) => boolean): Promise<StatusParams> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such status; got ${JSON.stringify(statuses)}`)), 30_000);
    const check = (): void => {
      const found = statuses.find(accept);
      if (!found) return;
      clearTimeout(timer);
      statuses.listeners.splice(statuses.listeners.indexOf(check), 1);
      resolve(found);
    };
    statuses.listeners.push(check);
    check();
  });
}

const codes = (list: Diagnostic[]): string[] => list.map((d) => String(d.code)).sort();

test(
  'push: the examples folder shows both projects without opening a file; closing keeps them',
  { timeout: 60_000 },
  async () => {
    const ws = examplesWorkspace();
    const { client, statuses } = start();
    const broken = client.nextDiagnostics(uri(ws, BROKEN), (p) => p.diagnostics.length > 0);
    const intact = client.nextDiagnostics(uri(ws, INTACT));
    await client.initialize(ws);
    assert.equal((await broken).diagnostics.length, BROKEN_FINDINGS);
    assert.deepEqual((await intact).diagnostics, []);
    assert.equal(client.published.has(uri(ws, 'node_modules/pkg/docker-compose.yml')), false);
    // The status bar's count covers the closed files: three projects (yaml-error/ is one of its own).
    const counted = await statusWhere(statuses, (s) => s.state === 'idle' && s.projects === 3);
    const published = [...client.published.values()].reduce((n, p) => n + p.diagnostics.length, 0);
    assert.equal(counted.problems.errors + counted.problems.warnings + counted.problems.infos, published);
    assert.equal(published, BROKEN_FINDINGS + 2);

    // Open and close: the file's findings stay in Problems (they used to be cleared on close).
    const text = fs.readFileSync(path.join(ws, BROKEN), 'utf8');
    await client.open(uri(ws, BROKEN), 'dockercompose', text);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(ws, BROKEN) } });
    const afterClose = await client.nextDiagnostics(uri(ws, BROKEN));
    assert.equal(afterClose.diagnostics.length, BROKEN_FINDINGS);
  },
);

test(
  'pull: workspace/diagnostic answers the closed files, then holds until something changes',
  { timeout: 60_000 },
  async () => {
    const ws = examplesWorkspace();
    const { client } = start();
    const init = (await client.initialize(
      ws,
      { diagnostic: { dynamicRegistration: false } },
      {
        diagnostics: { refreshSupport: false },
      },
    )) as { capabilities: { diagnosticProvider?: { workspaceDiagnostics?: boolean } } };
    assert.equal(init.capabilities.diagnosticProvider?.workspaceDiagnostics, true);

    type Report = { items: { uri: string; kind: string; resultId?: string; items?: Diagnostic[] }[] };
    const ask = (previousResultIds: { uri: string; value: string }[]): Promise<Report> =>
      client.connection.sendRequest('workspace/diagnostic', { previousResultIds });
    // Until the background check has reached a project its files are not reported: ask until all three are.
    const seen = new Map<string, Report['items'][number]>();
    const all = [BROKEN, INTACT, 'musicshare-broken/yaml-error/docker-compose.yml'].map((f) => uri(ws, f));
    while (!all.every((u) => seen.has(u))) {
      const r = await ask([...seen].map(([u, i]) => ({ uri: u, value: i.resultId ?? '' })));
      for (const item of r.items) seen.set(item.uri, item);
    }
    assert.equal(seen.get(uri(ws, BROKEN))!.items!.length, BROKEN_FINDINGS);
    assert.deepEqual(seen.get(uri(ws, INTACT))!.items, []);
    assert.equal(client.published.size, 0, 'nothing is pushed to a client that pulls');

    // Nothing changed: the request is held; a fix on disk answers it with the new findings.
    const previous = [...seen].map(([u, i]) => ({ uri: u, value: i.resultId ?? '' }));
    let answered = false;
    const held = ask(previous).then((r) => ((answered = true), r));
    // A request sent after it, that has something to answer, is answered while it waits.
    assert.equal((await ask([])).items.length, seen.size);
    assert.equal(answered, false);
    const file = path.join(ws, BROKEN);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('cookie.nmae=', 'cookie.name='));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri(ws, BROKEN), type: 2 }],
    });
    const changed = await held;
    const item = changed.items.find((i) => i.uri === uri(ws, BROKEN));
    assert.ok(item, JSON.stringify(changed.items.map((i) => i.uri)));
    assert.equal(item.items!.length, BROKEN_FINDINGS - 1);
    assert.equal(codes(item.items!).includes('unknown-label'), false);
  },
);

test(
  'the open file is answered before the background check gets through the workspace',
  { timeout: 60_000 },
  async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-ws-many-'));
    tmpDirs.push(ws);
    const compose = fs.readFileSync(path.join(ROOT, 'examples', BROKEN), 'utf8');
    const projects = 60;
    for (let i = 0; i < projects; i++) {
      fs.mkdirSync(path.join(ws, `p${i}`));
      fs.writeFileSync(path.join(ws, `p${i}`, 'docker-compose.yml'), compose);
    }
    fs.cpSync(path.join(ROOT, 'examples', 'musicshare-broken', 'traefik'), path.join(ws, 'mine', 'traefik'), {
      recursive: true,
    });
    fs.writeFileSync(path.join(ws, 'mine', 'docker-compose.yml'), compose);
    const { client, statuses } = start();
    await client.initialize(ws);
    const mine = uri(ws, 'mine/docker-compose.yml');
    // The open text has one mistake fixed: those diagnostics are the open file's, not the disk's.
    let shownAfter = -1;
    const shown = client.nextDiagnostics(mine, (p) => {
      if (p.diagnostics.length !== BROKEN_FINDINGS - 1) return false;
      shownAfter = statuses.at(-1)?.projects ?? 0;
      return true;
    });
    await client.open(mine, 'dockercompose', compose.replace('cookie.nmae=', 'cookie.name='));
    await shown;
    assert.ok(shownAfter < projects / 2, `${shownAfter} projects were shown before the open file`);
    // The background check still gets through every one.
    await statusWhere(statuses, (s) => s.state === 'idle' && s.projects === projects + 1);
  },
);

test('gatewayLens.check = openFiles: only open files, cleared on close', { timeout: 60_000 }, async () => {
  const ws = examplesWorkspace();
  const { client } = start({ check: 'openFiles' });
  await client.initialize(ws);
  const text = fs.readFileSync(path.join(ws, BROKEN), 'utf8');
  const shown = client.nextDiagnostics(uri(ws, BROKEN));
  await client.open(uri(ws, BROKEN), 'dockercompose', text);
  assert.equal((await shown).diagnostics.length, BROKEN_FINDINGS);
  assert.equal(client.published.has(uri(ws, INTACT)), false, 'the unopened project is not checked');
  const cleared = client.nextDiagnostics(uri(ws, BROKEN), (p) => p.diagnostics.length === 0);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(ws, BROKEN) } });
  await cleared;
});
