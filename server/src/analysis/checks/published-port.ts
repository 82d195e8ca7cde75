// Traefik sends requests straight to the container's address on its network, at the server port
// (`loadbalancer.server.port`: pkg/provider/docker/config.go addServer builds
// http://<container IP>:<port>); a port published on the host (`ports: ["8080:80"]`) plays no
// part in it. A label that names the host side of a mapping whose container side differs, and
// that the container does not expose otherwise, points Traefik at a port nothing listens on:
// connections are refused and Traefik answers 502 Bad Gateway.
import { mergedFrom } from '../compose/project';
import type { Check } from './check';
import { containerPorts } from './missing-port';

export const check: Check<'published-port'> = {
  code: 'published-port',
  severity: 'warning',
  description:
    'loadbalancer.server.port names the host side of a published port (8080 of "8080:80"): Traefik connects to the container\'s own port, so it should be the container side.',
  container(container, ctx) {
    if (!container.enabled || container.swarm) return;
    const mappings = mergedFrom(container.composeParts, 'ports').flatMap((part) =>
      part.ports.filter((m) => m.protocol === 'tcp').map((m) => ({ ...m, file: part.file })),
    );
    if (mappings.length === 0) return;
    const own = new Set(containerPorts(container));
    for (const service of container.definitions) {
      if (service.kind !== 'services' || service.protocol !== 'http') continue;
      const port = service.fields.get('loadbalancer.server.port');
      if (!port || port.interpolated) continue;
      const written = port.value.trim();
      if (!/^\d+$/.test(written)) continue;
      const value = Number(written);
      // A port the container has (a mapping's target, expose, the image's EXPOSE) may well listen.
      if (own.has(value)) continue;
      const mapping = mappings.find((m) => m.target !== undefined && m.published?.trim() === written);
      if (!mapping) continue;
      ctx.report({
        file: port.file,
        range: port.valueRange,
        message: `${value} is the host port of "${value}:${mapping.target}": Traefik connects to the container, use ${mapping.target}`,
        explanation: `Traefik connects to the container's own address on its network at the server port (http://<container IP>:${value}, pkg/provider/docker/config.go addServer); the host port a mapping publishes is not involved. "${container.compose.name}" publishes its port ${mapping.target} on the host as ${value}, and ${value} is none of the container's ports (${[...own].join(', ') || 'none seen'}), so Traefik's connections are refused and it answers 502 Bad Gateway.`,
        related: [
          {
            file: mapping.file,
            range: mapping.range,
            message: `the mapping: host ${value}, container ${mapping.target}`,
          },
        ],
        data: { port: value, target: mapping.target!, service: service.name },
      });
    }
  },
};
