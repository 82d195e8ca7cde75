// `traefik.docker.network` (a label) or the docker provider's `network` option names a network
// by the name Docker knows it by; when the container has no network of that name Traefik logs
// "Could not find network named ... Maybe you're missing the project's prefix in the label?" and
// "Defaulting to first available network" and uses the first network of the container's
// NetworkSettings.Networks, a Go map (pkg/provider/docker/config.go getIPAddress, v2.11 and v3
// alike; v2 logs the first line at debug level). With one network that is the network itself, so
// requests still arrive where Traefik shares it (an information); with several, Go's map order
// picks any of them (a warning). Compose names the networks it creates `<project>_<key>` unless
// `name:` is set (compose spec 06-networks.md).
import { dockerNetwork, type DockerNetwork } from '../compose/networks';
import type { Project } from '../project';
import { fragmentServices } from '../traefik/staticConfig';
import { attachmentOf, named, networkLabel, routed, traefikOf } from '../traefik/reach';
import type { Container } from '../traefik/model';
import type { Check } from './check';

/** What Traefik does when the name is no network of the container (getIPAddress). */
const LOGS = `Traefik logs "Could not find network named …" and "Defaulting to first available network" (pkg/provider/docker/config.go getIPAddress)`;
/** The fallback with several networks: the first of a Go map, whose order Go randomises on every walk. */
const MAP_ORDER =
  "then takes the first network of the container's NetworkSettings.Networks, a Go map whose order is random: any of them, possibly another one each time Traefik rebuilds its configuration";

/** "web", "api" and 2 more */
function serviceList(containers: Container[]): string {
  const names = containers.map((c) => `"${c.compose.name}"`);
  return names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(' and ');
}

/** The real name a name written without the project prefix (or by its key) most likely means. */
function meant(written: string, networks: DockerNetwork[]): string | undefined {
  return networks.find((n) => n.name !== written && (n.key === written || n.name?.endsWith(`_${written}`)))?.name;
}

/**
 * The name to suggest for the label: the one it most likely means, unless Traefik's container is
 * not on that network while it shares exactly one other with the service. Following a suggestion
 * that names a network Traefik is not on makes every request time out (network-unreachable), so
 * the network Traefik can reach the service on wins.
 */
function reachable(
  project: Project,
  container: Container,
  likely: string | undefined,
  networks: DockerNetwork[],
): string | undefined {
  const traefik = traefikOf(project);
  if (!traefik || traefik.container === container || traefik.attachment.mode !== 'networks') return likely;
  const traefiks = new Set(traefik.attachment.networks.map((n) => n.name));
  if (likely !== undefined && traefiks.has(likely)) return likely;
  const shared = networks.filter((n) => n.name !== undefined && traefiks.has(n.name));
  return shared.length === 1 ? shared[0].name : likely;
}

/**
 * When the name is `<other>_<key>` for a network key of the service, the project may run under
 * another name (docker compose -p other): say how to tell Gateway Lens so.
 */
function otherProject(written: string, networks: DockerNetwork[], name: string): string {
  const hit = networks.find(
    (n) => n.name === `${name}_${n.key}` && written.endsWith(`_${n.key}`) && written !== n.name,
  );
  if (!hit) return '';
  const other = written.slice(0, -hit.key.length - 1);
  return ` "${written}" is what compose names ${hit.key} in a project named "${other}": if it runs as docker compose -p ${other}, say so (gateway-lens check -p ${other}, or COMPOSE_PROJECT_NAME=${other} in .env).`;
}

