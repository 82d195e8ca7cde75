// `<name>@file` across the editor, over the real language server on stdio: definition,
// references, hover and rename from a label into the file provider's dynamic files (YAML and
// TOML) and back, `whoami@docker` from a file router to the labels, diagnostics while a dynamic
// file is edited (its unsaved text), and a file added to the provider's directory.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from '../support/lspClient';
import { shownIn, type Loc } from '../support/locations';

const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

const COMPOSE = `services:
  traefik:
    image: traefik:v3.1
    command:
      - --providers.docker=true
      - --providers.file.directory=/dynamic
      - --entrypoints.web.address=:80
    volumes:
      - ./dynamic:/dynamic:ro
  whoami:
    image: traefik/whoami
    labels:
      - traefik.http.routers.whoami.rule=Host(\`whoami.example\`)
      - traefik.http.routers.whoami.middlewares=auth@file,extra@file
      - traefik.http.services.whoami.loadbalancer.server.port=80
`;
const AUTH_YML = `http:
  middlewares:
    auth:
      basicAuth:
        users:
          - "u:p"
`;
const ROUTES_TOML = `[http.routers.legacy]
  rule = "Host(\`legacy.example\`)"
  service = "whoami@docker"
  middlewares = ["auth", "auth@file"]
`;

let client: LspClient;
let dir: string;
const files: Record<string, { file: string; uri: string; text: string }> = {};

function at(name: string, needle: string, delta = 0): { line: number; character: number } {
  const text = files[name].text;
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} in ${name}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

const shown = (l: Loc): string => shownIn(files, l);

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'npm run build first (npm test does)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-fileprovider-'));
  fs.mkdirSync(path.join(dir, 'dynamic'));
  for (const [name, text] of [
    ['compose', COMPOSE],
    ['auth', AUTH_YML],
    ['routes', ROUTES_TOML],
  ] as const) {
    const file = path.join(
      dir,
      name === 'compose' ? 'docker-compose.yml' : `dynamic/${name === 'auth' ? 'auth.yml' : 'routes.toml'}`,
    );
    fs.writeFileSync(file, text);
    files[name] = { file, uri: pathToFileURL(file).toString(), text };
  }
  client = new LspClient(process.execPath, [SERVER, '--stdio']);
  await client.initialize(dir, {}, { didChangeWatchedFiles: { dynamicRegistration: true } });
  const first = client.nextDiagnostics(files.compose.uri);
  await client.open(files.compose.uri, 'dockercompose', COMPOSE);
  await first;
  await client.open(files.auth.uri, 'yaml', AUTH_YML);
  await client.open(files.routes.uri, 'toml', ROUTES_TOML);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('definition of auth@file on a label goes to its key in the YAML file', async () => {
  const defs = (await client.connection.sendRequest('textDocument/definition', {
    textDocument: { uri: files.compose.uri },
    position: at('compose', 'auth@file', 1),
  })) as Loc[];
  assert.deepEqual(defs.map(shown), ['auth:auth']);
});

test('definition of whoami@docker in a TOML router goes to the labels', async () => {
  const defs = (await client.connection.sendRequest('textDocument/definition', {
    textDocument: { uri: files.routes.uri },
    position: at('routes', 'whoami@docker', 2),
  })) as Loc[];
  assert.deepEqual(defs.map(shown), ['compose:whoami']);
  assert.equal(defs[0].range.start.line, at('compose', 'services.whoami').line);
});

test('references of auth from the YAML file: the label and both TOML references', async () => {
  const refs = (await client.connection.sendRequest('textDocument/references', {
    textDocument: { uri: files.auth.uri },
    position: at('auth', 'auth:', 1),
    context: { includeDeclaration: true },
  })) as Loc[];
  assert.deepEqual(refs.map(shown).sort(), ['auth:auth', 'compose:auth', 'routes:auth', 'routes:auth'].sort());
});

test('hover on the middleware in the file names where it is defined and used', async () => {
  const h = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: files.auth.uri },
    position: at('auth', 'auth:', 2),
  })) as { contents: { value: string } } | null;
  assert.ok(h);
  assert.match(h.contents.value, /auth@file/);
  assert.match(h.contents.value, /auth\\?\.yml \(file provider\)/);
  assert.match(h.contents.value, /router `whoami` on `whoami`/);
  assert.match(h.contents.value, /router `legacy@file` in routes\\?\.toml/);
});

