// The HTTP routers Traefik would put into its muxers, with what routing needs of each: the
// parsed rule, its syntax, the effective priority, TLS and entry points. Built once per project,
// from the docker (swarm) provider's containers and the file provider's dynamic files: every
// provider's routers of an entry point share one muxer (pkg/server/router/router.go
// BuildHandlers), so rules shadow and tie across providers, while names never meet across them.
import { ruleSyntax } from '../checks/rule-syntax';
import type { Project } from '../project';
import { defaultPriority, footprints, parseRuleIn, type RuleNode, type RuleSyntax, type TermFootprint } from '../rules';
import { buildsRouters, DEFAULT_RULE, renderDefaultRule } from '../traefik/defaultRule';
import { containerProvider } from '../traefik/containers';
import { definitionRange, index } from '../traefik/lookup';
import type { Range } from '../types';
import { listValue, type Definition } from '../traefik/model';
import { routerEntryPoints, routerTls, type RouterFields } from '../traefik/routing';
import type { FileDefinition } from '../traefik/fileProvider';
import { fileRelated } from '../checks/fileReferences';
import { related } from '../checks/references';
import { fileRouterFacts, fileRouters } from './fileRouters';
import { routerOutcome, serviceOf } from './outcome';
import type { Related } from '../types';
import type { RouterFacts } from './facts';
import { candidatesIn, routingIndex } from './routingIndex';

export interface Routed {
  /** Which router of the project it is: its compose service and name, or its dynamic file and name. */
  key: string;
  /** The router as a container's labels define it; undefined for the file provider's. */
  router?: Definition;
  /** The router as a dynamic file defines it (`fileRouter.file`). */
  fileRouter?: FileDefinition;
  /** As written. */
  name: string;
  /** `docker`, `swarm`, `file`. */
  provider: string;
  /** Traefik's name: `users@docker`. */
  fullName: string;
  /** The service it sends requests to, qualified (`whoami@docker`); '' when it names none. */
  service: string;
  /** Its middlewares in order, qualified. */
  middlewares: string[];
  /** Its service and middlewares: routers with the same outcome cannot be told apart. */
  outcome: string;
  /** Related information pointing at the router's name. */
  at: (message: string) => Related;
  rule: string;
  /** The rule came from the provider's defaultRule (the router has no `rule` label). */
  defaultRule: boolean;
  /** Where the router is written: its rule value, else its name (or the compose service). */
  file: string;
  range: Range;
  tree: RuleNode;
  syntax: RuleSyntax;
  /** What each DNF term of the rule needs (rules/footprint.ts); undefined: too large, it may meet anything. */
  footprints: TermFootprint[] | undefined;
  priority: number;
  tls: boolean;
  /** undefined: the default entry points, unknown without a static config. */
  entryPoints: string[] | undefined;
}

/**
 * Routers of enabled containers whose rule Traefik accepts. Routers Traefik rejects (rule errors)
 * never serve; `rule-syntax` reports them. Same-named routers from several containers are kept
 * once per definition: `route-conflict` reports them.
 */
export function routedRouters(project: Project): Routed[] {
  return project.derived.get('routed routers', () => {
    const out: Routed[] = [];
    for (const router of index(project, 'http', 'routers').all) {
      if (!buildsRouters(router.container, project.staticConfig)) continue;
      // One fact per definition: a container kept from the last analysis keeps its routers' facts.
      const routed = project.derived.of('routed router', router, () => toRouted(project, router));
      if (routed) out.push(routed);
    }
    for (const def of fileRouters(project, 'http')) {
      const routed = fileToRouted(project, def);
      if (routed) out.push(routed);
    }
    return out;
  });
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
  const syntax: RuleSyntax = written ? ruleSyntax(project, router) : project.version === 'v2' ? 'v2' : 'v3';
  const parsed = parsedRule(project, rule, syntax, eitherSyntax);
  if (!parsed) return undefined;
  return {
    key: `${router.container.compose.name}\u0000${router.name}`,
    router,
    name: router.name,
    provider: router.container.provider,
    fullName: `${router.name}@${router.container.provider}`,
    service: serviceOf(router),
    middlewares: listValue(router.fields.get('middlewares')?.value ?? '').map((m) =>
      m.includes('@') ? m : `${m}@${router.container.provider}`,
    ),
    outcome: routerOutcome(router),
    at: (message) => related(router, message),
    rule,
    defaultRule: !written,
    file: written ? written.file : (router.labels[0]?.file ?? router.container.compose.file),
    range: written ? written.valueRange : definitionRange(router),
    tree: parsed.tree,
    syntax: parsed.syntax,
    footprints: footprints(parsed.tree, parsed.syntax, project.derived.matchers),
    priority: explicitPriority(router) ?? defaultPriority(rule, 'http'),
    tls: routerTls(router),
    entryPoints: routerEntryPoints(project, router),
  };
}

