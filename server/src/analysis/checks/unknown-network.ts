// `traefik.docker.network` (a label) or the docker provider's `network` option names a network
// by the name Docker knows it by; when the container has no network of that name Traefik logs
// "Could not find network named ... Maybe you're missing the project's prefix in the label?" and
// falls back to any network of the container (pkg/provider/docker/config.go getIPAddress). Compose
// names the networks it creates `<project>_<key>` unless `name:` is set (compose spec 06-networks.md).
import { dockerNetwork, type DockerNetwork } from '../compose/networks';
import type { Project } from '../project';
import { fragmentServices } from '../traefik/staticConfig';
import { attachmentOf, named, networkLabel, routed } from '../traefik/reach';
import type { Check } from './check';

/** The real name a name written without the project prefix (or by its key) most likely means. */
function meant(written: string, networks: DockerNetwork[]): string | undefined {
  return networks.find((n) => n.name !== written && (n.key === written || n.name?.endsWith(`_${written}`)))?.name;
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

export const check: Check = {
  code: 'unknown-network',
  severity: 'warning',
  description:
    "traefik.docker.network or the provider's network names no network of the container (often the project prefix is missing): Traefik falls back to any of its networks.",
  container(container, { project, report }) {
    const label = networkLabel(container);
    if (!label || !routed(container) || fragmentServices(project).has(container.compose.name)) return;
    const mine = attachmentOf(project, container);
    if (mine.mode !== 'networks' || !named(mine.networks)) return;
    const written = label.value.trim();
    if (written === '' || mine.networks.some((n) => n.name === written)) return;
    const suggestion = meant(written, mine.networks);
    const names = mine.networks.map((n) => n.name).join(', ');
    report({
      file: label.file,
      range: label.valueRange,
      message: `service "${container.compose.name}" is on no network named "${written}": ${fixOf(suggestion, mine.networks)}`,
      explanation: `Its networks are ${names}. Traefik logs "Could not find network named '${written}'" and uses whichever network of the container comes first. Compose names the networks it creates <project>_<key> (here ${project.name}_…) unless they set name:.`,
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
    const suggestion = meant(option, all);
    report({
      file: origin.file,
      range: origin.range,
      message: `the docker provider's network "${option}" is none of this project's: ${fixOf(suggestion, all)}`,
      explanation: `This project's networks are ${all.map((n) => n.name).join(', ')}. Traefik looks for a network of exactly that name on each container; ${affected.map((c) => `"${c.compose.name}"`).join(', ')} ${affected.length > 1 ? 'have' : 'has'} none, so Traefik falls back to any of ${affected.length > 1 ? 'their' : 'its'} networks. Compose names the networks it creates <project>_<key> unless they set name:.`,
      data: { name: option, ...(suggestion ? { suggestion } : {}) },
    });
  },
};
