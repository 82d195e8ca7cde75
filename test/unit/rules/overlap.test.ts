import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prng } from '../../support/random';
import {
  CompiledMatchers,
  coveredBy,
  coverage,
  matchRequestTri,
  overlap,
  parseRule,
  witnessNotCovered,
  type HttpRequest,
  type RuleNode,
  type RuleSyntax,
} from '../../../server/src/analysis/rules';

/** The matchers a test compiles: one table for the file, as an engine keeps one. */
const compiled = new CompiledMatchers();

function tree(rule: string, syntax: RuleSyntax = 'v3'): RuleNode {
  const parsed = parseRule(rule, syntax);
  assert.ok(parsed.tree, rule);
  assert.deepEqual(
    parsed.problems.filter((p) => p.severity === 'error'),
    [],
    rule,
  );
  return parsed.tree;
}

const matches = (rule: string, req: HttpRequest, syntax: RuleSyntax = 'v3'): boolean | undefined =>
  matchRequestTri(tree(rule, syntax), req, syntax, compiled);

// [a, bs, covered]
const COVERED: Array<[string, string[], boolean]> = [
  ['Host(`x`) && PathPrefix(`/api/v1`)', ['Host(`x`) && PathPrefix(`/api`)'], true],
  ['Host(`x`) && PathPrefix(`/api`)', ['Host(`x`) && PathPrefix(`/api/v1`)'], false],
  ['Host(`a.example.com`)', ['Host(`*.example.com`)'], true],
  ['Host(`example.com`)', ['Host(`*.example.com`)'], false],
  ['Host(`a.b.example.com`)', ['Host(`*.example.com`)'], false],
  ['Host(`A.example.com`)', ['Host(`a.example.com.`)'], true],
  ['Path(`/a`)', ['PathPrefix(`/`)'], true],
  ['Path(`/a`)', ['PathPrefix(`/a/`)'], false],
  ['PathPrefix(`/`)', ['PathPrefix(`/a`)', 'PathPrefix(`/`) && !PathPrefix(`/a`)'], true],
  ['Host(`x`) && Method(`GET`)', ['Host(`x`) && !Method(`POST`)'], true],
  ['Method(`GET`)', ['Method(`POST`)'], false],
  ['Header(`X-A`, `1`)', ['Header(`x-a`, `1`) || Header(`X-A`, `2`)'], true],
  ['Query(`a`, `1`)', ['Query(`a`)'], false],
  ['Query(`a`)', ['QueryRegexp(`a`)'], true], // one argument: the same test as Query
  ['Host(`a`) && Path(`/x`)', ['Host(`a`)', 'Path(`/x`)'], true],
  ['Host(`a`) || Host(`b`)', ['Host(`a`)'], false],
  ['Host(`a`) || Host(`b`)', ['Host(`a`)', 'Host(`b`)'], true],
  // Same regexp or ClientIP on both sides: the atoms cancel out.
  ['PathRegexp(`^/a`)', ['PathRegexp(`^/a`)'], true],
  ['ClientIP(`10.0.0.0/8`) && Host(`a`)', ['ClientIP(`10.0.0.0/8`)'], true],
  // Different regexps: never claimed, even when true.
  ['PathRegexp(`^/a`)', ['PathPrefix(`/a`)'], false],
  ['ClientIP(`10.1.0.0/16`)', ['ClientIP(`10.0.0.0/8`)'], false],
  // A request with the request-target `*` has routing path `*`.
  ['Host(`x`)', ['PathPrefix(`/`)'], false],
  // A rule that matches nothing is covered by anything.
  ['Header(`Host`, `x`)', [], true],
];

for (const [a, bs, want] of COVERED) {
  test(`coveredBy: ${a} by ${bs.join(' ; ') || 'nothing'} = ${want}`, () => {
    assert.equal(
      coveredBy(
        compiled,
        tree(a),
        bs.map((b) => tree(b)),
      ),
      want,
    );
    const w = witnessNotCovered(
      compiled,
      tree(a),
      bs.map((b) => tree(b)),
    );
    if (want) assert.equal(w, undefined);
  });
}

