// `gateway-lens live` against a local server answering with Traefik's fixtures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { fixture, startFakeTraefik, type FakeTraefik } from '../../support/fakeTraefik';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
let fake: FakeTraefik;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

before(async () => {
  assert.ok(fs.existsSync(CLI), 'npm run build first (npm test does)');
  fake = await startFakeTraefik();
});

after(() => fake.close());

test('live --format json prints routers, services and middlewares', async () => {
  const r = await cli([
    'live',
    '--api',
    fake.url,
    '--docker-host',
    'unix:///nonexistent/docker.sock',
    '--format',
    'json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    traefik: { kind: string };
    docker: { kind: string };
    routers: { name: string }[];
    services: unknown[];
  };
  assert.equal(out.traefik.kind, 'connected');
  assert.equal(out.docker.kind, 'unreachable');
  assert.deepEqual(
    out.routers.map((x) => x.name).sort(),
    fixture<{ name: string }[]>('routers.json')
      .map((x) => x.name)
      .sort(),
  );
});

test('live text output names Traefik and the routers', async () => {
  const r = await cli(['live', '--api', fake.url, '--docker-host', 'unix:///nonexistent/docker.sock']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Connected to Traefik 3\.7\.9/);
  assert.match(r.stdout, /test@myprovider/);
});

test('live exits 2 with one line when Traefik cannot be reached', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const r = await cli([
    'live',
    '--api',
    `http://127.0.0.1:${port}`,
    '--docker-host',
    'unix:///nonexistent/docker.sock',
  ]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /unreachable/);
});

test('live rejects a bad format', async () => {
  const r = await cli(['live', '--format', 'xml']);
  assert.equal(r.code, 2);
});
