// Builds what Traefik's docker provider makes of each compose service: the labels it sees,
// whether it keeps the container, and the routers/services/middlewares it declares, including
// the implicit router and service named after the container (pkg/provider/docker/config.go,
// pkg/provider/configuration.go BuildRouterConfiguration / BuildServiceConfiguration).
import { matchConstraints } from './constraints';
import type { CompiledMatchers } from '../rules/compiled';
import type { ComposeFile, ComposeService, Label } from '../compose/model';
import { byKey, type ServiceGroup } from '../compose/project';
import { imagePorts, portsKey, type DockerfileMemo, type ImagePorts, type ReadFile } from './imagePorts';
import type { Container, Definition, Kind, Protocol, ProviderName } from './model';
import type { StaticConfig } from './static';
import { parseBool } from './values';

const KINDS: Record<Protocol, Kind[]> = {
  http: ['routers', 'services', 'middlewares'],
  tcp: ['routers', 'services', 'middlewares'],
  udp: ['routers', 'services'],
};

/** What the analyser keeps from one build of the containers to the next (index.ts Analyzer owns one). */
export interface ContainerMemo {
  /** Per parsed service (of a container with one part): its container and what else decided it (cacheKey). */
  containers: WeakMap<ComposeService, { key: string; container: Container }>;
  /** Per parsed `build:`: the Dockerfile last read and its ports. */
  dockerfiles: DockerfileMemo;
  /** The engine's compiled regexps, for the providers' constraints (LabelRegex). */
  matchers: CompiledMatchers;
}

export function containerMemo(matchers: CompiledMatchers): ContainerMemo {
  return { containers: new WeakMap(), dockerfiles: new WeakMap(), matchers };
}

export function buildContainers(
  files: ComposeFile[],
  config: StaticConfig,
  project: string,
  memo: ContainerMemo,
  readFile?: ReadFile,
  /** The services compose starts, as the project loader merged them (default: by name over `files`). */
  services: Pick<ServiceGroup, 'parts' | 'main'>[] = byName(files),
  /** Where a compose file's relative paths (a build context) resolve: LoadedProject.directoryOf. */
  directoryOf?: (composeFile: string) => string,
): Container[] {
  const key = cacheKey(config, project);
  return services.map(({ parts, main }) => {
    // A service that has not changed keeps its container (the parser keeps its identity), unless
    // what its Dockerfile EXPOSEs did.
    const image = imagePorts(parts, readFile, directoryOf, memo.dockerfiles);
    if (parts.length !== 1) return buildContainer(parts, main, config, project, image, memo.matchers);
    const full = `${key}|${portsKey(image)}`;
    const hit = memo.containers.get(parts[0]);
    if (hit && hit.key === full) return hit.container;
    const container = buildContainer(parts, main, config, project, image, memo.matchers);
    memo.containers.set(parts[0], { key: full, container });
    return container;
  });
}

function byName(files: ComposeFile[]): { parts: ComposeService[]; main: ComposeService }[] {
  const groups = new Map<string, ComposeService[]>();
  for (const file of files) {
    for (const service of file.services) {
      const parts = groups.get(service.name);
      if (parts) parts.push(service);
      else groups.set(service.name, [service]);
    }
  }
  return [...groups.values()].map((parts) => ({ parts, main: parts[0] }));
}

/** Everything besides the service itself that decides what its container looks like. */
function cacheKey(config: StaticConfig, project: string): string {
  const p = (c: StaticConfig['docker']): string => (c ? `${c.exposedByDefault}/${c.constraints ?? ''}` : '-');
  // swarmMode and the version decide the provider's name (providerOf).
  const named = `${config.swarm?.swarmMode === true}/${config.version ?? ''}`;
  return `${p(config.docker)}|${p(config.swarm)}|${named}|${config.settingsKnown === true}|${project}`;
}

