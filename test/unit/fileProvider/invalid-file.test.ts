// invalid-dynamic-file: a file of the file provider that is not valid YAML or TOML is an error
// where the parser stops; Traefik loads nothing from it (nor, in a directory, from its siblings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

const compose = (provider: string, mount: string) => yaml`
  services:
    traefik:
      image: traefik:v3.3
      command: --providers.docker --providers.file.${provider}
      volumes:
        - ${mount}
    app:
      image: app
      labels:
        - traefik.http.routers.app.rule=Host(\`a.example\`)
        - traefik.http.routers.app.middlewares=auth@file
        - traefik.http.services.app.loadbalancer.server.port=80
`;
const filename = compose('filename=/etc/traefik/dynamic.yml', './dynamic.yml:/etc/traefik/dynamic.yml:ro');
const directory = compose('directory=/config', './config:/config:ro');
const auth = 'http:\n  middlewares:\n    auth:\n      basicAuth:\n        users: ["u:p"]\n';

const cases: { name: string; compose: string; files: Record<string, string>; expect: string[] }[] = [
  {
    name: 'sibling keys at different columns (YAML)',
    compose: filename,
    files: { '/project/dynamic.yml': 'http:\n  middlewares:\n        auth:\n      forwardAuth:\n        address: x\n' },
    expect: [
      'invalid-dynamic-file Traefik cannot decode /etc/traefik/dynamic.yml: All mapping items must start at the same column',
      'undefined-middleware auth@file',
    ],
  },
  {
    name: 'a TOML file that does not parse',
    compose: compose('filename=/etc/traefik/dynamic.toml', './dynamic.toml:/etc/traefik/dynamic.toml:ro'),
    files: { '/project/dynamic.toml': '[http.middlewares.auth.basicAuth]\nusers = ["u:p"\n' },
    expect: ['invalid-dynamic-file', 'undefined-middleware auth@file'],
  },
  {
    name: 'in a directory, the broken file takes its valid sibling with it',
    compose: directory,
    files: { '/project/config/a.yml': auth, '/project/config/b.yml': 'http:\n  routers:\n   x: 1\n  y: [\n' },
    expect: ['invalid-dynamic-file', 'undefined-middleware auth@file'],
  },
  { name: 'a valid file', compose: directory, files: { '/project/config/a.yml': auth }, expect: [] },
  {
    // yaml.v3's Unmarshal (paerser file/file.go DecodeContent) decodes the first document only.
    name: 'a second YAML document is not read',
    compose: filename,
    files: { '/project/dynamic.yml': '---\n' + auth + '---\nhttp:\n  routers: [\n' },
    expect: [],
  },
  {
    name: 'a broken first document is',
    compose: filename,
    files: { '/project/dynamic.yml': 'http:\n  middlewares: [\n---\n' + auth },
    expect: ['invalid-dynamic-file', 'undefined-middleware auth@file'],
  },
  {
    name: 'a file only a template makes invalid is not judged',
    compose: filename,
    files: { '/project/dynamic.yml': auth + '{{ if true }}\n  : x\n{{ end }}\n' },
    expect: [],
  },
  {
    // Go's template parser: a backslash in an action is no operand (text/template/parse parse.go command).
    name: 'a template action with YAML-escaped quotes: Traefik cannot render the file',
    compose: filename,
    files: {
      '/project/dynamic.yml':
        auth + '  routers:\n    r:\n      rule: "Host(`{{ env \\"DOMAIN\\" }}`)"\n      service: s\n',
    },
    expect: [
      'invalid-dynamic-file Traefik cannot render /etc/traefik/dynamic.yml as a Go template: unexpected "\\\\" in operand',
      'undefined-middleware auth@file',
    ],
  },
  {
    name: 'in a directory, the file that does not render takes its siblings with it',
    compose: directory,
    files: {
      '/project/config/a.yml': auth,
      '/project/config/b.yml':
        'http:\n  routers:\n    r:\n      rule: Host(`{{ env \\"DOMAIN\\" }}`)\n      service: s\n',
    },
    expect: ['invalid-dynamic-file', 'undefined-middleware auth@file'],
  },
  {
    name: 'plain quotes in the action, backslashes inside its strings, a comment: rendered, not judged',
    compose: filename,
    files: {
      '/project/dynamic.yml':
        auth +
        '  routers:\n    r:\n      rule: "Host(`{{ env "DOMAIN" }}`) && PathRegexp(`{{ "^/a\\\\.b" }}`)"\n      service: s\n{{/* a \\ in a comment */}}\n',
    },
    expect: [],
  },
  {
    name: 'a file the provider does not read is not judged',
    compose: filename,
    files: { '/project/dynamic.yml': auth, '/project/other.yml': 'a: [\n' },
    expect: [],
  },
];

for (const c of cases) {
  test(`invalid-dynamic-file: ${c.name}`, () => {
    const got = [
      ...run('invalid-dynamic-file', c.compose, { mounted: c.files }),
      ...run('undefined-middleware', c.compose, { mounted: c.files }),
    ];
    // An expectation with more than the code also names the message (invalid-dynamic-file) or the underlined text.
    const shown = got.map((f, i) =>
      c.expect[i]?.includes(' ') ? `${f.code} ${f.code === 'undefined-middleware' ? f.text : f.message}` : f.code,
    );
    assert.deepEqual(shown, c.expect);
  });
}
