import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const compose = (rule: string, extra = '', image = 'traefik:v3.7') =>
  `services:\n  traefik:\n    image: ${image}\n  api:\n    image: x\n    labels:\n      - "traefik.http.routers.api.rule=${rule}"\n${extra}`;

const cases: { name: string; text: string; expect: [string, string][] }[] = [
  { name: 'valid v3 rule', text: compose('Host(`a.com`) && PathPrefix(`/api`)'), expect: [] },
  {
    name: 'v2 multi-argument Host on v3',
    text: compose('Host(`a.com`, `b.com`)'),
    expect: [['error', 'Host(`a.com`, `b.com`)']],
  },
  { name: 'same rule on a v2 gateway', text: compose('Host(`a.com`, `b.com`)', '', 'traefik:v2.11'), expect: [] },
  {
    name: 'per-router ruleSyntax=v2',
    text: compose('Host(`a.com`, `b.com`)', '      - traefik.http.routers.api.rulesyntax=v2\n'),
    expect: [],
  },
  { name: 'Headers is not a v3 matcher', text: compose('Headers(`X`, `y`)'), expect: [['error', 'Headers']] },
  {
    name: 'v2 placeholder in v3 PathPrefix: accepted, never matches',
    text: compose('PathPrefix(`/api/{id:[0-9]+}`)'),
    expect: [['warning', '{id:[0-9]+}']],
  },
  { name: 'single quotes', text: compose("Host('a.com')"), expect: [['error', "'a.com'"]] },
  { name: 'variable inside a literal is not judged', text: compose('PathPrefix(`${PREFIX}`)'), expect: [] },
  { name: 'variable standing for the whole rule', text: compose('${RULE}'), expect: [] },
];

for (const c of cases) {
  test(`rule-syntax: ${c.name}`, () => {
    assert.deepEqual(
      run('rule-syntax', c.text).map((f) => [f.severity, f.text]),
      c.expect,
    );
  });
}

test('rule-syntax: TCP rules are parsed as TCP', () => {
  const text = 'services:\n  db:\n    image: x\n    labels:\n      - "traefik.tcp.routers.db.rule=HostSNI(*)"\n';
  assert.deepEqual(
    run('rule-syntax', text).map((f) => [f.severity, f.text]),
    [['error', '*']],
  );
  const ok = text.replace('HostSNI(*)', 'HostSNI(`*`)');
  assert.deepEqual(run('rule-syntax', ok), []);
});

test('rule-syntax: an escaped rule falls back to the whole value', () => {
  const text =
    'services:\n  a:\n    image: x\n    labels:\n      - "traefik.http.routers.a.rule=Path(\\"/x\\", \\"/y\\")"\n';
  const [f] = run('rule-syntax', text);
  assert.equal(f.text, 'Path(\\"/x\\", \\"/y\\")');
  assert.equal(f.data?.router, 'a');
});

test('rule-syntax: the message is the parser fix; the explanation names the router and what Traefik does', () => {
  const [error] = run('rule-syntax', compose('Hots(`a.com`)'));
  assert.equal(error.message, 'unknown matcher "Hots": did you mean "Host"?');
  assert.match(
    error.explanation,
    /^v3 HTTP matchers: .*\. Traefik cannot build router "api" from this rule \(v3 syntax\)/,
  );
  const [warning] = run('rule-syntax', compose('HostRegexp(`{sub:[a-z]+}.x.com`)'));
  assert.equal(warning.severity, 'warning');
  assert.match(
    warning.explanation,
    /literally, so this never matches what was meant\. Traefik accepts the rule of router "api"/,
  );
});

const FROM_VARIABLES: [string, string, string, string[]][] = [
  [
    'an empty variable',
    'Host(`${APP_HOST}`)',
    'APP_HOST=\n',
    ['Empty argument: Host needs a value here (${APP_HOST} is empty)'],
  ],
  [
    'two',
    'Host(`${A}`) && Path(`${B}`)',
    'A=\nB=\n',
    [
      'Empty argument: Host needs a value here (${A} is empty)',
      'Empty argument: Path needs a value here (${B} is empty)',
    ],
  ],
  [
    'a problem with the whole matcher',
    'Host(`${APP_HOST}`, `b`)',
    'APP_HOST=a\n',
    ['Host takes 1 argument in v3: use Host(`a`) || Host(`b`)'],
  ],
  [
    'a variable beside the problem',
    'Host(`${APP_HOST}`) && Headers(`X`, `y`)',
    'APP_HOST=a.com\n',
    ['Headers is not a v3 matcher; use Header(`Name`, `value`)'],
  ],
];

for (const [name, rule, env, messages] of FROM_VARIABLES) {
  test(`rule-syntax message names the variable behind the problem: ${name}`, () => {
    assert.deepEqual(
      run('rule-syntax', compose(rule), { env }).map((f) => f.message),
      messages,
    );
  });
}
