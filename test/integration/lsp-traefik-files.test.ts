// Traefik's own files opened with the Compose language id (Docker's extension gives it by name
// patterns, and users associate *.yml with it): the static configuration a project mounts and a
// file of the file provider's directory get no compose-spec findings, complete or half-typed;
// the dynamic file keeps its own findings (unknown-dynamic-key). Over stdio, pulled as VS Code does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const FILES: Record<string, string> = {
  'compose.yaml': `services:
  traefik:
    image: traefik:v3.1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - ./traefik.yml:/etc/traefik/traefik.yml:ro
      - ./dynamic:/etc/traefik/dynamic:ro
  whoami:
    image: traefik/whoami:v1.10
    labels:
      - traefik.http.routers.who.rule=Host(\`who.example\`)
      - traefik.http.routers.who.middlewares=secure@file
`,
  'traefik.yml': `entryPoints:
  web:
    address: ":80"
providers:
  docker: {}
  file:
    directory: /etc/traefik/dynamic
log:
  level: INFO
`,
  'dynamic/routes.yml': `http:
  middlewares:
    secure:
      headers:
        stsSecond: 31536000
tls:
  options:
    default:
      minVersion: VersionTLS12
`,
};

let dir: string;
let client: LspClient;
const uri = (file: string): string => pathToFileURL(path.join(dir, file)).href;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-traefik-files-'));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  client.settings = { gatewayLens: { check: 'openFiles' } };
  await client.initialize(dir, { diagnostic: { dynamicRegistration: false } });
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pulled = async (file: string): Promise<string[]> => {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: uri(file) },
  })) as { items?: Diagnostic[] };
  return (report.items ?? []).map((d) => String(d.code));
};

const CASES: [file: string, text: string, codes: string[]][] = [
  ['traefik.yml', FILES['traefik.yml'], []],
  ['dynamic/routes.yml', FILES['dynamic/routes.yml'], ['unknown-dynamic-key']],
  // Half-typed: no key says Traefik yet, the project mounting it does.
  ['traefik.yml', 'entr:\n', []],
  ['traefik.yml', 'entryPoints:\n  web:\n    address: ":80"\nprov', []],
];

let version = 0;
for (const [file, text, codes] of CASES) {
  test(`${file} opened as dockercompose (${JSON.stringify(text.slice(0, 12))}...): no compose-spec findings`, async () => {
    await client.open(uri(file), 'dockercompose', text, ++version);
    assert.deepEqual(await pulled(file), codes);
    assert.deepEqual(
      (client.published.get(uri(file))?.diagnostics ?? []).filter((d) => d.code === 'compose-spec'),
      [],
      'nothing pushed as a compose file either',
    );
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
  });
}