test('rename from the label edits only the names, in the compose file and both dynamic files', async () => {
  const edit = (await client.connection.sendRequest('textDocument/rename', {
    textDocument: { uri: files.compose.uri },
    position: at('compose', 'auth@file', 1),
    newName: 'basic',
  })) as { changes: Record<string, Loc['range'][] & { range: Loc['range']; newText: string }[]> };
  const got: string[] = [];
  for (const [uri, list] of Object.entries(edit.changes))
    for (const e of list) {
      assert.equal(e.newText, 'basic');
      got.push(shown({ uri, range: e.range }));
    }
  assert.deepEqual(got.sort(), ['auth:auth', 'compose:auth', 'routes:auth', 'routes:auth'].sort());
});

test('editing the open YAML file (unsaved) re-checks the compose file that uses it', async () => {
  const broken = AUTH_YML.replace('    auth:', '    authx:');
  const seen = client.nextDiagnostics(files.compose.uri, (p) =>
    p.diagnostics.some((d) => d.code === 'undefined-middleware' && /"auth@file"/.test(d.message)),
  );
  await client.change(files.auth.uri, 2, broken);
  await seen;
  files.auth.text = broken;
  const back = client.nextDiagnostics(
    files.compose.uri,
    (p) => !p.diagnostics.some((d) => d.code === 'undefined-middleware' && /"auth@file"/.test(d.message)),
  );
  await client.change(files.auth.uri, 3, AUTH_YML);
  await back;
  files.auth.text = AUTH_YML;
});

test('a file added to the provider directory is read once the watcher reports it', async () => {
  // extra@file is defined nowhere yet: the last analysis said so.
  const missing = (p: { diagnostics: { message: string }[] }) =>
    p.diagnostics.some((d) => /"extra@file"/.test(d.message));
  const touch = client.nextDiagnostics(files.compose.uri, (p) => p.version === 2);
  await client.change(files.compose.uri, 2, `${COMPOSE}\n`);
  assert.ok(missing(await touch), 'extra@file is undefined before the file exists');
  // Let any analysis still under way finish on the old listing.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const extra = path.join(dir, 'dynamic', 'extra.yml');
  fs.writeFileSync(extra, 'http:\n  middlewares:\n    extra:\n      compress: {}\n');
  const cleared = client.nextDiagnostics(files.compose.uri, (p) => !missing(p));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(extra).toString(), type: 1 }],
  });
  await cleared;
});

test('a client that pulls gets an open dynamic file its findings by asking, not an empty answer', async () => {
  // Each client its own copy: the other tests edit the shared one.
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-fileprovider-pull-'));
  const puller = new LspClient(process.execPath, [SERVER, '--stdio']);
  try {
    fs.mkdirSync(path.join(own, 'dynamic'));
    const compose = path.join(own, 'docker-compose.yml');
    const auth = path.join(own, 'dynamic', 'auth.yml');
    fs.writeFileSync(compose, COMPOSE);
    // basicAuth misspelt: Traefik refuses the whole file (unknown-dynamic-key).
    const broken = AUTH_YML.replace('basicAuth:', 'basicAuht:');
    fs.writeFileSync(auth, broken);
    await puller.initialize(own, { diagnostic: { dynamicRegistration: false } });
    const uriOf = (f: string) => pathToFileURL(f).toString();
    await puller.open(uriOf(compose), 'dockercompose', COMPOSE);
    await puller.open(uriOf(auth), 'yaml', broken);
    type Report = { kind: string; items?: { code?: string }[] };
    const pull = (f: string): Promise<Report> =>
      puller.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(f) } });
    const dynamic = await pull(auth);
    assert.equal(dynamic.kind, 'full');
    assert.deepEqual(
      dynamic.items?.map((d) => d.code),
      ['unknown-dynamic-key'],
    );
    // The compose file's own pull is unchanged: its references to the refused file's names.
    const own2 = await pull(compose);
    assert.ok(own2.items?.some((d) => d.code === 'undefined-middleware'));
    // A YAML file no project reads gets nothing, and no error.
    const other = path.join(own, 'notes.yml');
    fs.writeFileSync(other, 'a: 1\n');
    await puller.open(uriOf(other), 'yaml', 'a: 1\n');
    assert.deepEqual((await pull(other)).items, []);
    assert.equal(puller.published.get(uriOf(auth)), undefined, 'nothing pushed for a pulled document');
  } finally {
    await puller.stop();
    fs.rmSync(own, { recursive: true, force: true });
  }
});
