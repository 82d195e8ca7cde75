// Router facts Traefik derives at routing time: effective priority and entry points.
import type { Project } from '../project';
import { defaultPriority } from '../rules';
import type { Protocol } from './model';
import { listValue } from './model';

/**
 * What these facts read of a router, whichever provider defines it: its fields by lower-cased
 * path (a docker Definition's labels, a file router's settings).
 */
export interface RouterFields {
  protocol: Protocol;
  fields: Map<string, { value: string }>;
}

/**
 * Explicit `priority` label, else Traefik's default: the rule's length in bytes, and -1 for a
 * TCP `HostSNI(`*`)` alone (pkg/muxer/http/mux.go, pkg/muxer/tcp/mux.go; `0` means the default).
 */
export function routerPriority(router: RouterFields): number {
  const explicit = router.fields.get('priority')?.value.trim();
  if (explicit && /^[+-]?\d+$/.test(explicit) && Number(explicit) !== 0) return Number(explicit);
  return defaultPriority(router.fields.get('rule')?.value ?? '', router.protocol === 'tcp' ? 'tcp' : 'http');
}

/**
 * The entry points a router listens on: its `entrypoints` label, else the default entry points
 * (asDefault ones, else all but `traefik`; cmd/traefik/traefik.go getDefaultsEntrypoints), which
 * pkg/server/aggregator.go mergeConfiguration gives routers of every provider.
 * `undefined` when the static config is unknown and the router names none.
 */
export function routerEntryPoints(project: Project, router: RouterFields): string[] | undefined {
  const label = router.fields.get('entrypoints');
  if (label && label.value.trim() !== '') return listValue(label.value);
  const config = project.staticConfig;
  if (!config.entryPointsKnown) return undefined;
  const all = [...config.entryPoints.values()];
  const defaults = all.filter((e) => e.asDefault);
  return (defaults.length > 0 ? defaults : all.filter((e) => e.name !== 'traefik')).map((e) => e.name);
}

/**
 * Whether a router serves TLS. `tls` is an allowEmpty field (paerser parser/element_fill.go): `true` in any case or an
 * empty value turns it on, any other value turns it off even with sub-keys; sub-keys alone turn
 * it on. TLS and plain routers of an entry point are separate muxers.
 */
export function routerTls(router: RouterFields): boolean {
  const flag = router.fields.get('tls');
  if (flag) {
    const value = flag.value.trim();
    return value === '' || value.toLowerCase() === 'true';
  }
  return [...router.fields.keys()].some((k) => k.startsWith('tls.'));
}
