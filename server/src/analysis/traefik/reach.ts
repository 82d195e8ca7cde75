// Which network Traefik uses to reach a container (pkg/provider/docker/config.go getIPAddress):
// the network named by the container's `traefik.docker.network` label, else by the provider's
// `network` option, when the container is attached to a network of exactly that name; otherwise
// (Traefik logs "Could not find network named ... Maybe you're missing the project's prefix in
// the label? Defaulting to first available network.") the first of the container's networks,
// in Go map order, so any of them. `network_mode: host` uses the host's address.
import { attachment, type Attachment, type DockerNetwork } from '../compose/networks';
import type { Label } from '../compose/model';
import type { Project } from '../project';
import { structuralEquals } from '../engine';
import { traefikServiceName } from './staticConfig';
import type { Container } from './model';

const ROUTING = /^traefik\.(?:http|tcp|udp)\./i;

/** A container Traefik sends requests to: kept by the docker provider, with routers or services of its own. */
export function routed(container: Container): boolean {
  return container.enabled && !container.swarm && container.labels.some((l) => ROUTING.test(l.key));
}

/** The networks a container is on, as compose attaches it: an entry of the project's map, unchanged while its own are. */
export function attachmentOf(project: Project, container: Pick<Container, 'compose'>): Attachment {
  return (
    project.derived.entry(
      'network attachments',
      () => attachments(project),
      container.compose.name,
      structuralEquals,
    ) ?? UNKNOWN
  );
}

const UNKNOWN: Attachment = Object.freeze({ mode: 'unknown' });

/** Every container's attachment, by compose service. */
function attachments(project: Project): Map<string, Attachment> {
  return new Map(
    project.containers.map((c) => [
      c.compose.name,
      attachment(c.composeParts, project.files, project.name, project.environment),
    ]),
  );
}

/** The Traefik container of the project and its networks, when it is in the project. */
export function traefikOf(project: Project): { container: Container; attachment: Attachment } | undefined {
  return project.derived.get(
    'traefik container',
    () => {
      const name = traefikServiceName(project);
      const container = name === undefined ? undefined : project.containers.find((c) => c.compose.name === name);
      return container && { container, attachment: attachmentOf(project, container) };
    },
    (a, b) => a === b || (!!a && !!b && a.container === b.container && structuralEquals(a.attachment, b.attachment)),
  );
}

/** `traefik.docker.network` as written on the container, when its value is known. */
export function networkLabel(container: Container): Label | undefined {
  const label = container.labels.find((l) => l.key.toLowerCase() === 'traefik.docker.network');
  return label && !label.interpolated ? label : undefined;
}

/** The network name Traefik looks for first: the label, else the provider's option. */
export function wantedNetwork(project: Project, container: Container): string | undefined {
  const label = networkLabel(container);
  if (label) return label.value.trim();
  const option = project.staticConfig.docker?.network;
  return option !== undefined && !option.includes('$') ? option : undefined;
}

/** Every network name is known (no variable left in a `name:`). */
export function named(networks: DockerNetwork[]): networks is (DockerNetwork & { name: string })[] {
  return networks.every((n) => n.name !== undefined);
}
