// Shared by undefined-middleware and undefined-service: resolving a router's reference the
// way Traefik does (pkg/server/provider/provider.go GetQualifiedName: a name without `@`
// belongs to the router's provider) and grading how sure we are that it is missing.
import type { Label } from '../compose/model';
import type { Project } from '../project';
import { index, qualify } from '../traefik/lookup';
import type { Definition, Kind, Protocol } from '../traefik/model';
import { ListItem, nearest } from '../traefik/values';
import type { Effect, Related, Severity } from '../types';

export interface Missing {
  item: ListItem;
  message: string;
  severity: Severity;
  related: Related[];
  data: Record<string, unknown>;
  /** What may still define the name (another compose project on the Docker host). */
  unless?: string;
}

export interface ReferenceRules {
  kind: Kind;
  noun: string;
  /** Names that exist outside the project (settings). */
  external: string[];
  /** Names that exist in the `internal` provider. */
  internal: readonly string[];
}

/**
 * Looks `item` up among the project's definitions. Returns undefined when the reference
 * resolves or cannot be judged (another provider's config is unknown).
 */
export function resolveReference(
  project: Project,
  router: Definition,
  protocol: Protocol,
  item: ListItem,
  rules: ReferenceRules,
): Missing | undefined {
  const provider = router.container.provider;
  const ref = qualify(item.value, provider);
  if (ref.name === '' || /\$\{?[A-Za-z_]/.test(item.value)) return undefined;
  if (ref.provider === 'internal') {
    const config = project.staticConfig;
    if (
      rules.kind === 'services' &&
      (ref.name === 'api' || ref.name === 'dashboard') &&
      config.settingsKnown &&
      !config.api
    ) {
      // Traefik builds api@internal only when the API is enabled (InternalHandlers: "api is not enabled").
      return {
        item,
        message: `Service "${item.value}" exists only when Traefik's API is enabled (--api or api: in the static config, which has none); Traefik disables ${describe(router)}.`,
        severity: 'warning',
        related: config.sources.map((o) => ({ ...o, message: 'static configuration read here' })),
        data: { name: item.value },
      };
    }
    if (rules.internal.includes(ref.name)) return undefined;
    return {
      item,
      message: `Traefik has no internal ${rules.noun} "${ref.name}@internal" (known: ${rules.internal.map((n) => `${n}@internal`).join(', ')}).`,
      severity: 'error',
      related: [],
      data: { name: item.value, suggestion: suggest(ref.name, rules.internal, '@internal') },
    };
  }
  // Another provider (file, kubernetes, ...): its configuration is not in view.
  if (ref.provider !== provider) return undefined;
  const found = index(project, protocol, rules.kind);
  const live = found.live.get(provider) ?? new Map<string, Definition[]>();
  if (live.has(ref.name)) return undefined;
  if (rules.external.includes(ref.name) || rules.external.includes(item.value)) return undefined;
  const ignored = found.all.find((d) => d.name === ref.name);
  const near = nearest(ref.name, live.keys());
  const suffix = ref.explicit ? `@${ref.provider}` : '';
  if (ignored) {
    return {
      item,
      message: `${cap(rules.noun)} "${ref.name}" is defined on service "${ignored.container.compose.name}", which Traefik ignores (not enabled), so ${describe(router)} cannot use it.`,
      severity: 'error',
      related: [related(ignored, `"${ref.name}" is defined here`)],
      data: { name: item.value },
    };
  }
  if (near !== undefined) {
    const target = live.get(near)![0];
    return {
      item,
      message: `${cap(rules.noun)} "${item.value}" is not defined; did you mean "${near}${suffix}"? Traefik disables ${describe(router)}: ${rules.noun} "${ref.name}@${provider}" does not exist.`,
      severity: 'error',
      related: [related(target, `"${near}" is defined here`)],
      data: { name: item.value, suggestion: `${near}${suffix}` },
    };
  }
  return {
    item,
    message: `${cap(rules.noun)} "${item.value}" is not defined in this project. Unless another compose project on the same Docker host defines it (then list it in gatewayLens.external${cap(rules.kind)}), Traefik disables ${describe(router)}.`,
    severity: 'warning',
    related: [],
    data: { name: item.value },
    unless: 'another compose project on the Docker host defines it',
  };
}

function suggest(name: string, names: readonly string[], suffix: string): string | undefined {
  const n = nearest(name, names);
  return n === undefined ? undefined : `${n}${suffix}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Traefik disables the router (unless something out of view, `unless`, saves it). */
export function disablesRouter(service: string, router: Definition, unless?: string): Effect {
  return { drops: 'router', service, protocol: router.protocol, router: router.name, ...(unless ? { unless } : {}) };
}

export function describe(def: Definition): string {
  return `${def.kind === 'routers' ? 'router' : 'middleware'} "${def.name}"`;
}

export function related(def: Definition, message: string): Related {
  const label: Label | undefined = def.labels[0];
  if (label) return { file: label.file, range: def.nameSegments[0].range, message };
  return { file: def.container.compose.file, range: def.container.compose.nameRange, message };
}