/** provider.Normalize: every run of characters other than letters and digits becomes `-`, trimmed. */
export function normalizeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Which provider reads the container, and whether as a Swarm service. */
function providerOf(parts: ComposeService[], config: StaticConfig): { provider: ProviderName; swarm: boolean } {
  const traefikIn = (source: Label['source']): boolean =>
    parts.some((p) => p.labels.some((l) => l.source === source && isTraefikKey(l.key)));
  // Static config unknown: Swarm stacks put Traefik labels under deploy.labels.
  const swarm =
    config.swarm && !config.docker ? true : config.docker ? false : traefikIn('deploy.labels') && !traefikIn('labels');
  // v2 has no swarm provider: its docker provider in swarm mode names things `@docker`
  // (v2 pkg/provider/aggregator/aggregator.go adds only conf.Docker).
  const v2 = config.swarm?.swarmMode === true || config.version === 'v2';
  return { provider: swarm && !v2 ? 'swarm' : 'docker', swarm };
}

/**
 * Swarm gives Traefik no port to detect (pkg/provider/docker pswarm.go parseService fills no
 * NetworkSettings.Ports, so shared.go getPort returns ""): a service without
 * loadbalancer.server.port (or url) fails addServer ("port is missing"), and BuildConfiguration
 * skips the whole container (`continue`), so none of its routers exists, whatever its image EXPOSEs.
 */
export function swarmWithoutServer(container: Container): boolean {
  return (
    container.swarm &&
    container.definitions.some(
      (d) =>
        d.kind === 'services' && !d.fields.has('loadbalancer.server.port') && !d.fields.has('loadbalancer.server.url'),
    )
  );
}

export function isTraefikKey(key: string): boolean {
  return key.toLowerCase().startsWith('traefik.');
}

function buildContainer(
  parts: ComposeService[],
  compose: ComposeService,
  config: StaticConfig,
  project: string,
  imagePorts: ImagePorts,
  compiled: CompiledMatchers,
): Container {
  const { provider, swarm } = providerOf(parts, config);
  // The docker provider reads container labels; the swarm provider reads service (deploy) labels.
  const wanted: Label['source'] = swarm ? 'deploy.labels' : 'labels';
  // Labels merge by key, the later definition winning (compose spec 13-merge.md, Mapping).
  const labels = byKey(parts, wanted);
  const enableLabel = labels.find((l) => l.key.toLowerCase() === 'traefik.enable');
  const providerConfig = swarm ? config.swarm : config.docker;
  // Static settings read and no docker or swarm provider among them (`--providers.docker=false`, or
  // never enabled): this project's Traefik reads no labels, so no container is routed by default.
  // One that sets traefik.enable=true is still judged: another Traefik on the host may read it.
  const exposedByDefault = providerConfig?.exposedByDefault ?? !config.settingsKnown;
  const enabled =
    (enableLabel ? (parseBool(enableLabel.value.trim()) ?? false) : exposedByDefault) &&
    keptByConstraints(labels, providerConfig, compiled) !== false;
  const traefikName = swarm ? normalizeName(`${project}_${compose.name}`) : normalizeName(`${compose.name}_${project}`);
  const container: Container = {
    compose,
    composeParts: parts,
    imagePorts,
    traefikName,
    provider,
    swarm,
    labels,
    enableLabel,
    enabled,
    definitions: [],
  };
  container.definitions = buildDefinitions(container);
  return container;
}

function buildDefinitions(container: Container): Definition[] {
  const defs = new Map<string, Definition>();
  for (const label of container.labels) {
    const segs = label.segments;
    if (segs.length < 4 || segs[0].text.toLowerCase() !== 'traefik') continue;
    const protocol = segs[1].text.toLowerCase() as Protocol;
    const kind = segs[2].text.toLowerCase() as Kind;
    if (!KINDS[protocol]?.includes(kind)) continue;
    const name = segs[3].text;
    const id = `${protocol}.${kind}.${name}`;
    let def = defs.get(id);
    if (!def) {
      def = { protocol, kind, name, container, labels: [], nameSegments: [], fields: new Map(), implicit: false };
      defs.set(id, def);
    }
    def.labels.push(label);
    def.nameSegments.push(segs[3]);
    const path = segs
      .slice(4)
      .map((s) => s.text.toLowerCase())
      .join('.');
    if (path) def.fields.set(path, label);
  }
  const list = [...defs.values()];
  addImplicit(container, list);
  return list;
}

function count(list: Definition[], protocol: Protocol, kind: Kind): number {
  return list.filter((d) => d.protocol === protocol && d.kind === kind).length;
}

