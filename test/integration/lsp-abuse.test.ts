// The language server over stdio against a client that misbehaves: broken frames (the server
// must exit with a message, so the client restarts it, instead of living on deaf), documents
// reopened at the same version with other text (no stale findings), requests for files that are
// not compose files (no answer), positions out of range, unknown URIs, versions going backwards.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RouteRequest } from '../../server/src/protocol';
import { built, ROOT } from '../support/build';
import { LspClient, type Published } from '../support/lspClient';

const SERVER = built('server.js');
const tmpDirs: string[] = [];
function folder(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-abuse-'));
  tmpDirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
const uriOf = (dir: string, name: string): string => pathToFileURL(path.join(dir, name)).href;
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

const withMiddleware = (name: string): string => `services:
  app:
    image: traefik/whoami
    labels:
      - "traefik.http.routers.app.rule=Host(\`app.example.com\`)"
      - "traefik.http.routers.app.middlewares=${name}"
      - "traefik.http.services.app.loadbalancer.server.port=80"
`;
const codes = (p: Published): string[] => p.diagnostics.map((d) => `${d.code}:${d.message.match(/"([^"]+)"/)?.[1]}`);

describe('framing errors end the process with a message', { timeout: 60_000 }, () => {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } });
  const frames: { name: string; bytes: string; says: RegExp }[] = [
    {
      name: 'no Content-Length',
      bytes: `Content-Type: application/json\r\n\r\n${body}`,
      says: /without Content-Length/,
    },
    {
      name: 'a Content-Length that is not a number',
      bytes: `Content-Length: ten\r\n\r\n${body}`,
      says: /not a number/,
    },
    {
      name: 'a huge Content-Length',
      bytes: `Content-Length: 99999999999\r\n\r\n${body}`,
      says: /larger than the limit/,
    },
    {
      name: 'a Content-Length too short',
      bytes: `Content-Length: ${body.length - 5}\r\n\r\n${body}`,
      says: /malformed LSP input/,
    },
    {
      name: 'a Content-Length too long',
      bytes: `Content-Length: ${body.length + 50}\r\n\r\n${body}`,
      says: /incomplete/,
    },
    { name: 'a header of 10 KB', bytes: `X-Junk: ${'a'.repeat(10_000)}`, says: /header longer/ },
  ];
  for (const f of frames) {
    test(f.name, async () => {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.stdin.write(f.bytes);
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(killer);
      assert.equal(code, 1, `exit status; stderr: ${stderr}`);
      assert.match(stderr, /malformed LSP input over stdio/);
      assert.match(stderr, f.says);
    });
  }
});

