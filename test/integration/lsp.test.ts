// The real language server (dist/server.js --stdio) driven by a real LSP client over stdio:
// push and pull diagnostics, projects spanning several compose files, settings, files changed
// on disk, and bad input that must not take the server down. Waits on messages, never sleeps.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = built('server.js');

const tmpDirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-lsp-'));
  tmpDirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const uriOf = (dir: string, name: string): string => pathToFileURL(path.join(dir, name)).href;

/** The text a diagnostic range covers, through the same TextDocument the server uses. */
function slice(text: string, range: Diagnostic['range']): string {
  const doc = TextDocument.create('file:///x', 'yaml', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

const BASE = `services:
  auth:
    image: traefik/whoami
    labels:
      - "traefik.enable=true"
      - "traefik.http.middlewares.auth.basicauth.users=a:b"
      - "traefik.http.routers.auth.rule=Host(\`auth.example.com\`)"
      - "traefik.http.services.auth.loadbalancer.server.port=80"
`;
const app = (middleware: string): string => `services:
  app:
    image: traefik/whoami
    labels:
      - "traefik.enable=true"
      - "traefik.http.routers.app.rule=Host(\`app.example.com\`)"
      - "traefik.http.routers.app.middlewares=${middleware}"
      - "traefik.http.services.app.loadbalancer.server.port=80"
`;
const DUPLICATE_KEY = `services:
  web:
    image: a
    image: b
`;

const clients: LspClient[] = [];
function start(): LspClient {
  const client = new LspClient(process.execPath, [SERVER, '--stdio'], ROOT);
  clients.push(client);
  return client;
}

after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const has = (code: string) => (p: { diagnostics: Diagnostic[] }) => p.diagnostics.some((d) => d.code === code);
const empty = (p: { diagnostics: Diagnostic[] }): boolean => p.diagnostics.length === 0;

describe('push diagnostics', { timeout: 60_000 }, () => {
  test('a project of two compose files: open text wins, disk edits, settings, close, exit', async () => {
    // On disk the override is fine; the open editor text has the typo.
    const dir = project({ 'docker-compose.yml': BASE, 'docker-compose.override.yml': app('auth') });
    const base = uriOf(dir, 'docker-compose.yml');
    const override = uriOf(dir, 'docker-compose.override.yml');
    const client = start();
    // The status bar's feed: idle with the project's problem counts once the analysis is done.
    const idleWithOneError = new Promise<StatusParams>((resolve) =>
      client.connection.onNotification(StatusNotification, (p) => {
        if (p.state === 'idle' && p.problems.errors === 1) resolve(p);
      }),
    );
    await client.initialize(dir);

    const baseFirst = client.nextDiagnostics(base);
    const typo = client.nextDiagnostics(override, has('undefined-middleware'));
    await client.open(override, 'dockercompose', app('autth'));
    const published = await typo;
    assert.equal(published.version, 1);
    assert.equal(published.diagnostics.length, 1);
    const [d] = published.diagnostics;
    assert.equal(d.code, 'undefined-middleware');
    assert.equal(d.source, 'gateway-lens');
    assert.equal(d.severity, 1);
    assert.equal(slice(app('autth'), d.range), 'autth');
    assert.deepEqual(d.data, { name: 'autth', suggestion: 'auth', code: 'undefined-middleware' });
    // "did you mean auth": the definition sits in the other, closed file of the project.
    const related = (
      d as Diagnostic & { relatedInformation?: { location: { uri: string; range: Diagnostic['range'] } }[] }
    ).relatedInformation;
    assert.equal(related?.[0].location.uri, base);
    assert.match(slice(BASE, related![0].location.range), /auth/);
    // The closed file of the project gets its (empty) diagnostics too.
    assert.deepEqual((await baseFirst).diagnostics, []);
    assert.deepEqual(await idleWithOneError, {
      state: 'idle',
      problems: { errors: 1, warnings: 0, infos: 0 },
      projects: 1,
      // No Traefik service in the project: the status bar says the version is unknown, and why.
      traefikVersions: [{ folder: dir, assumed: 'v3', source: 'unknown', why: 'no Traefik image in this project' }],
    });

    // The closed file breaks on disk: the watcher event brings its YAML error.
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), DUPLICATE_KEY + BASE.replace('services:\n', ''));
    const broken = client.nextDiagnostics(base, has('yaml-syntax'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: base, type: 2 }] });
    const yamlError = (await broken).diagnostics.find((x) => x.code === 'yaml-syntax')!;
    assert.equal(yamlError.severity, 1);
    assert.equal(slice(fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8'), yamlError.range), 'image');
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), BASE);
    const fixedOnDisk = client.nextDiagnostics(base, empty);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: base, type: 2 }] });
    await fixedOnDisk;

    // Fixing the typo in the editor clears the diagnostic, for that version.
    const fixed = client.nextDiagnostics(override, (p) => p.version === 2);
    await client.change(override, 2, app('auth'));
    assert.deepEqual((await fixed).diagnostics, []);

    // Back to the typo, then declared external in the settings: no longer reported.
    const again = client.nextDiagnostics(override, (p) => p.version === 3 && has('undefined-middleware')(p));
    await client.change(override, 3, app('autth'));
    await again;
    client.settings = { gatewayLens: { externalMiddlewares: ['autth'] } };
    const external = client.nextDiagnostics(override, empty);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: client.settings });
    await external;

    // Closing the last open file of the project clears every file it showed.
    const clearedBase = client.nextDiagnostics(base, empty);
    const clearedOverride = client.nextDiagnostics(override, empty);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: override } });
    await Promise.all([clearedBase, clearedOverride]);

    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    await client.stop();
    assert.equal(await exited, 0);
  });

  test('plain YAML files are compose files only when gatewayLens.files names them', async () => {
    const dir = project({});
    const stack = uriOf(dir, 'stack.yml');
    const values = uriOf(dir, 'values.yml');
    const compose = uriOf(dir, 'compose.yaml');
    const client = start();
    client.settings = { gatewayLens: { files: ['stack.yml'] } };
    await client.initialize(dir);

    const stackSeen = client.nextDiagnostics(stack, has('yaml-syntax'));
    await client.open(values, 'yaml', DUPLICATE_KEY);
    await client.open(stack, 'yaml', DUPLICATE_KEY);
    await stackSeen;
    const composeSeen = client.nextDiagnostics(compose, has('yaml-syntax'));
    await client.open(compose, 'yaml', DUPLICATE_KEY);
    await composeSeen;
    // One more round trip: anything published for values.yml by now has arrived.
    const composeV2 = client.nextDiagnostics(compose, (p) => p.version === 2);
    await client.change(compose, 2, DUPLICATE_KEY + '# edited\n');
    await composeV2;
    assert.equal(client.published.has(values), false, 'values.yml is not a compose file');

    client.settings = { gatewayLens: { files: [] } };
    const stackCleared = client.nextDiagnostics(stack, empty);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: client.settings });
    await stackCleared;
  });
});