/** The provider's defaults: a service (and router) named after the container when none is declared. */
function addImplicit(container: Container, list: Definition[]): void {
  const implicit = (protocol: Protocol, kind: Kind): Definition => ({
    protocol,
    kind,
    name: container.traefikName,
    container,
    labels: [],
    nameSegments: [],
    fields: new Map(),
    implicit: true,
  });
  const hasHttp = list.some((d) => d.protocol === 'http');
  const hasTcpUdp = list.some((d) => d.protocol !== 'http');
  // A container with TCP/UDP labels and no HTTP label is TCP/UDP only (config.go build).
  if (hasHttp || !hasTcpUdp) {
    if (count(list, 'http', 'services') === 0) list.push(implicit('http', 'services'));
    if (count(list, 'http', 'routers') === 0 && count(list, 'http', 'services') <= 1)
      list.push(implicit('http', 'routers'));
  }
  for (const protocol of ['tcp', 'udp'] as const) {
    if (count(list, protocol, 'routers') > 0 && count(list, protocol, 'services') === 0) {
      list.push(implicit(protocol, 'services'));
    }
  }
}

/** Whether the provider's `constraints` keep a container with these labels (traefik/constraints.ts). */
export function keptByConstraints(
  labels: Label[],
  provider: StaticConfig['docker'],
  compiled: CompiledMatchers,
): boolean | 'unknown' {
  if (!provider?.constraints) return true;
  return matchConstraints(
    provider.constraints,
    (key) => {
      const label = labels.find((l) => l.key === key);
      if (!label) return '';
      return label.interpolated ? undefined : label.value;
    },
    compiled,
  );
}

/**
 * Whether these labels (one source: `labels` or `deploy.labels`) turn Traefik off for their
 * container: the last `traefik.enable` reads false. Every Traefik then skips the container before
 * decoding any other label, whatever exposedByDefault says (pkg/provider/docker/config.go
 * buildConfiguration: keepContainer comes before label.DecodeConfiguration), so nothing it says
 * about routers, services or middlewares is ever read. An unparsable value is not "off" here:
 * invalid-value says what it is.
 */
export function switchedOff(labels: readonly Label[]): boolean {
  let enable: Label | undefined;
  for (const l of labels) if (l.key.toLowerCase() === 'traefik.enable') enable = l;
  return enable !== undefined && parseBool(enable.value.trim()) === false;
}

/**
 * The labels of one compose service's text that some Traefik reads: those of a source
 * (`labels`, `deploy.labels`) that switches Traefik off are left out, but for traefik.enable itself.
 */
export function labelsTraefikReads(labels: readonly Label[]): readonly Label[] {
  const off = (['labels', 'deploy.labels'] as const).filter((s) => switchedOff(labels.filter((l) => l.source === s)));
  if (off.length === 0) return labels;
  return labels.filter((l) => !off.includes(l.source) || l.key.toLowerCase() === 'traefik.enable');
}

/**
 * False when this project's Traefik never reads the container's labels whatever they say: its
 * own traefik.enable=false, a static configuration that runs no docker or swarm provider, or
 * constraints that prune the container. Labels meant for another Traefik are then not judged
 * against this one's entry points.
 */
export function readByThisTraefik(container: Container, config: StaticConfig, compiled: CompiledMatchers): boolean {
  if (switchedOff(container.labels) || runsNoLabelProvider(config)) return false;
  return keptByConstraints(container.labels, containerProvider(container, config), compiled) !== false;
}

/** The static configuration is read and starts neither the docker nor the swarm provider. */
export function runsNoLabelProvider(config: StaticConfig): boolean {
  return config.settingsKnown === true && !config.docker && !config.swarm;
}

/** Whether the static configuration starts the provider Traefik names `name` (`x@docker`, `x@swarm`). */
export function runsProvider(config: StaticConfig, name: ProviderName): boolean {
  // v2's docker provider in swarm mode is still the docker provider, and v2 has no swarm provider.
  const swarmMode = config.swarm?.swarmMode === true;
  return name === 'swarm' ? config.swarm !== undefined && !swarmMode : config.docker !== undefined || swarmMode;
}

/** The settings of the provider that reads the container's labels (docker or swarm). */
export function containerProvider(container: Container, config: StaticConfig): StaticConfig['docker'] {
  return container.swarm ? config.swarm : config.docker;
}
