// The live gateway as plain data: Traefik's routers, services and middlewares next to the
// compose containers that serve them. The sidebar tree and `gateway-lens live` both show this.
import type { ComposeContainer, DockerState } from './docker/types';
import type { ApiMiddleware, ApiRouter, ApiService, ApiState, GatewaySnapshot } from './traefik/types';

/** TCP or UDP routers and services as Traefik runs them (servers have an `address`, not a `url`). */
export interface LiveLayer4 {
  routers: ApiRouter[];
  services: LiveService[];
}

export interface LiveServer {
  url: string;
  status?: 'UP' | 'DOWN';
}

export interface LiveService {
  api: ApiService;
  servers: LiveServer[];
  /** Compose services whose containers declare (or are named as) this Traefik service. */
  compose: { project: string; service: string }[];
}

export interface LiveComposeService {
  project: string;
  service: string;
  running: number;
  /** From deploy.replicas in the compose file when known, else the containers that exist. */
  desired: number;
  containers: ComposeContainer[];
  /** Qualified Traefik service names (`api@docker`) balancing these containers. */
  traefikServices: string[];
  /** The compose files and folder the project was started with (container labels), for scaling. */
  configFiles: string[];
  workingDir?: string;
}

/** A compose service seen earlier whose containers are all gone (scaled to 0): it stays in the tree. */
export type KnownComposeService = Pick<
  LiveComposeService,
  'project' | 'service' | 'traefikServices' | 'configFiles' | 'workingDir'
>;

export interface LiveModel {
  traefik: ApiState;
  docker?: DockerState;
  entryPoints: string[];
  /** Entry point -> its address (`:443`), as Traefik's API reports it. */
  entryPointAddresses: Map<string, string>;
  /** Entry point -> routers listening on it (`using`, else `entryPoints`), by name. */
  routersByEntryPoint: Map<string, ApiRouter[]>;
  routers: ApiRouter[];
  services: LiveService[];
  middlewares: ApiMiddleware[];
  tcp: LiveLayer4;
  udp: LiveLayer4;
  composeServices: LiveComposeService[];
}

/** provider.Normalize (pkg/provider/configuration.go): runs of non-alphanumerics become `-`. */
function normalize(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Traefik service names a container feeds: its `traefik.http.services.<name>` labels, else the default name. */
export function traefikServicesOf(c: ComposeContainer): string[] {
  const names = new Set<string>();
  for (const key of Object.keys(c.labels)) {
    const m = /^traefik\.(?:http|tcp|udp)\.services\.([^.]+)\./i.exec(key);
    if (m) names.add(m[1]);
  }
  if (names.size === 0 && Object.keys(c.labels).some((k) => k.toLowerCase().startsWith('traefik.'))) {
    names.add(normalize(`${c.service}_${c.project}`));
  }
  return [...names].map((n) => `${n}@docker`);
}

export function buildLiveModel(
  snapshot: GatewaySnapshot,
  containers: ComposeContainer[],
  docker?: DockerState,
  desired: Map<string, number> = new Map(),
  known: KnownComposeService[] = [],
): LiveModel {
  const groups = new Map<string, LiveComposeService>();
  for (const c of containers) {
    const id = `${c.project}/${c.service}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        project: c.project,
        service: c.service,
        running: 0,
        desired: 0,
        containers: [],
        traefikServices: [],
        configFiles: c.configFiles,
        workingDir: c.workingDir,
      };
      groups.set(id, group);
    }
    group.containers.push(c);
    if (c.state === 'running') group.running++;
    for (const s of traefikServicesOf(c)) if (!group.traefikServices.includes(s)) group.traefikServices.push(s);
  }
  for (const k of known) {
    const id = `${k.project}/${k.service}`;
    if (!groups.has(id)) groups.set(id, { ...k, running: 0, desired: 0, containers: [] });
  }
  for (const g of groups.values()) {
    g.containers.sort((a, b) => a.number - b.number);
    g.desired = desired.get(`${g.project}/${g.service}`) ?? desired.get(g.service) ?? g.containers.length;
  }
  const composeServices = [...groups.values()].sort((a, b) =>
    `${a.project}/${a.service}`.localeCompare(`${b.project}/${b.service}`),
  );
  const live = (api: ApiService): LiveService => ({
    api,
    servers: (api.loadBalancer?.servers ?? []).map((s) => {
      const url = s.url ?? s.address ?? '';
      return { url, status: api.serverStatus?.[url] };
    }),
    compose: composeServices
      .filter((g) => g.traefikServices.includes(api.name))
      .map((g) => ({ project: g.project, service: g.service })),
  });
  const services = snapshot.http.services.map(live);
  const routersByEntryPoint = new Map<string, ApiRouter[]>();
  for (const r of snapshot.http.routers) {
    const eps = r.using?.length ? r.using : r.entryPoints?.length ? r.entryPoints : ['(no entry point)'];
    for (const ep of eps) {
      const list = routersByEntryPoint.get(ep) ?? [];
      list.push(r);
      routersByEntryPoint.set(ep, list);
    }
  }
  for (const list of routersByEntryPoint.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return {
    traefik: snapshot.state,
    docker,
    entryPoints: snapshot.entryPoints.map((e) => e.name),
    entryPointAddresses: new Map(snapshot.entryPoints.map((e) => [e.name, e.address])),
    routersByEntryPoint,
    routers: snapshot.http.routers,
    services,
    middlewares: snapshot.http.middlewares,
    tcp: { routers: snapshot.tcp.routers, services: snapshot.tcp.services.map(live) },
    udp: { routers: snapshot.udp.routers, services: snapshot.udp.services.map(live) },
    composeServices,
  };
}

/** Effective priority as the API shows it (priority, else priorityStr; 0 = from the rule length). */
export function routerPriority(r: ApiRouter): number | undefined {
  if (typeof r.priority === 'number' && r.priority !== 0) return r.priority;
  const p = Number(r.priorityStr ?? '');
  if (Number.isFinite(p) && p !== 0) return p;
  return r.rule !== undefined ? Buffer.byteLength(r.rule, 'utf8') : undefined;
}
