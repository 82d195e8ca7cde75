// unescaped-dollar on a .env value a Traefik label uses: compose-go's dotenv parser interpolates
// unquoted and double-quoted values (dotenv/parser.go extractVarValue), single quotes are literal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, codeActions } from '../../../server/src/analysis';
import { DIR, run } from '../../helpers';
import { applyFile, FILE } from '../authoring/helpers';

const ENV_FILE = `${DIR}/.env`;
const compose = (label: string): string =>
  `services:\n  app:\n    image: traefik/whoami\n    labels:\n      - "${label}"\n`;
const USERS = compose('traefik.http.middlewares.auth.basicauth.users=${BASIC_USERS}');

const cases: { name: string; text: string; env: string; expect: string[] }[] = [
  {
    name: 'unquoted hash (the trial repro min-13)',
    text: USERS,
    env: 'BASIC_USERS=admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/\n',
    expect: [
      'admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/ | compose reads $apr1, $H6uskkkW, $IgXLP6ewTrSuBkTrqE8wj in BASIC_USERS as variables: put the value in single quotes',
    ],
  },
  {
    name: 'double-quoted bcrypt hash: the quotes are underlined too',
    text: USERS,
    env: 'BASIC_USERS="admin:$2y$05$abcdefghij"\n',
    expect: [
      '"admin:$2y$05$abcdefghij" | compose reads $abcdefghij in BASIC_USERS as a variable: put the value in single quotes',
    ],
  },
  { name: 'single-quoted: literal', text: USERS, env: "BASIC_USERS='admin:$apr1$H6uskkkW$IgXL'\n", expect: [] },
  {
    name: 'doubled dollars: compose keeps one',
    text: USERS,
    env: 'BASIC_USERS=admin:$$apr1$$H6uskkkW$$IgXL\n',
    expect: [],
  },
  {
    name: 'a variable not used by a Traefik label',
    text: compose('com.example.users=${BASIC_USERS}'),
    env: 'BASIC_USERS=admin:$apr1$H6uskkkW$IgXL\n',
    expect: [],
  },
  {
    name: 'an ordinary ${VAR} inside a .env value is meant',
    text: compose('traefik.http.routers.app.rule=Host(`${HOST}`)'),
    env: 'DOMAIN=example.com\nHOST=app.${DOMAIN}\n',
    expect: [],
  },
];

for (const c of cases) {
  test(`unescaped-dollar in .env: ${c.name}`, () => {
    const found = run('unescaped-dollar', c.text, { env: c.env });
    assert.deepEqual(
      found.map((f) => `${f.text} | ${f.message}`),
      c.expect,
    );
  });
}

test('unescaped-dollar in .env: the fix single-quotes the value and the label then holds the hash', () => {
  const env = 'BASIC_USERS=admin:$apr1$H6uskkkW$IgXL\n';
  const input = (e: string) => ({
    files: [{ file: FILE, text: USERS }],
    environment: { files: [{ file: ENV_FILE, text: e }] },
  });
  const analyzer = new Analyzer();
  const finding = analyzer.analyze(input(env)).findings.find((f) => f.code === 'unescaped-dollar')!;
  assert.equal(finding.file, ENV_FILE);
  const [fix] = codeActions(analyzer.project(input(env)), ENV_FILE, finding);
  assert.ok(fix);
  const fixed = applyFile(env, fix.edits, ENV_FILE);
  assert.equal(fixed, "BASIC_USERS='admin:$apr1$H6uskkkW$IgXL'\n");
  const after = new Analyzer();
  assert.deepEqual(
    after.analyze(input(fixed)).findings.filter((f) => f.code === 'unescaped-dollar'),
    [],
  );
  assert.equal(after.project(input(fixed)).containers[0].labels[0].value, 'admin:$apr1$H6uskkkW$IgXL');
});
