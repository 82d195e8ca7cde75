// A reference `name@provider` whose provider Traefik does not have (undefined-service /
// undefined-middleware: Traefik looks the name up as written, pkg/server/provider/provider.go
// GetQualifiedName), and the docker provider's defaultRule that Traefik cannot use (rule-syntax
// on the static configuration: pkg/provider/docker/pdocker.go Init, pkg/muxer/http/mux.go AddRoute).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, codeActions } from '../../../server/src/analysis';
import { run } from '../../helpers';

const TRAEFIK = [
  '  traefik:',
  '    image: traefik:v3.1',
  '    command: [--api=true, --providers.docker=true, --providers.file.filename=/etc/dyn.yml]',
  '    volumes: [./dyn.yml:/etc/dyn.yml]',
].join('\n');
const DYN = { '/project/dyn.yml': 'http:\n  middlewares:\n    auth:\n      basicAuth:\n        users: [u:p]\n' };
const router = (field: string): string =>
  `services:\n${TRAEFIK}\n  web:\n    image: traefik/whoami\n    labels:\n` +
  `      - traefik.http.routers.web.rule=Host(\`w.example.com\`)\n      - traefik.http.routers.web.${field}\n`;

const references: { name: string; code: string; field: string; expect: string[] }[] = [
  {
    name: 'api@internl',
    code: 'undefined-service',
    field: 'service=api@internl',
    expect: ['error api@internl: Traefik has no provider "internl": did you mean "api@internal"?'],
  },
  {
    name: 'auth@fil',
    code: 'undefined-middleware',
    field: 'middlewares=auth@fil',
    expect: ['error auth@fil: Traefik has no provider "fil": did you mean "auth@file"?'],
  },
  {
    name: 'a case slip: names are looked up as written',
    code: 'undefined-middleware',
    field: 'middlewares=auth@File',
    expect: ['error auth@File: Traefik has no provider "File": did you mean "auth@file"?'],
  },
  {
    name: 'a name near no provider: a warning',
    code: 'undefined-middleware',
    field: 'middlewares=auth@elsewhere',
    expect: ['warning auth@elsewhere'],
  },
  {
    name: 'another provider Traefik has',
    code: 'undefined-middleware',
    field: 'middlewares=auth@kubernetescrd',
    expect: [],
  },
  { name: 'a plugin provider', code: 'undefined-middleware', field: 'middlewares=auth@plugin-demo', expect: [] },
  {
    name: 'a namespaced consul catalog',
    code: 'undefined-middleware',
    field: 'middlewares=auth@consulcatalog-ns1',
    expect: [],
  },
  { name: 'the right provider', code: 'undefined-middleware', field: 'middlewares=auth@file', expect: [] },
  { name: 'api@internal', code: 'undefined-service', field: 'service=api@internal', expect: [] },
];

for (const c of references) {
  test(`${c.code}: ${c.name}`, () => {
    const found = run(c.code, router(c.field), { mounted: DYN });
    const seen = found.map((f) => `${f.severity} ${f.text}: ${f.message}`);
    assert.deepEqual(
      seen.map((s, i) => (c.expect[i]?.includes(': ') ? s : s.slice(0, s.indexOf(': ')))),
      c.expect,
    );
  });
}

test('undefined-middleware: the quick fix names the right provider', () => {
  const text = router('middlewares=auth@fil');
  const file = '/project/docker-compose.yml';
  const analyzer = new Analyzer();
  const input = { files: [{ file, text }], readFile: (p: string) => DYN[p as keyof typeof DYN] };
  const finding = analyzer.analyze(input).findings.find((f) => f.code === 'undefined-middleware')!;
  const titles = codeActions(analyzer.project(input), file, finding).map((a) => a.title);
  assert.ok(
    titles.some((t) => t.includes('auth@file')),
    titles.join('; '),
  );
});

const MOUNT = '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n';
const project = (labels: string): string =>
  `services:\n  traefik:\n    image: traefik:v3.1\n${MOUNT}    labels: [traefik.enable=false]\n` +
  `  web:\n    image: traefik/whoami\n    labels:\n${labels}`;
const staticWith = (rule: string): Record<string, string> => ({
  '/project/traefik.yml': `providers:\n  docker:\n    defaultRule: '${rule}'\n`,
});

const defaults: { name: string; rule: string; labels?: string; expect: string[] }[] = [
  {
    name: 'a rendered rule Traefik cannot parse',
    rule: 'Host(`{{ normalize .Name }}.example.com`',
    expect: ['error Host(`{{ normalize .Name }}.example.com`: defaultRule makes a rule Traefik cannot parse'],
  },
  {
    name: 'a template Traefik cannot parse',
    rule: 'Host(`{{ normalize .Name }.example.com`)',
    expect: [
      'error Host(`{{ normalize .Name }.example.com`): defaultRule is no template Traefik can parse (unclosed action): the docker provider does not start',
    ],
  },
  {
    name: 'an if without end',
    rule: 'Host(`{{ if .Name }}x{{ normalize .Name }}.example.com`)',
    expect: ['error Host(`{{ if .Name }}x{{ normalize .Name }}.example.com`)'],
  },
  { name: 'a good template', rule: 'Host(`{{ normalize .Name }}.example.com`)', expect: [] },
  {
    name: 'a template Gateway Lens does not render is not judged',
    rule: 'Host(`{{ index .Labels "x" }}.example.com`',
    expect: [],
  },
  {
    name: 'every router has its own rule: the default rule is not used',
    rule: 'Host(`{{ normalize .Name }}.example.com`',
    labels: '      - traefik.http.routers.web.rule=Host(`w.example.com`)\n',
    expect: [],
  },
];

for (const c of defaults) {
  test(`rule-syntax: defaultRule, ${c.name}`, () => {
    const found = run('rule-syntax', project(c.labels ?? '      - traefik.enable=true\n'), {
      mounted: staticWith(c.rule),
    });
    const seen = found.map((f) => `${f.severity} ${f.text}: ${f.message}`);
    assert.equal(seen.length, c.expect.length, seen.join('\n'));
    seen.forEach((s, i) => assert.ok(s.startsWith(c.expect[i]), s));
  });
}
