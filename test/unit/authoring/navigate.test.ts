// Definition, references, highlights, rename and the outline, across services and files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  definition,
  documentSymbols,
  highlights,
  hover,
  prepareRename,
  references,
  rename,
  type Location,
} from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { applyFile, FILE, findings, projectOf } from './helpers';

const OVERRIDE = '/project/docker-compose.override.yml';

const main = yaml`
  services:
    api:
      image: nginx
      labels:
        - "traefik.http.routers.api.rule=PathPrefix(\`/api\`)"
        - "traefik.http.routers.api.middlewares=strip, auth@file"
        - "traefik.http.middlewares.strip.stripprefix.prefixes=/api"
        - "traefik.http.services.api.loadbalancer.server.port=80"
    web:
      image: nginx
      labels:
        traefik.http.routers.web.rule: PathPrefix(\`/\`)
        traefik.http.routers.web.middlewares: chain1
        traefik.http.routers.web.service: api@docker
        traefik.http.middlewares.chain1.chain.middlewares: strip,other
        traefik.http.middlewares.other.headers.customresponseheaders.X-A: b
`;
const override = yaml`
  services:
    api:
      labels:
        - traefik.http.routers.admin.middlewares=strip
        - traefik.http.routers.admin.rule=Path(\`/admin\`)
`;

/** The offset of `^` in a marker found in the text (the marker is unique in it). */
function at(marker: string, text = main): { text: string; offset: number } {
  const plain = marker.replace('^', '');
  const i = text.indexOf(plain);
  if (i < 0 || text.indexOf(plain, i + 1) >= 0) throw new Error(`marker ${marker} not unique`);
  return { text, offset: i + marker.indexOf('^') };
}

function show(locations: Location[], texts: Record<string, string>): string[] {
  return locations.map(
    (l) =>
      `${l.file === FILE ? 'main' : 'override'}@${l.range.start}:${texts[l.file].slice(l.range.start, l.range.end)}`,
  );
}

const project = () => projectOf(main, { others: { 'docker-compose.override.yml': override } });
const texts = { [FILE]: main, [OVERRIDE]: override };

test('definition: from a reference (chain, router) to the label key declaring it', () => {
  for (const marker of ['chain.middlewares: str^ip', 'middlewares=str^ip, auth']) {
    const { offset } = at(marker);
    const found = show(definition(project(), FILE, offset), texts);
    assert.equal(found.length, 1, marker);
    assert.match(found[0], /^main@\d+:strip$/);
    assert.equal(found[0], `main@${main.indexOf('strip.stripprefix')}:strip`);
  }
});

test('definition: api@docker resolves to the docker service; @file has no definition here', () => {
  const { offset } = at('service: ap^i@docker');
  assert.deepEqual(show(definition(project(), FILE, offset), texts), [`main@${main.indexOf('api.loadbalancer')}:api`]);
  assert.deepEqual(definition(project(), FILE, at('auth^@file').offset), []);
});

test('references: every key and reference across files, declarations on request', () => {
  const { offset } = at('middlewares.str^ip.stripprefix');
  const withDecl = show(references(project(), FILE, offset, true), texts).map((s) => s.replace(/@\d+/, ''));
  assert.deepEqual(withDecl.sort(), ['main:strip', 'main:strip', 'main:strip', 'override:strip'].sort());
  const refsOnly = references(project(), FILE, offset, false);
  assert.equal(refsOnly.length, 3);
});

test('highlights: same file only', () => {
  const { offset } = at('middlewares.str^ip.stripprefix');
  const ranges = highlights(project(), FILE, offset);
  assert.deepEqual(
    ranges.map((r) => main.slice(r.start, r.end)),
    ['strip', 'strip', 'strip'],
  );
  assert.deepEqual(highlights(project(), FILE, at('  ap^i:').offset), []);
});

