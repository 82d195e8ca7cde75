// Navigation and rename across a file read for `extends: file:`, over the real language server
// on stdio: definition from the base file to a middleware the extended file defines, references
// from either side, and rename editing only the names in both files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient } from '../support/lspClient';
import { positionIn, shownIn, type Loc } from '../support/locations';

const COMPOSE = `services:
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker=true", "--entrypoints.web.address=:80"]
  web:
    extends: { file: shared/base.yml, service: app }
    labels:
      - traefik.http.routers.web.rule=Host(\`web.example\`)
      - traefik.http.routers.web.middlewares=auth
`;
const BASE = `services:
  app:
    image: nginx:1.27
    labels:
      - traefik.http.middlewares.auth.basicauth.users=u:p
`;

let dir: string;
let client: LspClient;
const files: Record<'compose' | 'base', { uri: string; text: string }> = {
  compose: { uri: '', text: COMPOSE },
  base: { uri: '', text: BASE },
};

const at = (name: keyof typeof files, needle: string, offset = 0) => positionIn(files[name].text, needle, offset);

const shown = (l: Loc): string => shownIn(files, l);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-extends-nav-'));
  fs.mkdirSync(path.join(dir, 'shared'));
  fs.writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);
  fs.writeFileSync(path.join(dir, 'shared', 'base.yml'), BASE);
  files.compose.uri = pathToFileURL(path.join(dir, 'compose.yaml')).href;
  files.base.uri = pathToFileURL(path.join(dir, 'shared', 'base.yml')).href;
  client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  await client.initialize(dir);
  const first = client.nextDiagnostics(files.compose.uri);
  await client.open(files.compose.uri, 'dockercompose', COMPOSE);
  await first;
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('definition of a middleware the extended file defines goes to its name there', async () => {
  const defs = (await client.connection.sendRequest('textDocument/definition', {
    textDocument: { uri: files.compose.uri },
    position: at('compose', 'middlewares=auth', 'middlewares='.length + 1),
  })) as Loc[];
  assert.deepEqual(defs.map(shown), ['base:auth']);
});

test('references from the base file: the use and the definition in the extended file', async () => {
  const refs = (await client.connection.sendRequest('textDocument/references', {
    textDocument: { uri: files.compose.uri },
    position: at('compose', 'middlewares=auth', 'middlewares='.length + 1),
    context: { includeDeclaration: true },
  })) as Loc[];
  assert.deepEqual(refs.map(shown).sort(), ['base:auth', 'compose:auth']);
});

test('rename from the base file edits the name in both files, nothing else', async () => {
  const edit = (await client.connection.sendRequest('textDocument/rename', {
    textDocument: { uri: files.compose.uri },
    position: at('compose', 'middlewares=auth', 'middlewares='.length + 1),
    newName: 'login',
  })) as { changes: Record<string, { range: Loc['range']; newText: string }[]> };
  const got: string[] = [];
  for (const [uri, list] of Object.entries(edit.changes))
    for (const e of list) {
      assert.equal(e.newText, 'login');
      got.push(shown({ uri, range: e.range }));
    }
  assert.deepEqual(got.sort(), ['base:auth', 'compose:auth']);
});
