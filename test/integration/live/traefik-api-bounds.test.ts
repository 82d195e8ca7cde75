// A hostile or broken server at the API URL: endless X-Next-Page, a 200 MB body, credentials in
// the URL, terminal escape sequences in the names it returns. Each ends as a state or printable
// text within bounds; none is echoed, none grows memory without end. All on 127.0.0.1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'child_process';
import { shownUrl, TraefikApi } from '../../../live/traefik/api';
import { describeState } from '../../../live/traefik/types';
import { built } from '../../support/build';
import { defaultState, startFakeTraefik, type FakeTraefik } from '../../support/fakeTraefik';

let fake: FakeTraefik;
before(async () => (fake = await startFakeTraefik()));
after(() => fake.close());

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const file = built('cli.js');
    execFile(
      process.execPath,
      [file, ...args],
      { timeout: 30_000, env: { ...process.env, ...env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('an endless X-Next-Page stops after the page bound and is the state "too-large"', async () => {
  fake.state = Object.assign(defaultState(), { mode: 'endless-pages' as const });
  const started = Date.now();
  const snap = await new TraefikApi({ baseUrl: fake.url }).snapshot();
  assert.equal(snap.state.kind, 'too-large');
  assert.match(describeState(snap.state), /X-Next-Page/);
  const pages = fake.state.requests.filter((r) => r.startsWith('/api/http/routers')).length;
  assert.ok(pages <= 100, `${pages} pages of routers read`);
  assert.ok(Date.now() - started < 20_000);
});

test('a 200 MB body is cut at the answer bound and is the state "too-large"', async () => {
  fake.state = Object.assign(defaultState(), { mode: 'stream' as const });
  const before = process.memoryUsage().rss;
  const snap = await new TraefikApi({ baseUrl: fake.url }).snapshot();
  assert.equal(snap.state.kind, 'too-large');
  assert.match(describeState(snap.state), /more than \d+ bytes/);
  // Five lists stream at once; each is cut at 16 MiB, the snapshot at 64 MiB.
  const grown = (process.memoryUsage().rss - before) / 2 ** 20;
  assert.ok(grown < 150, `RSS grew ${Math.round(grown)} MiB`);
});

test('credentials in the URL are sent, and never shown', async () => {
  fake.state = Object.assign(defaultState(), { credentials: 'admin:s3cret-pw', authorizations: [] });
  const withCreds = fake.url.replace('http://', 'http://admin:s3cret-pw@');
  const snap = await new TraefikApi({ baseUrl: withCreds }).snapshot();
  assert.equal(snap.state.kind, 'connected');
  assert.equal(snap.state.url, fake.url);
  assert.equal(fake.state.authorizations![0], `Basic ${Buffer.from('admin:s3cret-pw').toString('base64')}`);
  assert.equal(shownUrl('http://u:p@[::1]:8080/traefik/'), 'http://[::1]:8080/traefik');
  assert.equal(shownUrl('not a url //u:p@x'), 'not a url //x');

  // Refused, unreachable and the CLI's one-line reason: the password appears nowhere.
  fake.state.credentials = 'admin:other';
  const refused = await new TraefikApi({ baseUrl: withCreds }).snapshot();
  assert.equal(refused.state.kind, 'unauthorized');
  assert.doesNotMatch(describeState(refused.state), /s3cret/);
  for (const api of [withCreds, 'http://admin:s3cret-pw@127.0.0.1:1']) {
    const r = await cli(['live', '--api', api, '--docker-host', 'unix:///nonexistent/docker.sock']);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stdout + r.stderr, /s3cret/);
    assert.match(r.stderr, /127\.0\.0\.1/);
  }
});

test('gateway-lens live prints names from the API without terminal escape sequences', async () => {
  fake.state = defaultState();
  fake.state.lists['/api/http/routers'] = [
    {
      name: 'evil\x1b]0;owned\x07\x1b[2J\x9b31m\u202e@docker',
      provider: 'docker',
      status: 'enabled',
      rule: 'Host(`a`)\r\nfake line',
      entryPoints: ['web'],
      service: 'x\x1b[8m',
    } as { name: string },
  ];
  for (const format of ['text', 'json']) {
    const r = await cli([
      'live',
      '--api',
      fake.url,
      '--docker-host',
      'unix:///nonexistent/docker.sock',
      '--format',
      format,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\x1b\x9b\u202e\r]|\\u001b|\\u009b/, format);
    assert.match(r.stdout, /evil/);
    if (format === 'text') assert.doesNotMatch(r.stdout, /\nfake line/);
  }
});
