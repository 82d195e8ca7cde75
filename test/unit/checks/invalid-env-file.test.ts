// invalid-env-file: a .env line compose-go's dotenv parser refuses is an error on that line of
// the .env; the variables above it still interpolate the project, those below are not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { DIR, yaml } from '../../helpers';

const COMPOSE = yaml`
  services:
    web:
      image: traefik/whoami
      labels:
        - traefik.http.routers.web.rule=Host(\`\${DOMAIN}\`)
`;
const ENV = `${DIR}/.env`;

function findings(env: string) {
  const { findings, project } = new Analyzer().analyze({
    files: [{ file: `${DIR}/docker-compose.yml`, text: COMPOSE }],
    environment: { files: [{ file: ENV, text: env }] },
  });
  const mine = findings.filter((f) => f.code === 'invalid-env-file');
  return {
    seen: mine.map((f) => `${f.severity} ${env.slice(f.range.start, f.range.end)}: ${f.message}`),
    files: mine.map((f) => f.file),
    rule: project.containers[0]?.labels.find((l) => l.key.endsWith('.rule'))?.value,
  };
}

const cases: { name: string; env: string; expect: string[] }[] = [
  { name: 'a clean .env', env: 'DOMAIN=example.com\n# comment\nexport A="x y"\n', expect: [] },
  {
    name: 'a space inside a name',
    env: 'DOMAIN=example.com\nACME EMAIL=me@example.com\n',
    expect: [
      'error ACME EMAIL: docker compose refuses this line: a variable name cannot contain a space; remove the space.',
    ],
  },
  {
    name: 'a character names cannot hold',
    env: 'KEY!=x\n',
    expect: [
      'error !: docker compose refuses this line: unexpected character "!" in variable name; a name holds letters, digits and _ . - [ ] only.',
    ],
  },
  {
    name: 'prose that is no assignment',
    env: 'Set these before starting=\n',
    expect: ['error Set these before starting'],
  },
  { name: 'an unterminated quote', env: 'PASS="secret\n', expect: ['error "secret'] },
  { name: 'a required variable with no value', env: 'A=${NOPE:?set NOPE}\n', expect: ['error ${NOPE:?set NOPE}'] },
  { name: 'a required variable set above', env: 'NOPE=1\nA=${NOPE:?set NOPE}\n', expect: [] },
  { name: 'an unclosed ${', env: 'A=${B\n', expect: ['error ${B'] },
  { name: '$$ and $ before a digit are fine', env: 'A=$$x\nB=$1\n', expect: [] },
  { name: 'a name alone on its line is no error', env: 'DOMAIN\n', expect: [] },
];

for (const c of cases) {
  test(`invalid-env-file: ${c.name}`, () => {
    const { seen, files } = findings(c.env);
    assert.deepEqual(
      seen.map((s, i) => (c.expect[i]?.includes(': ') ? s : s.slice(0, s.indexOf(': ')))),
      c.expect,
    );
    for (const f of files) assert.equal(f, ENV);
  });
}

test('invalid-env-file: what is set above the refused line still interpolates, what is below is not read', () => {
  assert.equal(findings('DOMAIN=a.example\nBAD LINE=1\n').rule, 'Host(`a.example`)');
  assert.equal(findings('BAD LINE=1\nDOMAIN=a.example\n').rule, 'Host(`${DOMAIN}`)');
});
