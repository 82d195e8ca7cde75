// `gateway-lens check` loading one compose project as docker compose does: -f sets,
// --project-directory, the default names in the working directory (with their override),
// COMPOSE_FILE from .env or the environment with COMPOSE_PATH_SEPARATOR, --env-file, --profile
// and COMPOSE_PROFILES. Runs the built CLI on copies of test/fixtures/projects.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { built, ROOT } from '../support/build';
import { main } from '../../server/src/cli';
import { nodeIo } from '../../server/src/cli/command';

const CLI = built('cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'projects');

let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-project-'));
  fs.cpSync(FIXTURES, dir, { recursive: true });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function check(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): { files: string[]; status: number; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
  });
  const rows = r.stdout ? (JSON.parse(r.stdout) as { file: string; code: string }[]) : [];
  return { files: rows.map((x) => `${x.code} ${x.file}`).sort(), status: r.status ?? -1, stderr: r.stderr };
}

// The stripprefix-mismatch is judged once ${DOMAIN} in its router's rule is read from .env.
const BASE = [
  'invalid-value monitoring/compose.yaml',
  'stripprefix-mismatch compose.yaml',
  'undefined-entrypoint compose.yaml',
];
const SPLIT = [...BASE, 'undefined-middleware compose.override.yaml'];

test('no FILE in a project folder: compose.yaml, its override and its include', () => {
  assert.deepEqual(check(path.join(dir, 'gateway-split'), []).files, SPLIT);
});

test('--project-directory from elsewhere: the same project, paths shown from the working directory', () => {
  const r = check(dir, ['--project-directory', 'gateway-split']);
  assert.deepEqual(
    r.files,
    SPLIT.map((s) => s.replace(' ', ' gateway-split/')),
  );
});

test('-f: only the files given (no override), in their order', () => {
  const r = check(dir, ['-f', 'gateway-split/compose.yaml']);
  assert.deepEqual(
    r.files,
    BASE.map((s) => s.replace(' ', ' gateway-split/')),
  );
  assert.equal(r.status, 1);
});

test('COMPOSE_FILE from the environment and from .env, with COMPOSE_PATH_SEPARATOR', () => {
  const cwd = path.join(dir, 'gateway-split');
  assert.deepEqual(check(cwd, [], { COMPOSE_FILE: 'compose.yaml' }).files, BASE);
  const env = path.join(cwd, '.env');
  const original = fs.readFileSync(env, 'utf8');
  fs.writeFileSync(env, `${original}COMPOSE_FILE=compose.yaml,compose.override.yaml\nCOMPOSE_PATH_SEPARATOR=,\n`);
  try {
    assert.deepEqual(check(cwd, []).files, SPLIT);
    fs.writeFileSync(env, `${original}COMPOSE_FILE=compose.yaml\n`);
    assert.deepEqual(check(cwd, []).files, BASE);
    // An --env-file replaces .env.
    fs.writeFileSync(path.join(cwd, 'other.env'), 'DOMAIN=x\n');
    assert.deepEqual(check(cwd, ['--env-file', 'other.env']).files, SPLIT);
  } finally {
    fs.writeFileSync(env, original);
  }
});

test('--profile and COMPOSE_PROFILES start the services of a profile', () => {
  const cwd = path.join(dir, 'profiles');
  assert.deepEqual(check(cwd, []).files, []);
  assert.deepEqual(check(cwd, ['--profile', 'tools']).files, ['undefined-middleware compose.yaml']);
  assert.deepEqual(check(cwd, [], { COMPOSE_PROFILES: 'debug' }).files, [
    'route-conflict compose.yaml',
    'route-conflict compose.yaml',
  ]);
  assert.equal(check(cwd, ['--profile', 'debug', '--profile', 'tools']).files.length, 3);
});

test('-p / --project-name names the project as docker compose -p does, before COMPOSE_PROJECT_NAME', () => {
  const cwd = path.join(dir, 'project-name');
  const folder = ['network-unreachable docker-compose.yml', 'unknown-network docker-compose.yml'];
  assert.deepEqual(check(cwd, []).files, folder);
  assert.deepEqual(check(cwd, ['-p', 'foo']).files, []);
  assert.deepEqual(check(cwd, ['--project-name', 'foo'], { COMPOSE_PROJECT_NAME: 'other' }).files, []);
  assert.deepEqual(check(cwd, [], { COMPOSE_PROJECT_NAME: 'foo' }).files, []);
  assert.deepEqual(check(cwd, ['-f', 'docker-compose.yml', '-p', 'foo']).files, []);
});

test('bad usage: -f with FILE, a missing --env-file, no compose file', async () => {
  const cwd = path.join(dir, 'profiles');
  assert.equal(check(cwd, ['-f', 'compose.yaml', 'compose.yaml']).status, 2);
  // In-process: node itself reads a `--env-file` anywhere on its command line and exits 9 on a
  // missing one before the CLI runs (nodejs/node#54232).
  let stderr = '';
  const io = { ...nodeIo, cwd, out: () => undefined, err: (t: string) => void (stderr += t) };
  assert.equal(await main(['check', '--env-file', 'nope.env'], io), 2);
  assert.match(stderr, /cannot read nope\.env/);
  const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
  const none = check(empty, ['--project-directory', '.']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no compose file found/);
});

