// Traefik merges same-named routers, services and middlewares from several containers only when
// they are identical (services: apart from their servers); otherwise it removes the resource and
// logs "defined multiple times with different configurations" (pkg/provider/merge.go Merge).
// Names meet only within one provider: `api@docker` and `api@file` are two routers (every
// provider's configuration is kept under its own name, pkg/server/aggregator.go
// mergeConfiguration). Two routers with the same rule, priority and entry points leave the choice
// to map order, whichever providers define them: they share the entry point's muxer.
import type { Project } from '../project';
import { buildsRouters } from '../traefik/defaultRule';
import { definitions, definitionRange, definitionsNamed } from '../traefik/lookup';
import type { FileDefinition } from '../traefik/fileProvider';
import type { Definition } from '../traefik/model';
import { fileRouterFacts, fileRouters } from '../route/fileRouters';
import type { Range, Related } from '../types';
import { fileRelated } from './fileReferences';
import { routerEntryPoints, routerPriority, routerTls } from '../traefik/routing';
import { routerOutcome } from '../route/outcome';
import { containerBackends, fileBackends, sameBackends } from '../route/backends';
import { parseRuleIn, type RuleSyntax } from '../rules';
import { ruleSyntax } from './rule-syntax';
import { shownName } from '../route/routers';
import type { Check, CheckContext, ContainerContext } from './check';
import { related } from './references';

export const check: Check<'route-conflict'> = {
  code: 'route-conflict',
  severity: 'error',
  description: 'The same router, service or middleware name defined differently, or two routers with the same rule.',
  container(container, ctx) {
    if (!container.enabled) return;
    const { project } = ctx;
    for (const def of container.definitions) {
      if (def.implicit) continue;
      const defs = definitionsNamed(project, def.protocol, def.kind, container.provider, def.name);
      if (defs.length > 1) reportDifferent(ctx, def, defs);
    }
    for (const router of container.definitions) {
      if (router.kind !== 'routers' || router.protocol === 'udp') continue;
      const holder = ruleHolderOf(project, router);
      if (holder) reportSameRule(ctx, project, router.protocol, holder);
    }
  },
  // The file provider's routers: their rule may be a container's too.
  run(ctx) {
    const { project } = ctx;
    for (const protocol of ['http', 'tcp'] as const)
      for (const holder of fileRuleHolders(project, protocol)) reportSameRule(ctx, project, protocol, holder);
  },
};

/**
 * Field path -> value as Traefik compares them after building: without the servers a service
 * may legitimately differ in, and with the service a router is linked to automatically.
 */
function configuration(def: Definition): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, label] of def.fields) {
    if (def.kind === 'services' && path.startsWith('loadbalancer.server.')) continue;
    out.set(path, label.value.trim());
  }
  if (def.kind === 'routers' && !out.has('service')) out.set('service', linkedService(def));
  return out;
}

/** The service a router without `service` gets: its container's only service of that protocol. */
function linkedService(router: Definition): string {
  const own = router.container.definitions.filter((d) => d.kind === 'services' && d.protocol === router.protocol);
  return own.length === 1 ? own[0].name : '';
}

/** Equal apart from the servers: Traefik merges the two (pkg/provider/merge.go). */
export function sameConfiguration(a: Definition, b: Definition): boolean {
  const x = configuration(a);
  const y = configuration(b);
  if (x.size !== y.size) return false;
  for (const [k, v] of x) if (y.get(k) !== v) return false;
  return true;
}

