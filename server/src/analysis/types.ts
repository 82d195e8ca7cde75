// Shared shapes of the analysis core. Offsets are UTF-16 indices into the file's text
// (as LSP's TextDocument uses); they become line/character only in server/src/convert.ts.
import type { Code, DataOf } from './checks/codes';

export interface Range {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Another place that explains a finding (the other definition of a conflicting router, ...). */
export interface Related {
  file: string;
  range: Range;
  message: string;
}

/**
 * What Traefik does about a finding when it takes something out of routing: the whole container
 * (a label it cannot decode, no port) or one router (a missing middleware or service, no entry
 * point, a rule it cannot parse). The route tester honours exactly these, so its answers agree
 * with the diagnostics. `unless` is set when something Gateway Lens cannot see may save it
 * (an image's EXPOSE, another compose project defining the name): `unless` says what.
 */
export type Effect =
  | { drops: 'container'; service: string; unless?: string }
  | { drops: 'router'; service: string; protocol: string; router: string; unless?: string };

/** A finding of `C` (any code by default): its data is the one its code declares (checks/codes.ts). */
export interface Finding<C extends Code = Code> {
  /** Stable, kebab-case; public contract listed in the README. */
  code: C;
  severity: Severity;
  /** The fact and the fix in one sentence (under ~100 characters: the Problems panel shows ~90). */
  message: string;
  /**
   * Why it matters: what Traefik does about it, and the Traefik doc or source that says so.
   * Plain text; shown in the hover, the CLI's second line, JSON and SARIF. Never in `message`.
   */
  explanation?: string;
  /** File the range belongs to (the analysed file unless a project-wide check says otherwise). */
  file: string;
  range: Range;
  related?: Related[];
  /** Machine-readable facts for quick fixes (suggestion, names, ...). Never parsed from message. */
  data?: DataOf<C>;
  /** A suppression comment covers it: kept for reports that show suppressed findings, never counted. */
  suppressed?: boolean;
  effect?: Effect;
}

export function rangeOf(start: number, end: number): Range {
  return { start, end };
}

export function shiftRange(range: Range, delta: number): Range {
  return { start: range.start + delta, end: range.end + delta };
}
