// Files a hostile repository can put where Gateway Lens reads: a FIFO (opening it blocks until
// someone writes), a device (/dev/zero never ends), a file larger than the bound (sparse, so it
// costs no disk). The CLI and the server read regular files only, with a size limit, and say
// why they skipped one; neither hangs nor grows. Devices are mounted the way a compose file can.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built, ROOT } from '../support/build';
import { LspClient } from '../support/lspClient';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-hostile-'));
execFileSync('mkfifo', [path.join(dir, 'fifo.yml')]);
// 40 MiB without writing them: past the 32 MiB bound.
fs.writeFileSync(path.join(dir, 'big.yml'), '');
fs.truncateSync(path.join(dir, 'big.yml'), 40 * 2 ** 20);

const traefikMounting = (source: string): string => `services:
  traefik:
    image: traefik:v3.4
    volumes:
      - ${source}:/etc/traefik/traefik.yml:ro
  app:
    image: traefik/whoami
    labels:
      - "traefik.http.routers.app.rule=Host(\`app.example.com\`)"
      - "traefik.http.routers.app.entrypoints=web"
`;
function projectMounting(name: string, source: string): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'docker-compose.yml'), traefikMounting(source));
  return folder;
}
const devZero = projectMounting('zero', '/dev/zero');
const fifo = projectMounting('fifo', '../fifo.yml');
const big = projectMounting('big', '../big.yml');

after(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [built('cli.js'), ...args], { cwd: dir, timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({
        code: err ? Number((err as { code?: number }).code ?? 1) : 0,
        stdout,
        stderr,
        ms: Date.now() - started,
      }),
    );
  });
}

describe('the CLI', () => {
  const named = [
    { file: 'fifo.yml', reason: 'not a regular file (a FIFO)' },
    { file: '/dev/zero', reason: 'not a regular file (a character device)' },
    { file: 'big.yml', reason: 'larger than 32 MiB (40 MiB)' },
  ];
  for (const n of named) {
    test(`check ${n.file}: exit 2, "${n.reason}"`, async () => {
      const r = await cli(['check', n.file]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `gateway-lens: cannot read ${n.file}: ${n.reason}\n`);
    });
  }

  const mounted = [
    { folder: devZero, shown: '/dev/zero', reason: 'not a regular file (a character device)' },
    { folder: fifo, shown: 'fifo.yml', reason: 'not a regular file (a FIFO)' },
    { folder: big, shown: 'big.yml', reason: 'larger than 32 MiB (40 MiB)' },
  ];
  for (const m of mounted) {
    test(`a traefik.yml mounted from ${m.shown} is skipped with one line`, async () => {
      const r = await cli(['check', path.relative(dir, path.join(m.folder, 'docker-compose.yml'))]);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const shown = m.shown.startsWith('/') ? path.relative(dir, m.shown) : m.shown;
      assert.match(
        r.stderr,
        new RegExp(`not reading ${shown.replace(/[./]/g, '\\$&')}: ${m.reason.replace(/[()]/g, '\\$&')}`),
      );
      assert.ok(r.ms < 15_000);
    });
  }

  test('a folder that a COPY names is ordinary: no line', async () => {
    // trial5: an app's multi-stage Dockerfile with `COPY prisma ./prisma/` printed "not reading
    // backend/prisma: is a directory"; a Traefik image's `COPY dynamic /etc/traefik/dynamic` too.
    const folder = path.join(dir, 'copies');
    for (const sub of ['traefik/dynamic', 'backend/prisma']) fs.mkdirSync(path.join(folder, sub), { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'docker-compose.yml'),
      'services:\n  traefik:\n    build: ./traefik\n  backend:\n    build:\n      context: ./backend\n      target: production\n',
    );
    fs.writeFileSync(path.join(folder, 'traefik/Dockerfile'), 'FROM traefik:v3.4\nCOPY dynamic /etc/traefik/dynamic\n');
    fs.writeFileSync(path.join(folder, 'traefik/dynamic/m.yml'), 'http:\n  middlewares:\n    a:\n      headers: {}\n');
    fs.writeFileSync(
      path.join(folder, 'backend/Dockerfile'),
      'FROM node:20 AS build\nCOPY prisma ./prisma\nFROM node:20-slim AS production\nCOPY --from=build /prisma /prisma\nCOPY prisma ./prisma\n',
    );
    const r = await cli(['check', path.relative(dir, path.join(folder, 'docker-compose.yml'))]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal(r.stderr, '');
  });
});

describe('the server', { timeout: 60_000 }, () => {
  test('mounted devices, FIFOs and oversized files: diagnostics arrive, the reason is logged', async () => {
    const client = new LspClient(process.execPath, [built('server.js'), '--stdio'], ROOT);
    const logs: string[] = [];
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
    try {
      await client.initialize(dir);
      for (const [folder, source] of [
        [devZero, '/dev/zero'],
        [fifo, '../fifo.yml'],
        [big, '../big.yml'],
      ]) {
        const uri = pathToFileURL(path.join(folder, 'docker-compose.yml')).href;
        const published = client.nextDiagnostics(uri);
        await client.open(uri, 'dockercompose', traefikMounting(source));
        await published;
      }
      // The server still answers.
      const hover = await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: pathToFileURL(path.join(big, 'docker-compose.yml')).href },
        position: { line: 8, character: 30 },
      });
      assert.ok(hover);
      for (const reason of ['a character device', 'a FIFO', 'larger than 32 MiB']) {
        assert.ok(
          logs.some((l) => l.includes('not reading') && l.includes(reason)),
          `logged "${reason}": ${logs.join('\n')}`,
        );
      }
    } finally {
      await client.stop();
    }
  });
});
