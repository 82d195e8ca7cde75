// Which network Traefik uses to reach a container (pkg/provider/docker/config.go getIPAddress):
// the network named by the container's `traefik.docker.network` label, else by the provider's
// `network` option, when the container is attached to a network of exactly that name; otherwise
// (Traefik logs "Could not find network named ... Maybe you're missing the project's prefix in
// the label? Defaulting to first available network.") the first of the container's networks,
// in Go map order, so any of them. `network_mode: host` uses the host's address.
import { attachment, type Attachment, type DockerNetwork } from '../compose/networks';
import type { Label } from '../compose/model';
import type { Project } from '../project';
import { findTraefikService } from './staticConfig';
import type { Container } from './model';

const ROUTING = /^traefik\.(?:http|tcp|udp)\./i;

/** A container Traefik sends requests to: kept by the docker provider, with routers or services of its own. */
export function routed(container: Container): boolean {
  return container.enabled && container.provider === 'docker' && container.labels.some((l) => ROUTING.test(l.key));
}

export function attachmentOf(project: Project, container: Pick<Container, 'composeParts'>): Attachment {
  return attachment(container.composeParts, project.files, project.name, project.environment);
}

/** The Traefik container of the project and its networks, when it is in the project. */
export function traefikOf(project: Project): { container: Container; attachment: Attachment } | undefined {
  const service = findTraefikService(project.files);
  const container = service && project.containers.find((c) => c.compose.name === service.name);
  return container && { container, attachment: attachmentOf(project, container) };
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

/** What the checks' keys hold: every fact about networks the project's files state. */
export function networkFacts(project: Project): string {
  const parts: unknown[] = [project.name, project.staticConfig.docker?.network];
  for (const f of project.files) {
    parts.push(f.networks.map((n) => [n.key, n.name, n.external]));
    for (const s of f.services) parts.push([s.name, s.networkMode?.value, s.networks.map((n) => n.value)]);
  }
  return JSON.stringify(parts);
}
