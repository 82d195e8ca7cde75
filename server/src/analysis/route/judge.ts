// The pairwise tests the routing checks make between two routers (rules/overlap.ts), counted:
// how many one edit causes is the cost of routing incrementally (the bench reports it).
import { coverage, overlap, type CompiledMatchers, type OverlapResult } from '../rules';
import type { RouterFacts } from './facts';

export interface RouterJudge {
  /** Whether a request both rules match exists; one judgement. */
  overlap(a: RouterFacts, b: RouterFacts): OverlapResult;
  /**
   * Whether every request `router` matches is matched by one of `by` (`covered`), or every one but
   * asterisk-form requests (`asterisk`, rules/overlap.ts coverage); a judgement per router of `by`.
   */
  coverage(router: RouterFacts, by: readonly RouterFacts[]): 'covered' | 'asterisk' | false;
}

const ruleOf = (r: RouterFacts): { tree: RouterFacts['tree']; syntax: RouterFacts['syntax'] } => ({
  tree: r.tree,
  syntax: r.syntax,
});

/** A judge that tells `count` how many judgements each test made; `compiled`: the engine's matchers. */
export function countingJudge(count: (judgements: number) => void, compiled: CompiledMatchers): RouterJudge {
  return {
    overlap(a, b) {
      count(1);
      return compiled.overlap(a.tree, a.syntax, b.tree, b.syntax, () => overlap(compiled, ruleOf(a), ruleOf(b)));
    },
    coverage(router, by) {
      count(by.length);
      return coverage(compiled, ruleOf(router), by.map(ruleOf));
    },
  };
}
