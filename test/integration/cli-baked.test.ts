// `gateway-lens check` on small fixture projects (test/fixtures/projects): a Traefik built from
// the project's Dockerfile is the project's Traefik for every check; a Traefik v1 file under a v3
// image is reported once; a file provider's Go templates are judged only where what Traefik
// renders is known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { built, ROOT } from '../support/build';

const CLI = built('cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'projects');

function check(project: string): { rows: string[]; status: number; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json'], {
    cwd: path.join(FIXTURES, project),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
  });
  const found = r.stdout ? (JSON.parse(r.stdout) as { file: string; code: string; severity: string }[]) : [];
  return {
    rows: found.map((x) => `${x.severity} ${x.code} ${x.file}`).sort(),
    status: r.status ?? -1,
    stderr: r.stderr,
  };
}

test('a Traefik built FROM traefik:v3.1: network reach, the dashboard loop, its COPYed traefik.yml, no missing-port', () => {
  const r = check('baked-traefik');
  assert.deepEqual(r.rows, [
    'error dashboard-loop compose.yaml',
    'error network-unreachable compose.yaml',
    'error unknown-static-key traefik/traefik.yml',
  ]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
});

test('a Traefik v1 traefik.toml under traefik (v3): one error naming the node Traefik stops on', () => {
  const r = check('v1-toml-under-v3');
  assert.deepEqual(r.rows, ['error unknown-static-key traefik.toml']);
  assert.equal(r.stderr, '');
});

test('file-provider templates: rules from templated anchors are not judged, the same plain rule twice still is', () => {
  const r = check('file-templates');
  assert.deepEqual(r.rows, ['error route-conflict dynamic/routers.yml', 'error route-conflict dynamic/routers.yml']);
  assert.equal(r.stderr, '');
});

test('a template action with YAML-escaped quotes: Traefik cannot render the file, its middleware is lost', () => {
  const r = check('file-template-escaped');
  assert.deepEqual(r.rows, ['error invalid-dynamic-file dynamic.yml', 'error undefined-middleware compose.yaml']);
  assert.equal(r.stderr, '');
});

test('an app with only Traefik v1 labels and no Traefik seen: one traefik-v1 information', () => {
  const r = check('v1-labels-app');
  assert.deepEqual(r.rows, ['info traefik-v1 compose.yaml']);
  assert.equal(r.status, 0);
});
