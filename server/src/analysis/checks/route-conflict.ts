// Traefik merges same-named routers, services and middlewares from several containers only when
// they are identical (services: apart from their servers); otherwise it removes the resource and
// logs "defined multiple times with different configurations" (pkg/provider/merge.go Merge).
// Two routers with the same rule, priority and entry points leave the choice to map order.
import type { Project } from '../project';
import { byName, definitions, definitionRange } from '../traefik/lookup';
import type { Definition } from '../traefik/model';
import { routerEntryPoints, routerPriority, routerTls } from '../traefik/routing';
import { routerOutcome } from '../route/outcome';
import type { Check, CheckContext } from './check';
import { projectKey, traefikContent } from './keys';
import { related } from './references';

export const check: Check = {
  code: 'route-conflict',
  severity: 'error',
  description: 'The same router, service or middleware name defined differently, or two routers with the same rule.',
  // Merging and same-rule pairs depend on every Traefik label of every container (and the static configuration).
  key: (project) => projectKey(project, traefikContent),
  run(ctx) {
    const { project } = ctx;
    for (const protocol of ['http', 'tcp', 'udp'] as const) {
      for (const kind of ['routers', 'services', 'middlewares'] as const) {
        for (const [name, defs] of byName(definitions(project, protocol, kind).filter((d) => d.container.enabled))) {
          if (defs.length > 1) reportDifferent(ctx, name, defs);
        }
      }
      reportSameRule(ctx, project, protocol);
    }
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

function reportDifferent(ctx: CheckContext, name: string, defs: Definition[]): void {
  // Implicit services/routers are named after their own container, so they never clash by accident.
  const explicit = defs.filter((d) => !d.implicit);
  for (const def of explicit) {
    const others = explicit.filter((o) => o !== def && o.container !== def.container && !sameConfiguration(def, o));
    if (others.length === 0) continue;
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
}

function reportSameRule(ctx: CheckContext, project: Project, protocol: 'http' | 'tcp' | 'udp'): void {
  if (protocol === 'udp') return;
  const groups = new Map<string, Definition[]>();
  for (const router of definitions(project, protocol, 'routers')) {
    if (!router.container.enabled) continue;
    const rule = router.fields.get('rule');
    if (!rule || rule.interpolated || rule.value.trim() === '') continue;
    const key = `${rule.value.trim()}\u0000${routerPriority(router)}\u0000${routerTls(router)}`;
    const list = groups.get(key);
    if (list) list.push(router);
    else groups.set(key, [router]);
  }
  for (const routers of groups.values()) {
    if (routers.length < 2) continue;
    for (const router of routers) {
      const mine = routerEntryPoints(project, router);
      const rivals = routers.filter(
        (o) =>
          o !== router &&
          o.name !== router.name &&
          overlaps(mine, routerEntryPoints(project, o)) &&
          routerOutcome(o) !== routerOutcome(router),
      );
      if (rivals.length === 0) continue;
      const rule = router.fields.get('rule')!;
      ctx.report({
        message: `router "${router.name}" has the same rule and priority as ${rivals.map((r) => `"${r.name}"`).join(', ')}: raise one's priority`,
        explanation: `Traefik tries the routers of an entry point by priority (by default the rule's length) and leaves routers of equal priority in no defined order (pkg/muxer/http/mux.go), so which of these serves their requests on a shared entry point is left to chance. A higher priority, or a narrower rule, on one decides it.`,
        file: rule.file,
        range: rule.valueRange,
        related: rivals.map((o) => related(o, `router "${o.name}" with the same rule`)),
        data: { router: router.name, rivals: rivals.map((r) => r.name) },
      });
    }
  }
}

/** `undefined` stands for "every entry point" (unknown static config): it overlaps everything. */
function overlaps(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b) return true;
  return a.some((x) => b.includes(x));
}
