// Editor features inside the files compose reads through `include:` and `extends: file:` under
// names compose never finds by itself (traefik/labels.yml, common/base.yaml), opened as plain
// YAML (as VS Code opens them), over the real language server on stdio: hover, completion in a
// rule, definition and rename across the project's files, a quick fix, the outline, and every
// prefix of a label typed there answered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient, type Diagnostic } from '../support/lspClient';
import { positionIn, shownIn, type Loc } from '../support/locations';

const COMPOSE = `include:
  - traefik/labels.yml
services:
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker=true", "--entrypoints.web.address=:80"]
    ports: ["80:80"]
    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]
    labels:
      - traefik.http.middlewares.auth.basicauth.users=u:p
  site:
    extends: { file: common/base.yaml, service: app }
    labels:
      - traefik.http.routers.site.priority=10
`;
const INCLUDED = `services:
  whoami:
    image: traefik/whoami:v1.10
    labels:
      - traefik.http.routers.who.rule=Host(\`who.example\`)
      - traefik.http.routers.who.middlewares=auth,strip
      - traefik.http.middlewares.strip.stripprefix.prefixes=/api
      - traefik.http.routers.who-old.rule=Path(\`/old\`)
      - traefik.http.routers.who-old.middlewares=stip
`;
const BASE = `services:
  app:
    image: nginx:1.27
    labels:
      - traefik.http.routers.site.rule=Host(\`site.example\`)
      - traefik.http.routers.site.entrypoints=web
      - traefik.http.routers.site.middlewares=auth,strip
      - traefik.http.routers.site-old.rule=Path(\`/legacy\`)
      - traefik.http.routers.site-old.middlewares=aut
`;

type Name = 'compose' | 'included' | 'base';
const files: Record<Name, { uri: string; text: string; path: string }> = {
  compose: { uri: '', text: COMPOSE, path: 'compose.yaml' },
  included: { uri: '', text: INCLUDED, path: 'traefik/labels.yml' },
  base: { uri: '', text: BASE, path: 'common/base.yaml' },
};
/** The two files read as compose files under names that are no compose default. */
const LOADED: Name[] = ['included', 'base'];

let dir: string;
let client: LspClient;
/** Errors the server logged: a handler's guard swallows its throw into one of these. */
const logged: string[] = [];

const at = (name: Name, needle: string, offset = 0) => positionIn(files[name].text, needle, offset);
const shown = (l: Loc): string => shownIn(files, l);
const request = <T>(method: string, params: unknown): Promise<T> =>
  client.connection.sendRequest(method, params) as Promise<T>;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-loaded-'));
  for (const f of Object.values(files)) {
    const full = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, f.text);
    f.uri = pathToFileURL(full).href;
  }
  client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  client.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) logged.push(m.message);
  });
  await client.initialize(dir);
  // Only the loaded files are open, as plain YAML: the server finds the project reading them.
  for (const name of LOADED) await client.open(files[name].uri, 'yaml', files[name].text);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HOVERED: Record<string, { name: Name; needle: string; offset: number; shows: RegExp }> = {
  included: { name: 'included', needle: 'stripprefix.prefixes', offset: 2, shows: /strip/i },
  base: { name: 'base', needle: 'site.entrypoints', offset: 'site.'.length + 2, shows: /entry ?point/i },
};

/** The misspelt middleware each loaded file references, and the name its quick fix writes. */
const TYPOS: Record<string, { written: string; meant: string }> = {
  included: { written: 'stip', meant: 'strip' },
  base: { written: 'aut', meant: 'auth' },
};

