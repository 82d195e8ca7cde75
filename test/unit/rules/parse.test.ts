import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRule, type RuleNode, type RuleSyntax } from '../../../server/src/analysis/rules';

/** [severity, kind, exact slice of the rule] for each problem. */
type Seen = [string, string, string];

function problems(rule: string, syntax: RuleSyntax = 'v3'): Seen[] {
  return parseRule(rule, syntax).problems.map((p) => [p.severity, p.kind, rule.slice(p.start, p.end)]);
}

function shape(n: RuleNode): string {
  switch (n.type) {
    case 'and':
    case 'or':
      return `${n.type}(${shape(n.left)},${shape(n.right)})`;
    case 'not':
      return `not(${shape(n.operand)})`;
    case 'matcher':
      return `${n.name}[${n.args.map((a) => a.value).join(',')}]`;
  }
}

// pkg/rules/parser_test.go TestRuleMatch, with its test matcher `m` spelled as the v2 Host
// (variadic, like `m`). `tree` false = predicate's Parse fails; the problems are ours.
const PARSER_TEST: Array<{ rule: string; tree: string | false; problems: Seen[] }> = [
  { rule: '', tree: false, problems: [['error', 'empty-rule', '']] }, // "No rule"
  { rule: 'Host', tree: false, problems: [['error', 'bare-word', 'Host']] }, // "No matcher in rule"
  { rule: 'Host()', tree: 'Host[]', problems: [['error', 'arg-count', 'Host()']] }, // "No value in rule"
  { rule: 'Host(``)', tree: 'Host[]', problems: [['error', 'empty-arg', '``']] }, // "Empty value in rule"
  { rule: 'Host(`1`) &&', tree: false, problems: [['error', 'missing-operand', '&&']] }, // "... with and"
  { rule: 'Host(`1`) ||', tree: false, problems: [['error', 'missing-operand', '||']] }, // "... with or"
  { rule: 'Host(`1)', tree: false, problems: [['error', 'unterminated-string', '`']] }, // "missing back tick"
  { rule: 'Host(`1`))', tree: false, problems: [['error', 'unbalanced-paren', ')']] }, // "missing opening parenthesis"
  { rule: '(Host(`1`)', tree: false, problems: [['error', 'unbalanced-paren', '(']] }, // "missing closing parenthesis"
  { rule: 'Host(`1`)', tree: 'Host[1]', problems: [] }, // "One value in rule"
  { rule: '(Host(`1`))', tree: 'Host[1]', problems: [] }, // "superfluous parenthesis"
  { rule: 'HOST(`1`)', tree: 'Host[1]', problems: [] }, // "Rule with CAPS matcher"
  { rule: 'W(`1`)', tree: false, problems: [['error', 'unknown-matcher', 'W']] }, // "Invalid matcher in rule"
  { rule: 'Host(`1`, `2`)', tree: 'Host[1,2]', problems: [] }, // "Two value in rule"
  { rule: '!Host(`1`)', tree: 'not(Host[1])', problems: [] }, // "Not one value in rule"
  { rule: 'Host(`1`) && Host(`2`)', tree: 'and(Host[1],Host[2])', problems: [] },
  { rule: 'Host(`1`) || Host(`2`)', tree: 'or(Host[1],Host[2])', problems: [] },
  { rule: '!(Host(`1`) && Host(`2`))', tree: 'not(and(Host[1],Host[2]))', problems: [] },
  { rule: '!(Host(`1`) || Host(`2`))', tree: 'not(or(Host[1],Host[2]))', problems: [] },
  { rule: 'Host(`1`) && Host()', tree: 'and(Host[1],Host[])', problems: [['error', 'arg-count', 'Host()']] },
];

for (const c of PARSER_TEST) {
  test(`parser_test.go: ${JSON.stringify(c.rule)}`, () => {
    const got = parseRule(c.rule, 'v2');
    assert.equal(got.tree ? shape(got.tree) : false, c.tree);
    assert.deepEqual(problems(c.rule, 'v2'), c.problems);
  });
}

