// The project's .env as compose reads it for interpolation, through the real server (it reads the
// .env next to the compose file, re-checks when it changes on disk or is edited while open) and
// the real CLI (the project folder's .env, then the process environment over it).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { globMatcher } from '../../server/src/workspace';
import { WATCHED_FILE_GLOBS } from '../../server/src/protocol';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-env-'));
const client = new LspClient(process.execPath, [built('server.js'), '--stdio'], ROOT);

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const COMPOSE = `services:
  web:
    image: traefik/whoami
    labels:
      - "traefik.http.routers.web.rule=Host(\`x\`)"
      - "traefik.http.routers.web.middlewares=\${MW}"
      - "traefik.http.middlewares.auth.basicauth.users=u:p"
`;

type Published = { diagnostics: Diagnostic[] };
const undefinedMiddleware = (p: Published): boolean => p.diagnostics.some((d) => d.code === 'undefined-middleware');

test('the watched files include .env', () => {
  const watched = WATCHED_FILE_GLOBS.map(globMatcher);
  assert.ok(watched.some((match) => match('app/.env')));
});

test(
  'the server interpolates with the .env beside the compose file and re-checks when it changes',
  { timeout: 60_000 },
  async () => {
    const compose = path.join(dir, 'docker-compose.yml');
    const dotenv = path.join(dir, '.env');
    fs.writeFileSync(compose, COMPOSE);
    fs.writeFileSync(dotenv, 'MW=autth\n');
    const uri = pathToFileURL(compose).href;
    const envUri = pathToFileURL(dotenv).href;
    await client.initialize(dir);

    const typo = client.nextDiagnostics(uri, undefinedMiddleware);
    await client.open(uri, 'dockercompose', COMPOSE);
    const first = (await typo).diagnostics.find((d) => d.code === 'undefined-middleware')!;
    assert.match(first.message, /"autth"/);

    // Saved with the right name: the finding goes.
    fs.writeFileSync(dotenv, 'MW=auth\n');
    const clean = client.nextDiagnostics(uri, (p) => !undefinedMiddleware(p));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: envUri, type: 2 }],
    });
    await clean;

    // Opened and edited, not saved: the editor's text counts.
    const edited = client.nextDiagnostics(uri, undefinedMiddleware);
    await client.open(envUri, 'dotenv', 'MW=auth\n');
    await client.change(envUri, 2, 'MW=nope\n');
    assert.match((await edited).diagnostics.find((d) => d.code === 'undefined-middleware')!.message, /"nope"/);
  },
);

test(
  "an unsaved edit of an include's env_file re-checks the included file; a refused .env line is a diagnostic on it",
  { timeout: 60_000 },
  async () => {
    const sub = path.join(dir, 'included');
    fs.mkdirSync(sub);
    const compose = path.join(sub, 'compose.yaml');
    const other = path.join(sub, 'monitoring.yml');
    const stack = path.join(sub, 'stack.env');
    const dotenv = path.join(sub, '.env');
    const base = 'include:\n  - path: monitoring.yml\n    env_file: stack.env\nservices:\n  proxy:\n    image: nginx\n';
    fs.writeFileSync(compose, base);
    fs.writeFileSync(other, COMPOSE);
    fs.writeFileSync(stack, 'MW=auth\n');
    fs.writeFileSync(dotenv, 'A=1\n');
    const [uri, otherUri, stackUri, envUri] = [compose, other, stack, dotenv].map((f) => pathToFileURL(f).href);

    const clean = client.nextDiagnostics(otherUri, (p) => !undefinedMiddleware(p));
    await client.open(uri, 'dockercompose', base);
    await clean;

    // The include's env file, open and edited, not saved: the included file is judged with its text.
    const typo = client.nextDiagnostics(otherUri, undefinedMiddleware);
    await client.open(stackUri, 'dotenv', 'MW=auth\n');
    await client.change(stackUri, 2, 'MW=autth\n');
    assert.match((await typo).diagnostics.find((d) => d.code === 'undefined-middleware')!.message, /"autth"/);

    // A line compose refuses in the open .env: an error on that line of the .env, gone once fixed.
    const refused = client.nextDiagnostics(envUri, (p) => p.diagnostics.some((d) => d.code === 'invalid-env-file'));
    await client.open(envUri, 'dotenv', 'A=1\n');
    await client.change(envUri, 2, 'A=1\nACME EMAIL=me@example.com\n');
    const d = (await refused).diagnostics.find((x) => x.code === 'invalid-env-file')!;
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
    const fixed = client.nextDiagnostics(envUri, (p) => p.diagnostics.length === 0);
    await client.change(envUri, 3, 'A=1\nACME_EMAIL=me@example.com\n');
    await fixed;
  },
);

test('the CLI reads the project folder .env, and the process environment wins over it', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-env-cli-'));
  try {
    fs.writeFileSync(path.join(project, 'docker-compose.yml'), COMPOSE);
    fs.writeFileSync(path.join(project, '.env'), 'MW=autth\n');
    const run = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, [built('cli.js'), 'check', '--format', 'json', 'docker-compose.yml'], {
        cwd: project,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...env },
      });
      return (JSON.parse(r.stdout) as { code: string; message: string }[]).filter(
        (f) => f.code === 'undefined-middleware',
      );
    };
    const fromFile = run({});
    assert.equal(fromFile.length, 1);
    assert.match(fromFile[0].message, /"autth"/);
    assert.deepEqual(run({ MW: 'auth' }), []);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});
