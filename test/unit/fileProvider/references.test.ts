// `<name>@file` references against the file provider's files, in each form Traefik reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

const compose = (flags: string, volumes: string, middlewares: string) => yaml`
  services:
    traefik:
      image: traefik:v3.1
      command:
${flags}
      volumes:
${volumes}
    app:
      image: app
      labels:
        - traefik.http.routers.app.rule=Host(\`a.example\`)
        - traefik.http.routers.app.middlewares=${middlewares}
        - traefik.http.services.app.loadbalancer.server.port=80
`;

const FILE_FLAGS = '        - --providers.docker\n        - --providers.file.filename=/etc/traefik/dynamic.yml';
const DIR_FLAGS = '        - --providers.docker\n        - --providers.file.directory=/dynamic';
const FILE_VOLUME = '        - ./dynamic.yml:/etc/traefik/dynamic.yml:ro';
const DIR_VOLUME = '        - ./dynamic:/dynamic:ro';

const AUTH_YAML = 'http:\n  middlewares:\n    auth:\n      basicAuth:\n        users:\n          - "u:p"\n';
const HEADERS_TOML = '[http.middlewares.secure-headers.headers]\n  frameDeny = true\n';

interface Case {
  name: string;
  flags: string;
  volumes: string;
  middlewares: string;
  mounted: Record<string, string>;
  expect: { severity: string; text: string; suggestion?: string; message?: RegExp }[];
}

