// Fixes around rules: rule-syntax (the rule parser's suggestion, or parsing the router with the v2 syntax),
// and stripprefix-mismatch (the strip prefix made equal to the router's PathPrefix).
import type { Label } from '../../compose/model';
import { parseRuleIn, type RuleNode } from '../../rules';
import { listItems, nearest } from '../../traefik/values';
import { replace } from '../edits';
import { occurrences } from '../names';
import { insertLabels } from '../style';
import type { CodeAction } from '../types';
import { action, type FixContext, rewriteValue, str, textAt } from './common';

export function ruleSyntax(ctx: FixContext<'rule-syntax'>): CodeAction[] {
  const { file, finding, label, service, project } = ctx;
  const out: CodeAction[] = [];
  // The static configuration's defaultRule: neither a label to edit nor a router's ruleSyntax to set.
  if (finding.data?.defaultRule || finding.data?.dynamicFile) return out;
  // The rule parser's suggestion replaces the problem's range (a matcher name, an argument).
  const replacement = label && writtenSuggestion(ctx, label);
  if (replacement !== undefined) {
    const written = textAt(file, finding.range);
    out.push(action(`Change "${written}" to "${replacement}"`, file.file, [replace(finding.range, replacement)], true));
  }
  // ruleSyntax exists in v3 only (pkg/muxer/http/mux.go AddRoute); it is deprecated, so never the preferred fix.
  const router =
    str(finding.data, 'router') ?? (label && isRouterField(label, 'rule') ? label.segments[3].text : undefined);
  if (project.version !== 'v3' || !router || !service) return out;
  const protocol = label?.segments[1]?.text.toLowerCase() ?? 'http';
  const mine = service.labels.filter(
    (l) =>
      l.segments[3]?.text === router &&
      l.segments[2]?.text.toLowerCase() === 'routers' &&
      l.segments[1]?.text.toLowerCase() === protocol,
  );
  const existing = mine.find((l) => isRouterField(l, 'rulesyntax'));
  const title = `Parse router "${router}" with the v2 rule syntax (ruleSyntax=v2, deprecated)`;
  if (existing) {
    if (existing.value.trim().toLowerCase() !== 'v2')
      out.push(action(title, file.file, [rewriteValue(file, existing, 'v2')]));
    return out;
  }
  const rule = mine.find((l) => isRouterField(l, 'rule'));
  const source = rule?.source ?? label?.source ?? 'labels';
  const edit = insertLabels(
    file,
    service,
    source,
    [{ key: `traefik.${protocol}.routers.${router}.rulesyntax`, value: 'v2' }],
    rule ? { after: rule } : { last: true },
  );
  out.push(action(title, file.file, [edit]));
  return out;
}

/**
 * The parser's suggestion for the finding's problem as text for the file: found again in the value
 * as written, so a compose variable (`${DOMAIN}`) stays a variable in the edit instead of becoming
 * its value; parenthesised where it joins matchers with `||` and replaces an operand of `&&` or
 * `!`, which bind tighter (pkg/rules/parser.go: vulcand/predicate parses with Go's precedence).
 */
function writtenSuggestion(ctx: FixContext<'rule-syntax'>, label: Label): string | undefined {
  const { file, finding, project } = ctx;
  const written = textAt(file, label.valueRange);
  if (!label.exact || written !== (label.interpolation?.written ?? label.value)) return undefined;
  const syntax = str(finding.data, 'syntax') === 'v2' ? 'v2' : 'v3';
  const protocol = str(finding.data, 'protocol') === 'tcp' ? 'tcp' : 'http';
  const start = finding.range.start - label.valueRange.start;
  const end = finding.range.end - label.valueRange.start;
  const parsed = parseRuleIn(project, written, syntax, protocol);
  const problem = parsed.problems.find(
    (p) => p.kind === str(finding.data, 'kind') && p.start === start && p.end === end && p.suggestion !== undefined,
  );
  const text = problem?.suggestion;
  if (text === undefined || !parsed.tree) return text;
  const joined = parseRuleIn(project, text, syntax, protocol).tree?.type === 'or';
  const bare = !/\(\s*$/.test(written.slice(0, start)) || !/^\s*\)/.test(written.slice(end));
  return joined && bare && operandOfTighter(parsed.tree, start, end) ? `(${text})` : text;
}

/** Whether the node at [start, end) is an operand of `&&` or `!` in the tree. */
function operandOfTighter(node: RuleNode, start: number, end: number, tighter = false): boolean {
  if (node.start === start && node.end === end) return tighter;
  if (node.type === 'matcher') return false;
  if (node.type === 'not') return operandOfTighter(node.operand, start, end, true);
  const and = node.type === 'and';
  return operandOfTighter(node.left, start, end, and) || operandOfTighter(node.right, start, end, and);
}

function isRouterField(label: Label, field: string): boolean {
  const segs = label.segments.map((s) => s.text.toLowerCase());
  return segs.length === 5 && segs[0] === 'traefik' && segs[2] === 'routers' && segs[4] === field;
}

/** PathPrefix arguments of a rule (`PathPrefix(`/a`) || PathPrefix(`/b`)` -> /a, /b). */
export function pathPrefixes(rule: string): string[] {
  return [...rule.matchAll(/PathPrefix\s*\(\s*(?:`([^`]*)`|"([^"]*)")/gi)].map((m) => m[1] ?? m[2]);
}

export function stripPrefixMismatch(ctx: FixContext<'stripprefix-mismatch'>): CodeAction[] {
  const { file, finding, label } = ctx;
  if (!label || !label.exact) return [];
  const item = listItems(label).find((i) => i.range.start === finding.range.start && i.range.end === finding.range.end);
  if (!item || textAt(file, item.range) !== item.value) return [];
  const given = str(finding.data, 'suggestion') ?? str(finding.data, 'expected');
  const candidates = given !== undefined ? [given] : routerPrefixes(ctx, label);
  const best = candidates.length === 1 ? candidates[0] : nearest(item.value, candidates);
  if (best === undefined || best === item.value) return [];
  return [action(`Strip "${best}", the router's PathPrefix`, file.file, [replace(item.range, best)], true)];
}

/** PathPrefixes of the routers that use the stripprefix middleware this label configures. */
function routerPrefixes(ctx: FixContext, label: Label): string[] {
  const name = label.segments[3]?.text;
  const protocol = label.segments[1]?.text.toLowerCase();
  const out = new Set<string>();
  for (const o of occurrences(ctx.project)) {
    if (o.role !== 'reference' || o.kind !== 'middlewares' || o.name !== name || o.protocol !== protocol || !o.label)
      continue;
    const routerName = o.label.segments[3].text;
    const rule = o.service.labels.find((l) => isRouterField(l, 'rule') && l.segments[3].text === routerName);
    for (const p of pathPrefixes(rule?.value ?? '')) if (p !== '/') out.add(p);
  }
  return [...out];
}
