// A variable in a list-form label's key (`- "traefik.http.routers.${NAME}.rule=..."`): compose
// interpolates the whole item before it splits it at `=` (compose-go types.Labels, the compose
// spec's 12-interpolation.md). Unset, compose makes the key `traefik.http.routers..rule`
// (undefined-variable on the key, as on a value); set, the router is named by the value
// everywhere (references, conflicts, hover).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { hover } from '../../../server/src/analysis/authoring';
import { run } from '../../helpers';
import { cursor, FILE } from '../authoring/helpers';

const web = (...labels: string[]): string =>
  'services:\n  web:\n    image: traefik/whoami\n    labels:\n' + labels.map((l) => `      - "${l}"\n`).join('');

const cases: { name: string; text: string; env?: string; code: string; expect: string[] }[] = [
  {
    name: 'unset, a .env exists: on the variable in the key',
    text: web('traefik.http.routers.${NAME}.rule=Host(`a.example.com`)'),
    env: 'OTHER=1\n',
    code: 'undefined-variable',
    expect: ['warning ${NAME}: NAME is not set in .env and has no default: set it or write ${NAME:-value}'],
  },
  {
    name: '$NAME without braces',
    text: web('traefik.http.routers.$NAME.rule=Host(`a.example.com`)'),
    env: 'OTHER=1\n',
    code: 'undefined-variable',
    expect: ['warning $NAME'],
  },
  {
    name: 'a default: nothing',
    text: web('traefik.http.routers.${NAME:-web}.rule=Host(`a.example.com`)'),
    env: 'OTHER=1\n',
    code: 'undefined-variable',
    expect: [],
  },
  {
    name: 'set: nothing',
    text: web('traefik.http.routers.${NAME}.rule=Host(`a.example.com`)'),
    env: 'NAME=app\n',
    code: 'undefined-variable',
    expect: [],
  },
  {
    name: 'no .env: the variable may be set where compose runs',
    text: web('traefik.http.routers.${NAME}.rule=Host(`a.example.com`)'),
    code: 'undefined-variable',
    expect: [],
  },
  {
    name: 'not a Traefik label',
    text: web('com.example.${NAME}=1'),
    env: 'OTHER=1\n',
    code: 'undefined-variable',
    expect: [],
  },
  {
    name: 'set: a reference from the interpolated router is judged',
    text: web(
      'traefik.http.routers.${NAME}.rule=Host(`a.example.com`)',
      'traefik.http.routers.${NAME}.middlewares=strp',
      'traefik.http.middlewares.strip.stripprefix.prefixes=/x',
    ),
    env: 'NAME=app\n',
    code: 'undefined-middleware',
    expect: ['error strp: middleware "strp" is not defined: did you mean "strip"?'],
  },
  {
    name: 'set: the interpolated name is the router another label names',
    text: web(
      'traefik.http.routers.${NAME}.rule=Host(`a.example.com`)',
      'traefik.http.routers.app.middlewares=strp',
      'traefik.http.middlewares.strip.stripprefix.prefixes=/x',
    ),
    env: 'NAME=app\n',
    code: 'undefined-middleware',
    expect: ['error strp'],
  },
];

for (const c of cases) {
  test(`label key variable: ${c.name}`, () => {
    const found = run(c.code, c.text, { env: c.env });
    const seen = found.map((f) => `${f.severity} ${f.text}: ${f.message}`);
    assert.deepEqual(
      seen.map((s, i) => (c.expect[i]?.includes(': ') ? s : s.slice(0, s.indexOf(': ')))),
      c.expect,
    );
  });
}

test('label key variable: two services naming their router by the same value conflict', () => {
  const text =
    'services:\n  a:\n    image: traefik/whoami\n    labels:\n      - "traefik.http.routers.${NAME}.rule=Host(`a.example.com`)"\n' +
    '  b:\n    image: traefik/whoami\n    labels:\n      - "traefik.http.routers.app.rule=Host(`b.example.com`)"\n';
  const found = run('route-conflict', text, { env: 'NAME=app\n' });
  assert.ok(found.length > 0);
  assert.ok(
    found.some((f) => /"app"/.test(f.message)),
    found.map((f) => f.message).join('\n'),
  );
});

test('label key variable: hover on the variable names the interpolated router', () => {
  const { text, offset } = cursor(web('traefik.http.routers.${NA|ME}.rule=Host(`a.example.com`)'));
  const project = new Analyzer().project({
    files: [{ file: FILE, text }],
    environment: { files: [{ file: '/project/.env', text: 'NAME=app\n' }] },
  });
  const found = hover(project, FILE, offset);
  assert.ok(found, 'a hover');
  assert.match(found.markdown, /router\*\* `app`/);
});
