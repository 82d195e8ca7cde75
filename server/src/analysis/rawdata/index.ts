// The dynamic configuration Traefik would assemble from every provider of the project, before
// anything runs: what /api/rawdata would show (pkg/api/handler.go). Each provider's routers,
// services and middlewares are named `<name>@<provider>` (pkg/server/aggregator.go
// mergeConfiguration), with the defaults Traefik fills in: entry points (the default ones,
// cmd/traefik/traefik.go getDefaultsEntrypoints), priority (the rule's length,
// pkg/muxer/http/mux.go), the load balancer's passHostHeader and flush interval
// (pkg/config/dynamic/http_config.go SetDefaults) and the server each container gives it
// (pkg/provider/docker/config.go addServer). Containers Traefik drops and files it refuses
// are absent, each with why.
import { droppedContainers } from '../checks/dropped';
import { entryPointProtocol } from '../checks/undefined-entrypoint';
import { containerPorts } from '../checks/missing-port';
import type { Project } from '../project';
import { toRouted } from '../route/routers';
import { unloadedRouters } from '../route/unloaded';
import { defaultPriority } from '../rules';
import type { FileDefinition } from '../traefik/fileProvider';
import type { Definition, Kind, Protocol } from '../traefik/model';
import { containerProvider, keptByConstraints, runsNoLabelProvider } from '../traefik/containers';
import type { Range } from '../types';
import { setField, type Tree, type Value } from './fields';
import { internalEntries } from './internal';

export type Section =
  | 'routers'
  | 'services'
  | 'middlewares'
  | 'tcpRouters'
  | 'tcpServices'
  | 'tcpMiddlewares'
  | 'udpRouters'
  | 'udpServices';

export const SECTIONS: readonly Section[] = [
  'routers',
  'services',
  'middlewares',
  'tcpRouters',
  'tcpServices',
  'tcpMiddlewares',
  'udpRouters',
  'udpServices',
];

export interface Origin {
  file: string;
  range: Range;
}

export interface RawEntry {
  /** Traefik's name: `app@docker`, `auth@file`, `api@internal`. */
  name: string;
  provider: string;
  /** The fields as Traefik's dynamic configuration names them. */
  config: Tree;
  /** Where it is written (its name in the first label key, or its key in a dynamic file). */
  origin?: Origin;
  /** Dotted field paths Traefik filled in, with what the default is. */
  defaults: Record<string, string>;
  status: 'enabled' | 'disabled';
  /** Why Traefik disables it: the finding's code and message. */
  error?: string;
  /** Routers using a service or middleware (as in /api/rawdata). */
  usedBy?: string[];
}

export interface Absent {
  /** `container "auth"`, `file /etc/traefik/dynamic.yml`. */
  what: string;
  why: string;
  file: string;
  range: Range;
}

export interface RawData {
  sections: Record<Section, Map<string, RawEntry>>;
  absent: Absent[];
  notes: string[];
}

export function sectionOf(protocol: Protocol, kind: Kind): Section {
  return (protocol === 'http' ? kind : `${protocol}${kind[0].toUpperCase()}${kind.slice(1)}`) as Section;
}

export function rawData(project: Project): RawData {
  const out: RawData = {
    sections: Object.fromEntries(SECTIONS.map((s) => [s, new Map()])) as RawData['sections'],
    absent: [],
    notes: [],
  };
  docker(project, out);
  file(project, out);
  for (const entry of internalEntries(project)) add(out, entry.section, entry.entry);
  // Dynamic configuration written as TRAEFIK_HTTP_* variables or --http.* flags reaches no provider.
  for (const ignored of project.staticConfig.ignored ?? [])
    if (ignored.kind === 'dynamic')
      out.notes.push(
        `Not in the configuration: ${ignored.items.map((i) => i.text).join(', ')} (dynamic configuration where Traefik reads only static configuration; ignored-static-config).`,
      );
  usedBy(out);
  return out;
}

function add(out: RawData, section: Section, entry: RawEntry): void {
  if (!out.sections[section].has(entry.name)) out.sections[section].set(entry.name, entry);
}

/** Why a container with routing labels is not enabled (pkg/provider/docker/config.go keepContainer). */
function whyIgnored(project: Project, container: Project['containers'][number]): string {
  const config = project.staticConfig;
  if (runsNoLabelProvider(config))
    return 'Traefik reads no container labels: its static configuration enables neither the docker nor the swarm provider';
  const provider = containerProvider(container, config);
  if (keptByConstraints(container.labels, provider, project.derived.matchers) === false)
    return `Traefik prunes it: its labels do not match the provider's constraints ${provider!.constraints}`;
  return container.enableLabel
    ? 'Traefik ignores it: traefik.enable=false'
    : 'Traefik ignores it: exposedByDefault=false and no traefik.enable=true';
}

