// Fixes on a whole compose service: not-enabled (traefik.enable=true), missing-port (the port
// label, one action per port the service exposes) and scale-container-name (drop container_name).
import { normalizeName } from '../../traefik/containers';
import { definitions } from '../../traefik/lookup';
import { lineStart, nextLineStart, replace } from '../edits';
import { insertLabels } from '../style';
import type { CodeAction } from '../types';
import { action, type FixContext, rewriteValue, str, textAt, traefikSource } from './common';

export function notEnabled(ctx: FixContext<'not-enabled'>): CodeAction[] {
  const { file, service, container } = ctx;
  if (!service) return [];
  const title = 'Add traefik.enable=true';
  const existing = container?.enableLabel;
  if (existing && existing.file === file.file) {
    // traefik.enable=false may be deliberate (the check then reports `enabled: false`): not preferred.
    const deliberate = ctx.finding.data?.enabled === false;
    return [action('Set traefik.enable=true', file.file, [rewriteValue(file, existing, 'true')], !deliberate)];
  }
  const edit = insertLabels(file, service, traefikSource(container), [{ key: 'traefik.enable', value: 'true' }], {
    first: true,
  });
  return [action(title, file.file, [edit], true)];
}

export function missingPort(ctx: FixContext<'missing-port'>): CodeAction[] {
  const { file, finding, service, container, project } = ctx;
  if (!service || !container) return [];
  const protocol = str(finding.data, 'protocol') ?? 'http';
  let name = str(finding.data, 'service') ?? container.traefikName;
  const def = container.definitions.find((d) => d.kind === 'services' && d.protocol === protocol && d.name === name);
  if (def?.implicit) {
    // Declaring the service under the compose name replaces Traefik's `<service>-<project>` one.
    const plain = normalizeName(service.name);
    const taken = definitions(project, protocol as 'http', 'services').some(
      (d) => d.name === plain && d.container !== container,
    );
    if (plain && !taken) name = plain;
  }
  const given: unknown[] = Array.isArray(finding.data?.ports) ? finding.data.ports : [];
  const ports = given.filter((p): p is number => typeof p === 'number');
  const guessed = ports.length === 0 ? environmentPorts(textAt(file, service.range)) : [];
  const source = traefikSource(container);
  const own = service.labels.filter(
    (l) => l.source === source && l.segments[2]?.text.toLowerCase() === 'services' && l.segments[3]?.text === name,
  );
  const after = own[own.length - 1];
  const key = `traefik.${protocol}.services.${name}.loadbalancer.server.port`;
  const make = (port: number, why: string): CodeAction => {
    const edit = insertLabels(
      file,
      service,
      source,
      [{ key, value: String(port) }],
      after ? { after } : { last: true },
    );
    return action(`Add ${key}=${port}${why}`, file.file, [edit], ports.length === 1);
  };
  return [...ports.map((p) => make(p, '')), ...guessed.map((g) => make(g.port, ` (from environment ${g.variable})`))];
}

/** `PORT: 8082`, `SERVER_PORT=8081`: the port an app is told to listen on, when nothing is exposed. */
function environmentPorts(text: string): { variable: string; port: number }[] {
  const out: { variable: string; port: number }[] = [];
  const re = /^[ \t]*(?:-[ \t]*)?["']?([A-Z0-9_]*PORT)["']?[ \t]*[:=][ \t]*["']?(\d{2,5})["']?[ \t]*$/gm;
  for (const m of text.matchAll(re)) {
    const port = Number(m[2]);
    if (port > 0 && port < 65536 && !out.some((o) => o.port === port)) out.push({ variable: m[1], port });
  }
  return out;
}

export function scaleContainerName(ctx: FixContext<'scale-container-name'>): CodeAction[] {
  const { file, finding } = ctx;
  const start = lineStart(file.text, finding.range.start);
  const end = nextLineStart(file.text, finding.range.end);
  if (!/^[ \t]*container_name[ \t]*:/.test(file.text.slice(start, end))) return [];
  return [action('Remove container_name', file.file, [replace({ start, end }, '')], true)];
}

/** dashboard-loop: the router's service becomes api@internal (its `service` label rewritten, or one added after its labels). */
export function dashboardLoop(ctx: FixContext<'dashboard-loop'>): CodeAction[] {
  const { file, finding, service, container } = ctx;
  const name = str(finding.data, 'router');
  const router = container?.definitions.find((d) => d.kind === 'routers' && d.protocol === 'http' && d.name === name);
  if (!service || !container || !router) return [];
  const key = `traefik.http.routers.${router.name}.service`;
  const title = `Set ${key}=api@internal`;
  const existing = router.fields.get('service');
  if (existing) {
    if (existing.file !== file.file) return [];
    return [action(title, file.file, [rewriteValue(file, existing, 'api@internal')], true)];
  }
  const own = service.labels.filter((l) => router.labels.includes(l));
  const after = own[own.length - 1];
  const edit = insertLabels(
    file,
    service,
    traefikSource(container),
    [{ key, value: 'api@internal' }],
    after ? { after } : { last: true },
  );
  return [action(title, file.file, [edit], true)];
}