test('witnessNotCovered gives a request a matches and no b matches', () => {
  const cases: Array<[string, string[]]> = [
    ['Host(`x`) && PathPrefix(`/api`)', ['Host(`x`) && PathPrefix(`/api/v1`)']],
    ['Host(`example.com`)', ['Host(`*.example.com`)']],
    ['Query(`a`, `1`)', ['Query(`a`)']],
    ['Host(`x`)', ['PathPrefix(`/`)']],
    ['PathPrefix(`/`)', ['Path(`/`)', 'Method(`GET`)']],
    ['Header(`X-A`, `1`)', ['Header(`X-A`, `2`)', '!Header(`X-A`, `1`)']],
  ];
  for (const [a, bs] of cases) {
    const w = witnessNotCovered(
      compiled,
      tree(a),
      bs.map((b) => tree(b)),
    );
    assert.ok(w, `${a} vs ${bs.join(' ; ')}`);
    assert.equal(matches(a, w), true);
    for (const b of bs) assert.equal(matches(b, w), false, `${b} on ${JSON.stringify(w)}`);
  }
  const star = witnessNotCovered(compiled, tree('Host(`x`)'), [tree('PathPrefix(`/`)')])!;
  assert.equal(star.path, '*');
  // Without the `*` request-target, every path starts with /.
  assert.equal(coveredBy(compiled, tree('Host(`x`)'), [tree('PathPrefix(`/`)')], 'v3', { asteriskForm: false }), true);
});

test('coverage tells a cover with only asterisk-form requests escaping from a full one', () => {
  const cases: Array<[string, string[], 'covered' | 'asterisk' | false]> = [
    ['Host(`x`)', ['PathPrefix(`/`)'], 'asterisk'],
    ['Host(`x`) && Method(`GET`)', ['Host(`x`) && PathPrefix(`/`)'], 'asterisk'],
    ['Path(`/a`)', ['PathPrefix(`/`)'], 'covered'],
    ['Host(`x`)', ['PathPrefix(`/a`)'], false],
    ['Host(`x`)', ['Host(`x`) && PathPrefix(`/a`)', 'PathPrefix(`/b`)'], false],
  ];
  for (const [a, bs, want] of cases)
    assert.equal(
      coverage(
        compiled,
        tree(a),
        bs.map((b) => tree(b)),
      ),
      want,
      `${a} by ${bs.join(' ; ')}`,
    );
});

// [a, b, expected result]
const OVERLAP: Array<[string, string, 'yes' | 'no' | 'unknown']> = [
  ['Host(`x`) && PathPrefix(`/api`)', 'Host(`x`) && Path(`/api/v1`)', 'yes'],
  ['Host(`x`)', 'Host(`y`)', 'no'],
  ['Host(`x`)', 'Host(`X.`)', 'yes'],
  ['Host(`*.a.com`)', 'Host(`b.a.com`)', 'yes'],
  ['Host(`*.a.com`)', 'Host(`a.com`)', 'no'],
  ['Host(`*.a.com`)', 'Host(`*.b.com`)', 'no'],
  ['HostRegexp(`^api\\.`)', 'Host(`api.example.com`)', 'yes'],
  ['HostRegexp(`^api\\.`)', 'Host(`www.example.com`)', 'unknown'],
  ['Path(`/a`) && Method(`GET`)', 'Path(`/a`) && Method(`POST`)', 'no'],
  ['PathPrefix(`/a`)', 'PathPrefix(`/b`)', 'no'],
  ['PathPrefix(`/a`)', '!PathPrefix(`/a/b`)', 'yes'],
  ['Query(`a`, `1`)', 'Query(`a`, `2`)', 'yes'],
  ['Header(`X`, `1`) && !Header(`X`, `2`)', 'Header(`X`, `2`)', 'no'],
  ['Header(`Host`, `x`)', 'PathPrefix(`/`)', 'no'],
  ['Host(`*`)', 'Path(`/`)', 'yes'],
  ['PathRegexp(`^/api/[0-9]+$`)', 'PathPrefix(`/api/`)', 'yes'],
  ['ClientIP(`10.0.0.0/8`)', 'ClientIP(`10.0.0.0/8`) && Host(`a`)', 'yes'],
];

for (const [a, b, want] of OVERLAP) {
  test(`overlap: ${a} & ${b} = ${want}`, () => {
    const r = overlap(compiled, tree(a), tree(b));
    assert.equal(r.result, want);
    if (r.result === 'yes') {
      assert.equal(matches(a, r.witness), true);
      assert.equal(matches(b, r.witness), true);
    }
  });
}

