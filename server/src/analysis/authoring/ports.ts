// Values for `loadbalancer.server.port`: the container ports Docker reports to Traefik, each saying
// where it comes from. Docker lists the image's EXPOSE, `ports` targets and `expose` alike
// (NetworkSettings.Ports); Traefik's docker provider reads them there (pkg/provider/docker/shared.go
// getPort), so these are the ports a container is known to listen on.
import * as path from 'path';
import { mergedFrom } from '../compose/project';
import type { Container } from '../traefik/model';

export interface PortCandidate {
  value: string;
  detail: string;
}

/** Ascending, one item per port; a port written in several places names all of them. */
export function portCandidates(container: Container | undefined): PortCandidate[] {
  if (!container) return [];
  const sources = new Map<number, string[]>();
  const add = (port: number | undefined, where: string): void => {
    if (port === undefined) return;
    const list = sources.get(port) ?? [];
    if (!list.includes(where)) list.push(where);
    sources.set(port, list);
  };
  const image = imageSource(container);
  for (const p of container.imagePorts.ports) add(p, image);
  const parts = container.composeParts;
  for (const part of mergedFrom(parts, 'ports'))
    for (const p of part.ports) add(p.target, p.published ? `ports: ${p.published}:${p.target}` : 'ports');
  for (const part of mergedFrom(parts, 'expose')) for (const p of part.expose) add(p.target, 'expose');
  return [...sources.keys()]
    .sort((a, b) => a - b)
    .map((port) => ({ value: String(port), detail: sources.get(port)!.join(', ') }));
}

/** `EXPOSE in api/Dockerfile`, or `EXPOSEd by image nginx` (the table of well-known images). */
function imageSource(container: Container): string {
  const file = container.imagePorts.dockerfile;
  if (file) return `EXPOSE in ${path.relative(path.dirname(container.compose.file), file) || file}`;
  const part = [...container.composeParts].reverse().find((p) => p.build !== undefined || p.image !== undefined);
  if (part?.build) return part.build.inline ? 'EXPOSE in dockerfile_inline' : 'EXPOSE in the Dockerfile';
  return part?.image ? `EXPOSEd by image ${part.image.value}` : 'EXPOSEd by the image';
}
