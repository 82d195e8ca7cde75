// Where a router's requests end up, as `host:port`: what tells two routers with the same rule
// apart when their services have different names. A file provider's fallback that repeats a
// container's labels (`url: http://frontend:3000` for the compose service frontend on port 3000)
// serves exactly what the container's router serves, whichever of the two Traefik tries first.
import type { Project } from '../project';
import type { Definition } from '../traefik/model';
import { liveFileNames } from '../checks/fileReferences';
import { serviceOf } from './outcome';

/** `host:port` of each server of the container's own service the router uses; undefined when not known. */
export function containerBackends(router: Definition): string[] | undefined {
  const service = serviceOf(router);
  const name = service.slice(0, service.lastIndexOf('@'));
  const own = router.container.definitions.find(
    (d) => d.kind === 'services' && d.protocol === router.protocol && d.name === name,
  );
  const port = own?.fields.get('loadbalancer.server.port')?.value.trim();
  if (!own || !port || !/^\d+$/.test(port)) return undefined;
  // Compose puts the service name and the container name in the network's DNS (05-services.md).
  const compose = router.container.compose;
  const hosts = [compose.name, compose.containerName?.value].filter((h): h is string => !!h);
  return hosts.map((h) => `${h.toLowerCase()}:${port}`);
}

/** `host:port` of each server URL of a file provider's service (`name@file`); undefined when not all are plain URLs. */
export function fileBackends(project: Project, protocol: 'http' | 'tcp', service: string): string[] | undefined {
  if (!service.endsWith('@file')) return undefined;
  const def = liveFileNames(project, protocol, 'services').get(service.slice(0, -'@file'.length));
  if (!def) return undefined;
  const urls = [...def.fields].filter(([path]) => /^loadbalancer\.servers\.\[\d+\]\.url$/.test(path));
  // A load balancer's other fields (passHostHeader, health check, sticky) change how, not where.
  if (urls.length === 0 || [...def.fields.keys()].some((path) => !path.startsWith('loadbalancer.'))) return undefined;
  const out: string[] = [];
  for (const [, s] of urls) {
    const m = /^(https?):\/\/([^/:@\s]+)(?::(\d+))?\/?$/i.exec(s.value?.trim() ?? '');
    if (!m) return undefined;
    out.push(`${m[2].toLowerCase()}:${m[3] ?? (m[1].toLowerCase() === 'https' ? '443' : '80')}`);
  }
  return out;
}

/** Every server of `file` is one of the container's addresses. */
export function sameBackends(file: string[] | undefined, container: string[] | undefined): boolean {
  return !!file && !!container && file.every((b) => container.includes(b));
}
