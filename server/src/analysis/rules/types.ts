// Shapes of the Traefik rule language. Offsets are UTF-16 indices inside the rule string.

export type RuleSyntax = 'v2' | 'v3';
export type RuleProtocol = 'http' | 'tcp';

export interface RuleProblem {
  /** The fact and the fix, short. */
  message: string;
  /** More about it (the matchers Traefik knows, why a v2 form never matches), for the explanation. */
  detail?: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /**
   * Stable id for quick fixes and tests.
   * Parse errors (no tree): empty-rule, syntax, unterminated-string, bad-escape, single-quote,
   * illegal-char, unbalanced-paren, bare-word, unsupported-operator, missing-operand,
   * missing-operator, unknown-matcher.
   * Matcher errors (tree kept, router still rejected): arg-count, v2-multi-arg, empty-arg,
   * not-ascii, bad-regexp, bad-template, path-no-slash, bad-ip, bad-hostsni, alpn-acme, query-form.
   * Warnings (accepted, never matches as meant): v2-placeholder, v2-query, v2-literal-regexp,
   * host-wildcard, host-port, host-not-hostname, host-case, path-query, path-not-clean, header-host.
   */
  kind: string;
  /**
   * Text that fixes the problem when it replaces exactly [start, end): a literal, a matcher call,
   * an operator, a pattern. For unknown-matcher: the matcher name to use.
   */
  suggestion?: string;
}

export interface StringArg {
  /** The decoded string value Traefik sees. */
  value: string;
  /** Range of the literal including its quotes. */
  start: number;
  end: number;
}

export type RuleNode =
  | { type: 'and' | 'or'; left: RuleNode; right: RuleNode; start: number; end: number }
  | { type: 'not'; operand: RuleNode; start: number; end: number }
  | MatcherNode;

export interface MatcherNode {
  type: 'matcher';
  /** Canonical spelling, e.g. `PathPrefix`. */
  name: string;
  /** As written in the rule, e.g. `pathprefix`. */
  written: string;
  args: StringArg[];
  /** From the matcher name to the closing parenthesis. */
  start: number;
  end: number;
}

export interface ParsedRule {
  /** Undefined when Traefik cannot parse the rule at all (syntax, unknown matcher). */
  tree?: RuleNode;
  /** Errors make Traefik reject the router; warnings mark rules that never do what they seem to. */
  problems: RuleProblem[];
}

export interface HttpRequest {
  /** The Host header (or authority), port included if any. */
  host: string;
  /** Raw request path, may contain %-escapes. */
  path: string;
  method: string;
  headers: Record<string, string[]>;
  /** Raw query string without '?'. */
  query: string;
  /** TCP peer address (RemoteAddr), with or without port. */
  clientIP?: string;
}
