// A compose file another project loads (monitoring/compose.yaml through `include:`,
// base/compose.yaml through `extends: file:`), opened before that project was analysed: the
// first diagnostics the server gives it are the loading project's (a middleware defined there is
// no undefined-middleware; an entry point it lacks is), for a pushing and a pulling client.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';

const FILES: Record<string, string> = {
  'compose.yaml': `include:
  - monitoring/compose.yaml
services:
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker=true", "--entrypoints.web.address=:80"]
    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]
    labels:
      - traefik.http.middlewares.auth.basicauth.users=u:p
  web:
    extends: { file: base/compose.yaml, service: app }
    labels:
      - traefik.http.middlewares.strip.stripprefix.prefixes=/x
`,
  'monitoring/compose.yaml': `services:
  grafana:
    image: grafana/grafana:11.0.0
    labels:
      - traefik.http.routers.grafana.rule=Host(\`g.example\`)
      - traefik.http.routers.grafana.middlewares=auth
      - traefik.http.routers.grafana.entrypoints=websecure
      - traefik.http.services.grafana.loadbalancer.server.port=3000
`,
  'base/compose.yaml': `services:
  app:
    image: nginx:1.27
    labels:
      - traefik.http.routers.app.rule=Host(\`a.example\`)
      - traefik.http.routers.app.middlewares=strip
      - traefik.http.routers.app.entrypoints=websecure
`,
};

/** What each loaded file shows in the including project: the entry point compose.yaml's Traefik lacks, nothing else. */
const LOADED = ['monitoring/compose.yaml', 'base/compose.yaml'];

const dirs: string[] = [];
const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** FILES in a new folder, and a server that checks only open files: nothing analyses compose.yaml unless the open file leads there. */
function project(): { dir: string; client: LspClient } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-first-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  clients.push(client);
  client.settings = { gatewayLens: { check: 'openFiles' } };
  return { dir, client };
}

const codes = (list: Diagnostic[] | undefined): string[] => (list ?? []).map((d) => String(d.code));

for (const mode of ['push', 'pull'] as const) {
  for (const file of LOADED) {
    test(`${mode} client: ${file} opened first shows the including project's findings at once`, async () => {
      const { dir, client } = project();
      await client.initialize(dir, mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {});
      const uri = pathToFileURL(path.join(dir, file)).href;
      const first = client.nextDiagnostics(uri);
      await client.open(uri, 'dockercompose', FILES[file]);
      if (mode === 'push') {
        assert.deepEqual(codes((await first).diagnostics), ['undefined-entrypoint']);
        return;
      }
      const report = (await client.connection.sendRequest('textDocument/diagnostic', {
        textDocument: { uri },
      })) as { kind: string; items?: Diagnostic[] };
      assert.deepEqual(codes(report.items), ['undefined-entrypoint']);
      assert.equal(client.published.get(uri), undefined, 'pulled, not pushed');
      void first.catch(() => undefined);
    });
  }
}

// A request sent right after didOpen of an included file answers from the project that includes
// it, not from the file alone: `auth` is defined in compose.yaml, the including project's file.
for (const file of LOADED) {
  test(`${file} opened: hover and definition at once answer from the including project`, async () => {
    const { dir, client } = project();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, file)).href;
    const text = FILES[file];
    const name = file === 'base/compose.yaml' ? 'strip' : 'auth';
    const at = text.indexOf(`middlewares=${name}`) + 'middlewares='.length + 1;
    const before = text.slice(0, at).split('\n');
    const position = { line: before.length - 1, character: before.at(-1)!.length };
    void client.open(uri, 'dockercompose', text);
    const [hover, definition] = await Promise.all([
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
      client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }),
    ]);
    const shown = (hover as { contents: { value: string } } | null)?.contents.value ?? '';
    assert.match(shown, new RegExp(`\\*\\*http middleware\\*\\* \`${name}\``), shown);
    assert.doesNotMatch(shown, /undefined-middleware|Not defined in this project/, shown);
    const places = (definition as { uri: string }[] | null) ?? [];
    assert.deepEqual(
      places.map((l) => path.relative(dir, fileURLToPath(l.uri))),
      ['compose.yaml'],
    );
  });
}