// pkg/muxer/http/mux_test.go TestMuxer: rejected rules and accepted spellings.
test('mux_test.go: rules without a matcher or quotes are rejected', () => {
  assert.deepEqual(problems('rulewithnotmatcher'), [['error', 'bare-word', 'rulewithnotmatcher']]); // "Rule with no matcher"
  assert.deepEqual(problems('Host(example.com)'), [['error', 'bare-word', 'example.com']]); // "Rule without quote"
  assert.deepEqual(problems('Host(tchouk)', 'v2'), [['error', 'bare-word', 'tchouk']]); // matcher_v2_test "Rule without quote"
});

test('mux_test.go: matcher names in UPPER, lower, CamelCase and Title case; other casings are unknown', () => {
  for (const rule of ['PATHPREFIX("/css")', 'pathprefix("/css")', 'PathPrefix("/css")', 'Pathprefix("/css")']) {
    assert.deepEqual(problems(rule), [], rule);
    assert.equal(parseRule(rule, 'v3').tree?.type, 'matcher');
  }
  const bad = parseRule('pathPrefix(`/css`)', 'v3');
  assert.equal(bad.tree, undefined);
  assert.deepEqual(problems('pathPrefix(`/css`)'), [['error', 'unknown-matcher', 'pathPrefix']]);
  assert.equal(bad.problems[0].suggestion, 'PathPrefix');
  assert.match(bad.problems[0].message, /did you mean "PathPrefix"/);
  assert.deepEqual(problems('hostRegexp(`a`) || Headerregexp(`X`, `y`)'), [['error', 'unknown-matcher', 'hostRegexp']]);
});

test('precedence: && binds tighter than ||; ! applies to the next operand', () => {
  const cases: Array<[string, string]> = [
    ['Host("a") || Host("b") && Path("/c")', 'or(Host[a],and(Host[b],Path[/c]))'], // mux_test "host OR host AND path"
    ['(Host("a") || Host("b")) && Path("/c")', 'and(or(Host[a],Host[b]),Path[/c])'],
    ['!Host("a") && Path("/c")', 'and(not(Host[a]),Path[/c])'],
    ['!!Host("a")', 'not(not(Host[a]))'],
    ['Host(`a`) && Path(`/b`) && Method(`GET`)', 'and(and(Host[a],Path[/b]),Method[GET])'],
  ];
  for (const [rule, want] of cases) assert.equal(shape(parseRule(rule, 'v3').tree!), want, rule);
});

test('node ranges: matcher from name to ), arguments with their quotes, groups with parentheses', () => {
  const rule = '!(Host(`a.com`) && pathprefix("/b"))';
  const tree = parseRule(rule, 'v3').tree!;
  assert.equal(tree.type, 'not');
  assert.equal(rule.slice(tree.start, tree.end), rule);
  const and = tree.type === 'not' ? tree.operand : tree;
  assert.equal(rule.slice(and.start, and.end), '(Host(`a.com`) && pathprefix("/b"))');
  assert.ok(and.type === 'and');
  const [host, prefix] = [and.left, and.right];
  assert.ok(host.type === 'matcher' && prefix.type === 'matcher');
  assert.equal(rule.slice(host.start, host.end), 'Host(`a.com`)');
  assert.equal(rule.slice(host.args[0].start, host.args[0].end), '`a.com`');
  assert.deepEqual([prefix.name, prefix.written, prefix.args[0].value], ['PathPrefix', 'pathprefix', '/b']);
  assert.equal(rule.slice(prefix.args[0].start, prefix.args[0].end), '"/b"');
});

test('Go string literals: escapes in double quotes, raw backticks, comments, trailing comma, ellipsis', () => {
  const value = (rule: string): string | undefined => {
    const t = parseRule(rule, 'v3').tree;
    return t?.type === 'matcher' ? t.args[0].value : undefined;
  };
  assert.equal(value('Path("/a\\tb")'), '/a\tb');
  assert.equal(value('Path("/\\u00e9")'), '/é');
  assert.equal(value('Path("/\\xc3\\xa9")'), '/é');
  assert.equal(value('PathRegexp(`^/\\d+$`)'), '^/\\d+$');
  assert.equal(value('Host(`a`,)'), 'a');
  assert.equal(value('Host(`a`...)'), 'a');
  assert.equal(value('Host(`a`) /* why */'), 'a');
  assert.equal(value('Host(`a`) // why'), 'a');
  assert.equal(value('\n  Host(`a`)\n'), 'a');
  assert.deepEqual(problems('Host(`a`) &&\n  Path(`/`)'), []);
  assert.deepEqual(problems('Host(`a`...) || Host(`b`..., )'), []);
});