test('rules of both syntaxes compare as {tree, syntax} pairs', () => {
  const v2 = { tree: tree('Host(`a.com`, `b.com`) && Path(`/x`, `/y`)', 'v2'), syntax: 'v2' as const };
  const v3 = { tree: tree('(Host(`a.com`) || Host(`b.com`)) && (Path(`/x`) || Path(`/y`))'), syntax: 'v3' as const };
  assert.equal(coveredBy(compiled, v2, [v3]), true);
  assert.equal(coveredBy(compiled, v3, [v2]), true);
  const q2 = { tree: tree('Query(`q=1`)', 'v2'), syntax: 'v2' as const };
  const q3 = { tree: tree('Query(`q`, `1`)'), syntax: 'v3' as const };
  // v2 compares the first value only, v3 any value.
  assert.equal(coveredBy(compiled, q2, [q3]), true);
  const w = witnessNotCovered(compiled, q3, [q2])!;
  assert.ok(w);
  assert.equal(matchRequestTri(q2.tree, w, 'v2', compiled), false);
  assert.equal(matchRequestTri(q3.tree, w, 'v3', compiled), true);
});

// Property tests: random rules from a small vocabulary; every claim checked on many requests.

const ATOMS_V3 = [
  'Host(`a.com`)',
  'Host(`b.com`)',
  'Host(`*.a.com`)',
  'Host(`x.a.com`)',
  'Host(`*`)',
  'HostRegexp(`^x\\.`)',
  'Path(`/`)',
  'Path(`/api`)',
  'Path(`/api/v1`)',
  'PathPrefix(`/`)',
  'PathPrefix(`/api`)',
  'PathPrefix(`/api/`)',
  'PathPrefix(`/ap`)',
  'PathPrefix(`/b`)',
  'PathRegexp(`^/api/[0-9]+$`)',
  'Method(`GET`)',
  'Method(`post`)',
  'Header(`X-A`, `1`)',
  'Header(`x-a`, `2`)',
  'HeaderRegexp(`X-A`, `^[12]$`)',
  'Query(`q`, `1`)',
  'Query(`q`)',
  'QueryRegexp(`q`, `^1`)',
  'ClientIP(`10.0.0.0/8`)',
];
const ATOMS_V2 = [
  'Host(`a.com`, `b.com`)',
  'Path(`/api`, `/b`)',
  'PathPrefix(`/api`, `/b`)',
  'Query(`q=1`)',
  'Query(`q=`)',
  'Headers(`X-A`, `1`)',
  'Method(`GET`, `PUT`)',
  'HostRegexp(`{sub:[a-z]+}.a.com`)',
];

function randomRule(rand: () => number, atoms: string[], depth = 0): string {
  const r = rand();
  if (depth >= 2 || r < 0.4) return atoms[Math.floor(rand() * atoms.length)];
  if (r < 0.55) return `!${randomRule(rand, atoms, depth + 1)}`;
  const op = r < 0.8 ? '&&' : '||';
  return `(${randomRule(rand, atoms, depth + 1)} ${op} ${randomRule(rand, atoms, depth + 1)})`;
}

const REQUESTS: HttpRequest[] = (() => {
  const out: HttpRequest[] = [];
  const hosts = ['a.com', 'b.com', 'x.a.com', 'y.a.com', 'a.com.', 'c.org', 'A.COM:8080', 'x.b.a.com'];
  const paths = ['/', '/api', '/api/', '/api/v1', '/api/12', '/ap', '/b', '/bc', '*', '/x', '/api/../b'];
  const methods = ['GET', 'POST', 'PUT'];
  const headers: Array<Record<string, string[]>> = [
    {},
    { 'X-A': ['1'] },
    { 'x-a': ['2'] },
    { 'X-A': ['1', '2'] },
    { 'X-A': ['3'] },
  ];
  const queries = ['', 'q=1', 'q', 'q=2', 'q=2&q=1', 'q=10'];
  const ips = ['10.1.2.3', '192.0.2.1'];
  const rand = prng(7);
  for (let i = 0; i < 250; i++) {
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    out.push({
      host: pick(hosts),
      path: pick(paths),
      method: pick(methods),
      headers: pick(headers),
      query: pick(queries),
      clientIP: pick(ips),
    });
  }
  return out;
})();

