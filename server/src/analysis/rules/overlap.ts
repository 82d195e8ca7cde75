// Sound reasoning about which requests two rules share, for route analysis (route-shadowed,
// priority ties). "Covered" and "disjoint" are claimed only when proven over the exact atoms
// (atoms.ts, solve.ts); "overlap" and every witness are checked with the real evaluator.
import { dnf, not, toFormula, type Literal } from './atoms';
import type { CompiledMatchers } from './compiled';
import { matchRequestTri } from './evaluate';
import { solveTerm, type SolveOptions } from './solve';
import type { HttpRequest, RuleNode, RuleSyntax } from './types';

/** A rule tree, or a tree with its own syntax when rules of both syntaxes are compared. */
export type RuleInput = RuleNode | { tree: RuleNode; syntax: RuleSyntax };

export type { SolveOptions as OverlapOptions } from './solve';

export type OverlapResult = { result: 'yes'; witness: HttpRequest } | { result: 'no' } | { result: 'unknown' };

interface Rule {
  tree: RuleNode;
  syntax: RuleSyntax;
}

function rule(r: RuleInput, syntax: RuleSyntax): Rule {
  return 'tree' in r ? r : { tree: r, syntax };
}

/** The request's verdict on every rule is as expected (never "cannot tell"). */
function holds(req: HttpRequest, rules: Rule[], expected: boolean[], compiled: CompiledMatchers): boolean {
  return rules.every((r, i) => matchRequestTri(r.tree, req, r.syntax, compiled) === expected[i]);
}

const BUDGET = 20000;

/** Requests matched by both rules: 'yes' with one of them, 'no' when none can exist. */
export function overlap(
  compiled: CompiledMatchers,
  a: RuleInput,
  b: RuleInput,
  syntax: RuleSyntax = 'v3',
  options: SolveOptions = {},
): OverlapResult {
  const ra = rule(a, syntax);
  const rb = rule(b, syntax);
  const da = dnf(toFormula(ra.tree, ra.syntax, compiled));
  const db = dnf(toFormula(rb.tree, rb.syntax, compiled));
  if (!da || !db || da.length * db.length > BUDGET) return { result: 'unknown' };
  let unsure = false;
  for (const ta of da) {
    for (const tb of db) {
      const r = solveTerm([...ta, ...tb], options);
      if (r.status === 'sat' && holds(r.request, [ra, rb], [true, true], compiled))
        return { result: 'yes', witness: r.request };
      if (r.status !== 'unsat') unsure = true;
    }
  }
  return unsure ? { result: 'unknown' } : { result: 'no' };
}

type Search = { status: 'covered' } | { status: 'witness'; request: HttpRequest } | { status: 'unknown' };

/** Looks for a request `a` matches and no rule of `bs` matches; proves there is none if it can. */
function uncovered(a: Rule, bs: Rule[], options: SolveOptions, compiled: CompiledMatchers): Search {
  const da = dnf(toFormula(a.tree, a.syntax, compiled));
  const negated = bs.map((b) => dnf(not(toFormula(b.tree, b.syntax, compiled))));
  if (!da || negated.some((d) => !d)) return { status: 'unknown' };
  const nb = negated as Literal[][][];
  const rules = [a, ...bs];
  const expected = [true, ...bs.map(() => false)];
  let budget = BUDGET;
  // Depth i: the term already includes one term of "not b_j" for every j < i.
  const dfs = (i: number, term: Literal[]): Search | 'unsat' => {
    if (--budget < 0) return { status: 'unknown' };
    const r = solveTerm(term, options);
    if (r.status === 'unsat') return 'unsat';
    if (r.status === 'sat' && holds(r.request, rules, expected, compiled))
      return { status: 'witness', request: r.request };
    if (i === nb.length) return { status: 'unknown' };
    let unsure = false;
    for (const t of nb[i]) {
      const sub = dfs(i + 1, [...term, ...t]);
      if (sub === 'unsat') continue;
      if (sub.status === 'witness') return sub;
      unsure = true;
    }
    return unsure ? { status: 'unknown' } : 'unsat';
  };
  let unsure = false;
  for (const t of da) {
    const r = dfs(0, t);
    if (r === 'unsat') continue;
    if (r.status === 'witness') return r;
    unsure = true;
  }
  return unsure ? { status: 'unknown' } : { status: 'covered' };
}

/**
 * True only when it is certain that every request `a` matches is also matched by one of `bs`
 * (route-shadowed); false when not, or when unsure (regexps, ClientIP, ...).
 */
export function coveredBy(
  compiled: CompiledMatchers,
  a: RuleInput,
  bs: RuleInput[],
  syntax: RuleSyntax = 'v3',
  options: SolveOptions = {},
): boolean {
  return (
    uncovered(
      rule(a, syntax),
      bs.map((b) => rule(b, syntax)),
      options,
      compiled,
    ).status === 'covered'
  );
}

/**
 * `covered` as coveredBy; `asterisk` when only requests whose target is `*` (`GET * HTTP/1.1`,
 * routing path `*`) escape `bs`, every request with a path being covered; false otherwise or unsure.
 */
export function coverage(
  compiled: CompiledMatchers,
  a: RuleInput,
  bs: RuleInput[],
  syntax: RuleSyntax = 'v3',
): 'covered' | 'asterisk' | false {
  const ra = rule(a, syntax);
  const rbs = bs.map((b) => rule(b, syntax));
  const found = uncovered(ra, rbs, {}, compiled);
  if (found.status === 'covered') return 'covered';
  if (found.status !== 'witness' || found.request.path !== '*') return false;
  return uncovered(ra, rbs, { asteriskForm: false }, compiled).status === 'covered' ? 'asterisk' : false;
}

/** A request that `a` matches and none of `bs` matches, when one can be found. */
export function witnessNotCovered(
  compiled: CompiledMatchers,
  a: RuleInput,
  bs: RuleInput[],
  syntax: RuleSyntax = 'v3',
  options: SolveOptions = {},
): HttpRequest | undefined {
  const r = uncovered(
    rule(a, syntax),
    bs.map((b) => rule(b, syntax)),
    options,
    compiled,
  );
  return r.status === 'witness' ? r.request : undefined;
}
