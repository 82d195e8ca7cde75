// Per-matcher checks Traefik runs while building the routing table: rules.CheckRule (no or empty
// arguments), the argument count (expectNParameters / gorilla pairs) and each matcher builder's
// own validation (pkg/muxer/http/matcher*.go, pkg/muxer/tcp/matcher*.go). A failing matcher
// disables the whole router. Warnings flag rules Traefik accepts that can never match as meant.
import { decodeLiteral } from './lexer';
import { arity } from './matchers';
import type { MatcherNode, RuleProblem, RuleProtocol, RuleSyntax, StringArg } from './types';
import { VALUE_CHECKS } from './value-checks';

export interface Range {
  start: number;
  end: number;
}

/** What a value check needs: the rule text, the matcher, and a way to report. */
export class MatcherContext {
  readonly problems: RuleProblem[] = [];

  constructor(
    readonly rule: string,
    readonly node: MatcherNode,
    readonly syntax: RuleSyntax,
    readonly protocol: RuleProtocol,
  ) {}

  error(kind: string, message: string, range: Range, suggestion?: string, detail?: string): void {
    this.problems.push({
      kind,
      message,
      ...range,
      severity: 'error',
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(detail ? { detail } : {}),
    });
  }

  warn(kind: string, message: string, range: Range, suggestion?: string, detail?: string): void {
    this.problems.push({
      kind,
      message,
      ...range,
      severity: 'warning',
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(detail ? { detail } : {}),
    });
  }

  /** The rule range of value[from, to) of an argument (escapes in "..." literals accounted for). */
  inside(arg: StringArg, from: number, to: number): Range {
    const offsets = decodeLiteral(this.rule, arg.start).offsets;
    const at = (i: number): number => offsets[Math.max(0, Math.min(i, offsets.length - 1))];
    const start = at(from);
    return { start, end: Math.max(at(to), Math.min(start + 1, arg.end - 1)) };
  }

  /** A backtick literal for `value`, when one can hold it. */
  literal(value: string): string | undefined {
    return value.includes('`') ? undefined : `\`${value}\``;
  }

  /** The matcher call with other arguments, spelled as written. */
  call(args: string[], name = this.node.written): string {
    return `${name}(${args.join(', ')})`;
  }

  text(arg: StringArg): string {
    return this.rule.slice(arg.start, arg.end);
  }
}

const ARGUMENTS: Record<string, string> = {
  Header: '2 arguments (name, value)',
  HeaderRegexp: '2 arguments (name, regexp)',
  Query: '1 or 2 arguments (key, optional value)',
  QueryRegexp: '1 or 2 arguments (key, optional regexp)',
};

/** Checks the argument count; false when the values cannot be checked meaningfully. */
function checkArity(ctx: MatcherContext): boolean {
  const { node, syntax, protocol } = ctx;
  const spec = arity(node.name, syntax, protocol)!;
  const n = node.args.length;
  const whole = { start: node.start, end: node.end };
  const plural = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
  if (n === 0) {
    const want = spec.kind === 'exact' ? (ARGUMENTS[node.name] ?? plural(spec.counts[0])) : 'at least 1 argument';
    ctx.error('arg-count', `${node.written} needs ${want}`, whole);
    return false;
  }
  if (spec.kind === 'pairs' && n % 2 === 1) {
    ctx.error('arg-count', `${node.written} takes name/value pairs, got ${plural(n)}`, whole);
    return false;
  }
  if (spec.kind !== 'exact' || spec.counts.includes(n)) return true;
  const want = ARGUMENTS[node.name] ?? plural(spec.counts[0]);
  const message = `${node.name} takes ${want} in ${syntax} syntax, got ${n}`;
  if (syntax === 'v3' && arity(node.name, 'v2', protocol)?.kind === 'variadic') {
    const alternatives = node.args.map((a) => ctx.call([ctx.text(a)])).join(' || ');
    ctx.error(
      'v2-multi-arg',
      `${node.name} takes ${want} in v3: use ${alternatives}`,
      whole,
      alternatives,
      `${message}: v2's ${node.name} took several values, v3's one per matcher, joined with ||.`,
    );
    return false;
  }
  if (n > Math.max(...spec.counts)) {
    const extra = node.args.slice(Math.max(...spec.counts));
    ctx.error('arg-count', message, { start: extra[0].start, end: extra[extra.length - 1].end });
  } else {
    ctx.error('arg-count', message, whole);
  }
  return false;
}

export function validateMatcher(
  rule: string,
  node: MatcherNode,
  syntax: RuleSyntax,
  protocol: RuleProtocol,
): RuleProblem[] {
  const ctx = new MatcherContext(rule, node, syntax, protocol);
  const counted = checkArity(ctx);
  const empty = node.args.filter((a) => a.value === '');
  for (const a of empty) ctx.error('empty-arg', `Empty argument: ${node.written} needs a value here`, a);
  if (counted && empty.length === 0) VALUE_CHECKS[protocol][syntax][node.name]?.(ctx, node.args);
  return ctx.problems;
}
