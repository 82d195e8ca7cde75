// Traefik drops each entry point a router names that the static configuration does not define
// (names compare exactly, case included): the router keeps a warning while another of its entry
// points exists and is disabled when none does (pkg/config/runtime/runtime_http.go, runtime_tcp.go,
// runtime_udp.go GetRoutersByEntryPoints). HTTP and TCP routers only see TCP entry
// points, UDP routers only UDP ones (pkg/server/routerfactory.go NewRouterFactory).
import type { Label } from '../compose/model';
import type { Container } from '../traefik/model';
import { readByThisTraefik } from '../traefik/containers';
import { staticConfigName } from '../traefik/hostTraefik';
import { byKey } from '../compose/project';
import type { EntryPoint, StaticConfig } from '../traefik/static';
import { listItems, nearest } from '../traefik/values';
import type { Effect, Range, Related } from '../types';
import { fileEntryPoints, judgedFileRouters } from './fileRouterRules';
import type { Check, CheckContext } from './check';

const ENTRYPOINTS_KEY = /^traefik\.(http|tcp|udp)\.routers\.[^.]+\.entrypoints$/i;

export const check: Check<'undefined-entrypoint'> = {
  code: 'undefined-entrypoint',
  severity: 'error',
  description: "A router names an entry point that Traefik's static configuration does not define.",
  run(ctx) {
    const config = ctx.project.staticConfig;
    if (!config.found || !config.entryPointsKnown) return;
    addressless(ctx, config);
    fileRouterEntryPoints(ctx, config);
  },
  container(container, ctx) {
    const config = ctx.project.staticConfig;
    if (
      !config.found ||
      !config.entryPointsKnown ||
      !readByThisTraefik(container, config, ctx.project.derived.matchers)
    )
      return;
    const named = staticConfigName(ctx.project);
    for (const label of routerEntryPointLabels(container)) judge(ctx, config, label, container, named);
  },
};

/** `tcp` or `udp`, from the `/udp` suffix of the address (static/entrypoints.go GetProtocol). */
export function entryPointProtocol(ep: EntryPoint): 'tcp' | 'udp' {
  return ep.address?.split('/')[1]?.toLowerCase() === 'udp' ? 'udp' : 'tcp';
}

/**
 * A container's `...routers.<r>.entrypoints` labels in effect (`labels` and `deploy.labels`
 * alike): a later file's label replaces the same key.
 */
function routerEntryPointLabels(container: Container): Label[] {
  const labels = [...byKey(container.composeParts, 'labels'), ...byKey(container.composeParts, 'deploy.labels')];
  return labels.filter((label) => ENTRYPOINTS_KEY.test(label.key));
}

function judge(
  ctx: { report: CheckContext['report'] },
  config: StaticConfig,
  label: Label,
  container: Container,
  named: string,
): void {
  const protocol = label.key.split('.')[1].toLowerCase() === 'udp' ? 'udp' : 'tcp';
  const items = listItems(label).filter((item) => item.value !== '');
  judgeItems(ctx, config, protocol, label.file, items, named, {
    drops: 'router' as const,
    service: container.compose.name,
    protocol: label.segments[1].text.toLowerCase(),
    router: label.segments[3].text,
  });
}

/**
 * The file provider's routers (checks/fileRouterRules.ts): Traefik drops their unknown entry
 * points as a label router's (runtime_http.go GetRoutersByEntryPoints). A router without
 * entryPoints takes the default ones and is not judged.
 */
function fileRouterEntryPoints(ctx: CheckContext, config: StaticConfig): void {
  const named = staticConfigName(ctx.project);
  for (const router of judgedFileRouters(ctx.project, ['http', 'tcp', 'udp'])) {
    const items = fileEntryPoints(router);
    if (items.length === 0) continue;
    judgeItems(ctx, config, router.protocol === 'udp' ? 'udp' : 'tcp', items[0].file, items, named);
  }
}

