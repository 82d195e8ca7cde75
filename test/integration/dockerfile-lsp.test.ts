// Editing a Dockerfile re-checks the compose files that build from it: the real server over
// stdio reads the Dockerfile of a local `build:` and hears of its changes through watched files.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { globMatcher } from '../../server/src/workspace';
import { WATCHED_FILE_GLOBS } from '../../server/src/protocol';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-dockerfile-'));
const client = new LspClient(process.execPath, [built('server.js'), '--stdio'], ROOT);

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const COMPOSE = `services:
  api:
    build:
      context: ./app
      dockerfile: api.Dockerfile
    labels:
      - "traefik.http.routers.api.rule=Host(\`api.example.com\`)"
`;

type Published = { diagnostics: Diagnostic[] };
const missingPort = (severity: number) => (p: Published) =>
  p.diagnostics.some((d) => d.code === 'missing-port' && d.severity === severity);

test('the watched files include Dockerfiles wherever they are and whatever their suffix', () => {
  const watched = WATCHED_FILE_GLOBS.map(globMatcher);
  for (const file of ['app/Dockerfile', 'Dockerfile.dev', 'docker/api.dockerfile', 'Containerfile', 'x/compose.yaml'])
    assert.ok(
      watched.some((match) => match(file)),
      file,
    );
  assert.ok(!watched.some((match) => match('src/main.ts')));
});

test(
  'a Dockerfile created, then given an EXPOSE: the compose file is re-checked each time',
  { timeout: 60_000 },
  async () => {
    const compose = path.join(dir, 'docker-compose.yml');
    const dockerfile = path.join(dir, 'app', 'api.Dockerfile');
    fs.writeFileSync(compose, COMPOSE);
    const uri = pathToFileURL(compose).href;
    const dockerfileUri = pathToFileURL(dockerfile).href;
    await client.initialize(dir);

    // No Dockerfile yet: the port cannot be known, an information only.
    const unseen = client.nextDiagnostics(uri, missingPort(3));
    await client.open(uri, 'dockercompose', COMPOSE);
    assert.match((await unseen).diagnostics[0].message, /app\/api\.Dockerfile cannot be seen/);

    // Created FROM an image that EXPOSEs nothing: Traefik drops the container.
    fs.mkdirSync(path.dirname(dockerfile));
    fs.writeFileSync(dockerfile, 'FROM python:3.12-slim\nCMD ["python", "-m", "app"]\n');
    const dropped = client.nextDiagnostics(uri, missingPort(2));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: dockerfileUri, type: 1 }],
    });
    await dropped;

    // Saved with an EXPOSE: the finding goes.
    fs.writeFileSync(dockerfile, 'FROM python:3.12-slim\nARG PORT=8000\nEXPOSE ${PORT}\nCMD ["python", "-m", "app"]\n');
    const clean = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: dockerfileUri, type: 2 }],
    });
    await clean;
  },
);
