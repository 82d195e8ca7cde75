// Without `loadbalancer.server.port` Traefik uses the container's lowest exposed port, and with
// none fails with "port is missing" and drops the whole container (pkg/provider/docker/config.go
// getPortBinding/addServer; SEMANTICS D.4). Swarm gives no port information at all (docs:
// "Docker Swarm does not provide any port detection information to Traefik").
import type { Project } from '../project';
import { definitionRange } from '../traefik/lookup';
import type { Container, Definition } from '../traefik/model';
import { isTraefikKey } from '../traefik/containers';
import { exposedByImage } from '../traefik/images';
import type { Check } from './check';
import { projectKey, routerTargets } from './keys';

export const check: Check = {
  code: 'missing-port',
  severity: 'warning',
  description: 'No `loadbalancer.server.port`, and Traefik cannot detect the port or will guess among several.',
  // Whether a service is used depends on where every router sends traffic.
  scope: (project) => ({ key: projectKey(project, routerTargets) }),
  container(container, ctx) {
    // A container without any Traefik label did not opt in; its default router is rarely wanted.
    if (!container.enabled || !container.labels.some((l) => isTraefikKey(l.key))) return;
    for (const service of container.definitions) {
      if (service.kind !== 'services') continue;
      if (service.fields.has('loadbalancer.server.port') || service.fields.has('loadbalancer.server.url')) continue;
      const ports = containerPorts(container);
      const where = { file: service.labels[0]?.file ?? container.compose.file, range: definitionRange(service) };
      const data = { service: service.name, protocol: service.protocol, compose: container.compose.name, ports };
      const label = `traefik.${service.protocol}.services.${service.name}.loadbalancer.server.port`;
      if (container.provider === 'swarm') {
        ctx.report({
          ...where,
          message: `Swarm gives Traefik no port for service "${service.name}"; set ${label}.`,
          data,
        });
      } else if (ports.length === 0) {
        ctx.report({
          ...where,
          message: `Service "${service.name}" has no ${label} and "${container.compose.name}" publishes or exposes no port: unless its image EXPOSEs one (Gateway Lens cannot see it), Traefik drops the container ("port is missing").`,
          data,
        });
      } else if (ports.length > 1 && usedByRouter(ctx.project, container, service)) {
        ctx.report({
          ...where,
          message: `Service "${service.name}" has no ${label}; "${container.compose.name}" exposes ${ports.join(', ')} and Traefik silently uses the lowest, ${ports[0]}.`,
          data,
        });
      }
    }
  },
};

/**
 * Distinct container ports from `ports`, `expose` and, for well-known images, their EXPOSE
 * lines; ascending, since Traefik takes the lowest.
 */
export function containerPorts(container: Container): number[] {
  const set = new Set<number>();
  for (const part of container.composeParts) {
    for (const p of [...part.ports, ...part.expose]) if (p.target !== undefined) set.add(p.target);
    for (const p of exposedByImage(part.image?.value) ?? []) set.add(p);
  }
  return [...set].sort((a, b) => a - b);
}

/** Whether some enabled router of the project sends traffic to this service. */
function usedByRouter(project: Project, container: Container, service: Definition): boolean {
  for (const c of project.containers) {
    if (!c.enabled) continue;
    for (const r of c.definitions) {
      if (r.kind !== 'routers' || r.protocol !== service.protocol) continue;
      const target = r.fields.get('service')?.value.trim();
      if (
        target === undefined ? c === container : target === service.name || target === `${service.name}@${c.provider}`
      ) {
        return true;
      }
    }
  }
  return false;
}