function judgeItems(
  ctx: { report: CheckContext['report'] },
  config: StaticConfig,
  protocol: 'tcp' | 'udp',
  file: string,
  items: { value: string; range: Range }[],
  named: string,
  drops?: Effect,
): void {
  const usable = [...config.entryPoints.values()].filter((ep) => entryPointProtocol(ep) === protocol);
  const names = new Set(usable.map((ep) => ep.name));
  const valid = items.filter((item) => names.has(item.value) || item.value.includes('$'));
  for (const item of items) {
    if (valid.includes(item)) continue;
    const otherKind = config.entryPoints.has(item.value);
    const suggestion =
      usable.find((ep) => ep.name.toLowerCase() === item.value.toLowerCase())?.name ?? nearest(item.value, names);
    const defined =
      usable.length > 0
        ? `${named} defines ${usable.map((ep) => ep.name).join(', ')}`
        : `${named} defines no ${protocol.toUpperCase()} entry point`;
    const effect =
      valid.length > 0
        ? `Traefik logs entryPoint "${item.value}" doesn't exist, skips it, and the router keeps its other entry points`
        : `the router has no entry point left, so Traefik disables it ("no valid entryPoint for this router")`;
    const list = usable.map((ep) => `"${ep.name}"`).join(', ');
    const fix = suggestion
      ? `did you mean "${suggestion}"?`
      : usable.length === 0
        ? 'define it'
        : list.length <= 40
          ? `use ${usable.length === 1 ? list : `one of ${list}`}`
          : 'use a defined one';
    ctx.report({
      file,
      range: item.range,
      severity: valid.length > 0 ? 'warning' : 'error',
      message: otherKind
        ? `entry point "${item.value}" is ${protocol === 'udp' ? 'TCP' : 'UDP'}, not for ${protocol.toUpperCase()} routers: ${fix}`
        : `entry point "${item.value}" is not defined: ${fix}`,
      explanation:
        `${defined}; names compare exactly${otherKind ? `, and ${protocol === 'udp' ? 'UDP routers use only UDP' : 'HTTP and TCP routers use only TCP'} entry points (pkg/server/routerfactory.go)` : ''}. ` +
        `${effect[0].toUpperCase()}${effect.slice(1)} (pkg/config/runtime/runtime_http.go GetRoutersByEntryPoints).`,
      related: related(config, usable),
      data: { entryPoint: item.value, ...(suggestion ? { suggestion } : {}), defined: usable.map((ep) => ep.name) },
      ...(valid.length === 0 && drops ? { effect: drops } : {}),
    });
  }
}

function related(config: StaticConfig, usable: EntryPoint[]): Related[] {
  const out: Related[] = [];
  for (const ep of usable) {
    if (ep.origin) out.push({ ...ep.origin, message: `entry point "${ep.name}" is defined here` });
  }
  if (out.length === 0 && config.sources[0]) {
    const implicit = usable.map((ep) => `"${ep.name}"`).join(', ');
    const message = implicit
      ? `Traefik's static configuration; Traefik creates ${implicit} itself`
      : "Traefik's static configuration";
    out.push({ ...config.sources[0], message });
  }
  return out;
}

/**
 * An entry point that is configured (`--entryPoints.http.forwardedHeaders.insecure=true`) but
 * given no address: Traefik still creates it and listens on a random port (net.Listen with an
 * empty address; pkg/server/server_entrypoint_tcp.go buildListener). Usually a misspelt name.
 */
function addressless(ctx: CheckContext, config: StaticConfig): void {
  const withAddress = [...config.entryPoints.values()].filter((ep) => ep.address !== undefined);
  for (const ep of config.entryPoints.values()) {
    if (ep.address !== undefined || ep.implicit || !ep.origin) continue;
    const suggestion = nearest(
      ep.name,
      withAddress.map((e) => e.name),
    );
    ctx.report({
      file: ep.origin.file,
      range: ep.origin.range,
      severity: 'warning',
      message: `entry point "${ep.name}" has no address: ${suggestion ? `did you mean "${suggestion}"?` : 'set its address'}`,
      explanation: `Traefik still creates an entry point configured without an address and listens for it on a port the system picks (net.Listen with an empty address, pkg/server/server_entrypoint_tcp.go); an entry point that only gets options is usually a misspelt name.`,
      data: { entryPoint: ep.name, ...(suggestion ? { suggestion } : {}) },
    });
  }
}
