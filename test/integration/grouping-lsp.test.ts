// The editor groups a folder's compose files as docker compose loads them, over stdio with a
// real LSP client, on the files of tiangolo/full-stack-fastapi-postgresql
// (test/fixtures/projects/grouping-fsfp, trial P13): docker-compose.yml + its override are the
// folder's project, docker-compose.traefik.yml a project of its own. No false error, and the
// editor shows on each file what `gateway-lens check` (no argument, or the file alone) prints.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = built('server.js');
const CLI = built('cli.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'projects', 'grouping-fsfp');
const FILES = ['docker-compose.yml', 'docker-compose.override.yml', 'docker-compose.traefik.yml'];
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

const tmpDirs: string[] = [];
const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The fixture in a folder named fsfp (the project name both sides derive from it). */
function workspace(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-grouping-'));
  tmpDirs.push(parent);
  const ws = path.join(parent, 'fsfp');
  fs.cpSync(FIXTURE, ws, { recursive: true });
  return ws;
}

const line = (file: string, d: Diagnostic): string =>
  `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 0]} ${String(d.code)}: ${d.message}`;

/** `gateway-lens check --format json` in `ws`, without the shell's variables (the editor has none). */
function cli(ws: string, args: string[]): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], {
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
    severity: string;
    code: string;
    message: string;
  }[];
  return found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`).sort();
}

test(
  'editor grouping: base + override is one project, docker-compose.traefik.yml another',
  { timeout: 60_000 },
  async () => {
    const ws = workspace();
    const client = new LspClient(process.execPath, [SERVER, '--stdio'], ROOT);
    clients.push(client);
    const uri = (f: string): string => pathToFileURL(path.join(ws, f)).href;
    const shown = Promise.all(FILES.map((f) => client.nextDiagnostics(uri(f))));
    await client.initialize(ws);
    await shown;
    const editor = (files: string[]): string[] =>
      files.flatMap((f) => client.published.get(uri(f))!.diagnostics.map((d) => line(f, d))).sort();

    const all = editor(FILES);
    assert.deepEqual(
      all.filter((l) => / error /.test(l)),
      [],
      'no error: one Traefik per project, no https-redirect defined twice',
    );
    assert.ok(!all.some((l) => /route-conflict|"proxy" shares no network/.test(l)), all.join('\n'));
    // `gateway-lens check` with no argument loads what docker compose loads: the same findings.
    assert.deepEqual(editor(FILES.slice(0, 2)), cli(ws, []));
    assert.ok(cli(ws, []).length > 0, 'the default project has findings to compare');
    // The separate stack, checked alone as `docker compose -f docker-compose.traefik.yml` loads it.
    assert.deepEqual(editor(FILES.slice(2)), cli(ws, [FILES[2]]));

    // Opened, the alternative file still answers from its own project.
    const text = fs.readFileSync(path.join(ws, FILES[2]), 'utf8');
    const reopened = client.nextDiagnostics(uri(FILES[2]));
    await client.open(uri(FILES[2]), 'dockercompose', text);
    assert.deepEqual((await reopened).diagnostics.map((d) => line(FILES[2], d)).sort(), cli(ws, [FILES[2]]));
  },
);