function docker(project: Project, out: RawData): void {
  const dropped = droppedContainers(project);
  const unloaded = unloadedRouters(project);
  for (const container of project.containers) {
    const name = container.compose.name;
    const declares = container.definitions.some((d) => !d.implicit);
    if (!container.enabled) {
      if (declares)
        out.absent.push({
          what: `container "${name}"`,
          why: whyIgnored(project, container),
          file: container.compose.file,
          range: container.compose.nameRange,
        });
      continue;
    }
    const drop = dropped.get(name);
    if (drop && !drop.unless) {
      out.absent.push({
        what: `container "${name}"`,
        why: `${drop.code}: ${drop.message}`,
        file: drop.file,
        range: drop.range,
      });
      continue;
    }
    if (drop) out.notes.push(`container "${name}" is dropped unless ${drop.unless} (${drop.code}).`);
    for (const def of container.definitions) {
      const section = sectionOf(def.protocol, def.kind);
      const entry = fromLabels(project, def);
      const known = out.sections[section].get(entry.name);
      if (known && def.kind === 'services') mergeServers(known, entry);
      else if (known) out.notes.push(`${entry.name} is defined by several containers; shown from the first.`);
      const u = def.kind === 'routers' ? unloaded.get(def) : undefined;
      if (u && !u.unless) Object.assign(entry, { status: 'disabled', error: `${u.code}: ${u.message}` });
      add(out, section, entry);
    }
  }
}

function fromLabels(project: Project, def: Definition): RawEntry {
  const config: Tree = {};
  const at = { version: project.version, protocol: def.protocol, kind: def.kind, label: true };
  for (const label of def.labels) {
    const segments = label.segments.slice(4).map((s) => s.text);
    if (segments.length > 0) setField(config, segments, label.value, at);
  }
  const first = def.labels[0];
  const entry: RawEntry = {
    name: `${def.name}@${def.container.provider}`,
    provider: def.container.provider,
    config,
    origin: first
      ? { file: first.file, range: def.nameSegments[0].range }
      : { file: def.container.compose.file, range: def.container.compose.nameRange },
    defaults: {},
    status: 'enabled',
  };
  if (def.kind === 'routers') dockerRouter(project, def, entry);
  if (def.kind === 'services') dockerService(def, entry);
  return entry;
}

function dockerRouter(project: Project, def: Definition, entry: RawEntry): void {
  const config = entry.config;
  if (def.protocol === 'http' && config.rule === undefined) {
    const routed = toRouted(project, def);
    if (routed) setDefault(entry, 'rule', routed.rule, "the docker provider's defaultRule");
  }
  entryPoints(project, def.protocol, entry);
  priority(entry, def.protocol);
  if (config.service === undefined) {
    const own = def.container.definitions.filter((d) => d.protocol === def.protocol && d.kind === 'services');
    if (own.length === 1) setDefault(entry, 'service', own[0].name, "the container's only service");
  }
}

function entryPoints(project: Project, protocol: Protocol, entry: RawEntry): void {
  if (entry.config.entryPoints !== undefined || !project.staticConfig.entryPointsKnown) return;
  // UDP routers get no default in the aggregator: they accept packets on every UDP entry point
  // (Traefik's docs, routing/routers: "If not specified, UDP routers will accept packets from all
  // defined (UDP) EntryPoints").
  if (protocol === 'udp') {
    const udp = [...project.staticConfig.entryPoints.values()].filter((e) => entryPointProtocol(e) === 'udp');
    setDefault(entry, 'entryPoints', udp.map((e) => e.name).sort(), 'every UDP entry point');
  } else setDefault(entry, 'entryPoints', defaultEntryPointNames(project), 'the default entry points');
}

function priority(entry: RawEntry, protocol: Protocol): void {
  const rule = entry.config.rule;
  const set = entry.config.priority;
  if (protocol === 'udp' || typeof rule !== 'string' || (set !== undefined && set !== 0)) return;
  const value = defaultPriority(rule, protocol === 'tcp' ? 'tcp' : 'http');
  setDefault(entry, 'priority', value, value === -1 ? 'HostSNI(`*`) alone is tried last' : "the rule's length");
}

/** The server the container gives each of its services: its address and the port Traefik picks. */
function dockerService(def: Definition, entry: RawEntry): void {
  const host = def.container.compose.name;
  const lb = ((entry.config.loadBalancer as Tree | undefined) ??= {});
  const servers = ((lb.servers as Tree[] | undefined) ??= [{}]);
  const server = servers[0];
  const port = server.port ?? containerPorts(def.container)[0];
  delete server.port;
  if (def.protocol === 'http') {
    const scheme = server.scheme ?? 'http';
    delete server.scheme;
    if (server.url === undefined && port !== undefined) server.url = `${String(scheme)}://${host}:${String(port)}`;
    if (lb.passHostHeader === undefined) setDefault(entry, 'loadBalancer.passHostHeader', true, 'true');
    if ((lb.responseForwarding as Tree | undefined)?.flushInterval === undefined)
      setDefault(entry, 'loadBalancer.responseForwarding.flushInterval', '100ms', '100ms');
  } else if (port !== undefined) server.address = `${host}:${String(port)}`;
  entry.defaults['loadBalancer.servers'] =
    port === undefined
      ? 'no port: Traefik drops the container unless its image EXPOSEs one'
      : `the container's address (here its compose service name) and port ${String(port)}`;
}

