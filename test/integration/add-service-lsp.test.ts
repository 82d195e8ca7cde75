// "Add Service to Gateway" over the real language server (dist/server.js, stdio): the choices,
// a refused request, and the edit that, applied as the editor would, leaves the file clean.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  AddServiceChoicesRequest,
  AddServiceRequest,
  type AddServiceParams,
  type TextEditData,
} from '../../server/src/protocol';
import { LspClient } from '../support/lspClient';

const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');
const TEXT = `services:
  traefik:
    image: traefik:v3.7
    command:
      - --providers.docker.exposedByDefault=false
      - --entrypoints.web.address=:80
      - --entrypoints.websecure.address=:443
    networks:
      - backend_net
  userservice:
    image: users
    expose:
      - "8002"
    networks:
      - backend_net
    labels:
      - "traefik.enable=true"
      - "traefik.http.routers.userservice.rule=PathPrefix(\`/api/users\`)"
      - "traefik.http.routers.userservice.entrypoints=websecure"
      - "traefik.http.routers.userservice.tls=true"
      - "traefik.http.services.userservice.loadbalancer.server.port=8002"
  search:
    image: search
    expose:
      - "8084"
    networks:
      - backend_net
networks:
  backend_net: {}
`;

let client: LspClient;
let dir: string;
let uri: string;

/** Applies LSP edits (non-overlapping) to a text, as an editor does. */
function applyLsp(text: string, edits: TextEditData[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'npm run build first (npm test does)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-add-service-'));
  const file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(file, TEXT);
  uri = pathToFileURL(file).toString();
  client = new LspClient(process.execPath, [SERVER, '--stdio']);
  await client.initialize(dir);
  const first = client.nextDiagnostics(uri);
  await client.open(uri, 'dockercompose', TEXT);
  assert.deepEqual((await first).diagnostics, []);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the choices: the file services with their ports, the static config entry points', async () => {
  const choices = await client.connection.sendRequest(AddServiceChoicesRequest, { uri });
  assert.ok(choices);
  assert.deepEqual(
    choices.services.map((s) => [s.name, s.ports, s.routed]),
    [
      ['traefik', [], false],
      ['userservice', [8002], true],
      ['search', [8084], false],
    ],
  );
  assert.deepEqual(
    choices.entryPoints.map((e) => e.name),
    ['websecure', 'web'],
  );
  assert.deepEqual(choices.defaults, { entryPoint: 'websecure', tls: true });
});

test('a request the core refuses comes back as its message, not as an edit', async () => {
  const params: AddServiceParams = {
    uri,
    service: 'search',
    pathPrefix: 'api/search',
    port: 8084,
    strip: true,
    entrypoint: 'websecure',
    tls: true,
  };
  const result = await client.connection.sendRequest(AddServiceRequest, params);
  assert.deepEqual(result, { error: 'The path prefix must start with "/" and hold no blanks, quotes or commas.' });
});

test('the edit, applied, routes the service and the next diagnostics are clean', async () => {
  const params: AddServiceParams = {
    uri,
    service: 'search',
    pathPrefix: '/api/search',
    port: 8084,
    strip: true,
    entrypoint: 'websecure',
    tls: true,
    replicas: 2,
  };
  const result = await client.connection.sendRequest(AddServiceRequest, params);
  assert.ok('edit' in result, JSON.stringify(result));
  assert.deepEqual(Object.keys(result.edit.changes), [uri]);
  const after = applyLsp(TEXT, result.edit.changes[uri]);
  for (const label of [
    '"traefik.http.routers.search.rule=PathPrefix(`/api/search`)"',
    '"traefik.http.routers.search.middlewares=search-stripprefix"',
    '"traefik.http.middlewares.search-stripprefix.stripprefix.prefixes=/api/search"',
    '"traefik.http.services.search.loadbalancer.server.port=8084"',
    'replicas: 2',
  ])
    assert.ok(after.includes(label), `${label} in:\n${after}`);
  assert.equal(after.slice(0, TEXT.indexOf('  search:')), TEXT.slice(0, TEXT.indexOf('  search:')));
  const next = client.nextDiagnostics(uri, (p) => p.version === 2);
  await client.change(uri, 2, after);
  assert.deepEqual((await next).diagnostics, []);
});

test('a new service: the answer marks its image, which only the user knows, for the cursor', async () => {
  // Back to the original text (the test before applied its edit).
  const reset = client.nextDiagnostics(uri, (p) => p.version === 3);
  await client.change(uri, 3, TEXT);
  await reset;
  const params: AddServiceParams = {
    uri,
    service: 'lyrics',
    pathPrefix: '/api/lyrics',
    port: 8086,
    strip: true,
    entrypoint: 'websecure',
    tls: true,
  };
  const result = await client.connection.sendRequest(AddServiceRequest, params);
  assert.ok('edit' in result && result.select, JSON.stringify(result));
  const after = applyLsp(TEXT, result.edit.changes[uri]);
  const line = after.split('\n')[result.select.start.line];
  assert.equal(result.select.start.line, result.select.end.line);
  assert.equal(line.slice(result.select.start.character, result.select.end.character), 'lyrics:latest');
});