test('rename: every key and reference in every file; the rest byte for byte', () => {
  const { offset } = at('chain.middlewares: str^ip');
  assert.deepEqual(prepareRename(project(), FILE, offset)?.placeholder, 'strip');
  const result = rename(project(), FILE, offset, 'api-strip');
  assert.ok('edits' in result, JSON.stringify(result));
  const mainAfter = applyFile(main, result.edits);
  const overrideAfter = applyFile(override, result.edits, OVERRIDE);
  assert.equal(
    mainAfter,
    main
      .replace('middlewares=strip, auth', 'middlewares=api-strip, auth')
      .replace('middlewares.strip.stripprefix', 'middlewares.api-strip.stripprefix')
      .replace('chain.middlewares: strip,other', 'chain.middlewares: api-strip,other'),
  );
  assert.equal(overrideAfter, override.replace('middlewares=strip', 'middlewares=api-strip'));
  assert.deepEqual(
    findings(mainAfter).map((f) => f.code),
    findings(main).map((f) => f.code),
  );
});

test('rename: a router with a quoted map key keeps its quotes; @docker stays', () => {
  const text = yaml`
    services:
      api:
        image: nginx
        labels:
          "traefik.http.routers.api.rule": "Host(\`a\`)"
          traefik.http.routers.api.service: api
          traefik.http.services.api.loadbalancer.server.port: 80
      web:
        image: nginx
        labels:
          - traefik.http.routers.web.service=api@docker
  `;
  const offset = text.indexOf('services.api.') + 'services.a'.length;
  const result = rename(projectOf(text), FILE, offset, 'backend');
  assert.ok('edits' in result);
  assert.equal(
    applyFile(text, result.edits),
    text
      .replace('routers.api.service: api', 'routers.api.service: backend')
      .replace('services.api.loadbalancer', 'services.backend.loadbalancer')
      .replace('service=api@docker', 'service=backend@docker'),
  );
});

test('rename: refuses taken and invalid names, and names it cannot edit', () => {
  const p = project();
  const { offset } = at('middlewares.str^ip.stripprefix');
  assert.deepEqual(rename(p, FILE, offset, 'other'), {
    error: 'A http middleware named "other" already exists (on web); Traefik would merge or drop them.',
  });
  for (const bad of ['', 'a.b', 'a@file', 'a b', 'a,b']) {
    const r = rename(p, FILE, offset, bad);
    assert.ok('error' in r, bad);
  }
  // A router may take a middleware's name: different kinds do not clash.
  const router = at('routers.we^b.rule');
  assert.ok('edits' in rename(p, FILE, router.offset, 'other'));
  // A name Traefik creates for the container (no label) cannot be renamed here.
  const implicit = yaml`
    services:
      whoami:
        image: traefik/whoami
        labels:
          - traefik.http.routers.w.service=whoami-project
  `;
  const r = rename(projectOf(implicit), FILE, implicit.indexOf('whoami-project') + 2, 'x');
  assert.ok('error' in r && /creates for compose service "whoami"/.test(r.error), JSON.stringify(r));
  assert.equal(prepareRename(p, FILE, at('auth^@file').offset), undefined);
});

test('documentSymbols: services with their routers, services and middlewares', () => {
  const symbols = documentSymbols(project(), FILE);
  const outline = symbols.map((s) => ({
    name: s.name,
    sel: main.slice(s.selectionRange.start, s.selectionRange.end),
    children: s.children.map((c) => `${c.kind} ${c.name} ${main.slice(c.selectionRange.start, c.selectionRange.end)}`),
  }));
  assert.deepEqual(outline, [
    { name: 'api', sel: 'api', children: ['router api api', 'middleware strip strip', 'service api api'] },
    { name: 'web', sel: 'web', children: ['router web web', 'middleware chain1 chain1', 'middleware other other'] },
  ]);
  for (const s of symbols) {
    for (const c of s.children) {
      assert.ok(s.range.start <= c.range.start && c.range.end <= s.range.end);
      assert.ok(c.range.start <= c.selectionRange.start && c.selectionRange.end <= c.range.end);
    }
  }
  assert.equal(symbols[0].children[0].detail, 'http PathPrefix(`/api`)');
});

