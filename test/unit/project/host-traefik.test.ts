// A project without a Traefik of its own is judged by the one Traefik of the run that shares an
// external network with it (traefik/hostTraefik.ts): issue 11, min-11.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import {
  hostTraefikFor,
  mayRunTraefik,
  traefikOffer,
  wantsHostTraefik,
} from '../../../server/src/analysis/traefik/hostTraefik';

const TRAEFIK_YML = `entryPoints:
  web:
    address: ":80"
  websecure:
    address: ":443"
providers:
  docker:
    exposedByDefault: false
`;

/** A Traefik project in /t: its `networks:` block (and the service's list) as given. */
const traefik = (networks: string, command = '', list = '[proxy]'): string => `services:
  traefik:
    image: traefik:v3.1
${command}    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - ./traefik.yml:/etc/traefik/traefik.yml:ro
    networks: ${list}
networks:
${networks}`;

/** A Traefik a script starts, without a traefik.yml: the flags the script passes are not seen. */
const SCRIPTED = `services:
  traefik:
    image: traefik:v3.1
    entrypoint: ["/start.sh"]
    volumes: ["./start.sh:/start.sh:ro"]
    networks: [proxy]
networks:
  proxy:
    external: true
`;

const EXTERNAL = '  proxy:\n    external: true\n';
const NAMED = '  proxy:\n    name: proxy\n';

/** An app in /a on the network key `proxy`, declared as given. */
const app = (networks: string, extra = ''): string => `services:
  web:
    image: nginx:1.27
    networks: [proxy]
    labels:
      - traefik.enable=true
      - traefik.http.routers.web.rule=Host(\`a.example\`)
      - traefik.http.routers.web.entrypoints=websecur
${extra}networks:
${networks}`;

const cases: { name: string; traefiks: string[]; app: string; found: string[] }[] = [
  {
    name: "an external proxy network on both sides: Traefik's entry points",
    traefiks: [traefik(EXTERNAL)],
    app: app(EXTERNAL),
    found: ['undefined-entrypoint'],
  },
  {
    name: "Traefik's network named proxy by name:",
    traefiks: [traefik(NAMED)],
    app: app(EXTERNAL),
    found: ['undefined-entrypoint'],
  },
  {
    name: 'the app names the external network by name:',
    traefiks: [traefik(EXTERNAL)],
    app: app('  traefik_net:\n    external: true\n    name: proxy\n').replace(
      'networks: [proxy]',
      'networks: [traefik_net]',
    ),
    found: ['undefined-entrypoint'],
  },
  {
    // Compose creates t_proxy for Traefik: another network than the app's external proxy.
    name: "Traefik's proxy without name: is t_proxy",
    traefiks: [traefik('  proxy: {}\n')],
    app: app(EXTERNAL),
    found: [],
  },
  {
    name: 'the app creates its own network proxy: not external',
    traefiks: [traefik(EXTERNAL)],
    app: app(NAMED),
    found: [],
  },
  {
    name: 'two Traefiks on proxy: which one routes the app is not known',
    traefiks: [traefik(EXTERNAL), traefik(EXTERNAL)],
    app: app(EXTERNAL),
    found: [],
  },
  {
    name: 'a script starts Traefik: its static configuration is unknown',
    traefiks: [SCRIPTED],
    app: app(EXTERNAL),
    found: [],
  },
  {
    name: 'the app runs a Traefik of its own: judged by it alone',
    traefiks: [traefik(EXTERNAL)],
    app: app(
      EXTERNAL,
      '  proxy:\n    image: traefik:v3.1\n    command: ["--providers.docker", "--entrypoints.websecur.address=:443"]\n    networks: [proxy]\n',
    ).replace('  proxy:\n    image', '  own:\n    image'),
    found: [],
  },
];

