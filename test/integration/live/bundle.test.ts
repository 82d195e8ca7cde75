// Lazy loading (issue #7's activation target): dist/client.js carries neither dockerode nor the
// Traefik API client; dist/live.js has them and loads in plain node, without vscode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { built } from '../../support/build';

// Strings only these modules contain: dockerode's transport, and the API client's pagination.
const MARKERS: [string, RegExp][] = [
  ['dockerode (docker-modem)', /docker-modem/],
  ['dockerode (its Docker.prototype.listContainers)', /listContainers/],
  ['the Traefik API client (X-Next-Page pagination)', /x-next-page/i],
];

test('dist/client.js does not bundle the live view', () => {
  const client = fs.readFileSync(built('client.js'), 'utf8');
  const live = fs.readFileSync(built('live.js'), 'utf8');
  for (const [what, marker] of MARKERS) {
    // assert.ok rather than match: a failure should name the module, not print the bundle.
    assert.ok(!marker.test(client), `dist/client.js contains ${what}`);
    // The marker is real: the lazily loaded bundle has it.
    assert.ok(marker.test(live), `dist/live.js lacks ${what}`);
  }
  assert.match(client, /"dist", "live\.js"/, 'the client loads dist/live.js at run time');
});

test('dist/live.js loads in plain node and exposes what the view and commands use', () => {
  const file = built('live.js');
  const script = `const l = require(${JSON.stringify(file)});
    const s = new l.LiveSession({ api: { baseUrl: 'http://127.0.0.1:1' }, dockerHost: 'unix:///nonexistent.sock', intervalMs: 0 });
    s.dispose();
    process.stdout.write(JSON.stringify(['LiveSession','TraefikApi','DockerClient','decideScale','executeScale','routerNodes','liveProblems'].map((k) => typeof l[k])));`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.deepEqual(JSON.parse(out), [
    'function',
    'function',
    'function',
    'function',
    'function',
    'function',
    'function',
  ]);
});

/**
 * What a command loaded of dockerode: ssh2 (under it) requires its native helpers
 * (cpu-features, *.node) outside the bundle when it loads, and a preloaded hook sees them.
 */
function nativeHelpersLoaded(args: string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-bundle-'));
  try {
    const hook = path.join(dir, 'hook.js');
    fs.writeFileSync(
      hook,
      `const M = require('module'); const load = M._load;
       M._load = function (request, ...rest) {
         if (request === 'cpu-features' || request.endsWith('.node')) process.stderr.write('native ' + request + '\\n');
         return load.call(this, request, ...rest);
       };`,
    );
    const compose = path.join(dir, 'compose.yaml');
    fs.writeFileSync(compose, 'services:\n  app:\n    image: nginx\n');
    const run = spawnSync(process.execPath, ['-r', hook, ...args.map((a) => a.replace('COMPOSE', compose))], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.error, undefined);
    return run.stderr.split('\n').filter((l) => l.startsWith('native '));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('dist/cli.js bundles the live clients statically but loads dockerode only for a Docker client', () => {
  const cli = built('cli.js');
  assert.ok(/docker-modem/.test(fs.readFileSync(cli, 'utf8')), 'dist/cli.js lacks dockerode');
  assert.deepEqual(nativeHelpersLoaded([cli, 'check', 'COMPOSE']), [], 'check loaded dockerode');
  // The hook is real: making a Docker client loads them.
  const live = JSON.stringify(built('live.js'));
  const made = nativeHelpersLoaded(['-e', `new (require(${live}).DockerClient)('unix:///nonexistent.sock')`]);
  assert.ok(made.includes('native cpu-features'), made.join(', '));
});
