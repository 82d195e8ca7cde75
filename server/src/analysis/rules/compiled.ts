// What evaluating rules compiles once and reads many times: Go regexps by their source (parsed
// and compiled), and each matcher's predicate by its parsed node (a node stands for its rule's
// text: parseRuleIn shares it). One table per engine (the Analyzer's, reached through
// project.derived.matchers), passed down to whatever evaluates a rule, a middleware's regexp or a
// constraint; never a module's. Compiling per use is what this saves: re2js builds a program per
// pattern, and the overlap proofs parse an opaque matcher's regexp for its witnesses every time.
import type { Predicate } from './evaluate';
import { compileGoRegexp, type GoRegexp } from './go-regexp';
import { parseGoRegexp, type Re2Result } from './regexp';
import type { OverlapResult } from './overlap';
import type { MatcherNode, RuleNode, RuleSyntax } from './types';

/** How many regexps the table keeps; past it they are dropped and compiled again (typing makes new ones). */
const MAX_REGEXPS = 1000;

export class CompiledMatchers {
  private readonly regexps = new Map<string, GoRegexp | null>();
  private readonly parsed = new Map<string, Re2Result>();
  /** Per syntax: the same node compiles differently in v2 and v3 (the version may be unknown, judged both ways). */
  private readonly predicates = {
    v2: new WeakMap<MatcherNode, Predicate>(),
    v3: new WeakMap<MatcherNode, Predicate>(),
  };
  private readonly overlaps = new WeakMap<RuleNode, WeakMap<RuleNode, Map<string, OverlapResult>>>();

  /** The compiled Go regexp, or undefined when Go would refuse the pattern. */
  goRegexp(src: string): GoRegexp | undefined {
    let re = this.regexps.get(src);
    if (re === undefined) {
      re = compileGoRegexp(src) ?? null;
      if (this.regexps.size >= MAX_REGEXPS) this.regexps.clear();
      this.regexps.set(src, re);
    }
    return re ?? undefined;
  }

  /** The Go regexp parsed (regexp.ts), as the witnesses of an opaque matcher start from it (samples.ts). */
  parsedRegexp(src: string): Re2Result {
    let result = this.parsed.get(src);
    if (!result) {
      result = parseGoRegexp(src);
      if (this.parsed.size >= MAX_REGEXPS) this.parsed.clear();
      this.parsed.set(src, result);
    }
    return result;
  }

  /**
   * Whether two rules share a request (overlap.ts), proved once per pair of parsed rules: a tree
   * stands for its rule's text (parseRuleIn shares it), so an edit elsewhere in the project finds
   * the proofs of unchanged rules here. A proof costs milliseconds where a rule gives no footprint
   * (PathRegexp, HostRegexp): every pair of the entry point is tried on every analysis.
   */
  overlap(a: RuleNode, sa: RuleSyntax, b: RuleNode, sb: RuleSyntax, prove: () => OverlapResult): OverlapResult {
    let byB = this.overlaps.get(a);
    if (!byB) this.overlaps.set(a, (byB = new WeakMap()));
    let bySyntax = byB.get(b);
    if (!bySyntax) byB.set(b, (bySyntax = new Map()));
    const key = `${sa} ${sb}`;
    let result = bySyntax.get(key);
    if (!result) bySyntax.set(key, (result = prove()));
    return result;
  }

  /** The matcher's predicate in `syntax`, made by `make` the first time the node is evaluated. */
  predicate(node: MatcherNode, syntax: RuleSyntax, make: () => Predicate): Predicate {
    let p = this.predicates[syntax].get(node);
    if (!p) this.predicates[syntax].set(node, (p = make()));
    return p;
  }
}