for (const [label, children] of [
  ['traefik.http.routers.', []],
  ['traefik.http.middlewares..stripprefix.prefixes=/x', []],
  ['"traefik.http.routers.', []],
  ['traefik.http.routers.a', ['router a']],
] as const) {
  test(`documentSymbols: no symbol without a name while typing ${label}`, () => {
    const text = yaml`
      services:
        web:
          image: nginx
          labels:
            - ${label}
    `;
    const [web] = documentSymbols(projectOf(text), FILE);
    assert.equal(web.name, 'web');
    assert.deepEqual(
      web.children.map((c) => `${c.kind} ${c.name}`),
      children,
    );
  });
}

test("definition: an entry point leads to where Traefik's static configuration declares it", () => {
  const text = yaml`
    services:
      traefik:
        image: traefik:v3.7
        command:
          - --entrypoints.web.address=:80
          - --entrypoints.websecure.address=:443
      api:
        image: nginx
        labels:
          - traefik.http.routers.api.entrypoints=web,websecure
  `;
  const offset = text.indexOf('web,websecure') + 'web,webs'.length;
  const found = definition(projectOf(text), FILE, offset);
  assert.equal(found.length, 1);
  assert.equal(found[0].file, FILE);
  assert.match(text.slice(found[0].range.start, found[0].range.end), /websecure/);
  assert.ok(found[0].range.end <= text.indexOf('  api:'), 'in the Traefik service');
});

// An override file that replaces a service's labels (`labels: !override`) or drops them
// (`!reset`, compose spec 13-merge.md): its own labels are the only ones Traefik sees, so
// definition and the name's hover answer from them, never from the base file's replaced ones.
const BASE = yaml`
  services:
    web:
      image: nginx
      labels:
        traefik.http.routers.web.rule: Host(\`old.example\`)
        traefik.http.routers.web.middlewares: auth
        traefik.http.middlewares.auth.basicauth.users: old:p
`;
const REPLACED: Record<string, string> = {
  '!override map': yaml`
    services:
      web:
        labels: !override
          traefik.http.routers.web.rule: Host(\`web.example\`)
          traefik.http.routers.web.middlewares: auth
          traefik.http.middlewares.auth.basicauth.users: u:p
  `,
  '!override list': yaml`
    services:
      web:
        labels: !override
          - traefik.http.routers.web.rule=Host(\`web.example\`)
          - traefik.http.routers.web.middlewares=auth
          - traefik.http.middlewares.auth.basicauth.users=u:p
  `,
  '!reset, then labels again in a later file': yaml`
    services:
      web:
        labels: !reset []
  `,
};

for (const [name, text] of Object.entries(REPLACED)) {
  test(`replaced labels (${name}): definition and hover answer from the override's labels only`, () => {
    const others: Record<string, string> = { 'docker-compose.override.yml': text };
    let labels = text;
    let file = OVERRIDE;
    if (name.startsWith('!reset')) {
      labels = REPLACED['!override list'].replace(': !override', ':');
      others['docker-compose.later.yml'] = labels;
      file = '/project/docker-compose.later.yml';
    }
    const p = projectOf(BASE, { others });
    const reference = labels.indexOf('auth', labels.indexOf('web.middlewares')) + 1;
    const found = definition(p, file, reference).map((l) => ({
      file: l.file,
      text: labels.slice(l.range.start, l.range.end),
    }));
    assert.deepEqual(found, [{ file, text: 'auth' }]);
    const h = hover(p, file, labels.indexOf('routers.web.') + 'routers.w'.length);
    assert.ok(h);
    assert.doesNotMatch(h.markdown, /docker-compose\.yml/, h.markdown);
    assert.match(h.markdown, /Defined on `web`/);
  });
}
