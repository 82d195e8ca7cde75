import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoRegexp } from '../../../server/src/analysis/rules/regexp';
import { compileGoRegexp } from '../../../server/src/analysis/rules/go-regexp';
import { compileTemplate } from '../../../server/src/analysis/rules/template';

// Go regexp/syntax: what RE2 rejects, with the part of the pattern to blame.
const INVALID: Array<[string, string]> = [
  ['(example.com', '('],
  ['a)', ')'],
  ['[a', '['],
  ['[z-a]', 'z-a'],
  ['[[:word1:]]', '[:word1:]'],
  ['a**', '**'],
  ['a*??', '*??'],
  ['*a', '*'],
  ['a|+', '+'],
  ['(?i)*', '*'],
  ['a{1001}', '{1001}'],
  ['a{2,1}', '{2,1}'],
  ['(a{100}){20}', '{20}'],
  ['(?=a)', '(?='],
  ['(?!a)', '(?!'],
  ['(?<=a)', '(?<='],
  ['(?<!a)', '(?<!'],
  ['(a)\\1', '\\1'],
  ['(?P=name)', '(?P'],
  ['(?>a)', '(?>'],
  ['(?#c)', '(?#'],
  ['(?i-)', '(?i-)'],
  ['(?P<a-b>x)', '(?P<a-b>'],
  ['\\Z', '\\Z'],
  ['\\C', '\\C'],
  ['\\8', '\\8'],
  ['\\xZZ', '\\xZZ'],
  ['\\x{110000}', '\\x{110000}'],
  ['\\p{Klingon}', '\\p{Klingon}'],
  ['[a-\\d]', '\\d'],
  ['[\\b]', '\\b'],
  ['a\\', '\\'],
];

for (const [src, blame] of INVALID) {
  test(`RE2 rejects ${src}`, () => {
    const r = parseGoRegexp(src);
    assert.ok(!r.ok);
    assert.equal(src.slice(r.error.start, r.error.end), blame);
    assert.equal(compileGoRegexp(src), undefined);
  });
}

// Valid in Go, with strings the translated JS RegExp must (true) or must not (false) match.
const VALID: Array<[string, Array<[string, boolean]>]> = [
  [
    '^[a-zA-Z-]+\\.com$',
    [
      ['example.com', true],
      ['example.org', false],
      ['exa_mple.com', false],
    ],
  ],
  [
    'a{,3}',
    [
      ['a{,3}', true],
      ['aaa', false],
    ],
  ], // not a repeat: literal braces
  [
    'a{01}',
    [
      ['a{01}', true],
      ['a', false],
    ],
  ],
  [
    'x{2}',
    [
      ['xx', true],
      ['x', false],
    ],
  ],
  [
    'x{2,}$',
    [
      ['xxxx', true],
      ['x', false],
    ],
  ],
  [
    '(?i)abc',
    [
      ['ABC', true],
      ['aBc', true],
      ['abd', false],
    ],
  ],
  [
    'a(?i)b|c',
    [
      ['aB', true],
      ['C', true],
      ['A', false],
    ],
  ],
  [
    'x(?i:ab)c',
    [
      ['xABc', true],
      ['xABC', false],
    ],
  ],
  [
    '(?i)k',
    [
      ['\u212a', true],
      ['K', true],
    ],
  ],
  [
    '(?i)[[:upper:]]',
    [
      ['a', true],
      ['\u017f', true],
      ['1', false],
    ],
  ],
  [
    '(?i)[^a]',
    [
      ['A', false],
      ['b', true],
    ],
  ],
  [
    '^.$',
    [
      ['\n', false],
      ['é', true],
      ['😀', true],
    ],
  ],
  ['(?s)^.$', [['\n', true]]],
  [
    '(?m)^b$',
    [
      ['a\nb\nc', true],
      ['a\rb', false],
    ],
  ],
  [
    '^b$',
    [
      ['a\nb', false],
      ['b\n', false],
    ],
  ],
  [
    '\\Aa\\z',
    [
      ['a', true],
      ['a\n', false],
    ],
  ],
  [
    '\\bfoo\\b',
    [
      ['a foo.', true],
      ['afoo', false],
    ],
  ],
  [
    '\\d\\s\\w',
    [
      ['1 a', true],
      ['1\u00a0a', false],
      ['\u0661 a', false],
    ],
  ],
  [
    '[\\d-z]',
    [
      ['-', true],
      ['5', true],
      ['z', true],
      ['y', false],
    ],
  ],
  [
    '[]a]',
    [
      [']', true],
      ['a', true],
    ],
  ],
  [
    '\\Qa.b\\E+$',
    [
      ['a.bbb', true],
      ['axb', false],
    ],
  ],
  [
    '\\pL+',
    [
      ['é', true],
      ['1', false],
    ],
  ],
  [
    '\\p{Greek}',
    [
      ['α', true],
      ['a', false],
    ],
  ],
  [
    '\\P{Greek}',
    [
      ['a', true],
      ['α', false],
    ],
  ],
  [
    '[\\p{^Greek}]',
    [
      ['a', true],
      ['α', false],
    ],
  ],
  ['\\x{41}\\x42\\101', [['ABA', true]]],
  ['(?P<n>a)(?<m>b)', [['ab', true]]],
  ['(?U)a+', [['aaa', true]]],
  ['^*a', [['a', true]]],
  ['{name}', [['{name}', true]]],
  [
    '/{path:(css|js)}',
    [
      ['/{path:css}', true],
      ['/css', false],
    ],
  ],
  [
    '[[:^digit:]]',
    [
      ['a', true],
      ['1', false],
    ],
  ],
];

for (const [src, rows] of VALID) {
  test(`RE2 accepts ${src} and the RE2 engine agrees`, () => {
    assert.ok(parseGoRegexp(src).ok);
    const re = compileGoRegexp(src);
    assert.ok(re, 'translated');
    for (const [subject, want] of rows) assert.equal(re.test(subject), want, `${src} on ${JSON.stringify(subject)}`);
  });
}

// containous/mux regexp.go newRouteRegexp and tcp preparePattern.
test('gorilla templates become anchored Go regexps', () => {
  const re = (tpl: string, kind: Parameters<typeof compileTemplate>[1]): string => {
    const t = compileTemplate(tpl, kind);
    assert.ok(t.ok, tpl);
    return t.regexp;
  };
  assert.equal(re('{sub:[a-z]+}.example.com', 'host'), '(?i)^(?P<v0>[a-z]+)\\.example\\.com$');
  assert.equal(re('{sub}.example.com', 'host'), '(?i)^(?P<v0>[^.]+)\\.example\\.com$');
  assert.equal(re('/users/{id}', 'path'), '^/users/(?P<v0>[^/]+)$');
  assert.equal(re('/css', 'prefix'), '^/css');
  assert.equal(re('foo=', 'query'), '^foo=.*$');
  assert.equal(re('id={id:[0-9]+}', 'query'), '^id=(?P<v0>[0-9]+)$');
  assert.equal(re('{a:x{2}}.b', 'sni'), '(?i)^(?P<v0>x{2})\\.b$');
  const bad = (tpl: string): string => {
    const t = compileTemplate(tpl, 'path');
    assert.ok(!t.ok, tpl);
    return tpl.slice(t.error.start, t.error.end);
  };
  assert.equal(bad('/{test'), '{');
  assert.equal(bad('/a}'), '}');
  assert.equal(bad('/{:x}'), '{:x}');
  assert.equal(bad('/{x:}'), '{x:}');
  assert.equal(bad('/{x:a)(b}'), ')');
});
