// The CLI as people install it: `npm pack`, the tarball installed into an empty folder with the
// registry pointed at an unreachable address (nothing may be fetched), then `npx gateway-lens`
// there: --version, --help of a subcommand, and check on an example copied next to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/build';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  files?: string[];
};

let dir = '';
let app = '';
/** npm with its cache in the temp folder and a registry nothing listens on. */
const npmEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  npm_config_cache: path.join(dir, 'cache'),
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
});

function npm(cwd: string, ...args: string[]) {
  return spawnSync('npm', args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: 240000 });
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-pack-'));
  app = path.join(dir, 'app');
  fs.mkdirSync(app);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('package.json: publishable, with no dependency fetched at install time', () => {
  assert.notEqual(pkg.private, true);
  assert.deepEqual(
    pkg.dependencies ?? {},
    {},
    'the bundles in dist/ carry everything; keep libraries in devDependencies',
  );
});

test('npm pack, install offline into an empty folder, npx gateway-lens check', () => {
  // prepack builds dist/ first, so the tarball never holds stale bundles.
  const packed = npm(ROOT, 'pack', '--pack-destination', dir, '--json');
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const tarball = path.join(dir, path.basename(info.filename));
  const names = info.files.map((f) => f.path);
  assert.ok(names.includes('dist/cli.js') && names.includes('README.md') && names.includes('LICENSE'));
  assert.ok(
    !names.some((n) => n.startsWith('server/') || n.startsWith('test/') || n.endsWith('.map')),
    names.join(' '),
  );

  fs.writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
  const installed = npm(app, 'install', '--offline', tarball);
  assert.equal(installed.status, 0, installed.stderr);

  const npx = (...args: string[]) => {
    const r = spawnSync('npx', ['--offline', '--no-install', 'gateway-lens', ...args], {
      cwd: app,
      env: npmEnv(),
      encoding: 'utf8',
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  assert.equal(npx('--version').stdout, `${pkg.version}\n`);
  const help = npx('check', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: gateway-lens check \[options\] \[FILE\.\.\.\]/);
  assert.match(npx('route', '--help').stdout, /^Usage: gateway-lens route/);

  fs.cpSync(path.join(ROOT, 'examples', 'musicshare-broken'), path.join(app, 'musicshare-broken'), { recursive: true });
  const broken = npx('check', 'musicshare-broken/docker-compose.yml');
  assert.equal(broken.status, 1, broken.stderr);
  assert.match(broken.stdout, /musicshare-broken\/docker-compose\.yml:62:71: error unknown-label: /);
  fs.cpSync(path.join(ROOT, 'examples', 'musicshare'), path.join(app, 'musicshare'), { recursive: true });
  const clean = npx('check', '--format', 'sarif', 'musicshare/docker-compose.yml');
  assert.equal(clean.status, 0, clean.stderr);
  assert.equal((JSON.parse(clean.stdout) as { runs: { results: unknown[] }[] }).runs[0].results.length, 0);
});
