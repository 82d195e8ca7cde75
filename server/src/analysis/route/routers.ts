// The HTTP routers Traefik would put into its muxers, with what routing needs of each: the
// parsed rule, its syntax, the effective priority, TLS and entry points. Built once per project.
import { ruleSyntax } from '../checks/rule-syntax';
import type { Project } from '../project';
import { candidatePairs, defaultPriority, footprints, parseRuleCached, type RuleNode, type RuleSyntax } from '../rules';
import { normalizeName } from '../traefik/containers';
import { definitionRange, index } from '../traefik/lookup';
import type { Range } from '../types';
import type { Definition } from '../traefik/model';
import { routerEntryPoints, routerTls } from '../traefik/routing';

export interface Routed {
  router: Definition;
  /** Traefik's name: `users@docker`. */
  fullName: string;
  rule: string;
  /** The rule came from the provider's defaultRule (the router has no `rule` label). */
  defaultRule: boolean;
  /** Where the router is written: its rule value, else its name (or the compose service). */
  file: string;
  range: Range;
  tree: RuleNode;
  syntax: RuleSyntax;
  priority: number;
  tls: boolean;
  /** undefined: the default entry points, unknown without a static config. */
  entryPoints: string[] | undefined;
}

const cache = new WeakMap<Project, Routed[]>();

/**
 * Routers of enabled containers whose rule Traefik accepts. Routers Traefik rejects (rule errors)
 * never serve; `rule-syntax` reports them. Same-named routers from several containers are kept
 * once per definition: `route-conflict` reports them.
 */
export function routedRouters(project: Project): Routed[] {
  let out = cache.get(project);
  if (out) return out;
  out = [];
  for (const router of index(project, 'http', 'routers').all) {
    if (!router.container.enabled) continue;
    const routed = toRouted(project, router);
    if (routed) out.push(routed);
  }
  cache.set(project, out);
  return out;
}

/**
 * One HTTP router as routing sees it; undefined when its rule is unknown (interpolated) or does
 * not parse. `eitherSyntax` (for saying what a disabled router would have matched) also tries
 * the other rule syntax, where `Headers(...)` in a v3 rule is a v2 matcher.
 */
export function toRouted(project: Project, router: Definition, eitherSyntax = false): Routed | undefined {
  const label = router.fields.get('rule');
  const written = label && label.value.trim() !== '' ? label : undefined;
  if (written?.interpolated) return undefined;
  const rule = written ? written.value : defaultRuleOf(project, router);
  if (rule === undefined) return undefined;
  // Rules from the default rule are parsed as v3 whatever the default syntax (aggregator applyModel).
  let syntax: RuleSyntax = written ? ruleSyntax(project, router) : project.version === 'v2' ? 'v2' : 'v3';
  let parsed = parseRuleCached(rule, syntax);
  const fails = (): boolean => !parsed.tree || parsed.problems.some((p) => p.severity === 'error');
  if (fails() && eitherSyntax) {
    syntax = syntax === 'v3' ? 'v2' : 'v3';
    parsed = parseRuleCached(rule, syntax);
  }
  if (fails()) return undefined;
  return {
    router,
    fullName: `${router.name}@${router.container.provider}`,
    rule,
    defaultRule: !written,
    file: written ? written.file : (router.labels[0]?.file ?? router.container.compose.file),
    range: written ? written.valueRange : definitionRange(router),
    tree: parsed.tree!,
    syntax,
    priority: explicitPriority(router) ?? defaultPriority(rule, 'http'),
    tls: routerTls(router),
    entryPoints: routerEntryPoints(project, router),
  };
}

/** Whether two routers share an entry point; unknown default entry points only meet each other. */
export function shareEntryPoint(a: Routed, b: Routed): boolean {
  if (a.entryPoints === undefined || b.entryPoints === undefined)
    return a.entryPoints === undefined && b.entryPoints === undefined;
  return a.entryPoints.some((e) => b.entryPoints!.includes(e));
}

const DEFAULT_RULE = 'Host(`{{ normalize .Name }}`)';

/**
 * The provider's default rule for a router without one (pkg/provider/configuration.go
 * BuildRouterConfiguration): the template, default `Host(`{{ normalize .Name }}`)`,
 * with `.Name` = `<service>_<project>`. Templates using anything else are not guessed.
 */
function defaultRuleOf(project: Project, router: Definition): string | undefined {
  const config = router.container.provider === 'swarm' ? project.staticConfig.swarm : project.staticConfig.docker;
  const template = config?.defaultRule ?? DEFAULT_RULE;
  const name = `${router.container.compose.name}_${project.name}`;
  const rule = template
    .replace(/\{\{-?\s*normalize\s+\.Name\s*-?\}\}/g, normalizeName(name))
    .replace(/\{\{-?\s*\.Name\s*-?\}\}/g, name);
  return rule.includes('{{') || rule.trim() === '' ? undefined : rule;
}

/** The `priority` label when it sets one (`0` means the default). */
function explicitPriority(router: Definition): number | undefined {
  const explicit = router.fields.get('priority')?.value.trim();
  return explicit && /^[+-]?\d+$/.test(explicit) && Number(explicit) !== 0 ? Number(explicit) : undefined;
}

const rivalCache = new WeakMap<Project, Map<Routed, Routed[]>>();

/**
 * For each router, the other routers of the same muxer (TLS or not) that may match one of its
 * requests: a sound pre-test on required paths and hosts (rules/footprint.ts), done on sorted
 * paths rather than on every pair, so projects with thousands of routers stay cheap.
 */
export function mayMeet(project: Project): Map<Routed, Routed[]> {
  let out = rivalCache.get(project);
  if (out) return out;
  out = new Map();
  const routed = routedRouters(project);
  for (const r of routed) out.set(r, []);
  for (const tls of [false, true]) {
    const side = routed.filter((r) => r.tls === tls);
    const prints = side.map((r) => footprints(r.tree, r.syntax));
    for (const [i, j] of candidatePairs(prints)) {
      if (!shareEntryPoint(side[i], side[j]) && !mayShareEntryPoint(side[i], side[j])) continue;
      out.get(side[i])!.push(side[j]);
      out.get(side[j])!.push(side[i]);
    }
  }
  rivalCache.set(project, out);
  return out;
}

/** Entry points that are unknown on one side may still be shared (route-shadowed decides per entry point). */
function mayShareEntryPoint(a: Routed, b: Routed): boolean {
  return a.entryPoints === undefined || b.entryPoints === undefined;
}
