// What evaluating rules compiles once and reads many times: Go regexps by their source. One
// table per engine (the Analyzer's, reached through project.derived.matchers), passed down to
// whatever evaluates a rule, a middleware's regexp or a constraint; never a module's. Compiling
// per use is what this saves: re2js builds a program per pattern.
import { compileGoRegexp, type GoRegexp } from './go-regexp';

/** How many regexps the table keeps; past it they are dropped and compiled again (typing makes new ones). */
const MAX_REGEXPS = 1000;

export class CompiledMatchers {
  private readonly regexps = new Map<string, GoRegexp | null>();

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
}
