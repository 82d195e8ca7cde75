// Lazy loading (issue #7's activation target): dist/client.js carries neither dockerode nor the
// Traefik API client; dist/live.js has them and loads in plain node, without vscode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
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