const cases: Case[] = [
  {
    name: 'one YAML file: a defined name resolves',
    flags: FILE_FLAGS,
    volumes: FILE_VOLUME,
    middlewares: 'auth@file',
    mounted: { '/project/dynamic.yml': AUTH_YAML },
    expect: [],
  },
  {
    name: 'one YAML file: a typo is an error with a suggestion',
    flags: FILE_FLAGS,
    volumes: FILE_VOLUME,
    middlewares: 'authh@file',
    mounted: { '/project/dynamic.yml': AUTH_YAML },
    expect: [{ severity: 'error', text: 'authh@file', suggestion: 'auth@file' }],
  },
  {
    name: 'a directory of YAML and TOML: names from both files resolve',
    flags: DIR_FLAGS,
    volumes: DIR_VOLUME,
    middlewares: 'auth@file,secure-headers@file',
    mounted: { '/project/dynamic/auth.yml': AUTH_YAML, '/project/dynamic/sub/headers.toml': HEADERS_TOML },
    expect: [],
  },
  {
    name: 'a directory: a name no file defines, far from any, is an error',
    flags: DIR_FLAGS,
    volumes: DIR_VOLUME,
    middlewares: 'compress-everything@file',
    mounted: { '/project/dynamic/auth.yml': AUTH_YAML },
    expect: [{ severity: 'error', text: 'compress-everything@file', message: /not defined by the file provider/ }],
  },
  {
    name: 'a directory: files other than .yml/.yaml/.toml are not read',
    flags: DIR_FLAGS,
    volumes: DIR_VOLUME,
    middlewares: 'auth@file',
    mounted: { '/project/dynamic/auth.yml.bak': AUTH_YAML, '/project/dynamic/README.md': '# x' },
    expect: [{ severity: 'error', text: 'auth@file', message: /not defined by the file provider/ }],
  },
  // Trial m-dirfile (DDeki/RGZ_Traefik): Traefik lists the directory inside its container
  // (pkg/provider/file/file.go loadFileConfigFromDirectory), so a file bind-mounted on its own
  // into it is read like one in a mounted folder.
  {
    name: 'a file bind-mounted alone into the directory: its names count',
    flags: DIR_FLAGS,
    volumes: '        - ./traefik/dynamic.yml:/dynamic/dynamic.yml:ro',
    middlewares: 'auth@file,authh@file',
    mounted: { '/project/traefik/dynamic.yml': AUTH_YAML },
    expect: [{ severity: 'error', text: 'authh@file', suggestion: 'auth@file' }],
  },
  {
    name: 'a mounted folder plus a file mounted into it: names from both count',
    flags: DIR_FLAGS,
    volumes: `${DIR_VOLUME}\n        - ./headers.toml:/dynamic/extra/headers.toml:ro`,
    middlewares: 'auth@file,secure-headers@file',
    mounted: { '/project/dynamic/auth.yml': AUTH_YAML, '/project/headers.toml': HEADERS_TOML },
    expect: [],
  },
  {
    name: 'a named volume on the directory and a file mounted into it: a missing name is not judged',
    flags: DIR_FLAGS,
    volumes: '        - dynamic:/dynamic\n        - ./auth.yml:/dynamic/auth.yml:ro',
    middlewares: 'auth@file,gone@file',
    mounted: { '/project/auth.yml': AUTH_YAML },
    expect: [],
  },
  {
    name: 'a file mounted into the directory that cannot be read: nothing is said',
    flags: DIR_FLAGS,
    volumes: '        - ./auth.yml:/dynamic/auth.yml:ro',
    middlewares: 'gone@file',
    mounted: {},
    expect: [],
  },
  {
    name: 'the file provider is not mounted from the project: nothing is said',
    flags: FILE_FLAGS,
    volumes: '        - traefik-config:/etc/traefik',
    middlewares: 'auht@file',
    mounted: {},
    expect: [],
  },
  {
    name: 'the mounted file cannot be read: nothing is said',
    flags: FILE_FLAGS,
    volumes: FILE_VOLUME,
    middlewares: 'auht@file',
    mounted: {},
    expect: [],
  },
  {
    name: 'a Go template: its names count, a missing one is not judged',
    flags: FILE_FLAGS,
    volumes: FILE_VOLUME,
    middlewares: 'auth@file,{{x}}@file,other@file',
    mounted: {
      '/project/dynamic.yml':
        'http:\n  middlewares:\n{{ range $i, $e := until 3 }}\n    m{{ $i }}:\n      stripPrefix:\n        prefixes: ["/{{ $i }}"]\n{{ end }}\n    auth:\n      basicAuth:\n        users: ["{{ env "U" }}"]\n',
    },
    expect: [],
  },
  // Trial min-9: one Go-template file in the directory silenced every @file check. A template
  // that renders only values (env, a rule's host) leaves the names as written: a name no file
  // defines is still missing.
  {
    name: 'a directory with a template that renders only values: a missing name is still an error',
    flags: DIR_FLAGS,
    volumes: DIR_VOLUME,
    middlewares: 'authh@file,gone@file',
    mounted: {
      '/project/dynamic/auth.yml': AUTH_YAML,
      '/project/dynamic/routes.yml':
        'http:\n  routers:\n    api:\n      rule: Host(`{{ env "DOMAIN" }}`)\n      service: api\n{{ if env "TLS" }}\n      tls: {}\n{{ end }}\n  services:\n    api:\n      loadBalancer:\n        servers:\n          - url: "{{ env "API" }}"\n',
    },
    expect: [
      { severity: 'error', text: 'authh@file', suggestion: 'auth@file' },
      { severity: 'error', text: 'gone@file' },
    ],
  },
  {
    name: 'a TOML template naming a table from a variable: a missing name is not judged',
    flags: DIR_FLAGS,
    volumes: DIR_VOLUME,
    middlewares: 'gone@file',
    mounted: {
      '/project/dynamic/auth.yml': AUTH_YAML,
      '/project/dynamic/gen.toml': '[http.middlewares.{{ env "NAME" }}.headers]\n  frameDeny = true\n',
    },
    expect: [],
  },
  {
    name: 'a template printing a whole block on its own line: a missing name is not judged',
    flags: DIR_FLAGS,
    volumes: DIR_VOLUME,
    middlewares: 'gone@file',
    mounted: {
      '/project/dynamic/auth.yml': AUTH_YAML,
      '/project/dynamic/gen.yml': 'http:\n  middlewares:\n{{ template "more" . }}\n',
    },
    expect: [],
  },
  {
    name: 'no file provider in a known static configuration: an error',
    flags: '        - --providers.docker',
    volumes: FILE_VOLUME,
    middlewares: 'auth@file',
    mounted: { '/project/dynamic.yml': AUTH_YAML },
    expect: [{ severity: 'error', text: 'auth@file', message: /needs the file provider/ }],
  },
  {
    name: 'a name without @ that only the file provider defines: write name@file',
    flags: FILE_FLAGS,
    volumes: FILE_VOLUME,
    middlewares: 'auth',
    mounted: { '/project/dynamic.yml': AUTH_YAML },
    expect: [{ severity: 'error', text: 'auth', suggestion: 'auth@file' }],
  },
  {
    name: 'knock-on: the only file defining the name does not parse, so Traefik refuses it',
    flags: FILE_FLAGS,
    volumes: FILE_VOLUME,
    middlewares: 'auth@file',
    mounted: { '/project/dynamic.yml': `${AUTH_YAML}  bad: [\n` },
    expect: [{ severity: 'error', text: 'auth@file', message: /refuses/ }],
  },
  {
    name: 'knock-on: one refused file in a directory takes every name of the directory with it',
    flags: DIR_FLAGS,
    volumes: DIR_VOLUME,
    middlewares: 'auth@file',
    mounted: { '/project/dynamic/auth.yml': AUTH_YAML, '/project/dynamic/broken.toml': '[http.middlewares\n' },
    expect: [{ severity: 'error', text: 'auth@file', message: /refuses/ }],
  },
];

for (const c of cases) {
  test(`@file references: ${c.name}`, () => {
    const got = run('undefined-middleware', compose(c.flags, c.volumes, c.middlewares), { mounted: c.mounted });
    assert.equal(got.length, c.expect.length, JSON.stringify(got, null, 1));
    got.forEach((f, i) => {
      const want = c.expect[i];
      assert.equal(f.severity, want.severity);
      assert.equal(f.text, want.text);
      if (want.suggestion) assert.equal(f.data?.suggestion, want.suggestion);
      if (want.message) assert.match(f.message, want.message);
    });
  });
}
