// `gateway-lens project`: what Gateway Lens assembled for a fixture project, in-process, with the
// reasons (default names and their override, include:, extends:, .env, profiles, Docker names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli';
import { nodeIo, type Io } from '../../../server/src/cli/command';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'projects');

async function run(folder: string, args: string[], env: Record<string, string> = {}) {
  return runIn(path.join(FIXTURES, folder), args, env);
}

async function runIn(cwd: string, args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: Io = {
    ...nodeIo,
    cwd,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
  };
  const status = await main(['project', ...args], io);
  return { status, out, err };
}

test('project: the seed split gateway, file by file and why', async () => {
  const r = await run('gateway-split', []);
  assert.equal(r.status, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'Project musicshare (from the top-level name: of the compose files)');
  for (const line of [
    "  compose.yaml  (compose's default file names)",
    "  compose.override.yaml  (the default names' override file)",
    '  monitoring/compose.yaml  (included by compose.yaml)',
    "  .env  (the project's env file: 1 set)",
    '  the process environment, over the env files',
    'Active profiles: none',
    '  traefik  (compose.yaml + compose.override.yaml)',
    '  grafana  (monitoring/compose.yaml)',
  ])
    assert.ok(lines.includes(line), `${line}\n${r.out}`);
});

test('project: extended files name the services that extend them', async () => {
  const r = await run('extends', ['--format', 'json']);
  assert.equal(r.status, 0, r.err);
  const d = JSON.parse(r.out) as {
    files: { file: string; why: string }[];
    services: { name: string; files: string[] }[];
  };
  const base = d.files.find((f) => f.file.endsWith('shared/base.yml'));
  assert.match(base?.why ?? '', /^extended by service web \(compose\.yaml\), service api \(compose\.yaml\)/);
  const web = d.services.find((s) => s.name === 'web')!;
  assert.deepEqual(
    web.files.map((f) => path.relative(path.join(FIXTURES, 'extends'), f)),
    ['shared/base.yml', 'compose.yaml', 'compose.override.yaml'],
  );
});

test('project: profiles, active or not, and the project name from COMPOSE_PROJECT_NAME', async () => {
  const r = await run('profiles', ['--profile', 'debug'], { COMPOSE_PROJECT_NAME: 'shop' });
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /^Project shop \(from COMPOSE_PROJECT_NAME in the environment\)/);
  assert.match(r.out, /\nActive profiles: debug\n/);
  assert.match(r.out, /\n {2}debug {2}\(compose\.yaml\)\n/);
  assert.match(r.out, /\n {2}tools {2}\(compose\.yaml, not started: profile tools is not active\)\n/);
  assert.match(r.out, /\n {2}default {2}-> shop_default\n/);
});

test('project: a wrong format is a usage error', async () => {
  const r = await run('profiles', ['--format', 'sarif']);
  assert.equal(r.status, 2);
  assert.match(r.err, /unknown format 'sarif'/);
});

test('project: -f loads only the files given (no override), an --env-file instead of .env', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-project-'));
  try {
    fs.cpSync(path.join(FIXTURES, 'gateway-split'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'prod.env'), 'DOMAIN=example.org\nCOMPOSE_PROJECT_NAME=prod\n');
    const r = await runIn(dir, ['-f', 'compose.yaml', '--env-file', 'prod.env']);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /^Project prod \(from COMPOSE_PROJECT_NAME in prod\.env\)\n/);
    assert.match(
      r.out,
      /\nFiles, in merge order:\n {2}compose\.yaml {2}\(-f\)\n {2}monitoring\/compose\.yaml {2}\(included/,
    );
    assert.doesNotMatch(r.out, /compose\.override\.yaml/);
    assert.match(r.out, /\n {2}prod\.env {2}\(the project's env file: 2 set\)\n/);
    assert.doesNotMatch(r.out, /^ {2}\.env/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('project: one FILE is its project as for check (a default name brings its override), several FILEs are the project', async () => {
  const r = await run('extends', ['compose.yaml']);
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /\n {2}compose\.yaml {2}\(given on the command line\)\n/);
  assert.match(r.out, /\n {2}compose\.override\.yaml {2}\(the default names' override file\)\n/);
  assert.match(r.out, /\n {2}shared\/base\.yml {2}\(extended by service web/);
  const both = await run('extends', ['compose.yaml', 'shared/base.yml']);
  assert.equal(both.status, 0, both.err);
  assert.doesNotMatch(both.out, /compose\.override\.yaml/);
});

test('project: no compose file, or -f beside FILE, is a usage error', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-project-empty-'));
  try {
    const none = await runIn(empty, []);
    assert.equal(none.status, 2);
    assert.match(none.err, /no compose file found/);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
  const both = await run('extends', ['-f', 'compose.yaml', 'compose.yaml']);
  assert.equal(both.status, 2);
  assert.match(both.err, /not both/);
});