for (const name of LOADED) {
  test(`${name} file: hover on a label key segment explains it`, async () => {
    const { needle, offset, shows } = HOVERED[name];
    const h = await request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: files[name].uri },
      position: at(name, needle, offset),
    });
    assert.ok(h, 'a hover');
    assert.match(h.contents.value, shows);
  });

  test(`${name} file: completion inside a rule value offers the matchers`, async () => {
    const items = await request<{ label: string }[] | { items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri: files[name].uri },
      position: at(name, 'rule=Host', 'rule=H'.length),
    });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    for (const matcher of ['Host', 'PathPrefix']) assert.ok(labels.includes(matcher), `${matcher} in ${labels}`);
  });

  test(`${name} file: definition of a middleware the including or extending file defines`, async () => {
    const defs = await request<Loc[]>('textDocument/definition', {
      textDocument: { uri: files[name].uri },
      position: at(name, 'middlewares=auth', 'middlewares='.length + 1),
    });
    assert.deepEqual(defs.map(shown), ['compose:auth']);
  });

  test(`${name} file: a quick fix for the finding on its own text`, async () => {
    const uri = files[name].uri;
    const published = client.published.get(uri) ?? (await client.nextDiagnostics(uri));
    const { written, meant } = TYPOS[name];
    const typo = published.diagnostics.find((d) => d.code === 'undefined-middleware');
    assert.ok(typo, `undefined-middleware on ${name}: ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
    assert.equal(shown({ uri, range: typo.range }), `${name}:${written}`);
    const actions = await request<{ title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } },
    );
    const fix = actions.find((a) => a.title === `Change "${written}" to "${meant}"`);
    assert.ok(fix, actions.map((a) => a.title).join('; '));
    assert.deepEqual(
      fix.edit?.changes[uri].map((e) => e.newText),
      [meant],
    );
  });

  test(`${name} file: document symbols list its service and what its labels define`, async () => {
    type Sym = { name: string; children?: Sym[] };
    const symbols = await request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: files[name].uri } });
    const names = (list: Sym[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const expected = name === 'included' ? ['whoami', 'who', 'strip'] : ['app', 'site'];
    for (const e of expected)
      assert.ok(
        names(symbols).some((n) => n.includes(e)),
        `${e} in ${names(symbols)}`,
      );
  });
}

const RENAMES: { what: string; name: Name; needle: string; offset: number; to: string; edits: string[] }[] = [
  {
    what: 'a middleware from the included file edits its name there and where the extended file uses it',
    name: 'included',
    needle: 'middlewares.strip',
    offset: 'middlewares.'.length + 1,
    to: 'api-strip',
    edits: ['base:strip', 'included:strip', 'included:strip'],
  },
  {
    what: 'a router from the extended file edits its keys there and in the file extending it',
    name: 'base',
    needle: 'routers.site.rule',
    offset: 'routers.'.length + 1,
    to: 'home',
    edits: ['base:site', 'base:site', 'base:site', 'compose:site'],
  },
];

for (const { what, name, needle, offset, to, edits } of RENAMES) {
  test(`rename ${what}`, async () => {
    const edit = await request<{ changes: Record<string, { range: Loc['range']; newText: string }[]> }>(
      'textDocument/rename',
      { textDocument: { uri: files[name].uri }, position: at(name, needle, offset), newName: to },
    );
    const got: string[] = [];
    for (const [uri, list] of Object.entries(edit.changes))
      for (const e of list) {
        assert.equal(e.newText, to);
        got.push(shown({ uri, range: e.range }));
      }
    assert.deepEqual(got.sort(), edits);
  });
}

test(
  'every prefix of a label typed in the included file is answered by every handler',
  { timeout: 120_000 },
  async () => {
    const uri = files.included.uri;
    const label = '      - traefik.http.routers.who.tls.certresolver=le';
    const lines = INCLUDED.split('\n');
    const row = lines.findIndex((l) => l.includes('who-old.middlewares'));
    let version = 1;
    let answered = 0;
    for (let i = 0; i <= label.length; i++) {
      const typed = label.slice(0, i);
      const text = [...lines.slice(0, row + 1), typed, ...lines.slice(row + 1)].join('\n');
      await client.change(uri, ++version, text);
      const position = { line: row + 1, character: typed.length };
      const textDocument = { uri };
      const where = `prefix ${JSON.stringify(typed)}`;
      const answers = await Promise.all([
        request<unknown>('textDocument/completion', { textDocument, position }),
        request<unknown>('textDocument/hover', { textDocument, position }),
        request<unknown>('textDocument/definition', { textDocument, position }),
        request<unknown>('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
        request<unknown>('textDocument/documentHighlight', { textDocument, position }),
        request<unknown>('textDocument/prepareRename', { textDocument, position }),
        request<unknown[]>('textDocument/documentSymbol', { textDocument }),
        request<unknown>('textDocument/codeAction', {
          textDocument,
          range: { start: position, end: position },
          context: { diagnostics: [] as Diagnostic[] },
        }),
      ]).catch((err: unknown) => assert.fail(`${where}: ${String(err)}`));
      // The outline answers on every prefix: the file is served, not refused.
      assert.ok(Array.isArray(answers[6]) && answers[6].length > 0, `${where}: an outline`);
      if (typed.endsWith('routers.who.')) {
        const items = answers[0] as { label: string }[] | { items: { label: string }[] };
        const offered = (Array.isArray(items) ? items : items.items).map((x) => x.label);
        assert.ok(offered.includes('tls'), `${where}: the router fields: ${offered}`);
      }
      answered++;
    }
    assert.equal(answered, label.length + 1);
    await client.change(uri, ++version, INCLUDED);
    assert.deepEqual(logged, []);
  },
);
