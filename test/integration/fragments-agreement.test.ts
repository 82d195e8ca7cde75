// Compose fragments (files compose refuses alone) are judged alike by `gateway-lens check` and
// the editor (issue 11, project grouping; test/fixtures/projects/fragments): each over the base
// below it, keeping only what holds with the other fragments over that base too. The real server
// over stdio and the real CLI bundle: the same findings (code, file, range) from both, and none
// of the network-unreachable / undefined-middleware errors another fragment settles.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built, ROOT } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'projects', 'fragments');
const FILES = [
  'compose.yaml',
  'services/app/compose.yaml',
  'services/auth/compose.yaml',
  'services/net/compose.yaml',
  'stack/compose.yml',
  'stack/compose.edge.yml',
  'stack/compose.whoami.yml',
];
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

const dirs: string[] = [];
const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-fragments-'));
  dirs.push(parent);
  const ws = path.join(parent, 'homelab');
  fs.cpSync(FIXTURE, ws, { recursive: true });
  fs.rmSync(path.join(ws, 'README.md'));
  return ws;
}

const row = (file: string, d: Diagnostic): string =>
  `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 0]} ${String(d.code)}`;

/** `gateway-lens check --format json ARGS` in `ws`, without the shell's variables (the editor has none). */
function cli(ws: string, args: string[]): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [built('cli.js'), 'check', '--format', 'json', ...args], {
      cwd: ws,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
  } catch (err) {
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  const found = JSON.parse(out) as {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
  }[];
  return found.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.code}`).sort();
}

const EXPECTED = [
  // The real mistakes, each in its fragment; nothing another fragment of the set settles.
  'services/app/compose.yaml:9:46-9:50 error undefined-entrypoint',
  'stack/compose.whoami.yml:6:49-6:53 warning undefined-middleware',
];

test('check DIR over fragments: only what holds in the whole -f set', () => {
  const ws = workspace();
  assert.deepEqual(cli(ws, ['.']), EXPECTED);
  // A fragment given alone is the same project as found under the folder.
  assert.deepEqual(cli(ws, ['services/app/compose.yaml']), EXPECTED.slice(0, 1));
  assert.deepEqual(cli(ws, ['stack/compose.whoami.yml']), EXPECTED.slice(1));
});

test('the editor shows on each fragment what `check .` prints', { timeout: 120_000 }, async () => {
  const ws = workspace();
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio'], ROOT);
  clients.push(client);
  client.settings = { gatewayLens: { check: 'workspace' } };
  const uri = (f: string): string => pathToFileURL(path.join(ws, f)).href;
  const shown = Promise.all(FILES.map((f) => client.nextDiagnostics(uri(f), () => true, 90_000)));
  await client.initialize(ws);
  await shown;
  const editor = FILES.flatMap((f) => client.published.get(uri(f))!.diagnostics.map((d) => row(f, d))).sort();
  assert.deepEqual(editor, cli(ws, ['.']));
});

test('openFiles: a fragment opened alone shows what `check FILE` prints', { timeout: 60_000 }, async () => {
  const ws = workspace();
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio'], ROOT);
  clients.push(client);
  client.settings = { gatewayLens: { check: 'openFiles' } };
  await client.initialize(ws);
  for (const file of ['services/app/compose.yaml', 'stack/compose.whoami.yml']) {
    const shown = client.nextDiagnostics(uri(ws, file));
    await client.open(uri(ws, file), 'dockercompose', fs.readFileSync(path.join(ws, file), 'utf8'));
    const rows = (await shown).diagnostics.map((d) => row(file, d)).sort();
    assert.deepEqual(rows, cli(ws, [file]), file);
  }
});

function uri(ws: string, file: string): string {
  return pathToFileURL(path.join(ws, file)).href;
}
