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
  if (!known) return { networks, host: undefined };
  const fact = project.versionFact;
  const version = fact.source === 'unknown' ? undefined : { version: fact.assumed, why: `${fact.why} in ${where}` };
  const files = [
    ...project.files.map((f) => f.file),
    ...project.load.extendsFiles.map((f) => f.file),
    ...project.staticFiles.map((f) => f.file),
    ...project.fileProvider.files.map((f) => f.file),
  ];
  return {
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
  if (offers.length !== 1) return undefined;
  const [offer] = offers;
  if (!offer.host || !offer.networks) return undefined;
  const borrowed = project.staticConfig === project.options.traefikElsewhere?.staticConfig;
  if ((project.staticConfig.found && !borrowed) || traefikOf(project)) return undefined;
  const external = externalNetworks(project);
  return offer.networks.some((n) => external.has(n)) ? offer.host : undefined;
}

/** How a message names the static configuration: the other project's Traefik's when it is that one. */
export function staticConfigName(project: Project): string {
  const host = project.options.traefikElsewhere;
  return host && project.staticConfig === host.staticConfig
    ? `The static configuration of the Traefik in ${host.where}`
    : 'The static configuration';
}
