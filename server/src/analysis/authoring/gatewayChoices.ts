// What "Add Service to Gateway" offers before it writes anything: the compose services of the
// file (with the ports they expose, the likely internal port), the entry points of the static
// configuration, and defaults taken from how the file's routers are already written.
import type { ComposeService } from '../compose/model';
import type { Project } from '../project';
import { definitions } from '../traefik/lookup';
import { routerEntryPoints, routerTls } from '../traefik/routing';
import { composeFile, containerOf } from './context';

export interface ServiceChoice {
  name: string;
  /** Container ports from `expose` and `ports`, in file order, without duplicates. */
  ports: number[];
  /** Traefik labels already on the service (the router is added next to them). */
  routed: boolean;
  replicas?: number;
}

export interface EntryPointChoice {
  name: string;
  address?: string;
  /** Routers of the project already listening on it. */
  routers: number;
}

export interface GatewayChoices {
  services: ServiceChoice[];
  /** Most used first; the API's `traefik` entry point and Traefik-created ones are left out. */
  entryPoints: EntryPointChoice[];
  /** Whether the static configuration was found (otherwise the entry point is typed). */
  entryPointsKnown: boolean;
  /** The entry point most routers use, and whether most of its routers use TLS. */
  defaults: { entryPoint?: string; tls: boolean };
}

export function gatewayChoices(project: Project, file: string): GatewayChoices {
  const compose = composeFile(project, file);
  const services = (compose?.services ?? []).map((s) => serviceChoice(project, s));
  const routers = definitions(project, 'http', 'routers').filter((r) => r.container.enabled && !r.implicit);
  const uses = new Map<string, { routers: number; tls: number }>();
  for (const router of routers) {
    for (const ep of routerEntryPoints(project, router) ?? []) {
      const u = uses.get(ep) ?? { routers: 0, tls: 0 };
      u.routers++;
      if (routerTls(router)) u.tls++;
      uses.set(ep, u);
    }
  }
  const config = project.staticConfig;
  const entryPoints = [...config.entryPoints.values()]
    .filter((e) => !e.implicit && e.name !== 'traefik')
    .map((e) => ({ name: e.name, address: e.address, routers: uses.get(e.name)?.routers ?? 0 }))
    .sort((a, b) => b.routers - a.routers);
  // Without a static config the entry points the routers name are still a good guess.
  if (!config.entryPointsKnown)
    for (const [name, u] of [...uses].sort((a, b) => b[1].routers - a[1].routers))
      entryPoints.push({ name, address: undefined, routers: u.routers });
  const first = entryPoints[0]?.name;
  const used = first ? uses.get(first) : undefined;
  return {
    services,
    entryPoints,
    entryPointsKnown: config.entryPointsKnown,
    defaults: { entryPoint: first, tls: used !== undefined && used.tls * 2 > used.routers },
  };
}

function serviceChoice(project: Project, service: ComposeService): ServiceChoice {
  const ports: number[] = [];
  for (const p of [...service.expose, ...service.ports])
    if (p.target !== undefined && !ports.includes(p.target)) ports.push(p.target);
  const replicas = Number(service.replicas?.value);
  const container = containerOf(project, service);
  return {
    name: service.name,
    ports,
    routed:
      (container?.definitions ?? []).some((d) => !d.implicit) || service.labels.some((l) => /^traefik\./i.test(l.key)),
    ...(Number.isInteger(replicas) && replicas > 0 ? { replicas } : {}),
  };
}
