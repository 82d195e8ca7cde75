// The linter features in the real language server over stdio: source.fixAll.gatewayLens (the
// same core selection as check --fix), "Suppress <code> on this line", and .gateway-lens.yaml
// (severity, its errors as diagnostics on the config file, edits picked up without a restart).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, type Published } from '../support/lspClient';
import { built } from '../support/build';

const SERVER = built('server.js');
const TEXT = `services:
  web:
    image: busybox
    labels:
      - traefik.http.routers.web.rule=Host(\`web.example.com\`)
      - traefik.http.services.web.loadbalancer.sticky.cookie.nmae=session
  api:
    image: busybox
    labels:
      - traefik.http.routers.api.rule=Host(\`api.example.com\`)
      - traefik.http.services.api.loadbalancer.healthcheck.interval=10 seconds
`;

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
interface Action {
  title: string;
  kind: string;
  edit?: { changes: Record<string, Edit[]> };
}

function apply(text: string, edits: Edit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const off = (p: Edit['range']['start']) => starts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => off(b.range.start) - off(a.range.start))
    .reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

let client: LspClient;
let dir: string;
let uri: string;
let configFile: string;
let version = 1;

const codes = (p: Published) => p.diagnostics.map((d) => d.code).sort();

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-lsp-lint-'));
  const file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(file, TEXT);
  configFile = path.join(dir, '.gateway-lens.yaml');
  uri = pathToFileURL(file).toString();
  client = new LspClient(process.execPath, [SERVER, '--stdio']);
  await client.initialize(dir);
  const first = client.nextDiagnostics(uri);
  await client.open(uri, 'dockercompose', TEXT);
  assert.deepEqual(codes(await first), ['invalid-value', 'missing-port', 'missing-port', 'unknown-label']);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function actions(range: Edit['range'], diagnostics: unknown[], only?: string[]): Promise<Action[]> {
  return (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  })) as Action[];
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

test('source.fixAll.gatewayLens: the typo and the duration fixed, nothing else, as check --fix does', async () => {
  const got = await actions(START, [], ['source.fixAll']);
  assert.deepEqual(
    got.map((a) => `${a.kind}: ${a.title}`),
    ['source.fixAll.gatewayLens: Fix all auto-fixable Gateway Lens problems'],
  );
  const fixed = apply(TEXT, got[0].edit!.changes[uri]);
  assert.equal(fixed, TEXT.replace('cookie.nmae=', 'cookie.name=').replace('interval=10 seconds', 'interval=10s'));
  assert.deepEqual(await actions(START, [], ['quickfix']), [], 'only quick fixes asked: none without diagnostics');
  assert.deepEqual(
    (await actions(START, [], ['source'])).map((a) => a.kind),
    ['source.fixAll.gatewayLens'],
  );
  assert.ok(
    !(await actions(START, [])).some((a) => a.kind === 'source.fixAll.gatewayLens'),
    'not computed on every cursor move',
  );
});

test('Suppress <code> on this line: a comment above the line, indented like it; the finding goes', async () => {
  const d = client.published.get(uri)!.diagnostics.find((x) => x.code === 'missing-port')!;
  const got = await actions(d.range, [d]);
  const suppress = got.find((a) => a.title === 'Suppress missing-port on this line');
  assert.ok(suppress, JSON.stringify(got.map((a) => a.title)));
  const text = apply(TEXT, suppress.edit!.changes[uri]);
  // web's finding is on its service name in the sticky label: the comment goes above that label.
  const sticky = '      - traefik.http.services.web.loadbalancer.sticky';
  assert.equal(text, TEXT.replace(sticky, `      # gateway-lens-disable-next-line missing-port\n${sticky}`));
  const next = client.nextDiagnostics(uri, (p) => codes(p).filter((c) => c === 'missing-port').length === 1);
  await client.change(uri, ++version, text);
  assert.deepEqual(codes(await next), ['invalid-value', 'missing-port', 'unknown-label']);
});

test('.gateway-lens.yaml: created, edited with an error on its key, fixed: picked up without a restart', async () => {
  const compose = (p: Published) => p.uri === uri;
  let next = client.nextDiagnostics(uri, (p) => compose(p) && !codes(p).includes('missing-port'));
  fs.writeFileSync(configFile, 'severity:\n  missing-port: off\n  unused-suppression: off\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(configFile).toString(), type: 1 }],
  });
  assert.deepEqual(codes(await next), ['invalid-value', 'unknown-label']);

  const configUri = pathToFileURL(configFile).toString();
  const onConfig = client.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
  next = client.nextDiagnostics(uri, (p) => codes(p).includes('missing-port'));
  fs.writeFileSync(configFile, 'severity:\n  missng-port: off\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: configUri, type: 2 }],
  });
  const problems = await onConfig;
  assert.deepEqual(
    problems.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
    [['invalid-config', 1, 2, 13]],
  );
  assert.match(problems.diagnostics[0].message, /did you mean "missing-port"\?/);
  await next;

  const cleared = client.nextDiagnostics(configUri, (p) => p.diagnostics.length === 0);
  fs.writeFileSync(configFile, 'severity:\n  missing-port: error\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: configUri, type: 2 }],
  });
  await cleared;
});
