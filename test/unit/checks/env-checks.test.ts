// undefined-variable (a `${VAR}` in a Traefik label that .env does not set, no default) and
// unescaped-dollar (a hash's `$` compose reads as a variable), with the latter's quick fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, codeActions } from '../../../server/src/analysis';
import { DIR, run, yaml } from '../../helpers';
import { applyFile, FILE } from '../authoring/helpers';

const compose = (...labels: string[]): string =>
  yaml`
    services:
      web:
        image: traefik/whoami
        labels:
  ` + labels.map((l) => `      - '${l}'\n`).join('');

const ENV = 'OTHER=1\n';
const cases: { name: string; code: string; text: string; env?: string; expect: string[] }[] = [
  {
    name: 'unset, no default, a .env exists',
    code: 'undefined-variable',
    text: compose('traefik.http.routers.web.rule=Host(`${DOMAIN}`)'),
    env: ENV,
    expect: ['warning ${DOMAIN}: DOMAIN is not set in .env and has no default: set it or write ${DOMAIN:-value}'],
  },
  {
    name: '$NAME without braces',
    code: 'undefined-variable',
    text: compose('traefik.http.routers.web.rule=Host(`$DOMAIN`)'),
    env: ENV,
    expect: ['warning $DOMAIN'],
  },
  {
    name: 'a required variable: compose stops (required-variable)',
    code: 'required-variable',
    text: compose('traefik.http.routers.web.rule=Host(`${DOMAIN:?set it}`)'),
    env: ENV,
    expect: ['warning ${DOMAIN:?set it}'],
  },
  {
    name: 'set in .env',
    code: 'undefined-variable',
    text: compose('traefik.http.routers.web.rule=Host(`${DOMAIN}`)'),
    env: 'DOMAIN=x\n',
    expect: [],
  },
  {
    name: 'defaulted',
    code: 'undefined-variable',
    text: compose('traefik.http.routers.web.rule=Host(`${DOMAIN:-x}`)'),
    env: ENV,
    expect: [],
  },
  {
    name: 'an alternative',
    code: 'undefined-variable',
    text: compose('traefik.http.routers.web.rule=Host(`x${TLS:+s}`)'),
    env: ENV,
    expect: [],
  },
  {
    name: 'no .env: the variables come from where compose runs, nothing said',
    code: 'undefined-variable',
    text: compose('traefik.http.routers.web.rule=Host(`${DOMAIN}`)'),
    expect: [],
  },
  {
    name: 'not a Traefik label',
    code: 'undefined-variable',
    text: compose('com.example.owner=${OWNER}'),
    env: ENV,
    expect: [],
  },
  {
    name: '$$ is no variable',
    code: 'undefined-variable',
    text: compose('traefik.http.routers.web.rule=Host(`$$x`)'),
    env: ENV,
    expect: [],
  },
  {
    name: 'an apr1 hash',
    code: 'unescaped-dollar',
    text: compose('traefik.http.middlewares.auth.basicauth.users=admin:$apr1$ruca84Hq$mbjdMZBAG.KWn7vfN/SNK/'),
    expect: ['warning $apr1: compose reads $apr1, $ruca84Hq, $mbjdMZBAG as variables: write each $ as $$'],
  },
  {
    name: 'a bcrypt hash: $2y and $05 stay, the salt is eaten',
    code: 'unescaped-dollar',
    text: compose('traefik.http.middlewares.auth.basicauth.users=u:$2y$05$Kq3bA9.xyz'),
    expect: ['warning $Kq3bA9'],
  },
  {
    name: 'bcrypt whose salt starts with a digit: compose keeps every $',
    code: 'unescaped-dollar',
    text: compose('traefik.http.middlewares.auth.basicauth.users=u:$2y$05$9q3bA9.xyz'),
    expect: [],
  },
  {
    name: 'escaped already',
    code: 'unescaped-dollar',
    text: compose('traefik.http.middlewares.auth.basicauth.users=admin:$$apr1$$ruca84Hq$$mbjdMZBAG'),
    expect: [],
  },
  {
    name: 'a users list from a variable is meant',
    code: 'unescaped-dollar',
    text: compose('traefik.http.middlewares.auth.basicauth.users=$USERS'),
    expect: [],
  },
  {
    name: 'a password with a $ inside the word, in users',
    code: 'unescaped-dollar',
    text: compose('traefik.http.middlewares.auth.digestauth.users=u:realm:ab$cd'),
    expect: ['warning $cd'],
  },
  {
    name: 'a rule with a variable is no hash',
    code: 'unescaped-dollar',
    text: compose('traefik.http.routers.web.rule=Host(`$DOMAIN`)'),
    expect: [],
  },
];

for (const c of cases) {
  test(`${c.code}: ${c.name}`, () => {
    const found = run(c.code, c.text, { env: c.env });
    for (const f of found) assert.ok(f.message.length <= 100, f.message);
    const seen = found.map((f) => `${f.severity} ${f.text}: ${f.message}`);
    assert.deepEqual(
      seen.map((s, i) => (c.expect[i]?.includes(': ') ? s : s.slice(0, s.indexOf(': ')))),
      c.expect,
    );
  });
}

test('unescaped-dollar: the hash eaten is not also an undefined variable', () => {
  const text = compose('traefik.http.middlewares.auth.basicauth.users=admin:$apr1$ruca84Hq$mbjdMZBAG');
  assert.deepEqual(run('undefined-variable', text, { env: ENV }), []);
});

test('unescaped-dollar: the quick fix doubles every lone $', () => {
  const text = compose('traefik.http.middlewares.auth.basicauth.users=admin:$apr1$ruca84Hq$$x$2y');
  const analyzer = new Analyzer();
  const input = { files: [{ file: FILE, text }] };
  const finding = analyzer.analyze(input).findings.find((f) => f.code === 'unescaped-dollar')!;
  const [fix] = codeActions(analyzer.project(input), FILE, finding);
  assert.ok(fix);
  const fixed = applyFile(text, fix.edits);
  assert.match(fixed, /users=admin:\$\$apr1\$\$ruca84Hq\$\$x\$\$2y'/);
  const after = new Analyzer().analyze({ files: [{ file: FILE, text: fixed }] }).findings;
  assert.deepEqual(
    after.filter((f) => f.code === 'unescaped-dollar'),
    [],
  );
  const project = new Analyzer().project({ files: [{ file: FILE, text: fixed }] });
  assert.equal(project.containers[0].labels[0].value, 'admin:$apr1$ruca84Hq$x$2y');
});

test('undefined-variable: related information at the .env', () => {
  const text = compose('traefik.http.routers.web.rule=Host(`${DOMAIN}`)');
  const { findings } = new Analyzer().analyze({
    files: [{ file: FILE, text }],
    environment: { files: [{ file: `${DIR}/.env`, text: ENV }] },
  });
  const f = findings.find((x) => x.code === 'undefined-variable')!;
  assert.equal(f.related?.[0].file, `${DIR}/.env`);
});
