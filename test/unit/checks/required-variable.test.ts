// required-variable: `${X:?err}` / `${X?err}` with X missing anywhere compose interpolates a
// string value (compose-go interpolation/interpolation.go, template/template.go): compose
// refuses the project. Judged only when the project has a .env, as undefined-variable is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { run } from '../../helpers';

const ENV = 'OTHER=1\nEMPTY=\n';
const web = (body: string): string => `services:\n  web:\n    image: nginx\n${body}`;

const cases: {
  name: string;
  text: string;
  env?: string;
  shell?: Record<string, string>;
  mounted?: Record<string, string>;
  expect: string[];
}[] = [
  {
    name: 'in a Traefik label',
    text: web('    labels:\n      - "traefik.http.routers.web.rule=Host(`${DOMAIN:?set DOMAIN}`)"\n'),
    env: ENV,
    expect: [
      '${DOMAIN:?set DOMAIN}: DOMAIN is required and not set in .env: docker compose refuses the project unless the shell sets it',
    ],
  },
  {
    name: 'in image',
    text: 'services:\n  web:\n    image: nginx:${TAG?tag}\n',
    env: ENV,
    expect: ['${TAG?tag}'],
  },
  {
    name: 'in environment, list form',
    text: web('    environment:\n      - SECRET=${SECRET:?}\n'),
    env: ENV,
    expect: ['${SECRET:?}'],
  },
  {
    name: 'in environment, map form, quoted',
    text: web("    environment:\n      SECRET: '${SECRET:?no secret}'\n"),
    env: ENV,
    expect: ['${SECRET:?no secret}'],
  },
  {
    name: 'in an include path',
    text: 'include:\n  - ${STACK:?which stack}/compose.yaml\nservices:\n  web:\n    image: nginx\n',
    env: ENV,
    expect: ['${STACK:?which stack}'],
  },
  {
    name: 'in an x- field',
    text: 'x-common: &common\n  restart: ${RESTART:?policy}\nservices:\n  web:\n    image: nginx\n',
    env: ENV,
    expect: ['${RESTART:?policy}'],
  },
  {
    name: 'in a top-level key after services',
    text: 'services:\n  web:\n    image: nginx\nnetworks:\n  proxy:\n    name: ${NET:?net}\n',
    env: ENV,
    expect: ['${NET:?net}'],
  },
  {
    name: 'in a service its profiles leave out: compose interpolates the whole file first',
    text: web('  admin:\n    image: a\n    profiles: [admin]\n    command: run ${ADMIN?}\n'),
    env: ENV,
    expect: ['${ADMIN?}'],
  },
  {
    name: 'in a nested default that compose uses',
    text: web('    command: ${A:-${B:?b}}\n'),
    env: ENV,
    expect: ['${B:?b}'],
  },
  {
    name: 'a nested default compose does not use',
    text: web('    command: ${OTHER:-${B:?b}}\n'),
    env: ENV,
    expect: [],
  },
  { name: ':? and the variable set', text: web('    command: ${OTHER:?x}\n'), env: ENV, expect: [] },
  {
    name: ':? and the variable empty',
    text: web('    command: ${EMPTY:?x}\n'),
    env: ENV,
    expect: [
      '${EMPTY:?x}: EMPTY is required and empty in .env: docker compose refuses the project unless the shell sets it',
    ],
  },
  { name: '? and the variable empty: set is enough', text: web('    command: ${EMPTY?x}\n'), env: ENV, expect: [] },
  {
    name: 'set in the shell (CLI)',
    text: web('    command: ${TOKEN:?x}\n'),
    env: ENV,
    shell: { TOKEN: 't' },
    expect: [],
  },
  { name: 'escaped: $$ is a dollar sign', text: web('    command: $${TOKEN:?x}\n'), env: ENV, expect: [] },
  {
    name: 'a mapping key is not interpolated',
    text: web('    environment:\n      ${K:?x}: 1\n'),
    env: ENV,
    expect: [],
  },
  { name: 'no .env: the variable may be set where compose runs', text: web('    command: ${TOKEN:?x}\n'), expect: [] },
  {
    name: 'escapes in a double-quoted value: the whole scalar',
    text: web('    command: "\\t${TOKEN:?x}"\n'),
    env: ENV,
    expect: ['"\\t${TOKEN:?x}"'],
  },
  {
    name: 'in a file read for extends',
    text: 'services:\n  web:\n    extends: { file: base.yml, service: app }\n',
    env: ENV,
    mounted: { '/project/base.yml': 'services:\n  app:\n    image: nginx:${BASE_TAG:?tag}\n' },
    expect: ['${BASE_TAG:?tag}'],
  },
];

for (const c of cases) {
  test(`required-variable: ${c.name}`, () => {
    const found = run('required-variable', c.text, { env: c.env, shell: c.shell, mounted: c.mounted });
    const seen = found.map((f) => `${f.text}: ${f.message}`);
    assert.deepEqual(
      seen.map((s, i) => (c.expect[i]?.includes(': ') ? s : s.slice(0, s.indexOf(': ')))),
      c.expect,
    );
    for (const f of found) assert.equal(f.severity, 'warning');
  });
}

test('required-variable: a label gets it once, not also undefined-variable', () => {
  const text = web('    labels:\n      - "traefik.http.routers.web.rule=Host(`${DOMAIN:?d}`)"\n');
  assert.deepEqual(run('undefined-variable', text, { env: ENV }), []);
});

test('required-variable: an included file is judged with its own .env', () => {
  const main = 'include:\n  - sub/compose.yaml\nservices:\n  web:\n    image: nginx\n';
  const sub = 'services:\n  app:\n    image: nginx:${SUB_TAG:?tag}\n';
  const files = { '/project/sub/compose.yaml': sub, '/project/sub/.env': 'SUB_TAG=1\n' };
  assert.deepEqual(run('required-variable', main, { env: ENV, mounted: files }), []);
  const missing = run('required-variable', main, { env: ENV, mounted: { '/project/sub/compose.yaml': sub } });
  assert.deepEqual(
    missing.map((f) => f.text),
    ['${SUB_TAG:?tag}'],
  );
});

test('required-variable: after an edit above a service its range still points at the variable', () => {
  const analyzer = new Analyzer();
  const file = '/project/docker-compose.yml';
  const env = { files: [{ file: '/project/.env', text: ENV }] };
  const body = 'services:\n  a:\n    image: a\n  web:\n    image: nginx:${TAG:?t}\n';
  analyzer.analyze({ files: [{ file, text: body }], environment: env });
  const edited = body.replace('image: a', 'image: abc');
  const f = analyzer
    .analyze({ files: [{ file, text: edited }], environment: env })
    .findings.find((x) => x.code === 'required-variable')!;
  assert.equal(edited.slice(f.range.start, f.range.end), '${TAG:?t}');
});
