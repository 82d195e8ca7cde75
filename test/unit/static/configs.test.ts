// Traefik's static file given by compose `configs:` (compose spec 05-services.md configs,
// 08-configs.md): created at `target` (default `/<source>`) from `file:` or inline `content:`,
// which compose interpolates. Trial m-configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll } from '../../helpers';

const STATIC = 'entryPoints:\n  websecure:\n    address: ":443"\nproviders:\n  docker: {}\n';
const indent = (text: string, n: number): string =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

const compose = (attach: string, define: string): string =>
  `services:
  traefik:
    image: traefik:v3.1
    command: [--log.level=DEBUG]
    configs:
${attach}
  app:
    image: nginx
    labels:
      - traefik.http.routers.app.rule=Host(\`a.example\`)
      - traefik.http.routers.app.entrypoints=websecur
configs:
  traefik_static:
${define}
`;

const LONG = '      - source: traefik_static\n        target: /etc/traefik/traefik.yml';
const CONTENT = `    content: |\n${indent(STATIC, 6)}`;

interface Case {
  name: string;
  attach: string;
  define: string;
  mounted?: Record<string, string>;
  /** `code text` of every finding among undefined-entrypoint, ignored-static-config, literal-variable, invalid-value. */
  expect: string[];
}

const cases: Case[] = [
  {
    name: 'inline content at /etc/traefik/traefik.yml: its entry points count, findings land in the compose file',
    attach: LONG,
    define: CONTENT,
    expect: ['undefined-entrypoint websecur', 'ignored-static-config --log.level=DEBUG'],
  },
  {
    name: 'a file: config: the file is read from the project directory',
    attach: LONG,
    define: '    file: ./traefik.yml',
    mounted: { '/project/traefik.yml': STATIC },
    expect: ['undefined-entrypoint websecur', 'ignored-static-config --log.level=DEBUG'],
  },
  {
    name: 'a file: config without ./',
    attach: LONG,
    define: '    file: traefik.yml',
    mounted: { '/project/traefik.yml': STATIC },
    expect: ['undefined-entrypoint websecur', 'ignored-static-config --log.level=DEBUG'],
  },
  {
    name: 'short syntax: created at /traefik_static, a path Traefik does not look at',
    attach: '      - traefik_static',
    define: CONTENT,
    expect: [],
  },
  {
    name: 'long syntax without target: /traefik_static, not read either',
    attach: '      - source: traefik_static',
    define: CONTENT,
    expect: [],
  },
  {
    name: 'compose interpolates content: ${VAR} there is no literal variable, and its value is not judged',
    attach: LONG,
    define: `    content: |\n${indent(`entryPoints:\n  websecure:\n    address: ":443"\n    http:\n      redirections:\n        entryPoint:\n          to: \${TARGET}\nproviders:\n  docker: {}\ncertificatesResolvers:\n  le:\n    acme:\n      email: \${ACME_EMAIL}\n      tlsChallenge: {}\n`, 6)}`,
    expect: ['undefined-entrypoint websecur', 'ignored-static-config --log.level=DEBUG'],
  },
  {
    name: 'a file: config is not interpolated: ${VAR} in it is literal',
    attach: LONG,
    define: '    file: ./traefik.yml',
    mounted: {
      '/project/traefik.yml': `${STATIC}certificatesResolvers:\n  le:\n    acme:\n      email: \${ACME_EMAIL}\n`,
    },
    expect: [
      'undefined-entrypoint websecur',
      'ignored-static-config --log.level=DEBUG',
      'literal-variable ${ACME_EMAIL}',
    ],
  },
  {
    name: 'folded content cannot be read in place: Traefik loads it, its entry points are unknown',
    attach: LONG,
    define: `    content: >\n${indent(STATIC, 6)}`,
    expect: ['ignored-static-config --log.level=DEBUG'],
  },
  {
    name: 'a config from the environment: loaded, unknown',
    attach: LONG,
    define: '    environment: TRAEFIK_STATIC',
    expect: ['ignored-static-config --log.level=DEBUG'],
  },
  {
    name: 'a file: config that cannot be read: loaded, unknown',
    attach: LONG,
    define: '    file: ./missing.yml',
    expect: ['ignored-static-config --log.level=DEBUG'],
  },
];

const CODES = new Set(['undefined-entrypoint', 'ignored-static-config', 'literal-variable', 'invalid-value']);

for (const c of cases) {
  test(`static configs: ${c.name}`, () => {
    const got = runAll(compose(c.attach, c.define), { mounted: c.mounted })
      .filter((f) => CODES.has(f.code))
      .map((f) => `${f.code} ${f.text}`);
    assert.deepEqual(got.sort(), [...c.expect].sort());
  });
}

// The keys of an inline content Traefik loads are judged like a mounted file's, on the content's text.
const keyCases: { name: string; target?: string; content: string; expect: string[] }[] = [
  {
    name: 'a misspelt provider key',
    content: 'entryPoints:\n  web:\n    address: ":80"\nproviders:\n  dockr: {}\n',
    expect: ['error dockr: unknown static configuration key "dockr": did you mean "docker"?'],
  },
  {
    name: 'an unknown top-level key is a warning',
    content: 'entryPoint:\n  web:\n    address: ":80"\nproviders:\n  docker: {}\n',
    expect: ['warning entryPoint: unknown top-level key "entryPoint": did you mean "entryPoints"?'],
  },
  { name: 'a clean file', content: STATIC, expect: [] },
  {
    name: 'a key compose interpolates is not judged',
    content: 'entryPoints:\n  web:\n    address: ":80"\nproviders:\n  ${PROVIDER}:\n    exposedByDefault: false\n',
    expect: [],
  },
  {
    name: 'TOML content at traefik.toml',
    target: '/etc/traefik/traefik.toml',
    content: '[entryPoints.web]\n  adress = ":80"\n[providers.docker]\n',
    expect: ['error adress: unknown static configuration key "adress": did you mean "address"?'],
  },
  {
    name: 'content attached where Traefik does not look is not its static file',
    target: '/srv/traefik.yml',
    content: 'providers:\n  dockr: {}\n',
    expect: [],
  },
];

for (const c of keyCases) {
  test(`static configs: inline content keys, ${c.name}`, () => {
    const attach = `      - source: traefik_static\n        target: ${c.target ?? '/etc/traefik/traefik.yml'}`;
    const got = runAll(compose(attach, `    content: |\n${indent(c.content, 6)}`))
      .filter((f) => f.code === 'unknown-static-key')
      .map((f) => `${f.severity} ${f.text}: ${f.message}`);
    assert.deepEqual(got, c.expect);
  });
}
