// Without `loadbalancer.server.port` Traefik uses the container's lowest port as Docker reports
// them (NetworkSettings.Ports: published, `expose` and the image's EXPOSE alike), and with none
// fails with "port is missing" and drops the whole container (pkg/provider/docker/shared.go
// parseContainer, getPort; config.go addServer). Swarm gives no port information
// at all (docs: "Docker Swarm does not provide any port detection information to Traefik").
import { mergedFrom } from '../compose/project';
import type { Project } from '../project';
import { definitionRange } from '../traefik/lookup';
import type { Container, Definition } from '../traefik/model';
import { isTraefikKey } from '../traefik/containers';
import { traefikServiceName } from '../traefik/staticConfig/service';
import { runsTraefikV1 } from '../traefik/v1Labels';
import type { Check, Report } from './check';
import { dropsContainer } from './unknown-label';

const SET = 'set loadbalancer.server.port';
/** How Traefik finds a port (pkg/provider/docker/shared.go getPort). */
const LOWEST =
  "Without loadbalancer.server.port Traefik uses the lowest port Docker reports for the container (its ports, expose and the image's EXPOSE; pkg/provider/docker/shared.go getPort)";

export const check: Check<'missing-port'> = {
  code: 'missing-port',
  severity: 'warning',
  description:
    'No `loadbalancer.server.port` and no port Traefik can detect (it drops the container); infos where the image cannot be seen or Traefik picks the lowest of several.',
  container(container, ctx) {
    // A container without any Traefik label did not opt in; its default router is rarely wanted.
    if (!container.enabled || !container.labels.some((l) => isTraefikKey(l.key))) return;
    // Traefik v1 reads traefik.port and finds ports its own way: not judged (traefik-v1 says so).
    if (runsTraefikV1(ctx.project)) return;
    const ports = containerPorts(container);
    const image = container.imagePorts;
    const own = traefikOf(ctx.project) === container.compose.name;
    for (const service of container.definitions) {
      if (service.kind !== 'services') continue;
      if (service.fields.has('loadbalancer.server.port') || service.fields.has('loadbalancer.server.url')) continue;
      const report = (r: Pick<Report, 'message' | 'explanation' | 'severity' | 'effect'>, unseen?: true): void =>
        ctx.report({
          ...r,
          file: service.labels[0]?.file ?? container.compose.file,
          range: definitionRange(service),
          data: {
            service: service.name,
            protocol: service.protocol,
            compose: container.compose.name,
            ports,
            ...(unseen ? { unseen } : {}),
          },
        });
      if (container.swarm) {
        report({
          message: `Swarm gives Traefik no port to detect: ${SET}`,
          explanation:
            "Docker Swarm gives Traefik no port information (Traefik's swarm provider documentation), so a service without loadbalancer.server.port has no server to send requests to.",
        });
        continue;
      }
      // Traefik's own container: Traefik still builds its default service and needs a port for it
      // (config.go buildServiceConfiguration, addServer), or it drops the container, dashboard
      // router and all: that warning stays. Otherwise nothing: built from an image not seen here,
      // that image is Traefik's, which EXPOSEs 80 (its Dockerfile); a router served by its port
      // sends requests back to Traefik's own entry point, so "use another port" is never the fix
      // (dashboard-loop and invalid-value say what is: service=api@internal, an empty router).
      if (own && !(ports.length === 0 && image.complete)) continue;
      const used = usedByRouter(ctx.project, container, service);
      if (ports.length === 0 && image.complete) {
        report({
          message: `no port exposed here or by the image: ${SET}`,
          explanation: `${LOWEST}; with none it logs "port is missing" and drops the whole container.`,
          effect: dropsContainer(container.compose.name),
        });
      } else if (ports.length === 0) {
        report(
          {
            severity: 'info',
            message: `port unknown: ${image.unseen ?? 'the image'} cannot be seen here; ${SET}`,
            explanation: `${LOWEST}; nothing here exposes one, so unless the image EXPOSEs a port Traefik logs "port is missing" and drops the container.`,
            effect: dropsContainer(container.compose.name, 'its image EXPOSEs a port'),
          },
          true,
        );
      } else if (ports.length > 1 && used) {
        const more = image.complete ? '' : " and the image's";
        report({
          severity: 'info',
          message: `Traefik uses the lowest port, ${ports[0]}: ${SET} for another`,
          explanation: `${LOWEST}: here ${ports.join(', ')}${more}.`,
        });
      }
    }
  },
};

/**
 * Distinct container ports from `ports`, `expose` and the image's EXPOSE lines (its Dockerfile,
 * or the table of well-known images); ascending, since Traefik takes the lowest.
 */
export function containerPorts(container: Container): number[] {
  const set = new Set<number>(container.imagePorts.ports);
  const parts = container.composeParts;
  for (const p of [
    ...mergedFrom(parts, 'ports').flatMap((s) => s.ports),
    ...mergedFrom(parts, 'expose').flatMap((s) => s.expose),
  ])
    if (p.target !== undefined) set.add(p.target);
  return [...set].sort((a, b) => a - b);
}

/** The compose service that runs Traefik itself ('' when none is found). */
function traefikOf(project: Project): string {
  return traefikServiceName(project) ?? '';
}

/** Whether some enabled router of the project sends traffic to this service. */
function usedByRouter(project: Project, container: Container, service: Definition): boolean {
  for (const c of project.containers) {
    if (!c.enabled) continue;
    for (const r of c.definitions) {
      if (r.kind !== 'routers' || r.protocol !== service.protocol) continue;
      const target = r.fields.get('service')?.value.trim();
      const hits =
        target === undefined ? c === container : target === service.name || target === `${service.name}@${c.provider}`;
      if (hits) return true;
    }
  }
  return false;
}
