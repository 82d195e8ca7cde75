// projects.ts with the documents a client opens and the boundary of what may be read:
// a reopened document is new text even at the same version; authoring requests get the
// analysed project itself; an untrusted workspace reads nothing outside its folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Documents, pathToUri } from '../../../server/src/documents';
import { projectsOf } from './projects-host';

type Handler = (event: unknown) => void;

/** The notifications TextDocuments listens to, sent by hand. */
function fakeClient(documents: Documents) {
  const handlers: Record<string, Handler> = {};
  const on = (name: string) => (h: Handler) => ((handlers[name] = h), { dispose: () => undefined });
  documents.all.listen({
    onDidOpenTextDocument: on('open'),
    onDidChangeTextDocument: on('change'),
    onDidCloseTextDocument: on('close'),
    onWillSaveTextDocument: on('willSave'),
    onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
    onDidSaveTextDocument: on('save'),
  } as unknown as Parameters<typeof documents.all.listen>[0]);
  return {
    open: (file: string, text: string, languageId = 'dockercompose') =>
      handlers.open({ textDocument: { uri: pathToUri(file), languageId, version: 1, text } }),
    close: (file: string) => handlers.close({ textDocument: { uri: pathToUri(file) } }),
  };
}

function setup(settings: unknown = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-boundary-'));
  const workspace = path.join(root, 'workspace');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(workspace);
  fs.mkdirSync(outside);
  const logs: string[] = [];
  const { projects, documents, boundary } = projectsOf(workspace, settings, (m) => logs.push(m));
  const write = (file: string, text: string): string => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  return {
    workspace,
    outside,
    projects,
    boundary,
    logs,
    write,
    client: fakeClient(documents),
    done: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

const app = (middleware: string) => `services:
  app:
    image: traefik/whoami
    labels:
      - "traefik.http.routers.app.rule=Host(\`app.example.com\`)"
      - "traefik.http.routers.app.middlewares=${middleware}"
      - "traefik.http.services.app.loadbalancer.server.port=80"
`;
const messages = (r: { diagnostics: Map<string, { message: string }[]> }) =>
  [...r.diagnostics.values()].flat().map((d) => d.message);

test('a document closed and reopened at version 1 with other text is analysed again', async () => {
  const { workspace, projects, client, write, done } = setup();
  try {
    const file = write(path.join(workspace, 'docker-compose.yml'), 'services: {}\n');
    client.open(file, app('first'));
    assert.match(messages(await projects.analyse(workspace)).join(), /"first"/);
    client.close(file);
    client.open(file, app('second'));
    const again = messages(await projects.analyse(workspace)).join();
    assert.match(again, /"second"/);
    assert.doesNotMatch(again, /"first"/);
  } finally {
    done();
  }
});

test('authoring requests get the analysed project, not a rebuilt one', async () => {
  const { workspace, projects, client, write, done } = setup();
  try {
    const file = write(path.join(workspace, 'docker-compose.yml'), app('x'));
    client.open(file, app('x'));
    const model = await projects.model(file);
    assert.ok(model);
    assert.equal(model.project, (await projects.analyse(workspace)).project);
    assert.equal((await projects.model(file))?.project, model.project);
  } finally {
    done();
  }
});

const traefikMounting = (source: string, flags = '') => `services:
  traefik:
    image: traefik:v3.4
    command: ${flags || '["--providers.docker=true"]'}
    volumes:
      - ${source}:/etc/traefik/traefik.yml:ro
  app:
    image: traefik/whoami
    labels:
      - "traefik.http.routers.app.rule=Host(\`app.example.com\`)"
      - "traefik.http.routers.app.entrypoints=web"
      - "traefik.http.services.app.loadbalancer.server.port=80"
`;
const STATIC = 'providers:\n  docker: {}\nentryPoints:\n  websecure:\n    address: ":443"\n';

test('untrusted: a mount outside the folders (also through a symlink) is not read; trusted: it is', async () => {
  const { workspace, outside, projects, boundary, logs, write, done } = setup();
  try {
    const secret = write(path.join(outside, 'traefik.yml'), STATIC);
    fs.symlinkSync(secret, path.join(workspace, 'link.yml'));
    for (const source of [secret, './link.yml']) {
      write(path.join(workspace, 'docker-compose.yml'), traefikMounting(source));
      boundary.trusted = false;
      projects.reset();
      const untrusted = await projects.analyse(workspace);
      assert.ok(!untrusted.inputs.has(secret) || untrusted.inputs.get(secret) === 'refused', source);
      assert.doesNotMatch(messages(untrusted).join(), /websecure/, source);
      assert.ok(
        logs.some((l) => l.includes('Restricted Mode') && l.includes('not reading')),
        logs.join('\n'),
      );

      boundary.trusted = true;
      projects.reset();
      const trusted = await projects.analyse(workspace);
      // Read: the router's entry point "web" is checked against the file's "websecure".
      assert.match(messages(trusted).join(), /websecure/, source);
    }
  } finally {
    done();
  }
});

test('untrusted: an include: or extends: file: outside the folders is not read, and not reported missing', async () => {
  const { workspace, outside, projects, boundary, write, done } = setup();
  try {
    write(path.join(outside, 'common.yaml'), app('from-outside'));
    write(path.join(outside, 'base.yaml'), 'services:\n  base:\n    image: nginx\n');
    write(
      path.join(workspace, 'docker-compose.yml'),
      'include: [../outside/common.yaml]\nservices:\n  web:\n    extends: { file: ../outside/base.yaml, service: base }\n',
    );
    for (const trusted of [false, true]) {
      boundary.trusted = trusted;
      projects.reset();
      const all = messages(await projects.analyse(workspace)).join('\n');
      assert.doesNotMatch(all, /does not exist/, `trusted: ${trusted}`);
      // Read only when trusted: the included router's middleware is then judged.
      if (trusted) assert.match(all, /"from-outside"/);
      else assert.doesNotMatch(all, /from-outside/);
    }
  } finally {
    done();
  }
});

test('untrusted: a mount of / and a --configFile through it read nothing outside', async () => {
  const { workspace, outside, projects, boundary, write, done } = setup();
  try {
    write(path.join(outside, 'traefik.yml'), STATIC);
    write(
      path.join(workspace, 'docker-compose.yml'),
      traefikMounting('/', `["--configFile=/host${outside}/traefik.yml"]`).replace(
        '- /:/etc/traefik/traefik.yml:ro',
        '- /:/host:ro',
      ),
    );
    boundary.trusted = false;
    const result = await projects.analyse(workspace);
    const read = [...result.inputs].filter(([f, stamp]) => !f.startsWith(workspace) && stamp !== 'refused');
    assert.deepEqual(read, []);
  } finally {
    done();
  }
});

test('gatewayLens.traefik.staticConfig outside the folders is not read, trusted or not', async () => {
  const { workspace, outside, projects, boundary, logs, write, done } = setup({
    traefik: { staticConfig: '../outside/traefik.yml' },
  });
  try {
    write(path.join(outside, 'traefik.yml'), STATIC);
    write(path.join(workspace, 'docker-compose.yml'), app('x'));
    for (const trusted of [true, false]) {
      boundary.trusted = trusted;
      projects.reset();
      const result = await projects.analyse(workspace);
      assert.equal(result.inputs.get(path.join(outside, 'traefik.yml')), 'refused');
    }
    assert.ok(logs.some((l) => /a setting cannot name a file outside/.test(l)));
  } finally {
    done();
  }
});

test('composeFileOf: compose documents and compose files the boundary lets in, nothing else', async () => {
  const { workspace, outside, projects, boundary, client, write, done } = setup();
  try {
    const compose = write(path.join(workspace, 'docker-compose.yml'), app('x'));
    const readme = write(path.join(workspace, 'README.md'), app('x'));
    const elsewhere = write(path.join(outside, 'docker-compose.yml'), app('x'));
    client.open(readme, app('x'), 'markdown');
    assert.equal(await projects.composeFileOf(pathToUri(compose)), compose);
    assert.equal(await projects.composeFileOf(pathToUri(readme)), undefined);
    assert.equal(await projects.composeFileOf(pathToUri('/etc/passwd')), undefined);
    assert.equal(await projects.composeFileOf(pathToUri(elsewhere)), elsewhere);
    boundary.trusted = false;
    assert.equal(await projects.composeFileOf(pathToUri(elsewhere)), undefined);
  } finally {
    done();
  }
});
