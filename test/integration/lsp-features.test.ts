// Authoring over the real language server: completion, hover, definition, rename refusal and a
// quick fix, through a real JSON-RPC client on stdio.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from '../support/lspClient';

const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');
const TEXT = `services:
  api:
    image: app
    expose: ["8080"]
    labels:
      - traefik.enable=true
      - traefik.http.routers.api.rule=PathPrefix(\`/api\`)
      - traefik.http.routers.api.middlewares=api-strp
      - traefik.http.middlewares.api-strip.stripprefix.prefixes=/api
      - traefik.http.services.api.loadbalancer.server.port=8080
      - traefik.http.routers.api.
`;

let client: LspClient;
let dir: string;
let uri: string;

function position(needle: string, delta = 0): { line: number; character: number } {
  const offset = TEXT.indexOf(needle) + delta;
  const before = TEXT.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'npm run build first (npm test does)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-features-'));
  const file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(file, TEXT);
  uri = pathToFileURL(file).toString();
  client = new LspClient(process.execPath, [SERVER, '--stdio']);
  await client.initialize(dir);
  const first = client.nextDiagnostics(uri);
  await client.open(uri, 'dockercompose', TEXT);
  await first;
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('completion offers the router fields not yet set after "routers.api."', async () => {
  const at = position('traefik.http.routers.api.\n', 'traefik.http.routers.api.'.length);
  const items = (await client.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: at,
  })) as { label: string }[];
  const labels = items.map((i) => i.label);
  // rule and middlewares are already set on this router, so they are not offered again.
  for (const field of ['entrypoints', 'service', 'tls', 'priority'])
    assert.ok(labels.includes(field), `${field} in ${labels.join(',')}`);
});

test('hover on a key segment explains it', async () => {
  const h = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: position('stripprefix.prefixes', 2),
  })) as {
    contents: { value: string };
  } | null;
  assert.ok(h);
  assert.match(h.contents.value, /strip/i);
});

test('definition of a middleware name jumps to its declaration', async () => {
  const defs = (await client.connection.sendRequest('textDocument/definition', {
    textDocument: { uri },
    position: position('api-strip.stripprefix', 1),
  })) as { range: { start: { line: number } } }[];
  assert.ok(defs.length >= 1);
  assert.equal(defs[0].range.start.line, position('api-strip.stripprefix').line);
});

test('a quick fix for the misspelt middleware replaces only the name', async () => {
  const diagnostics = client.published.get(uri)?.diagnostics ?? [];
  const d = diagnostics.find((x) => x.code === 'undefined-middleware');
  assert.ok(d, JSON.stringify(diagnostics.map((x) => x.code)));
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as { title: string; edit: { changes: Record<string, { newText: string; range: unknown }[]> } }[];
  const fix = actions.find((a) => /api-strip/.test(a.title));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(fix.edit.changes[uri], [{ range: d.range, newText: 'api-strip' }]);
});

test('rename refuses an invalid name, and renames every use of a valid one', async () => {
  await assert.rejects(
    client.connection.sendRequest('textDocument/rename', {
      textDocument: { uri },
      position: position('routers.api.rule', 'routers.'.length),
      newName: 'api.v2',
    }),
    // A refusal, not an internal error: LSP's RequestFailed with the reason as its message.
    { code: -32803, message: 'A name cannot contain "." (it separates label key segments).' },
  );
  const edit = (await client.connection.sendRequest('textDocument/rename', {
    textDocument: { uri },
    position: position('api-strip.stripprefix', 1),
    newName: 'api-prefix',
  })) as { changes: Record<string, { newText: string }[]> };
  // the declaration and the (misspelt) reference are different names: only the declaration
  assert.deepEqual(
    edit.changes[uri].map((e) => e.newText),
    ['api-prefix'],
  );
});

test('a space after && inside a rule opens the matchers; a space elsewhere opens nothing', async () => {
  const line = TEXT.split('\n').findIndex((l) => l.includes('routers.api.rule='));
  const rule = '      - traefik.http.routers.api.rule=PathPrefix(`/api`) && ';
  const text = TEXT.split('\n')
    .map((l, i) => (i === line ? rule : l))
    .join('\n');
  await client.change(uri, 100, text);
  const ask = (character: number, triggerCharacter: string) =>
    client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
      context: { triggerKind: 2, triggerCharacter },
    }) as Promise<{ label: string }[]>;
  const matchers = (await ask(rule.length, ' ')).map((i) => i.label);
  assert.ok(matchers.includes('Header') && matchers.includes('Host'), matchers.join(','));
  assert.deepEqual(await ask(7, ' '), []);
  await client.change(uri, 101, TEXT);
});

test('a ( after Host in a rule offers the hosts other routers use; a ( outside rules opens nothing', async () => {
  const lines = TEXT.split('\n');
  const line = lines.findIndex((l) => l.includes('routers.api.rule='));
  const rule = '      - traefik.http.routers.api.rule=Host(';
  lines[line] = rule;
  lines[line + 1] = '      - traefik.http.routers.web.rule=Host(`shop.example.com`)';
  lines[line + 2] = '      - traefik.http.middlewares.x.headers.customrequestheaders.X=(';
  await client.change(uri, 102, lines.join('\n'));
  const ask = (l: number, character: number) =>
    client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: l, character },
      context: { triggerKind: 2, triggerCharacter: '(' },
    }) as Promise<{ label: string; textEdit: { newText: string } }[]>;
  const hosts = await ask(line, rule.length);
  assert.deepEqual(
    hosts.map((i) => [i.label, i.textEdit.newText]),
    [['shop.example.com', '`shop.example.com`)']],
  );
  assert.deepEqual(await ask(line + 2, lines[line + 2].length), []);
  await client.change(uri, 103, TEXT);
});

test('completion after a lone CR (a line break to the editor, not to YAML) edits only the cursor line', async () => {
  // Found by the fuzzer: the value's range started on the line above, and VS Code drops such items.
  const text = 'services:\n  app:\n    image: app\n    labels:\n      - traefik.enable=web || Path(`/\r`)\n';
  const other = path.join(dir, 'cr', 'docker-compose.yml');
  fs.mkdirSync(path.dirname(other), { recursive: true });
  fs.writeFileSync(other, text);
  const crUri = pathToFileURL(other).toString();
  await client.open(crUri, 'dockercompose', text);
  for (const at of [
    { line: 5, character: 0 },
    { line: 5, character: 1 },
    { line: 4, character: 30 },
  ]) {
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: crUri },
      position: at,
    })) as { label: string; textEdit?: { range: { start: typeof at; end: typeof at } } }[];
    for (const item of items) {
      if (!item.textEdit) continue;
      const r = item.textEdit.range;
      assert.ok(
        r.start.line === at.line && r.end.line === at.line && r.start.character <= at.character,
        `${item.label}: ${JSON.stringify(r)} at ${JSON.stringify(at)}`,
      );
      assert.ok(at.character <= r.end.character, `${item.label}: ${JSON.stringify(r)} at ${JSON.stringify(at)}`);
    }
  }
});

test('a new service name typed under services: answers an incomplete list with the routed block', async () => {
  const text = `${TEXT}  pay`;
  await client.change(uri, 104, text);
  const lines = text.split('\n');
  const answer = (await client.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: 5 },
    context: { triggerKind: 1 },
  })) as { isIncomplete: boolean; items: { label: string; insertTextFormat: number }[] };
  assert.equal(answer.isIncomplete, true);
  assert.deepEqual(
    answer.items.map((i) => [i.label, i.insertTextFormat]),
    [['pay: routed by Traefik', 2]],
  );
  await client.change(uri, 105, TEXT);
});
