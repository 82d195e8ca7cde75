// Compose names every replica after `container_name`, so a service with one cannot run several
// replicas (docker compose refuses to scale it); Traefik then balances over one server.
import type { Check } from './check';

export const check: Check<'scale-container-name'> = {
  code: 'scale-container-name',
  severity: 'error',
  description: '`container_name` on a service with `deploy.replicas` > 1: compose cannot scale it.',
  service(service, { report }) {
    const replicas = service.replicas && /^\d+$/.test(service.replicas.value) ? Number(service.replicas.value) : 1;
    if (!service.containerName || replicas <= 1) return;
    report({
      message: `"${service.name}" sets container_name, so compose cannot run its ${replicas} replicas: remove it`,
      explanation: `Container names must be unique, and compose would give every replica the name "${service.containerName.value}", so it cannot scale a service with a container_name beyond one container (Compose Specification, 05-services.md container_name); Traefik then balances over one server at most.`,
      file: service.file,
      range: service.containerName.range,
      related: [{ file: service.file, range: service.replicas!.range, message: `deploy.replicas: ${replicas}` }],
      data: { service: service.name, replicas },
    });
  },
};