test('property: coveredBy, overlap and witnesses are never wrong on sampled requests', () => {
  const rand = prng(42);
  let claimedCovered = 0;
  let claimedDisjoint = 0;
  let witnesses = 0;
  for (let i = 0; i < 300; i++) {
    const syntaxA: RuleSyntax = rand() < 0.25 ? 'v2' : 'v3';
    const syntaxB: RuleSyntax = rand() < 0.25 ? 'v2' : 'v3';
    const ruleA = randomRule(rand, syntaxA === 'v2' ? ATOMS_V2 : ATOMS_V3);
    const ruleB = randomRule(rand, syntaxB === 'v2' ? ATOMS_V2 : ATOMS_V3);
    const a = { tree: tree(ruleA, syntaxA), syntax: syntaxA };
    const b = { tree: tree(ruleB, syntaxB), syntax: syntaxB };
    const label = `${syntaxA} ${ruleA} | ${syntaxB} ${ruleB}`;
    const covered = coveredBy(compiled, a, [b]);
    const o = overlap(compiled, a, b);
    for (const req of REQUESTS) {
      const ma = matchRequestTri(a.tree, req, a.syntax, compiled);
      const mb = matchRequestTri(b.tree, req, b.syntax, compiled);
      if (covered && ma === true) assert.notEqual(mb, false, `covered but ${JSON.stringify(req)}: ${label}`);
      if (o.result === 'no') assert.ok(!(ma === true && mb === true), `disjoint but ${JSON.stringify(req)}: ${label}`);
      // Completeness where it is cheap to see: a sampled counterexample rules out "covered".
      if (ma === true && mb === false) assert.equal(covered, false, label);
    }
    if (covered) claimedCovered++;
    if (o.result === 'no') claimedDisjoint++;
    if (o.result === 'yes') {
      assert.equal(matchRequestTri(a.tree, o.witness, a.syntax, compiled), true, label);
      assert.equal(matchRequestTri(b.tree, o.witness, b.syntax, compiled), true, label);
    }
    const w = witnessNotCovered(compiled, a, [b]);
    if (w) {
      witnesses++;
      assert.equal(covered, false, label);
      assert.equal(matchRequestTri(a.tree, w, a.syntax, compiled), true, label);
      assert.equal(matchRequestTri(b.tree, w, b.syntax, compiled), false, label);
    }
  }
  // The generator must exercise every kind of claim, or this test proves little.
  assert.ok(claimedCovered > 20, `covered claims: ${claimedCovered}`);
  assert.ok(claimedDisjoint > 20, `disjoint claims: ${claimedDisjoint}`);
  assert.ok(witnesses > 100, `witnesses: ${witnesses}`);
});

test('property: coverage by several rules is never claimed wrongly', () => {
  const rand = prng(1234);
  let claimed = 0;
  for (let i = 0; i < 150; i++) {
    const a = { tree: tree(randomRule(rand, ATOMS_V3)), syntax: 'v3' as const };
    const bs = [0, 1, 2].map(() => ({ tree: tree(randomRule(rand, ATOMS_V3)), syntax: 'v3' as const }));
    const covered = coveredBy(compiled, a, bs);
    if (covered) claimed++;
    for (const req of REQUESTS) {
      if (!covered || matchRequestTri(a.tree, req, 'v3', compiled) !== true) continue;
      assert.ok(
        bs.some((b) => matchRequestTri(b.tree, req, 'v3', compiled) !== false),
        `covered but ${JSON.stringify(req)} escapes`,
      );
    }
    const w = witnessNotCovered(compiled, a, bs);
    if (w) {
      assert.equal(matchRequestTri(a.tree, w, 'v3', compiled), true);
      for (const b of bs) assert.equal(matchRequestTri(b.tree, w, 'v3', compiled), false);
    }
  }
  assert.ok(claimed > 10, `covered claims: ${claimed}`);
});

test('a matcher Traefik cannot build is never used to claim anything about requests', () => {
  const broken = parseRule('Host(`x`) && Header(`X-A`)', 'v3').tree!;
  assert.equal(coveredBy(compiled, broken, [tree('Host(`x`)')]), true); // whatever Header means, Host(`x`) holds
  assert.equal(coveredBy(compiled, tree('Host(`x`)'), [broken]), false);
  assert.equal(witnessNotCovered(compiled, tree('Host(`x`)'), [broken]), undefined);
  assert.equal(overlap(compiled, broken, tree('Host(`x`)')).result, 'unknown');
  assert.equal(overlap(compiled, broken, tree('Host(`y`)')).result, 'no');
});

test('the engine proves the overlap of two parsed rules once per pair and syntaxes', () => {
  const table = new CompiledMatchers();
  const a = tree('PathRegexp(`^/api/a(/.*)?$`)');
  const b = tree('PathRegexp(`^/api/(a|b)(/.*)?$`)');
  let proofs = 0;
  const prove = () => {
    proofs++;
    return overlap(table, { tree: a, syntax: 'v3' }, { tree: b, syntax: 'v3' });
  };
  const first = table.overlap(a, 'v3', b, 'v3', prove);
  assert.equal(first.result, 'yes');
  assert.equal(table.overlap(a, 'v3', b, 'v3', prove), first);
  assert.equal(proofs, 1);
  table.overlap(b, 'v3', a, 'v3', prove);
  table.overlap(a, 'v2', b, 'v3', prove);
  assert.equal(proofs, 3, 'another order or syntax is another proof');
});
