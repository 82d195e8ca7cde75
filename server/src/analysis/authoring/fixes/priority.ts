// Fixes that change a router's priority: route-shadowed (lower the catch-all that swallows the
// router, or lift the router above its shadows) and priority-tie (lift the router above its
// rivals). Traefik tries an entry point's routers by priority, highest first
// (pkg/muxer/http/mux.go). A priority is offered only when the routing it yields is proven free
// of new shadows and ties (rules/overlap.ts), so a fix never trades one finding for another.
import type { Label } from '../../compose/model';
import type { Project } from '../../project';
import { routedRouters, shareEntryPoint, type Routed } from '../../route/routers';
import { coveredBy, overlap, type RuleNode } from '../../rules';
import { composeFile } from '../context';
import { insertLabels } from '../style';
import type { CodeAction, TextEdit } from '../types';
import { action, type FixContext, rewriteValue, str, strings } from './common';

export function routeShadowed(ctx: FixContext<'route-shadowed'>): CodeAction[] {
  const routed = routedRouters(ctx.project);
  const router = findingRouter(ctx, routed);
  if (!router) return [];
  const names = strings(ctx.finding.data, 'shadowedBy');
  const shadows = names.flatMap((n) => {
    const found = routed.filter((r) => r.name === n && r !== router);
    return found.length === 1 ? found : [];
  });
  if (shadows.length === 0 || shadows.length !== names.length) return [];
  const out: CodeAction[] = [];
  // A catch-all is meant to come last: priority 1 puts it below every rule Traefik scores by length.
  for (const shadow of shadows.filter((s) => isCatchAll(s.tree) && s.priority > 1)) {
    if (!safe(ctx.project, routed, shadow, 1)) continue;
    const edits = priorityEdits(ctx.project, shadow, 1);
    if (edits) out.push(action(`Set priority of "${shadow.name}" to 1`, edits.file, edits.edits, true));
  }
  const lifted = Math.max(...shadows.map((s) => s.priority)) + 1;
  if (safe(ctx.project, routed, router, lifted)) {
    const edits = priorityEdits(ctx.project, router, lifted);
    if (edits) out.push(action(`Give "${router.name}" priority ${lifted}`, edits.file, edits.edits, out.length === 0));
  }
  return out;
}

export function priorityTie(ctx: FixContext<'priority-tie'>): CodeAction[] {
  const routed = routedRouters(ctx.project);
  const router = findingRouter(ctx, routed);
  if (!router) return [];
  const lifted = router.priority + 1;
  if (!safe(ctx.project, routed, router, lifted)) return [];
  const edits = priorityEdits(ctx.project, router, lifted);
  return edits ? [action(`Give "${router.name}" priority ${lifted}`, edits.file, edits.edits)] : [];
}

/** The router whose rule label holds the finding (data.router names it; the range picks the definition). */
function findingRouter(ctx: FixContext<'route-shadowed' | 'priority-tie'>, routed: Routed[]): Routed | undefined {
  const name = str(ctx.finding.data, 'router');
  const { label } = ctx;
  if (!label) return undefined;
  return routed.find((r) => r.router?.fields.get('rule') === label && (name === undefined || r.name === name));
}

/**
 * A rule that matches every path, whatever else it asks (a host, a header): its path matchers
 * leave every path through, which only `PathPrefix(`/`)` does.
 */
export function isCatchAll(node: RuleNode, negated = false): boolean {
  switch (node.type) {
    case 'matcher':
      if (!/^path/i.test(node.name)) return true;
      return !negated && node.name === 'PathPrefix' && node.args.some((a) => a.value === '/');
    case 'not':
      return isCatchAll(node.operand, !negated);
    default: {
      // Under a negation `&&` and `||` swap (De Morgan).
      const both = (node.type === 'and') !== negated;
      const [l, r] = [isCatchAll(node.left, negated), isCatchAll(node.right, negated)];
      return both ? l && r : l || r;
    }
  }
}

/**
 * Whether giving `target` priority `p` adds no finding: it is not then shadowed, ties with no
 * router it overlaps, and newly shadows no router. Routers count as rivals when they share an
 * entry point and TLS-ness; unsure proofs count against the change.
 */
function safe(project: Project, routed: Routed[], target: Routed, p: number): boolean {
  const compiled = project.derived.matchers;
  const input = (r: Routed) => ({ tree: r.tree, syntax: r.syntax });
  const others = routed.filter((o) => o !== target && o.tls === target.tls && shareEntryPoint(o, target));
  if (coveredBy(compiled, input(target), others.filter((o) => o.priority > p).map(input))) return false;
  for (const o of others) {
    if (o.priority === p && overlap(compiled, input(target), input(o)).result !== 'no') return false;
    // Routers the change lifts target above (or level with) and that were not shadowed before.
    if (o.priority < p && o.priority >= target.priority) {
      const above = others.filter((x) => x !== o && x.priority > o.priority && shareEntryPoint(x, o)).map(input);
      if (coveredBy(compiled, input(o), [input(target), ...above]) && !coveredBy(compiled, input(o), above))
        return false;
    }
  }
  return true;
}

/**
 * The `priority` label set to `p`: its value rewritten, or a label added after the router's last
 * one. A file provider's router is edited in its file by hand (no fix offered).
 */
function priorityEdits(project: Project, r: Routed, p: number): { file: string; edits: TextEdit[] } | undefined {
  const router = r.router;
  if (!router) return undefined;
  const existing = router.fields.get('priority');
  const rule = router.fields.get('rule')!;
  const file = composeFile(project, (existing ?? rule).file);
  if (!file) return undefined;
  if (existing) {
    return { file: file.file, edits: [rewriteValue(file, existing, String(p))] };
  }
  const service = router.container.composeParts.find((s) => s.labels.includes(rule));
  if (!service) return undefined;
  const mine = router.labels.filter((l) => l.file === rule.file && l.source === rule.source);
  const after = mine.reduce<Label>((a, b) => (b.entryRange.end > a.entryRange.end ? b : a), rule);
  const key = `traefik.${router.protocol}.routers.${router.name}.priority`;
  return {
    file: file.file,
    edits: [insertLabels(file, service, rule.source, [{ key, value: String(p) }], { after })],
  };
}
