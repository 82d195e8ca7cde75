// scripts/setup-test-env.sh, the first step of `npm test`: with fake dpkg-query, apt-get, id
// and sudo first on PATH (nothing is installed for real) and a prepared code-server cache. It
// installs what is missing and says so, installs nothing the second time, and fails with the
// command to run when it is not root.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/build';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-setup-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const bin = path.join(dir, 'bin');
const state = path.join(dir, 'installed');
const calls = path.join(dir, 'apt-calls');
fs.mkdirSync(bin);
const tool = (name: string, body: string): void =>
  fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
// dpkg-query -W -f=... PKG: "ii " when PKG is listed in $state; a removed one says "rc ".
tool(
  'dpkg-query',
  `for p; do :; done; if grep -qx "$p" "${state}"; then printf 'ii '; elif [ "$p" = docker.io ]; then printf 'rc '; else exit 1; fi`,
);
// apt-get ... install ... PKGS: records the call and "installs" the packages.
tool(
  'apt-get',
  `echo "$*" >> "${calls}"; case "$*" in *install*) for a; do case "$a" in -*|install|DPkg*|Acquire*) ;; *) echo "$a" >> "${state}";; esac; done;; esac`,
);
tool('id', 'echo "${FAKE_UID:-0}"');
tool('sudo', 'exit 1');

// A complete code-server cache, so the code-server step is a cache hit.
const cache = path.join(dir, 'cache');
const entry = path.join(cache, 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
fs.mkdirSync(path.dirname(entry), { recursive: true });
fs.writeFileSync(entry, '');
fs.writeFileSync(path.join(cache, 'code-server-4.100.3', '.complete'), '');

const ALL = ['docker.io', 'docker-compose', 'busybox-static', 'chromium', 'build-essential', 'python3', 'pkg-config'];
const LIBS = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep'];

function run(uid = 0) {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-test-env.sh')], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FAKE_UID: String(uid), GATEWAY_LENS_CACHE: cache },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr, apt: fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : '' };
}

test('not root and packages missing: exit 1 with the packages and the command to run', () => {
  fs.writeFileSync(state, LIBS.join('\n') + '\n');
  const r = run(1000);
  assert.equal(r.code, 1);
  // docker.io is only "rc" (removed, config files left): missing too.
  assert.match(
    r.stderr,
    /not installed: docker\.io docker-compose busybox-static chromium build-essential python3 pkg-config/,
  );
  assert.match(r.stderr, /sudo apt-get install -y --no-install-recommends docker\.io/);
  assert.equal(r.apt, '');
});

test('root: installs exactly the missing packages and says so; the second run installs nothing', () => {
  fs.writeFileSync(state, LIBS.join('\n') + '\n');
  const first = run();
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, new RegExp(`installing system packages: ${ALL.join(' ')}`));
  assert.match(first.stderr, /code-server 4\.100\.3 already installed/);
  assert.equal(first.apt.split('\n').filter((l) => / install /.test(` ${l} `)).length, 1);
  assert.match(first.apt, /update/);

  fs.rmSync(calls);
  const second = run();
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /system packages: all 12 installed/);
  assert.equal(second.apt, '', 'apt-get is not run again');
});

test('apt-get failing: exit 1 naming what failed', () => {
  fs.writeFileSync(state, '');
  tool('apt-get', 'exit 100');
  const r = run();
  assert.equal(r.code, 1);
  assert.match(r.stderr, /apt-get update failed/);
});