for (const c of cases) {
  test(`host Traefik: ${c.name}`, () => {
    const analyzer = new Analyzer();
    const offers = c.traefiks.flatMap((text, i) => {
      const folder = `/t${i}`;
      const files: Record<string, string> = { [`${folder}/traefik.yml`]: TRAEFIK_YML };
      const result = analyzer.analyze({ files: [{ file: `${folder}/compose.yaml`, text }], readFile: (f) => files[f] });
      return traefikOffer(result.project, `t${i}/compose.yaml`) ?? [];
    });
    const input = { files: [{ file: '/a/compose.yaml', text: c.app }] };
    const alone = analyzer.analyze(input);
    const host = hostTraefikFor(alone.project, offers);
    const result = host ? analyzer.analyze({ ...input, options: { traefikElsewhere: host } }) : alone;
    assert.deepEqual(
      result.findings.filter((f) => f.severity !== 'info').map((f) => f.code),
      c.found,
    );
    for (const f of result.findings) assert.equal(f.file, '/a/compose.yaml', 'findings stay in the app');
    if (host)
      assert.match(result.findings[0].explanation ?? '', /of the Traefik in t0\/compose\.yaml defines web, websecure/);
  });
}

test('host Traefik: its version is the app version, and says where', () => {
  const analyzer = new Analyzer();
  const files: Record<string, string> = { '/t/traefik.yml': TRAEFIK_YML };
  const text = traefik(EXTERNAL).replace('traefik:v3.1', 'traefik:v2.11');
  const traefikResult = analyzer.analyze({ files: [{ file: '/t/compose.yaml', text }], readFile: (f) => files[f] });
  const offer = traefikOffer(traefikResult.project, 't/compose.yaml')!;
  const input = { files: [{ file: '/a/compose.yaml', text: app(EXTERNAL) }] };
  const host = hostTraefikFor(analyzer.analyze(input).project, [offer])!;
  const { project } = analyzer.analyze({ ...input, options: { traefikElsewhere: host } });
  assert.deepEqual(project.versionFact, {
    assumed: 'v2',
    source: 'workspace',
    why: 'image traefik:v2.11 (service traefik) in t/compose.yaml',
  });
  // exposedByDefault: false of the host's docker provider applies to the app's containers.
  assert.equal(project.staticConfig.docker?.exposedByDefault, false);
});

// Issue 11, trial4 min-2: the host's file provider (mounted in its project) defines `x@file` for
// the app's routers too (pkg/provider/file; pkg/server/provider GetQualifiedName).
const WITH_FILE = `${TRAEFIK_YML}  file:\n    directory: /dynamic\n`;
const DYNAMIC = 'http:\n  middlewares:\n    security-headers:\n      headers:\n        stsSeconds: 1\n';
const fileRows: { name: string; dynamic: string | undefined; middleware: string; found: string[] }[] = [
  {
    name: 'a typo of its middleware',
    dynamic: DYNAMIC,
    middleware: 'security-header@file',
    found: ['undefined-middleware'],
  },
  { name: 'its middleware', dynamic: DYNAMIC, middleware: 'security-headers@file', found: [] },
  {
    name: 'a templated dynamic file: quiet',
    dynamic: `{{ if true }}${DYNAMIC}{{ end }}`,
    middleware: 'x@file',
    found: [],
  },
  { name: 'an unreadable directory: quiet', dynamic: undefined, middleware: 'x@file', found: [] },
];

for (const row of fileRows) {
  test(`host Traefik's file provider: ${row.name}`, () => {
    const analyzer = new Analyzer();
    const files: Record<string, string> = { '/t/traefik.yml': WITH_FILE };
    if (row.dynamic !== undefined) files['/t/dynamic/m.yml'] = row.dynamic;
    const text = traefik(EXTERNAL).replace('traefik.yml:ro\n', 'traefik.yml:ro\n      - ./dynamic:/dynamic:ro\n');
    const listDir = (dir: string) =>
      dir === '/t/dynamic' && row.dynamic !== undefined ? [{ name: 'm.yml', directory: false }] : undefined;
    const traefikResult = analyzer.analyze({
      files: [{ file: '/t/compose.yaml', text }],
      readFile: (f) => files[f],
      listDir,
    });
    const offer = traefikOffer(traefikResult.project, 't/compose.yaml')!;
    const labels = `      - traefik.http.routers.web.middlewares=${row.middleware}\n`;
    const input = {
      files: [{ file: '/a/compose.yaml', text: app(EXTERNAL, '').replace('networks:\n', `${labels}networks:\n`) }],
    };
    const host = hostTraefikFor(analyzer.analyze(input).project, [offer])!;
    const result = analyzer.analyze({ ...input, options: { traefikElsewhere: host } });
    const codes = result.findings.filter((f) => f.severity !== 'info').map((f) => f.code);
    assert.deepEqual(codes.sort(), ['undefined-entrypoint', ...row.found]);
    const missing = result.findings.find((f) => f.code === 'undefined-middleware');
    if (row.found.length) assert.match(missing?.message ?? '', /did you mean "security-headers@file"/);
  });
}

