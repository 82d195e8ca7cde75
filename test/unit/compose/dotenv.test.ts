import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDotenv, projectName, readEnvironment } from '../../../server/src/analysis/compose/env';

const cases: {
  name: string;
  text: string;
  values: Record<string, string>;
  problem?: RegExp;
  shell?: Record<string, string>;
}[] = [
  { name: 'plain', text: 'A=1\nB=two words\n', values: { A: '1', B: 'two words' } },
  {
    name: 'comments and blank lines',
    text: '# c\n\n  # indented\nA=1 # trailing\nB=x#y\n',
    values: { A: '1', B: 'x#y' },
  },
  { name: 'export', text: 'export A=1\nexport  B=2\n', values: { A: '1', B: '2' } },
  { name: 'yaml-style colon', text: 'A: 1\n', values: { A: '1' } },
  { name: 'blanks around =', text: 'A = 1  \n', values: { A: '1' } },
  { name: 'empty values', text: 'A=\nB=""\nC=\'\'\n', values: { A: '', B: '', C: '' } },
  { name: 'single quotes are literal', text: "A='${X} \\n $$'\n", values: { A: '${X} \\n $$' } },
  { name: 'escaped single quote', text: "A='it\\'s'\n", values: { A: "it's" } },
  {
    name: 'double quotes escapes',
    text: 'A="a\\nb\\t\\"c\\" \\\\ \\$HOME \\q"\n',
    values: { A: 'a\nb\t"c" \\ $HOME \\q' },
  },
  { name: 'multi-line double quotes', text: 'A="line1\nline2"\nB=3\n', values: { A: 'line1\nline2', B: '3' } },
  { name: 'quoted value then comment', text: 'A="x" # c\nB=y\n', values: { A: 'x', B: 'y' } },
  {
    name: 'interpolation of earlier names',
    text: 'D=example.com\nH=www.${D}\nQ="${D:-x}"\n',
    values: { D: 'example.com', H: 'www.example.com', Q: 'example.com' },
  },
  { name: 'defaults inside .env', text: 'H=${NOPE:-fallback}\n', values: { H: 'fallback' } },
  { name: '$$ in an unquoted value', text: 'P=$$apr1$$x\n', values: { P: '$apr1$x' } },
  {
    name: 'the shell wins inside values',
    text: 'D=a\nH=${D}\n',
    shell: { D: 'shell' },
    values: { D: 'a', H: 'shell' },
  },
  {
    name: 'a name alone takes the shell value',
    text: 'D\nE=1\n',
    shell: { D: 'shell' },
    values: { D: 'shell', E: '1' },
  },
  { name: 'a name alone, unset', text: 'D\nE=1\n', values: { E: '1' } },
  { name: 'later assignment wins', text: 'A=1\nA=2\n', values: { A: '2' } },
  { name: 'no final newline', text: 'A=1', values: { A: '1' } },
  { name: 'CRLF', text: 'A=1\r\nB=2\r\n', values: { A: '1', B: '2' } },
  { name: 'dots and dashes in names', text: 'a.b-c=1\n', values: { 'a.b-c': '1' } },
  { name: 'bad character stops', text: 'A=1\nB$=2\nC=3\n', values: { A: '1' }, problem: /unexpected character "\$"/ },
  { name: 'unterminated quote stops', text: 'A="x\nB=2\n', values: {}, problem: /unterminated quoted value "x/ },
  { name: 'space in a name', text: 'A B=1\n', values: {}, problem: /cannot contain a space/ },
];

for (const c of cases) {
  test(`.env: ${c.name}`, () => {
    const env = parseDotenv('.env', c.text, (n) => c.shell?.[n]);
    assert.deepEqual(Object.fromEntries(env.values), c.values);
    if (c.problem) assert.match(env.problems[0]?.message ?? '', c.problem);
    else assert.deepEqual(env.problems, []);
  });
}

test('.env ranges: name and value of each variable', () => {
  const text = '# domain\nexport DOMAIN="example.com"\nEMPTY=\nUSERS=\'a:$$x\'\n';
  const env = parseDotenv('.env', text);
  const slices = env.variables.map((v) => [
    text.slice(v.nameRange.start, v.nameRange.end),
    text.slice(v.valueRange.start, v.valueRange.end),
  ]);
  assert.deepEqual(slices, [
    ['DOMAIN', 'example.com'],
    ['EMPTY', ''],
    ['USERS', 'a:$$x'],
  ]);
});

test('.env: variables used inside a value keep their ranges', () => {
  const text = 'D=x\nH=www.${D}\n';
  const h = parseDotenv('.env', text).variables[1];
  assert.equal(text.slice(h.uses[0].range.start, h.uses[0].range.end), '${D}');
});

test('environment: the shell over later files over earlier ones, with origins', () => {
  const env = readEnvironment({
    files: [
      { file: 'a.env', text: 'A=1\nB=1\n' },
      { file: 'b.env', text: 'B=2\nC=${A}\n' },
    ],
    shell: { A: 'shell' },
  });
  assert.deepEqual(['A', 'B', 'C', 'D'].map(env.lookup), ['shell', '2', 'shell', undefined]);
  assert.equal(env.origin('A'), 'shell');
  assert.deepEqual(env.origin('B'), { file: 'b.env', range: { start: 0, end: 1 } });
  assert.equal(env.complete, true);
  assert.equal(readEnvironment({ shell: {} }).complete, false);
});

const names: {
  name: string;
  input: Parameters<typeof projectName>[0];
  expected: string;
  source: string;
  problem?: RegExp;
}[] = [
  { name: 'the folder, normalised', input: { folder: '/x/My.Project_1' }, expected: 'myproject_1', source: 'folder' },
  { name: 'leading - and _ dropped', input: { folder: '/x/_-app' }, expected: 'app', source: 'folder' },
  { name: 'top-level name:', input: { folder: '/x/f', names: ['Shop'] }, expected: 'shop', source: 'name' },
  {
    name: 'the last name: wins',
    input: { folder: '/x/f', names: ['a', undefined, 'b'] },
    expected: 'b',
    source: 'name',
  },
  {
    name: 'COMPOSE_PROJECT_NAME over name:',
    input: { folder: '/x/f', names: ['a'], environment: (n) => (n === 'COMPOSE_PROJECT_NAME' ? 'env' : undefined) },
    expected: 'env',
    source: 'environment',
  },
  {
    name: 'an invalid COMPOSE_PROJECT_NAME is refused',
    input: { folder: '/x/f', environment: () => 'My App' },
    expected: 'myapp',
    source: 'environment',
    problem: /invalid project name "My App"/,
  },
  {
    name: '-p over everything',
    input: { folder: '/x/f', flag: 'p', environment: () => 'env' },
    expected: 'p',
    source: 'flag',
  },
  {
    name: 'a folder with no letter',
    input: { folder: '/x/@@' },
    expected: '',
    source: 'folder',
    problem: /must not be empty/,
  },
];

for (const c of names) {
  test(`projectName: ${c.name}`, () => {
    const r = projectName(c.input);
    assert.equal(r.name, c.expected);
    assert.equal(r.source, c.source);
    if (c.problem) assert.match(r.problem ?? '', c.problem);
    else assert.equal(r.problem, undefined);
  });
}