test('remote include: and extends: file: (oci://, git URLs) are not missing files; an information on each says it is not read', () => {
  const cwd = fs.mkdtempSync(path.join(dir, 'remote-'));
  fs.writeFileSync(
    path.join(cwd, 'compose.yaml'),
    [
      'include:',
      '  - oci://docker.io/example/stack:latest',
      '  - https://github.com/example/repo.git#main:compose.yaml',
      'services:',
      '  web:',
      '    image: nginx',
      '    extends: { file: "git@github.com:example/base.git", service: base }',
      '',
    ].join('\n'),
  );
  const r = check(cwd, []);
  // Information only: the exit status stays 0, nothing is a missing file, stderr stays quiet.
  assert.deepEqual([r.files, r.status, r.stderr], [Array(3).fill('remote-reference compose.yaml'), 0, '']);
});

test('FILE that the working directory’s project includes: checked in that project (its .env), its own findings only', () => {
  const cwd = fs.mkdtempSync(path.join(dir, 'included-'));
  fs.cpSync(path.join(dir, 'gateway-split'), cwd, { recursive: true });
  // The included folder's own .env lacks DOMAIN, which the including project's .env sets.
  fs.writeFileSync(path.join(cwd, 'monitoring', '.env'), 'OTHER=1\n');
  assert.deepEqual(check(cwd, ['monitoring/compose.yaml']).files, ['invalid-value monitoring/compose.yaml']);
  // Run from the included folder, the including project is out of sight: the folder's own project.
  assert.deepEqual(check(path.join(cwd, 'monitoring'), ['compose.yaml']).files, [
    'invalid-value compose.yaml',
    'undefined-variable compose.yaml',
  ]);
});

// One rule for a FILE given alone, whatever the subcommand (new-user trial min-11: `config
// compose.yaml` showed a router the override replaces; `project` listed the base file alone).
function run(cwd: string, args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
  });
  assert.equal(r.stderr, '', args.join(' '));
  return r.stdout;
}

test('one FILE means the same project for check, config, project and route: its override, the project including it', () => {
  const cwd = path.join(dir, 'gateway-split');
  // The default name: the folder's default project, with the override (the dashboard router).
  assert.match(run(cwd, ['config', 'compose.yaml']), /^ {2}dashboard@docker: {2}# compose\.override\.yaml:7/m);
  assert.match(
    run(cwd, ['project', 'compose.yaml']),
    /compose\.yaml {2}\(given on the command line\)\n {2}monitoring\/compose\.yaml {2}\(included by compose\.yaml\)\n {2}compose\.override\.yaml {2}\(the default names' override file\)/,
  );
  const dashboard = /^not loaded: dashboard@docker would match first/m;
  assert.match(run(cwd, ['route', 'compose.yaml', '--url', 'http://localhost/dashboard/']), dashboard);
  assert.doesNotMatch(run(cwd, ['route', '-f', 'compose.yaml', '--url', 'http://localhost/dashboard/']), dashboard);
  // An included file: the project that includes it (its .env, its override).
  assert.match(
    run(cwd, ['project', 'monitoring/compose.yaml']),
    /^ {2}compose\.yaml {2}\(the default project of \., which includes or extends the file given\)$/m,
  );
  assert.match(run(cwd, ['config', 'monitoring/compose.yaml']), /^ {2}dashboard@docker:/m);
  // -f still means exactly the files given.
  assert.doesNotMatch(run(cwd, ['config', '-f', 'compose.yaml']), /dashboard@docker/);
});

// Issue 11, min-11: traefik/ runs Traefik on the external network proxy; app/ and blog/ join it.
// Traefik's docker provider reads every container of the host, so app/'s router is judged by
// traefik/traefik.yml; with a second Traefik on proxy (host-traefik-two) it is judged alone.
test("a project without Traefik is judged by the run's one Traefik on its external network", () => {
  const cwd = path.join(dir, 'host-traefik');
  // blog/'s security-header@file is judged against traefik/dynamic, app/'s security-headers@file found there.
  const found = ['undefined-entrypoint app/compose.yaml', 'undefined-middleware blog/compose.yaml'];
  assert.deepEqual(check(cwd, []).files, found);
  assert.deepEqual(check(cwd, ['traefik/compose.yaml', 'app/compose.yaml']).files, [found[0]]);
  assert.deepEqual(check(cwd, ['traefik', 'app', 'blog']).files, found);
  // One project alone has no Traefik to be judged by.
  assert.deepEqual(check(cwd, ['app']).files, []);
  assert.deepEqual(check(cwd, ['blog']).files, []);
  assert.deepEqual(check(path.join(dir, 'host-traefik-two'), []), { files: [], status: 0, stderr: '' });
});