describe('state', { timeout: 60_000 }, () => {
  test('a document closed and reopened at the same version with other text shows its new findings', async () => {
    const dir = folder({ 'docker-compose.yml': 'services: {}\n' });
    const client = start();
    await client.initialize(dir);
    // The base file stays open, so the project (and its memo) stays alive across the reopen.
    await client.open(uriOf(dir, 'docker-compose.yml'), 'dockercompose', 'services: {}\n');
    const uri = uriOf(dir, 'compose.override.yml');
    const first = client.nextDiagnostics(uri, (p) => codes(p).includes('undefined-middleware:first'));
    await client.open(uri, 'dockercompose', withMiddleware('first'));
    await first;
    const second = client.nextDiagnostics(uri, (p) => codes(p).includes('undefined-middleware:second'), 15_000);
    // As VS Code does when the language mode changes: close and open, back to back.
    await Promise.all([
      client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
      client.open(uri, 'dockercompose', withMiddleware('second'), 1),
    ]);
    const shown = await second;
    assert.deepEqual(codes(shown), ['undefined-middleware:second']);
  });

  test('versions going backwards, unknown URIs and positions out of range: answers, no failure', async () => {
    const dir = folder();
    const client = start();
    await client.initialize(dir);
    const uri = uriOf(dir, 'docker-compose.yml');
    await client.open(uri, 'dockercompose', withMiddleware('a'), 5);
    await client.change(uri, 3, withMiddleware('b'));
    const latest = client.nextDiagnostics(uri, (p) => codes(p).includes('undefined-middleware:c'));
    await client.change(uri, 7, withMiddleware('c'));
    await latest;
    const positions = [
      { line: 999_999, character: 0 },
      { line: 0, character: 999_999 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    for (const target of [uri, uriOf(dir, 'never-opened/docker-compose.yml'), 'untitled:x', 'not a uri']) {
      for (const position of positions) {
        const textDocument = { uri: target };
        await client.connection.sendRequest('textDocument/hover', { textDocument, position });
        const items = await client.connection.sendRequest('textDocument/completion', { textDocument, position });
        assert.ok(Array.isArray(items) || items === null);
        await client.connection.sendRequest('textDocument/definition', { textDocument, position });
        await client.connection.sendRequest('textDocument/documentSymbol', { textDocument });
        await client.connection.sendRequest('textDocument/codeAction', {
          textDocument,
          range: { start: position, end: { line: 0, character: 0 } },
          context: { diagnostics: [] },
        });
      }
    }
    assert.equal(client.process.exitCode, null, client.stderr);
  });
});

describe('a file that opens with a blank line', { timeout: 60_000 }, () => {
  // The edit fuzzer's hang (npm run fuzz -- --seed 2026 --edits 2400, edit 2391): a file whose
  // `services:` line had been deleted, so it opened with a line break, got a label line inserted;
  // completion there walked up the lines forever and every later request waited behind it.
  test('completion and the other requests on the inserted label line answer in time', async () => {
    const before = '\n  traefik:\n    image: "traefik:v3.7"\n    labels:\n';
    const dir = folder({ 'docker-compose.yml': before });
    const client = start();
    await client.initialize(dir);
    const uri = uriOf(dir, 'docker-compose.yml');
    await client.open(uri, 'dockercompose', before);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
          text: '      - "traefik.enable=true"\n',
        },
      ],
    });
    const textDocument = { uri };
    for (const position of [
      { line: 4, character: 12 },
      { line: 4, character: 0 },
      { line: 1, character: 3 },
      { line: 0, character: 0 },
    ]) {
      for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/definition']) {
        let timer: NodeJS.Timeout | undefined;
        const answer = await Promise.race([
          client.connection.sendRequest(method, { textDocument, position }),
          new Promise((resolve) => (timer = setTimeout(() => resolve('no answer'), 5_000))),
        ]);
        clearTimeout(timer);
        assert.notEqual(answer, 'no answer', `${method} at ${JSON.stringify(position)}`);
      }
    }
    assert.equal(client.process.exitCode, null, client.stderr);
  });
});

describe('only compose files are answered for', { timeout: 60_000 }, () => {
  const compose = withMiddleware('x');
  test('a README holding compose text and a YAML file with another name get no outline, hover or route', async () => {
    const dir = folder({ 'docker-compose.yml': compose, 'README.md': compose, 'values.yml': compose });
    const client = start();
    await client.initialize(dir);
    // Sanity: the compose file itself is answered.
    const real = uriOf(dir, 'docker-compose.yml');
    await client.open(real, 'dockercompose', compose);
    const symbols = await client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', {
      textDocument: { uri: real },
    });
    assert.ok(symbols.length > 0);
    const hoverAt = { line: 4, character: 30 };
    assert.ok(
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: real }, position: hoverAt }),
    );

    for (const [name, languageId] of [
      ['README.md', 'markdown'],
      ['values.yml', 'yaml'],
    ]) {
      const uri = uriOf(dir, name);
      await client.open(uri, languageId, compose);
      const textDocument = { uri };
      assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument }), []);
      assert.equal(
        await client.connection.sendRequest('textDocument/hover', { textDocument, position: hoverAt }),
        null,
      );
      assert.deepEqual(
        await client.connection.sendRequest('textDocument/completion', { textDocument, position: hoverAt }),
        [],
      );
    }
    for (const uri of [uriOf(dir, 'README.md'), pathToFileURL('/etc/passwd').href]) {
      const answer = await client.connection.sendRequest(RouteRequest, {
        uri,
        url: 'http://app.example.com/',
      });
      assert.equal(answer.router, null);
      assert.match(answer.notes[0], /is not a compose file of the workspace/);
    }
  });
});