// Rejected forms with the exact place to blame.
const REJECTED: Array<[string, Seen[]]> = [
  ['   ', [['error', 'empty-rule', '   ']]],
  ["Host('example.com')", [['error', 'single-quote', "'example.com'"]]],
  ["Host('a')", [['error', 'single-quote', "'a'"]]],
  ['PathRegexp("^/api/\\d+")', [['error', 'bad-escape', '\\d']]],
  ['Host("a)', [['error', 'unterminated-string', '"']]],
  ['Host(`a) && Path(`/b`)', [['error', 'unterminated-string', '`']]],
  ['Host(`a`) and Path(`/`)', [['error', 'unsupported-operator', 'and']]],
  ['Host(`a`) OR Path(`/`)', [['error', 'unsupported-operator', 'OR']]],
  ['not Host(`a`)', [['error', 'unsupported-operator', 'not']]],
  ['Host(`a`) & Path(`/`)', [['error', 'unsupported-operator', '&']]],
  ['Host(`a`) | Path(`/`)', [['error', 'unsupported-operator', '|']]],
  ['Host(`a`) == Path(`/`)', [['error', 'unsupported-operator', '==']]],
  ['-Host(`a`)', [['error', 'unsupported-operator', '-']]],
  ['Host(`a`) Path(`/`)', [['error', 'missing-operator', 'Path']]],
  ['Host(`a`), Path(`/`)', [['error', 'syntax', ',']]],
  ['Host(`a` `b`)', [['error', 'syntax', '`b`']]],
  ['Host(,)', [['error', 'syntax', ',']]],
  ['Host(`a`..., `b`)', [['error', 'syntax', '`b`']]],
  ['Host(`a`) && && Path(`/`)', [['error', 'missing-operand', '&&']]],
  ['|| Host(`a`)', [['error', 'missing-operand', '||']]],
  ['( )', [['error', 'syntax', '( )']]],
  ['`example.com`', [['error', 'syntax', '`example.com`']]],
  ['Host(`a`) && 42', [['error', 'syntax', '42']]],
  ['Path(/api)', [['error', 'bare-word', '/api']]],
  ['Host(my-app.example.com)', [['error', 'bare-word', 'my-app.example.com']]],
  ['Host(42)', [['error', 'bare-word', '42']]],
  ['Host(Path(`/`))', [['error', 'syntax', 'Path(`/`)']]],
  ['Host(`a` + `b`)', [['error', 'syntax', '+ `b`']]],
  ['Host(`a`)\n&& Path(`/`)', [['error', 'syntax', '\n']]],
  ['Host\n(`a`)', [['error', 'syntax', '\n']]],
  ['Host(`a`)\u00a0&& Path(`/`)', [['error', 'illegal-char', '\u00a0']]],
  ['Host(`a`) # comment', [['error', 'illegal-char', '#']]],
  ['Host(`a`) /* open', [['error', 'syntax', '/*']]],
  ['Headers(`X-A`, `b`)', [['error', 'unknown-matcher', 'Headers']]],
  [
    'Hots(`a`) && Paht(`/`)',
    [
      ['error', 'unknown-matcher', 'Hots'],
      ['error', 'unknown-matcher', 'Paht'],
    ],
  ],
  // A bad argument does not hide an unknown matcher later on.
  [
    "Host('a') || Foo(`b`)",
    [
      ['error', 'single-quote', "'a'"],
      ['error', 'unknown-matcher', 'Foo'],
    ],
  ],
];

for (const [rule, want] of REJECTED) {
  test(`rejected: ${JSON.stringify(rule)}`, () => {
    const got = parseRule(rule, 'v3');
    assert.equal(got.tree, undefined);
    assert.deepEqual(problems(rule), want);
  });
}