function setDefault(entry: RawEntry, path: string, value: Value, why: string): void {
  const keys = path.split('.');
  let node = entry.config;
  for (const k of keys.slice(0, -1)) node = (node[k] as Tree | undefined) ??= {};
  node[keys[keys.length - 1]] = value;
  entry.defaults[path] = why;
}

/** Traefik merges same-named services of several containers into one load balancer. */
function mergeServers(known: RawEntry, other: RawEntry): void {
  const a = (known.config.loadBalancer as Tree | undefined)?.servers as Value[] | undefined;
  const b = (other.config.loadBalancer as Tree | undefined)?.servers as Value[] | undefined;
  if (a && b) a.push(...b);
}

function file(project: Project, out: RawData): void {
  const fp = project.fileProvider;
  if (fp.state === 'unknown') {
    if (project.staticConfig.fileProvider)
      out.notes.push(`The file provider's files are not shown: ${fp.note ?? 'they cannot be read here'}.`);
    return;
  }
  if (fp.state !== 'read') return;
  const wholeDirectory = fp.refusedBy && fp.mode === 'directory';
  for (const f of fp.files) {
    if (f.refused || wholeDirectory) {
      out.absent.push({
        what: `file ${f.containerPath}`,
        why: f.refused
          ? `Traefik refuses it: ${f.refused.message}`
          : `Traefik refuses the whole directory ${fp.path ?? ''} because ${fp.refusedBy!.containerPath} fails`,
        file: f.refused ? f.file : fp.refusedBy!.file,
        range: f.refused ? f.refused.range : fp.refusedBy!.refused!.range,
      });
      continue;
    }
    if (f.read.templated) out.notes.push(`${f.containerPath} is a Go template: shown as written, not as rendered.`);
    for (const def of f.definitions) add(out, sectionOf(def.protocol, def.kind), fromFile(project, def));
  }
}

function fromFile(project: Project, def: FileDefinition): RawEntry {
  const config: Tree = {};
  const at = { version: project.version, protocol: def.protocol, kind: def.kind, label: false };
  for (const setting of def.fields.values()) {
    setField(
      config,
      setting.path.slice(3).map((p) => p.text),
      setting.value,
      at,
    );
  }
  const entry: RawEntry = {
    name: `${def.name}@file`,
    provider: 'file',
    config,
    origin: { file: def.file, range: def.nameRange },
    defaults: {},
    status: 'enabled',
  };
  if (def.kind === 'routers') {
    entryPoints(project, def.protocol, entry);
    priority(entry, def.protocol);
  }
  const lb = config.loadBalancer as Tree | undefined;
  if (def.kind === 'services' && def.protocol === 'http' && lb && lb.passHostHeader === undefined)
    setDefault(entry, 'loadBalancer.passHostHeader', true, 'true');
  return entry;
}

/** asDefault entry points, else all but `traefik` and UDP ones (getDefaultsEntrypoints). */
export function defaultEntryPointNames(project: Project): string[] {
  const all = [...project.staticConfig.entryPoints.values()];
  const defaults = all.filter((e) => e.asDefault);
  return (defaults.length > 0 ? defaults : all.filter((e) => e.name !== 'traefik'))
    .filter((e) => entryPointProtocol(e) !== 'udp')
    .map((e) => e.name)
    .sort();
}

/** For each service and middleware, the routers that name it (qualified by the router's provider). */
function usedBy(out: RawData): void {
  const qualify = (ref: string, provider: string): string => (ref.includes('@') ? ref : `${ref}@${provider}`);
  for (const [routers, services, middlewares] of [
    ['routers', 'services', 'middlewares'],
    ['tcpRouters', 'tcpServices', 'tcpMiddlewares'],
    ['udpRouters', 'udpServices', undefined],
  ] as const) {
    for (const router of out.sections[routers].values()) {
      const service = router.config.service;
      if (typeof service === 'string') use(out.sections[services].get(qualify(service, router.provider)), router.name);
      if (!middlewares) continue;
      const list = router.config.middlewares;
      if (Array.isArray(list))
        for (const m of list)
          if (typeof m === 'string') use(out.sections[middlewares].get(qualify(m, router.provider)), router.name);
    }
  }
}

function use(entry: RawEntry | undefined, router: string): void {
  if (!entry) return;
  (entry.usedBy ??= []).push(router);
}