function reportDifferent(ctx: ContainerContext<'route-conflict'>, def: Definition, defs: readonly Definition[]): void {
  // Implicit services/routers are named after their own container, so they never clash by accident.
  const explicit = defs.filter((d) => !d.implicit);
  const name = def.name;
  const others = explicit.filter((o) => o !== def && o.container !== def.container && !sameConfiguration(def, o));
  if (others.length === 0) return;
  const noun = def.kind.slice(0, -1);
  ctx.report({
    message: `${noun} "${name}" is also defined, differently, by ${others.map((o) => `"${o.container.compose.name}"`).join(', ')}: make them identical or rename one`,
    explanation: `Traefik merges a ${def.protocol.toUpperCase()} ${noun} that several containers define only when the definitions are identical${def.kind === 'services' ? ' apart from their servers' : ''}; otherwise it logs "${noun[0].toUpperCase()}${noun.slice(1)} defined multiple times with different configurations" and removes "${name}" altogether (pkg/provider/configuration.go).`,
    file: def.labels[0].file,
    range: definitionRange(def),
    related: others.map((o) => related(o, `other definition of "${name}"`)),
    data: { name, kind: def.kind, protocol: def.protocol },
  });
}

/** A router as the same-rule test reads it, from a container's labels or a dynamic file. */
interface RuleHolder {
  name: string;
  /** `users@docker`, `users@file`. */
  fullName: string;
  provider: string;
  rule: { value: string; file: string; range: Range };
  priority: number;
  tls: boolean;
  entryPoints: string[] | undefined;
  outcome: string;
  /** `host:port` of the servers it sends to, when known (route/backends.ts). */
  backends?: string[];
  /** Its middlewares without provider, to compare a container's router with a file's copy of it. */
  middlewares: string;
  at: (message: string) => Related;
}

function ruleHolder(project: Project, router: Definition): RuleHolder | undefined {
  if (!buildsRouters(router.container, project.staticConfig)) return undefined;
  const rule = router.fields.get('rule');
  if (!rule || rule.interpolated || rule.value.trim() === '') return undefined;
  if (router.protocol === 'udp' || !builds(project, rule.value, ruleSyntax(project, router), router.protocol))
    return undefined;
  return {
    name: router.name,
    fullName: `${router.name}@${router.container.provider}`,
    provider: router.container.provider,
    rule: { value: rule.value, file: rule.file, range: rule.valueRange },
    priority: routerPriority(router),
    tls: routerTls(router),
    entryPoints: routerEntryPoints(project, router),
    outcome: routerOutcome(router),
    backends: containerBackends(router),
    middlewares: unqualified(router.fields.get('middlewares')?.value.split(',') ?? []),
    at: (message) => related(router, message),
  };
}

/**
 * Whether Traefik builds a router from this rule: one it cannot parse is disabled (rule-syntax
 * reports it; pkg/muxer/http/mux.go AddRoute), so it ties with nothing.
 */
function builds(project: Project, rule: string, syntax: RuleSyntax, protocol: 'http' | 'tcp'): boolean {
  const parsed = parseRuleIn(project, rule, syntax, protocol);
  return parsed.tree !== undefined && !parsed.problems.some((p) => p.severity === 'error');
}

function ruleHolderOf(project: Project, router: Definition): RuleHolder | undefined {
  return project.derived.of('rule holder', router, () => ruleHolder(project, router));
}

function fileRuleHolder(project: Project, def: FileDefinition): RuleHolder | undefined {
  const facts = fileRouterFacts(project, def);
  if (!facts) return undefined;
  const fields = { protocol: def.protocol, fields: facts.fields };
  if (def.protocol === 'udp' || !builds(project, facts.rule.value, ruleSyntax(project, fields), def.protocol))
    return undefined;
  return {
    name: def.name,
    fullName: `${def.name}@file`,
    provider: 'file',
    rule: facts.rule,
    priority: routerPriority(fields),
    tls: routerTls(fields),
    entryPoints: routerEntryPoints(project, fields),
    outcome: facts.outcome,
    backends: fileBackends(project, def.protocol, facts.service),
    middlewares: unqualified(facts.middlewares),
    at: (message) => fileRelated(def, message),
  };
}

