// The Traefik of another compose project on the same Docker host. Traefik's docker provider reads
// the labels of every container of the host, whichever project started it (pkg/provider/docker
// pdocker.go lists all containers), so a project that runs no Traefik of its own is routed by
// the Traefik of the host, under that Traefik's static configuration: its entry points, cert
// resolvers, providers.docker options. Which Traefik that is shows only when exactly one project
// of the run has one, and the two share a network by the name Docker knows it by: an external
// network of this project (compose spec 06-networks.md `external`: looked up by its name, not
// created) that Traefik's container is on. Anything less and the project is judged alone.
import type { DockerNetwork } from '../compose/networks';
import type { Project } from '../project';
import { attachmentOf, named, traefikOf } from './reach';
import type { FileProvider } from './fileProvider';
import type { MajorVersion, StaticConfig } from './static';

/** What a project without Traefik is judged with (AnalysisOptions.traefikElsewhere). */
export interface HostTraefik {
  /** The Traefik project's first compose file as the caller shows it ("traefik/compose.yaml"). */
  where: string;
  staticConfig: StaticConfig;
  /** That project's Project.staticKey: the same object while its static configuration is unchanged. */
  staticKey: object;
  /** The version its image (or static configuration) names, when one does. */
  version?: { version: MajorVersion; why: string };
  /** Its compose and Traefik files: a finding there is that project's own, not this one's. */
  files: string[];
  /**
   * Its file provider as read there (the same view while its files are unchanged): the names it
   * defines are `x@file` for every router of that Traefik (pkg/provider/file; pkg/server/provider
   * GetQualifiedName), an unknown or templated one keeps `@file` references quiet.
   */
  fileProvider?: FileProvider;
}

/** A project running Traefik, as the other projects of the run see it. */
export interface TraefikOffer {
  /**
   * Its Traefik container as Docker names it (project and service): two sets of compose files of
   * one project (the base with or without a -f variant) start the same container, one Traefik.
   */
  container?: string;
  /** Docker names of the networks Traefik's container is on; undefined when some is unknown. */
  networks: string[] | undefined;
  /** Its static configuration as far as it is known: undefined when it is not (a script starts Traefik). */
  host: HostTraefik | undefined;
}

/** The offer of a project whose Traefik service is started; undefined for a project without one. */
export function traefikOffer(project: Project, where: string): TraefikOffer | undefined {
  const traefik = traefikOf(project);
  if (!traefik) return undefined;
  const own = traefik.attachment;
  const networks = own.mode === 'networks' && named(own.networks) ? own.networks.map((n) => n.name) : undefined;
  const config = project.staticConfig;
  const known = config.found && config.settingsKnown === true && !config.traefikV1;
  const container = `${project.name}-${traefik.container.compose.name}`;
  if (!known) return { container, networks, host: undefined };
  const fact = project.versionFact;
  const version = fact.source === 'unknown' ? undefined : { version: fact.assumed, why: `${fact.why} in ${where}` };
  const files = [
    ...project.files.map((f) => f.file),
    ...project.load.extendsFiles.map((f) => f.file),
    ...project.staticFiles.map((f) => f.file),
    ...project.fileProvider.files.map((f) => f.file),
  ];
  return {
    container,
    networks,
    host: {
      where,
      staticConfig: config,
      staticKey: project.staticKey,
      ...(version ? { version } : {}),
      files,
      fileProvider: project.fileProvider,
    },
  };
}

/**
 * The offers, those of one Traefik container (variants of its project) made one: the first, on the
 * networks any of them puts it on, when they agree on the static configuration the other projects
 * are judged with; else one whose configuration is unknown (which variant runs is not known).
 */
function oneOfEachContainer(offers: TraefikOffer[]): TraefikOffer[] {
  const out: TraefikOffer[] = [];
  const seen = new Map<string, number>();
  for (const offer of offers) {
    const at = offer.container === undefined ? undefined : seen.get(offer.container);
    if (at === undefined) {
      if (offer.container !== undefined) seen.set(offer.container, out.length);
      out.push(offer);
      continue;
    }
    const first = out[at];
    const networks =
      first.networks && offer.networks ? [...new Set([...first.networks, ...offer.networks])] : undefined;
    const same = first.host !== undefined && offer.host !== undefined && sameJudge(first.host, offer.host);
    out[at] = { ...first, networks, host: same ? first.host : undefined };
  }
  return out;
}

/** Whether two Traefiks judge other projects alike: the same static settings and file provider files, wherever written. */
function sameJudge(a: HostTraefik, b: HostTraefik): boolean {
  const summary = (h: HostTraefik): string =>
    JSON.stringify(
      [h.staticConfig, h.version?.version, h.fileProvider?.files.map((f) => [f.file, f.text])],
      (key, value: unknown) =>
        WHERE_KEYS.has(key)
          ? undefined
          : value instanceof Map
            ? [...(value as Map<string, unknown>)].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
            : value,
    );
  return summary(a) === summary(b);
}

/** Keys saying where a setting is written, not what it is. */
const WHERE_KEYS = new Set([
  'origin',
  'networkOrigin',
  'defaultRuleAt',
  'sources',
  'range',
  'file',
  'path',
  'variables',
  'notes',
  'ignored',
  'containerVariables',
]);

/** Docker names of the external networks this project's containers are on. */
export function externalNetworks(project: Project): Set<string> {
  const out = new Set<string>();
  for (const container of project.containers) {
    const a = attachmentOf(project, container);
    if (a.mode !== 'networks') continue;
    for (const n of a.networks as DockerNetwork[]) if (n.external && n.name !== undefined) out.add(n.name);
  }
  return out;
}

/**
 * The Traefik that routes `project`: the one offer of the run (`offers`, every other project
 * running Traefik), when its static configuration is known and its container is on an external
 * network of `project`. A project with a Traefik of its own (or a static file given) keeps it.
 */
export function hostTraefikFor(project: Project, offers: TraefikOffer[]): HostTraefik | undefined {
  const traefiks = oneOfEachContainer(offers);
  if (traefiks.length !== 1) return undefined;
  const [offer] = traefiks;
  if (!offer.host || !offer.networks) return undefined;
  const borrowed = project.staticConfig === project.options.traefikElsewhere?.staticConfig;
  if ((project.staticConfig.found && !borrowed) || traefikOf(project)) return undefined;
  const external = externalNetworks(project);
  return offer.networks.some((n) => external.has(n)) ? offer.host : undefined;
}

/**
 * Whether another project's Traefik may route `project` (hostTraefikFor would look for one): it
 * runs no Traefik and names no static file of its own, and joins an external network.
 */
export function wantsHostTraefik(project: Project): boolean {
  const borrowed = project.staticConfig === project.options.traefikElsewhere?.staticConfig;
  if ((project.staticConfig.found && !borrowed) || traefikOf(project)) return false;
  return externalNetworks(project).size > 0;
}

/**
 * Whether a compose file's text may start Traefik (an image named traefik, or a service named
 * so, which a built image may run): a cheap look before analysing a project to learn its offer.
 */
export function mayRunTraefik(text: string): boolean {
  return (
    /^\s*image:\s*["']?([\w.-]+(:\d+)?\/)*traefik(["'\s:@]|$)/im.test(text) || /^[ \t]+traefik:[ \t]*$/m.test(text)
  );
}

/** How a message names the static configuration: the other project's Traefik's when it is that one. */
export function staticConfigName(project: Project): string {
  const host = project.options.traefikElsewhere;
  return host && project.staticConfig === host.staticConfig
    ? `The static configuration of the Traefik in ${host.where}`
    : 'The static configuration';
}