describe('pull diagnostics', { timeout: 60_000 }, () => {
  test('textDocument/diagnostic answers for open files; closed files of the project are pushed', async () => {
    const dir = project({ 'docker-compose.yml': DUPLICATE_KEY, 'docker-compose.override.yml': DUPLICATE_KEY });
    const base = uriOf(dir, 'docker-compose.yml');
    const override = uriOf(dir, 'docker-compose.override.yml');
    const client = start();
    const init = (await client.initialize(dir, { diagnostic: { dynamicRegistration: false } })) as {
      capabilities: { diagnosticProvider?: { interFileDependencies: boolean } };
    };
    assert.equal(init.capabilities.diagnosticProvider?.interFileDependencies, true);

    const pushedOverride = client.nextDiagnostics(override, has('yaml-syntax'));
    await client.open(base, 'dockercompose', DUPLICATE_KEY);
    type Report = { kind: 'full' | 'unchanged'; resultId?: string; items?: Diagnostic[] };
    const pull = (uri: string, previousResultId?: string): Promise<Report> =>
      client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

    const first = await pull(base);
    assert.equal(first.kind, 'full');
    assert.deepEqual(
      first.items!.map((d) => [d.code, d.source, slice(DUPLICATE_KEY, d.range)]),
      [['yaml-syntax', 'gateway-lens', 'image']],
    );
    // The closed sibling is pushed; the open file never is (it would show twice).
    await pushedOverride;
    assert.equal(client.published.has(base), false);

    assert.deepEqual(await pull(base, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    await client.change(base, 2, BASE);
    const second = await pull(base, first.resultId);
    assert.equal(second.kind, 'full');
    assert.deepEqual(second.items, []);

    assert.deepEqual(await pull(uriOf(dir, 'not-open.yml')), { kind: 'full', items: [] });
  });
});

describe('robustness', { timeout: 60_000 }, () => {
  test('bad input and failing analyses are logged, and the server keeps serving', async () => {
    const dir = project({ 'docker-compose.yml': BASE });
    const client = start();
    const logs: string[] = [];
    client.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
    await client.initialize(dir);
    const send = (method: string, params: unknown): Promise<void> => client.connection.sendNotification(method, params);

    // Text that is not a string makes the analysis throw: reported, not fatal.
    const weird = uriOf(dir, 'compose.yml');
    const internal = client.nextDiagnostics(weird, has('internal-error'));
    await send('textDocument/didOpen', { textDocument: { uri: weird, languageId: 'yaml', version: 1, text: 42 } });
    await internal;

    await send('textDocument/didOpen', {
      textDocument: { uri: 'untitled:Untitled-1', languageId: 'dockercompose', version: 1, text: DUPLICATE_KEY },
    });
    await send('textDocument/didChange', {
      textDocument: { uri: uriOf(dir, 'never-opened.yml'), version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await send('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 1 }] });
    client.settings = { gatewayLens: { files: 42, traefik: 'v9', externalMiddlewares: [null, 3] } };
    await send('workspace/didChangeConfiguration', { settings: client.settings });
    assert.deepEqual(await client.connection.sendRequest('textDocument/diagnostic', {}), { kind: 'full', items: [] });

    // A document nested thousands of levels deep: a YAML error, not a dead server.
    const deep = uriOf(project({}), 'docker-compose.yml');
    const deepSeen = client.nextDiagnostics(deep, has('yaml-syntax'));
    await client.open(deep, 'dockercompose', 'services:\n  a: [' + '['.repeat(20_000) + '\n');
    await deepSeen;

    // Still serving: a fresh file in another folder gets its diagnostics.
    const fresh = uriOf(project({}), 'docker-compose.yml');
    const freshSeen = client.nextDiagnostics(fresh);
    await client.open(fresh, 'dockercompose', DUPLICATE_KEY);
    assert.deepEqual(
      (await freshSeen).diagnostics.map((d) => d.code),
      ['yaml-syntax'],
    );
    assert.equal(client.process.exitCode, null, `server exited; stderr:\n${client.stderr}`);
    assert.ok(
      logs.some((m) => /Analysis of .* failed: TypeError/.test(m)),
      `the failure is logged; log:\n${logs.join('\n')}`,
    );
  });
});

describe('transport', { timeout: 60_000 }, () => {
  test('--node-ipc, as the extension starts it', async () => {
    const dir = project({});
    const uri = uriOf(dir, 'compose.yml');
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const seen = new Promise<{ diagnostics: Diagnostic[] }>((resolve) =>
        connection.onNotification(
          'textDocument/publishDiagnostics',
          (p: { uri: string; diagnostics: Diagnostic[] }) => {
            if (p.uri === uri) resolve(p);
          },
        ),
      );
      connection.onNotification('gatewayLens/status', () => undefined);
      connection.listen();
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: 1, text: DUPLICATE_KEY },
      });
      assert.deepEqual(
        (await seen).diagnostics.map((d) => d.code),
        ['yaml-syntax'],
      );
      await connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
