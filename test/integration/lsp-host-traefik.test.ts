// The editor judges a project without Traefik by the workspace's one Traefik on its external
// network (issue 11, min-11; test/fixtures/projects/host-traefik): opening app/compose.yaml
// shows the entry point traefik/traefik.yml lacks, and editing traefik.yml re-checks app/.
// The real server over stdio.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built, ROOT } from '../support/build';
import { LspClient, type Published } from '../support/lspClient';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'projects', 'host-traefik');

const dirs: string[] = [];
const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const codes = (p: Published): string[] => p.diagnostics.map((d) => String(d.code));

async function start(settings: Record<string, unknown>): Promise<{ client: LspClient; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-host-'));
  dirs.push(dir);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  clients.push(client);
  client.settings = { gatewayLens: settings };
  await client.initialize(dir);
  return { client, dir };
}

const uriOf = (dir: string, file: string): string => pathToFileURL(path.join(dir, file)).href;

for (const check of ['workspace', 'openFiles'] as const) {
  test(`${check}: app/ is judged by traefik/'s static configuration, and re-checked when it changes`, async () => {
    const { client, dir } = await start({ check });
    const app = uriOf(dir, 'app/compose.yaml');
    const found = client.nextDiagnostics(app, (p) => codes(p).includes('undefined-entrypoint'));
    await client.open(app, 'dockercompose', fs.readFileSync(path.join(dir, 'app/compose.yaml'), 'utf8'));
    // Only open files are checked: the Traefik project is known once its file is open.
    if (check === 'openFiles') {
      const traefik = uriOf(dir, 'traefik/compose.yaml');
      await client.open(traefik, 'dockercompose', fs.readFileSync(path.join(dir, 'traefik/compose.yaml'), 'utf8'));
    }
    const first = await found;
    assert.deepEqual(codes(first), ['undefined-entrypoint']);
    assert.match(first.diagnostics[0].message, /entry point "websecur" is not defined: did you mean "websecure"\?/);

    // traefik.yml now defines websecur: the app's router is fine.
    const yml = uriOf(dir, 'traefik/traefik.yml');
    const text = fs.readFileSync(path.join(dir, 'traefik/traefik.yml'), 'utf8');
    const cleared = client.nextDiagnostics(app, (p) => p.diagnostics.length === 0);
    await client.open(yml, 'yaml', text);
    await client.change(yml, 2, text.replace('websecure:', 'websecur:'));
    await cleared;
  });
}

// Issue 11, sibling Traefik: with only app/compose.yaml open, its first diagnostics already come
// from traefik/'s static configuration, as `gateway-lens check` run in the workspace folder says.
test('openFiles: app/ opened alone is judged by traefik/ from the first publish', async () => {
  const { client, dir } = await start({ check: 'openFiles' });
  const app = uriOf(dir, 'app/compose.yaml');
  const first = client.nextDiagnostics(app);
  await client.open(app, 'dockercompose', fs.readFileSync(path.join(dir, 'app/compose.yaml'), 'utf8'));
  assert.deepEqual(codes(await first), ['undefined-entrypoint']);
});

// Issue 11, trial4 min-2: blog/'s security-header@file is judged against traefik/dynamic, and
// editing that dynamic file re-checks blog/.
test("blog/'s @file middleware is judged by traefik/'s file provider, and re-checked when it changes", async () => {
  const { client, dir } = await start({ check: 'workspace' });
  const blog = uriOf(dir, 'blog/compose.yaml');
  const found = client.nextDiagnostics(blog, (p) => codes(p).includes('undefined-middleware'));
  await client.open(blog, 'dockercompose', fs.readFileSync(path.join(dir, 'blog/compose.yaml'), 'utf8'));
  const first = await found;
  assert.deepEqual(codes(first), ['undefined-middleware']);
  assert.match(first.diagnostics[0].message, /did you mean "security-headers@file"\?/);

  const dynamic = uriOf(dir, 'traefik/dynamic/middlewares.yml');
  const text = fs.readFileSync(path.join(dir, 'traefik/dynamic/middlewares.yml'), 'utf8');
  const cleared = client.nextDiagnostics(blog, (p) => p.diagnostics.length === 0);
  await client.open(dynamic, 'yaml', text);
  await client.change(dynamic, 2, text.replace('security-headers:', 'security-header:'));
  await cleared;
});

test('two Traefiks on the network: app/ is judged alone', async () => {
  const { client, dir } = await start({ check: 'openFiles' });
  fs.mkdirSync(path.join(dir, 'lab'));
  fs.copyFileSync(
    path.join(ROOT, 'test', 'fixtures', 'projects', 'host-traefik-two', 'traefik-lab', 'compose.yaml'),
    path.join(dir, 'lab', 'compose.yaml'),
  );
  // Both Traefik projects are analysed (published) before app/ is opened.
  for (const file of ['traefik/compose.yaml', 'lab/compose.yaml']) {
    const uri = uriOf(dir, file);
    const shown = client.nextDiagnostics(uri);
    await client.open(uri, 'dockercompose', fs.readFileSync(path.join(dir, file), 'utf8'));
    await shown;
  }
  const app = uriOf(dir, 'app/compose.yaml');
  const shown = client.nextDiagnostics(app);
  await client.open(app, 'dockercompose', fs.readFileSync(path.join(dir, 'app/compose.yaml'), 'utf8'));
  assert.deepEqual(codes(await shown), []);
});
