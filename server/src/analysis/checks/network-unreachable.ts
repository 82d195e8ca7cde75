// Traefik connects to a container's address on one of its networks (pkg/provider/docker/config.go
// getIPAddress); when its own container is not on that network the connection never opens and
// requests end in a 504/502 after the timeout. A service whose networks Traefik shares only in
// part may get either, since Traefik takes the first network of a Go map when no
// `traefik.docker.network` (label or provider option) picks one.
import type { DockerNetwork } from '../compose/networks';
import type { Project } from '../project';
import type { Container } from '../traefik/model';
import { fragmentServices } from '../traefik/staticConfig';
import { attachmentOf, named, networkLabel, routed, traefikOf, wantedNetwork } from '../traefik/reach';
import type { Range, Related } from '../types';
import type { Check } from './check';

const list = (networks: { name: string }[]): string => networks.map((n) => n.name).join(', ');

/**
 * What picks the network when none of the container's is the wanted one (getIPAddress): what is
 * set and that it names none of them, or that nothing is set.
 */
function whatPicks(project: Project, container: Container): string {
  const label = networkLabel(container);
  if (label) return `Its label traefik.docker.network=${label.value.trim()} names none of its networks`;
  const option = project.staticConfig.docker?.network;
  if (option !== undefined && !option.includes('$'))
    return `The docker provider's network "${option}" is none of its networks`;
  return "Neither traefik.docker.network nor the provider's network is set";
}

export const check: Check<'network-unreachable'> = {
  code: 'network-unreachable',
  severity: 'error',
  description:
    "A routed service on no network of Traefik's container (or on the one Traefik is told to use, without Traefik): Traefik cannot reach it.",
  container(container, { project, report }) {
    if (!routed(container) || fragmentServices(project).has(container.compose.name)) return;
    const traefik = traefikOf(project);
    if (!traefik || traefik.container === container) return;
    const own = traefik.attachment;
    if (own.mode !== 'networks' || !named(own.networks)) return;
    const mine = attachmentOf(project, container);
    const service = container.compose;
    // Where the service says which networks it is on: its item, its network_mode, else its name.
    const mode = [...container.composeParts].reverse().find((p) => p.networkMode);
    const where = (n?: DockerNetwork): { file: string; range: Range } =>
      mode?.networkMode
        ? { file: mode.file, range: mode.networkMode.range }
        : n?.written && n.file
          ? { file: n.file, range: n.written.range }
          : { file: service.file, range: service.nameRange };
    const related: Related[] = own.networks.map((n) => ({
      file: n.file ?? traefik.container.compose.file,
      range: n.written?.range ?? traefik.container.compose.nameRange,
      message: `Traefik's container is on ${n.name}`,
    }));
    if (mine.mode === 'none') {
      report({
        ...where(),
        message: `service "${service.name}" has network_mode: none, so Traefik cannot reach it: remove it`,
        explanation: `With network_mode: none the container has no network Traefik could send requests to. Traefik finds no IP address for the container and ignores its server ("unable to find the IP address for the container"); requests get a 503.`,
        related,
      });
      return;
    }
    if (mine.mode !== 'networks' || !named(mine.networks)) return;
    const traefikNames = new Set(own.networks.map((n) => n.name));
    const shared = mine.networks.filter((n) => traefikNames.has(n.name));
    const wanted = wantedNetwork(project, container);
    const chosen = wanted !== undefined ? mine.networks.find((n) => n.name === wanted) : undefined;
    const label = networkLabel(container);
    if (chosen && !traefikNames.has(chosen.name)) {
      report({
        ...(label ? { file: label.file, range: label.valueRange } : where(chosen)),
        message: `Traefik reaches "${service.name}" on ${chosen.name}, which Traefik's container is not on: ${shared.length > 0 ? `use ${shared[0].name}` : `attach Traefik to ${chosen.name}`}`,
        explanation: `${label ? 'traefik.docker.network' : "The docker provider's network option"} makes Traefik use the container's address on ${chosen.name}; Traefik's container is on ${list(own.networks)}, so it cannot connect and requests time out.`,
        related,
        data: { service: service.name, network: chosen.name },
      });
      return;
    }
    if (chosen) return;
    if (shared.length === 0) {
      report({
        ...where(mine.networks[0]),
        message: `service "${service.name}" shares no network with Traefik's "${traefik.container.compose.name}": put both on one network`,
        explanation: `"${service.name}" is on ${list(mine.networks)}, Traefik's container on ${list(own.networks)}. ${whatPicks(project, container)}, so Traefik sends requests to the container's address on ${mine.networks.length > 1 ? 'the first of its networks in Go map order, any of them' : `${mine.networks[0].name}, its only network`}, which Traefik's container is not attached to: the connection never opens and requests time out (504).`,
        related,
        data: { service: service.name, networks: mine.networks.map((n) => n.name) },
      });
      return;
    }
    if (shared.length < mine.networks.length) {
      const others = mine.networks.filter((n) => !traefikNames.has(n.name));
      report({
        severity: 'warning',
        ...where(others[0]),
        message: `service "${service.name}" is also on ${list(others)}: ${label ? 'write' : 'set'} traefik.docker.network=${shared[0].name}`,
        explanation: `Traefik's container is not on ${list(others)}. ${whatPicks(project, container)}, so Traefik takes the first network of the container in Go map order, any of ${list(mine.networks)}: on ${list(others)} its requests time out, at random whenever Traefik rebuilds its configuration.`,
        related,
        data: { service: service.name, network: shared[0].name },
      });
    }
  },
};