// What the editor looks at before analysing a workspace folder's projects for their Traefik
// (projects.ts findTraefiks): a cheap look, so a miss costs a judgement, a false hit an analysis.
const MAY_RUN: [string, string, boolean][] = [
  ['an image traefik:tag', 'services:\n  proxy:\n    image: traefik:v3.1\n', true],
  ['a registry path and quotes', 'services:\n  proxy:\n    image: "docker.io/library/traefik:v2.11"\n', true],
  ['a digest', 'services:\n  proxy:\n    image: traefik@sha256:abc\n', true],
  ['a service named traefik built from a Dockerfile', 'services:\n  traefik:\n    build: ./traefik\n', true],
  [
    'an app with traefik labels only',
    'services:\n  web:\n    image: nginx\n    labels:\n      - traefik.enable=true\n',
    false,
  ],
  ['traefik/whoami is not Traefik', 'services:\n  whoami:\n    image: traefik/whoami\n', false],
];

for (const [name, text, expect] of MAY_RUN) {
  test(`mayRunTraefik: ${name}`, () => assert.equal(mayRunTraefik(text), expect));
}

const WANTS: [string, string, boolean][] = [
  ['an app on an external network', app(EXTERNAL), true],
  ['an app on a network of its own', app('  proxy: {}\n'), false],
  ['a project running Traefik', traefik(EXTERNAL), false],
];

for (const [name, text, expect] of WANTS) {
  test(`wantsHostTraefik: ${name}`, () => {
    const project = new Analyzer().project({ files: [{ file: '/a/compose.yaml', text }], readFile: () => undefined });
    assert.equal(wantsHostTraefik(project), expect);
  });
}

// Issue 11: a Traefik folder's base file with and without a -f variant starts one container, so
// it is one Traefik, not "several": judged by it when the variants agree on what the app is judged
// with, else by neither (which variant runs is not known).
const VARIANTS: [string, string, string[]][] = [
  [
    'a variant that only adds a restart policy: one Traefik',
    'services:\n  traefik:\n    restart: always\n',
    ['undefined-entrypoint'],
  ],
  [
    'a variant giving other entry points: not known which runs',
    'services:\n  traefik:\n    volumes:\n      - ./traefik.prod.yml:/etc/traefik/traefik.yml:ro\n',
    [],
  ],
];

for (const [name, variant, found] of VARIANTS) {
  test(`host Traefik, variants of one project: ${name}`, () => {
    const analyzer = new Analyzer();
    const files: Record<string, string> = {
      '/t/traefik.yml': TRAEFIK_YML,
      '/t/traefik.prod.yml': TRAEFIK_YML.replace('websecure:', 'websecur:'),
    };
    const base = { file: '/t/compose.yaml', text: traefik(EXTERNAL) };
    const offers = [[base], [base, { file: '/t/compose.prod.yaml', text: variant }]].flatMap(
      (set) =>
        traefikOffer(analyzer.analyze({ files: set, readFile: (f) => files[f] }).project, 't/compose.yaml') ?? [],
    );
    assert.equal(offers.length, 2);
    const input = { files: [{ file: '/a/compose.yaml', text: app(EXTERNAL) }] };
    const host = hostTraefikFor(analyzer.analyze(input).project, offers);
    const result = host ? analyzer.analyze({ ...input, options: { traefikElsewhere: host } }) : analyzer.analyze(input);
    assert.deepEqual(
      result.findings.filter((f) => f.severity !== 'info').map((f) => f.code),
      found,
    );
  });
}