test('messages and suggestions say how to fix it', () => {
  const first = (rule: string, syntax: RuleSyntax = 'v3') => parseRule(rule, syntax).problems[0];
  assert.equal(first("Host('a.com')").message, 'Single quotes are not allowed; use backticks');
  assert.equal(first("Host('a.com')").suggestion, '`a.com`');
  assert.equal(first('Host(`a)').message, 'Missing closing backtick');
  assert.equal(first('Headers(`X`, `y`)').message, 'Headers is not a v3 matcher; use Header(`Name`, `value`)');
  assert.equal(first('Headers(`X`, `y`)').suggestion, 'Header');
  assert.equal(first('Header(`X`, `y`)', 'v2').suggestion, 'Headers');
  assert.equal(first('Hots(`a`)').suggestion, 'Host');
  assert.equal(first('Xyzzy(`a`)').suggestion, undefined);
  assert.equal(first('Host(example.com)').suggestion, '`example.com`');
  assert.equal(first('Host(`a`) and Path(`/`)').suggestion, '&&');
  assert.equal(first('Host(`a`,`b`)').message, 'Host takes 1 argument in v3: use Host(`a`) || Host(`b`)');
  assert.match(
    first('Host(`a`,`b`)').detail!,
    /^Host takes 1 argument in v3 syntax, got 2: v2's Host took several values/,
  );
  assert.equal(first('Hots(`a`)').message, 'unknown matcher "Hots": did you mean "Host"?');
  assert.match(first('Hots(`a`)').detail!, /^v3 HTTP matchers: .*Host/);
  assert.equal(first('Host(`a`,`b`)').suggestion, 'Host(`a`) || Host(`b`)');
});

test('the swallowing string is blamed when a backtick is missing early', () => {
  const rule = 'Host(`a) && Path(`/b`)';
  const p = parseRule(rule, 'v3').problems[0];
  // The first backtick opens a string that runs to Path(`: that is the one left open.
  assert.equal(p.start, rule.indexOf('`'));
  const plain = 'Host(`a`) && Path(`/b)';
  assert.equal(parseRule(plain, 'v3').problems[0].start, plain.lastIndexOf('`'));
});

test('TCP rules know the TCP matchers only', () => {
  const tcp = (rule: string): Seen[] =>
    parseRule(rule, 'v3', 'tcp').problems.map((p) => [p.severity, p.kind, rule.slice(p.start, p.end)]);
  assert.deepEqual(tcp('HostSNI(`a.com`) && ALPN(`h2`) || ClientIP(`10.0.0.0/8`) || HostSNIRegexp(`^a`)'), []);
  assert.deepEqual(tcp('Host(`a.com`)'), [['error', 'unknown-matcher', 'Host']]);
  assert.equal(parseRule('Host(`a.com`)', 'v3', 'tcp').problems[0].suggestion, 'HostSNI');
  assert.deepEqual(tcp('HostSNI(`a.com`) && Path(`/`)'), [['error', 'unknown-matcher', 'Path']]);
  assert.deepEqual(problems('HostSNI(`a.com`)'), [['error', 'unknown-matcher', 'HostSNI']]);
});

test('robustness: random rules never throw, and every range lies inside the rule', () => {
  const pieces = [
    'Host',
    'Path',
    'Query',
    'Headers',
    'HostSNI',
    '(',
    ')',
    '`',
    '"',
    "'",
    ',',
    '&&',
    '||',
    '!',
    ' ',
    '\n',
  ];
  const args = [
    'a',
    '/',
    '{',
    '}',
    ':',
    '*',
    '\\',
    '[',
    '(?i)',
    '%',
    '=',
    'é',
    '😀',
    '10.0.0.0/8',
    '{id:[0-9]+}',
    '\\d',
  ];
  let seed = 11;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = (xs: string[]): string => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < 3000; i++) {
    let rule = '';
    for (let k = Math.floor(rand() * 12); k > 0; k--)
      rule += rand() < 0.7 ? pick(pieces) : `\`${pick(args)}${pick(args)}\``;
    for (const syntax of ['v2', 'v3'] as const) {
      for (const protocol of ['http', 'tcp'] as const) {
        const got = parseRule(rule, syntax, protocol);
        for (const p of got.problems) {
          assert.ok(p.start >= 0 && p.start <= p.end && p.end <= rule.length, `${JSON.stringify(rule)}: ${p.kind}`);
        }
        if (!got.tree)
          assert.ok(
            got.problems.some((p) => p.severity === 'error'),
            JSON.stringify(rule),
          );
      }
    }
  }
});