function fileRuleHolders(project: Project, protocol: 'http' | 'tcp'): RuleHolder[] {
  return fileRouters(project, protocol).flatMap(
    (def) => project.derived.of('file rule holder', def, () => fileRuleHolder(project, def)) ?? [],
  );
}

/** Routers meet here only with the same rule text, priority and TLS. */
const sameRuleKey = (h: RuleHolder): string => `${h.rule.value.trim()}\u0000${h.priority}\u0000${h.tls}`;

/** The rule holders of one protocol (containers' routers, then the file provider's), by sameRuleKey. */
function ruleGroups(project: Project, protocol: 'http' | 'tcp'): Map<string, RuleHolder[]> {
  const groups = new Map<string, RuleHolder[]>();
  const add = (h: RuleHolder): void => {
    const list = groups.get(sameRuleKey(h));
    if (list) list.push(h);
    else groups.set(sameRuleKey(h), [h]);
  };
  for (const router of definitions(project, protocol, 'routers')) {
    const holder = ruleHolderOf(project, router);
    if (holder) add(holder);
  }
  for (const holder of fileRuleHolders(project, protocol)) add(holder);
  return groups;
}

/** The routers with the holder's rule, priority and TLS (itself among them), in the project's order. */
function sameRule(project: Project, protocol: 'http' | 'tcp', holder: RuleHolder): readonly RuleHolder[] {
  return (
    project.derived.entry(
      `rule holders ${protocol} by rule`,
      () => ruleGroups(project, protocol),
      sameRuleKey(holder),
      (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
    ) ?? []
  );
}

function reportSameRule(
  ctx: CheckContext<'route-conflict'> | ContainerContext<'route-conflict'>,
  project: Project,
  protocol: 'http' | 'tcp',
  router: RuleHolder,
): void {
  const routers = sameRule(project, protocol, router);
  if (routers.length < 2) return;
  const rivals = routers.filter(
    (o) =>
      o !== router &&
      o.fullName !== router.fullName &&
      overlaps(router.entryPoints, o.entryPoints) &&
      o.outcome !== router.outcome &&
      !sameServing(o, router),
  );
  if (rivals.length === 0) return;
  const across = rivals.some((o) => o.provider !== router.provider)
    ? ' Routers of different providers share the muxer too; since Traefik v3.7 provider precedence orders them (swarm, then docker, then file by default: pkg/config/static/static_config.go providerNames), before that nothing does.'
    : '';
  ctx.report({
    message: `router "${shownName(router)}" has the same rule and priority as ${rivals.map((r) => `"${shownName(r, router)}"`).join(', ')}: raise one's priority`,
    explanation: `Traefik tries the routers of an entry point by priority (by default the rule's length) and leaves routers of equal priority in no defined order (pkg/muxer/http/mux.go), so which of these serves their requests on a shared entry point is left to chance. A higher priority, or a narrower rule, on one decides it.${across}`,
    file: router.rule.file,
    range: router.rule.range,
    related: rivals.map((o) => o.at(`router "${shownName(o, router)}" with the same rule`)),
    data: { router: router.name, rivals: rivals.map((r) => r.name) },
  });
}

/**
 * A file router and a container's router that reach the same servers through the same
 * middlewares serve a request alike, whichever Traefik tries first (a fallback file that repeats
 * the labels): no conflict.
 */
function sameServing(a: RuleHolder, b: RuleHolder): boolean {
  if (a.middlewares !== b.middlewares) return false;
  const [file, other] = a.provider === 'file' ? [a, b] : [b, a];
  return file.provider === 'file' && other.provider !== 'file' && sameBackends(file.backends, other.backends);
}

/** Middleware names without their `@provider`, in order. */
function unqualified(names: string[]): string {
  return names
    .map((n) => n.trim().replace(/@[^@]*$/, ''))
    .filter((n) => n !== '')
    .join(',');
}

/** `undefined` stands for "every entry point" (unknown static config): it overlaps everything. */
function overlaps(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b) return true;
  return a.some((x) => b.includes(x));
}