/** The fix of a name no network has: the likely one, else up to three real names. */
function fixOf(suggestion: string | undefined, networks: DockerNetwork[]): string {
  if (suggestion) return `did you mean "${suggestion}"?`;
  const names = networks.map((n) => n.name);
  return `use ${names.length > 1 ? 'one of ' : ''}${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
}

/**
 * Every network the project's files declare or its containers attach, judged on the merged
 * service (an override's fragment without networks: puts nobody on default).
 */
function projectNetworks(project: Project): DockerNetwork[] {
  const out = new Map<string, DockerNetwork>();
  for (const f of project.files)
    for (const n of f.networks)
      if (!out.has(n.key)) out.set(n.key, dockerNetwork(n.key, project.files, project.name, project.environment));
  for (const c of project.containers) {
    const a = attachmentOf(project, c);
    if (a.mode === 'networks') for (const n of a.networks) if (!out.has(n.key)) out.set(n.key, n);
  }
  return [...out.values()];
}

export const check: Check<'unknown-network'> = {
  code: 'unknown-network',
  severity: 'warning',
  description:
    "traefik.docker.network or the provider's network names no network of the container (often the project prefix is missing): Traefik falls back to its only network (an information) or to any of several.",
  container(container, { project, report }) {
    const label = networkLabel(container);
    // The label itself is for Traefik: a container Traefik keeps gets its default router and
    // service without any routing label (pkg/provider/docker/config.go buildConfiguration), so it
    // is judged whether or not its port can be seen here.
    const kept = container.enabled && container.provider === 'docker';
    if (!label || !kept || fragmentServices(project).has(container.compose.name)) return;
    const mine = attachmentOf(project, container);
    if (mine.mode !== 'networks' || !named(mine.networks)) return;
    const written = label.value.trim();
    if (written === '' || mine.networks.some((n) => n.name === written)) return;
    const names = mine.networks.map((n) => n.name).join(', ');
    const service = container.compose.name;
    const only = mine.networks.length === 1 ? mine.networks[0].name : undefined;
    if (only) {
      // One network: the fallback is that network, so only Traefik's warning is wrong (network-unreachable
      // says so when Traefik's container is not on it).
      report({
        severity: 'info',
        file: label.file,
        range: label.valueRange,
        message: `Traefik falls back to ${only}, "${service}"'s only network: name it to silence Traefik's warning`,
        explanation: `"${service}" is on no network named "${written}". ${LOGS}, then uses its address on ${only}, its only network: requests reach it wherever Traefik's container is on ${only}. Compose names the networks it creates <project>_<key> (here ${project.name}_…) unless they set name:.`,
        data: { name: written, suggestion: only },
      });
      return;
    }
    const suggestion = reachable(project, container, meant(written, mine.networks), mine.networks);
    report({
      file: label.file,
      range: label.valueRange,
      message: `service "${service}" is on no network named "${written}": ${fixOf(suggestion, mine.networks)}`,
      explanation: `Its networks are ${names}. ${LOGS}, ${MAP_ORDER}. Compose names the networks it creates <project>_<key> (here ${project.name}_…) unless they set name:.${otherProject(written, mine.networks, project.name)}`,
      data: { name: written, ...(suggestion ? { suggestion } : {}) },
    });
  },
  run({ project, report }) {
    const docker = project.staticConfig.docker;
    const option = docker?.network;
    const origin = docker?.networkOrigin;
    if (option === undefined || !origin || option.includes('$') || option.trim() === '') return;
    const all = projectNetworks(project);
    if (!named(all) || all.some((n) => n.name === option)) return;
    // Only this project's containers are seen: say something when one of them is routed and lacks it.
    const affected = project.containers.filter((c) => {
      if (!routed(c) || networkLabel(c) || fragmentServices(project).has(c.compose.name)) return false;
      const a = attachmentOf(project, c);
      return a.mode === 'networks' && named(a.networks) && !a.networks.some((n) => n.name === option);
    });
    if (affected.length === 0) return;
    const onlyNetworks = affected.map((c) => {
      const a = attachmentOf(project, c);
      return a.mode === 'networks' && a.networks.length === 1 ? a.networks[0].name : undefined;
    });
    const single = onlyNetworks.every((n) => n !== undefined);
    const fallbacks = [...new Set(onlyNetworks.filter((n) => n !== undefined))];
    const suggestion = single && fallbacks.length === 1 ? fallbacks[0] : meant(option, all);
    const who = serviceList(affected);
    const projects = `This project's networks are ${all.map((n) => n.name).join(', ')}.`;
    const prefix = 'Compose names the networks it creates <project>_<key> unless they set name:.';
    if (single) {
      report({
        severity: 'info',
        file: origin.file,
        range: origin.range,
        message: `Traefik falls back to ${fallbacks.join(', ')}, the only network of ${who}: name it to silence Traefik's warning`,
        explanation: `${projects} Traefik looks for a network named "${option}" on each container; ${who} ${affected.length > 1 ? 'have' : 'has'} none. ${LOGS}, then uses the container's only network: requests reach ${who} wherever Traefik's container is on ${fallbacks.join(', ')}. ${prefix}`,
        data: { name: option, ...(suggestion ? { suggestion } : {}) },
      });
      return;
    }
    report({
      file: origin.file,
      range: origin.range,
      message: `the docker provider's network "${option}" is none of this project's: ${fixOf(suggestion, all)}`,
      explanation: `${projects} Traefik looks for a network of exactly that name on each container; ${who} ${affected.length > 1 ? 'have' : 'has'} none. ${LOGS}, ${MAP_ORDER}. ${prefix}`,
      data: { name: option, ...(suggestion ? { suggestion } : {}) },
    });
  },
};