/** The rule's tree in the given syntax (or, with `eitherSyntax`, the other); undefined when Traefik rejects it. */
function parsedRule(
  project: Project,
  rule: string,
  syntax: RuleSyntax,
  eitherSyntax: boolean,
): { tree: RuleNode; syntax: RuleSyntax } | undefined {
  let parsed = parseRuleIn(project, rule, syntax);
  const fails = (): boolean => !parsed.tree || parsed.problems.some((p) => p.severity === 'error');
  if (fails() && eitherSyntax) {
    syntax = syntax === 'v3' ? 'v2' : 'v3';
    parsed = parseRuleIn(project, rule, syntax);
  }
  return fails() ? undefined : { tree: parsed.tree!, syntax };
}

/**
 * A file provider's HTTP router; undefined when it cannot serve (fileRouterFacts) or Traefik
 * rejects its rule. Its priority is its own or the rule's length, as any provider's
 * (pkg/muxer/http/mux.go GetRulePriority).
 */
export function fileToRouted(project: Project, def: FileDefinition): Routed | undefined {
  const facts = fileRouterFacts(project, def);
  if (!facts) return undefined;
  const router: RouterFields = { protocol: def.protocol, fields: facts.fields };
  const parsed = parsedRule(project, facts.rule.value, ruleSyntax(project, router), false);
  if (!parsed) return undefined;
  return {
    key: `@file\u0000${def.file}\u0000${def.name}`,
    fileRouter: def,
    name: def.name,
    provider: 'file',
    fullName: `${def.name}@file`,
    service: facts.service,
    middlewares: facts.middlewares,
    outcome: facts.outcome,
    at: (message) => fileRelated(def, message),
    rule: facts.rule.value,
    defaultRule: false,
    file: facts.rule.file,
    range: facts.rule.range,
    tree: parsed.tree,
    syntax: parsed.syntax,
    footprints: footprints(parsed.tree, parsed.syntax, project.derived.matchers),
    priority: explicitPriority(router) ?? defaultPriority(facts.rule.value, 'http'),
    tls: routerTls(router),
    entryPoints: routerEntryPoints(project, router),
  };
}

/**
 * A router as messages name it: as its labels spell it, a file provider's as `name@file`, and
 * with its provider when the message is about a router of another provider (`from`).
 */
export function shownName(
  r: { name: string; fullName: string; provider: string },
  from?: { provider: string },
): string {
  return r.provider === 'file' || (from && from.provider !== r.provider) ? r.fullName : r.name;
}

/** Whether two routers share an entry point; unknown default entry points only meet each other. */
export function shareEntryPoint(a: Pick<Routed, 'entryPoints'>, b: Pick<Routed, 'entryPoints'>): boolean {
  if (a.entryPoints === undefined || b.entryPoints === undefined)
    return a.entryPoints === undefined && b.entryPoints === undefined;
  return a.entryPoints.some((e) => b.entryPoints!.includes(e));
}

/**
 * The provider's default rule for a router without one (pkg/provider/configuration.go
 * BuildRouterConfiguration); undefined when the template is not one Gateway Lens renders.
 */
function defaultRuleOf(project: Project, router: Definition): string | undefined {
  const config = containerProvider(router.container, project.staticConfig);
  return renderDefaultRule(config?.defaultRule ?? DEFAULT_RULE, router.container, project.name);
}

/** The `priority` label when it sets one (`0` means the default). */
function explicitPriority(router: RouterFields): number | undefined {
  const explicit = router.fields.get('priority')?.value.trim();
  return explicit && /^[+-]?\d+$/.test(explicit) && Number(explicit) !== 0 ? Number(explicit) : undefined;
}

/**
 * For each router, the other routers of the same muxer (TLS or not) that may match one of its
 * requests: a sound pre-test on required paths and hosts (rules/footprint.ts), looked up in the
 * footprint index (routingIndex.ts), so projects with thousands of routers stay cheap.
 */
export function mayMeet(project: Project): Map<Routed, RouterFacts[]> {
  return project.derived.get('routers that may meet', () => {
    const out = new Map<Routed, RouterFacts[]>();
    const index = routingIndex(project);
    for (const r of routedRouters(project))
      out.set(
        r,
        candidatesIn(index, r).filter((o) => o.key !== r.key),
      );
    return out;
  });
}
