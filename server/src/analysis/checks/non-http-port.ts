// An HTTP router's requests go to its service's server port (`loadbalancer.server.port`, else
// the container's lowest port: pkg/provider/docker/shared.go getPort): on a database image that is
// the database's own protocol, which answers no HTTP request (Traefik returns 502 Bad Gateway).
// Such a server is reached with a TCP router (traefik.tcp.routers.<name>.rule=HostSNI(...)).
import { imageName, NON_HTTP_PORTS } from '../traefik/images';
import { definitionRange } from '../traefik/lookup';
import type { Container, Definition } from '../traefik/model';
import { hasInterpolation } from '../compose/labels';
import type { Check } from './check';
import { containerPorts } from './missing-port';

export const check: Check<'non-http-port'> = {
  code: 'non-http-port',
  severity: 'warning',
  description:
    'An HTTP router sends requests to the PostgreSQL, MySQL, Redis or MongoDB port of a known image: it answers no HTTP.',
  container(container, ctx) {
    if (!container.enabled) return;
    const server = serverOf(container);
    if (!server) return;
    const routers = container.definitions.filter((d) => d.kind === 'routers' && d.protocol === 'http');
    // Only routers someone wrote: the default router of a database exposed by default is not meant.
    if (!routers.some((r) => !r.implicit)) return;
    for (const service of container.definitions) {
      if (service.kind !== 'services' || service.protocol !== 'http' || !usedBy(service, routers, container)) continue;
      const port = service.fields.get('loadbalancer.server.port');
      const detected = containerPorts(container)[0];
      if (port ? port.interpolated || Number(port.value.trim()) !== server.port : detected !== server.port) continue;
      const at = port ?? routers[0].fields.get('rule');
      ctx.report({
        message: `port ${server.port} of ${server.image} speaks ${server.protocol}, not HTTP: use a TCP router or an HTTP port`,
        explanation: `Traefik proxies HTTP requests to the service's server port${port ? '' : ' (here detected: the lowest port the container exposes)'}; ${server.image} listens there for ${server.protocol} clients, so it never answers HTTP and Traefik replies 502 Bad Gateway. A database is reached through a TCP router (traefik.tcp.routers.<name>.rule=HostSNI(\`*\`)) on its own entry point.`,
        file: at?.file ?? service.labels[0]?.file ?? container.compose.file,
        range: port ? port.valueRange : at ? at.valueRange : definitionRange(routers[0]),
        data: { port: server.port, image: server.image, service: service.name },
      });
    }
  },
};

function serverOf(container: Container): { image: string; port: number; protocol: string } | undefined {
  const written = [...container.composeParts].reverse().find((p) => p.image)?.image?.value;
  if (!written || hasInterpolation(written)) return undefined;
  const image = imageName(written);
  const known = NON_HTTP_PORTS[image];
  return known && { image, ...known };
}

/** Whether an HTTP router of this container sends traffic to the service (by name, or as its only service). */
function usedBy(service: Definition, routers: Definition[], container: Container): boolean {
  const own = container.definitions.filter((d) => d.kind === 'services' && d.protocol === 'http');
  return routers.some((r) => {
    const target = r.fields.get('service')?.value.trim();
    if (target === undefined) return own.length === 1 && own[0] === service;
    return target === service.name || target === `${service.name}@${container.provider}`;
  });
}
