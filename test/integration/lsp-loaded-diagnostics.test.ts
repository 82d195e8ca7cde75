// The findings on a file compose reads through `include:` (inc/extra.yml) or `extends: file:`
// (ext/base.yml) stay shown for it once it is opened as plain YAML, edited, and closed, and
// while it stays open after the including file is closed, over stdio for a client that only
// takes pushed diagnostics (neovim, helix) and for one that pulls them (VS Code). With
// gatewayLens.check = openFiles a project is shown only through its open files, so nothing
// else re-publishes what these files lose.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const COMPOSE = `include:
  - inc/extra.yml
services:
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker=true"]
  web:
    extends: { file: ext/base.yml, service: app }
`;
const EXTRA = `services:
  extra:
    image: nginx:1.27
    labels:
      - traefik.http.routers.extra.rulle=Host(\`e.example\`)
`;
const BASE = `services:
  app:
    image: nginx:1.27
    labels:
      - traefik.http.routers.web.middlewares=nope
`;

/** Each loaded file, the finding its own text holds, and an edit that keeps it. */
const LOADED = {
  'inc/extra.yml': { text: EXTRA, code: 'unknown-label', edited: EXTRA.replace('e.example', 'f.example') },
  'ext/base.yml': { text: BASE, code: 'undefined-middleware', edited: `# the app's labels\n${BASE}` },
};
type Loaded = keyof typeof LOADED;

const dirs: string[] = [];
const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(mode: 'push' | 'pull'): Promise<{ client: LspClient; uri: (f: string) => string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-loaded-diag-'));
  dirs.push(dir);
  for (const [file, text] of [['compose.yaml', COMPOSE], ...Object.entries(LOADED).map(([f, l]) => [f, l.text])]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  clients.push(client);
  client.settings = { gatewayLens: { check: 'openFiles' } };
  await client.initialize(dir, mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {});
  return { client, uri: (f) => pathToFileURL(path.join(dir, f)).href };
}

const codes = (list: Diagnostic[] | undefined): string[] => (list ?? []).map((d) => String(d.code));

for (const mode of ['push', 'pull'] as const) {
  test(
    `${mode} client: a loaded file keeps its findings opened, edited, left open alone, and closed`,
    {
      timeout: 120_000,
    },
    async () => {
      const { client, uri } = await start(mode);
      const compose = uri('compose.yaml');
      const pushed = (file: string, accept: (d: Diagnostic[]) => boolean = () => true) =>
        client.nextDiagnostics(uri(file), (p) => accept(p.diagnostics));
      const pull = async (file: string): Promise<string[]> => {
        const report = (await client.connection.sendRequest('textDocument/diagnostic', {
          textDocument: { uri: uri(file) },
        })) as { kind: string; items?: Diagnostic[] };
        assert.equal(report.kind, 'full');
        return codes(report.items);
      };
      /** What the client shows for an open file after `step`: the next push, or its pull (and nothing pushed). */
      const shownOpen = async (file: Loaded, step: () => Promise<void>): Promise<string[]> => {
        if (mode === 'push') {
          const next = pushed(file);
          await step();
          return codes((await next).diagnostics);
        }
        await step();
        const got = await pull(file);
        assert.deepEqual(codes(client.published.get(uri(file))?.diagnostics), [], `${file}: pulled, not pushed too`);
        return got;
      };
      /** Opens compose.yaml: the loaded files get their findings pushed (a pulling client's open one is pulled). */
      const openCompose = async (open?: Loaded): Promise<void> => {
        const files = (Object.keys(LOADED) as Loaded[]).filter((f) => mode === 'push' || f !== open);
        const seen = Promise.all(files.map((f) => pushed(f, (d) => d.length > 0)));
        await client.open(compose, 'dockercompose', COMPOSE);
        if (mode === 'pull') await pull('compose.yaml');
        const found = await seen;
        assert.deepEqual(
          found.map((p) => codes(p.diagnostics)),
          files.map((f) => [LOADED[f].code]),
          'the loaded files get their findings pushed',
        );
        if (open && mode === 'pull') assert.deepEqual(await pull(open), [LOADED[open].code], `${open} pulled`);
      };
      await openCompose();

      for (const [file, { text, code, edited }] of Object.entries(LOADED) as [Loaded, (typeof LOADED)[Loaded]][]) {
        assert.deepEqual(await shownOpen(file, () => client.open(uri(file), 'yaml', text)), [code], `${file} opened`);
        assert.deepEqual(await shownOpen(file, () => client.change(uri(file), 2, edited)), [code], `${file} edited`);
        const closeCompose = () =>
          client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: compose } });
        assert.deepEqual(await shownOpen(file, closeCompose), [code], `${file} open, compose.yaml closed`);
        if (mode === 'push') {
          // And it is checked on its own edits still.
          const next = pushed(file);
          await client.change(uri(file), 3, text);
          assert.deepEqual(codes((await next).diagnostics), [code], `${file} edited with compose.yaml closed`);
        }
        await openCompose(file);
        const back = pushed(file);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
        assert.deepEqual(codes((await back).diagnostics), [code], `${file} closed: pushed again`);
      }
    },
  );

  test(
    `${mode} client: a loaded file opened alone, before any project was analysed, shows its findings`,
    {
      timeout: 60_000,
    },
    async () => {
      const { client, uri } = await start(mode);
      const file = 'inc/extra.yml';
      if (mode === 'push') {
        const next = client.nextDiagnostics(uri(file), (p) => p.diagnostics.length > 0);
        await client.open(uri(file), 'yaml', EXTRA);
        assert.deepEqual(codes((await next).diagnostics), ['unknown-label']);
      } else {
        await client.open(uri(file), 'yaml', EXTRA);
        const report = (await client.connection.sendRequest('textDocument/diagnostic', {
          textDocument: { uri: uri(file) },
        })) as { items: Diagnostic[] };
        assert.deepEqual(codes(report.items), ['unknown-label']);
      }
    },
  );
}
