// "Add Service to Gateway": the labels that put a compose service behind Traefik on a path
// prefix, with every name derived once from the service name (router and service `<svc>`,
// middleware `<svc>-stripprefix`), written in the file's style. A new service gets a whole block.
import type { ComposeFile, ComposeService, Label } from '../compose/model';
import type { Project } from '../project';
import { isTraefikKey } from '../traefik/containers';
import { listItems } from '../traefik/values';
import { composeFile, containerOf } from './context';
import { contentLineEnd, eolOf, indentOf, insert, lineEnd, lineStart, nextLineStart, replace } from './edits';
import { rewriteValue, traefikSource } from './fixes/common';
import { gatewayRequestProblem, type GatewayRequest } from './gatewayRequest';
import { derivedName } from './keys';
import { occurrences } from './names';
import { bodyIndent, insertLabels, type NewLabel, renderLabel, styleOf } from './style';
import type { TextEdit } from './types';

export { gatewayRequestProblem, type GatewayRequest } from './gatewayRequest';

/** The edits to `file`; throws when gatewayRequestProblem reports a problem. */
export function addServiceToGateway(project: Project, file: string, request: GatewayRequest): TextEdit[] {
  const problem = gatewayRequestProblem(request);
  if (problem) throw new Error(problem);
  const compose = composeFile(project, file);
  if (!compose) throw new Error(`${file} is not a compose file of this project.`);
  const service = compose.services.find((s) => s.name === request.service);
  const name = routedName(project, request.service);
  return service
    ? existingService(project, compose, service, name, request)
    : newService(project, compose, name, request);
}

/** The base of the router, service and middleware names Add Service gives a compose service. */
export function routedName(project: Project, service: string): string {
  return freeBase(project, derivedName(service), service);
}

/** A base name whose router, service and middleware no other compose service declares. */
function freeBase(project: Project, base: string, owner: string): string {
  const taken = new Set(
    occurrences(project)
      .filter((o) => o.role !== 'reference' && o.protocol === 'http' && o.service.name !== owner)
      .map((o) => `${o.kind}:${o.name}`),
  );
  const free = (b: string): boolean =>
    !taken.has(`routers:${b}`) && !taken.has(`services:${b}`) && !taken.has(`middlewares:${b}-stripprefix`);
  if (free(base)) return base;
  for (let i = 2; ; i++) if (free(`${base}-${i}`)) return `${base}-${i}`;
}

function labelsFor(name: string, request: GatewayRequest, explicitService: boolean): NewLabel[] {
  const router = `traefik.http.routers.${name}`;
  const strip = request.strip && request.pathPrefix !== '/';
  const middleware = `${name}-stripprefix`;
  const out: NewLabel[] = [
    { key: 'traefik.enable', value: 'true' },
    { key: `${router}.rule`, value: `PathPrefix(\`${request.pathPrefix}\`)` },
    { key: `${router}.entrypoints`, value: request.entrypoint },
  ];
  if (request.tls) out.push({ key: `${router}.tls`, value: 'true' });
  if (strip) out.push({ key: `${router}.middlewares`, value: middleware });
  if (explicitService) out.push({ key: `${router}.service`, value: name });
  if (strip)
    out.push({ key: `traefik.http.middlewares.${middleware}.stripprefix.prefixes`, value: request.pathPrefix });
  out.push({ key: `traefik.http.services.${name}.loadbalancer.server.port`, value: String(request.port) });
  return out;
}

function existingService(
  project: Project,
  file: ComposeFile,
  service: ComposeService,
  name: string,
  request: GatewayRequest,
): TextEdit[] {
  const container = containerOf(project, service);
  const source = traefikSource(container);
  const others = (container?.definitions ?? []).filter(
    (d) => d.kind === 'services' && d.protocol === 'http' && !d.implicit && d.name !== name,
  );
  const labels = service.labels.filter((l) => l.source === source);
  const byKey = new Map<string, Label>(labels.map((l) => [l.key.toLowerCase(), l]));
  const edits: TextEdit[] = [];
  const added: NewLabel[] = [];
  for (const label of labelsFor(name, request, others.length > 0)) {
    const existing = byKey.get(label.key.toLowerCase());
    if (!existing) added.push(label);
    else if (existing.key.endsWith('.middlewares')) {
      const items = listItems(existing).map((i) => i.value);
      if (!items.includes(label.value))
        edits.push(
          existing.value.trim() === ''
            ? rewriteValue(file, existing, label.value)
            : rewriteValue(file, existing, `${existing.value},${label.value}`),
        );
    } else if (existing.value.trim() !== label.value) edits.push(rewriteValue(file, existing, label.value));
  }
  if (added.length > 0) {
    const enable = added[0].key === 'traefik.enable' && labels.length > 0 ? [added.shift()!] : [];
    if (enable.length > 0) edits.push(insertLabels(file, service, source, enable, { first: true }));
    if (added.length > 0) edits.push(insertLabels(file, service, source, added, { last: true }));
  }
  edits.push(...replicaEdits(file, service, request.replicas));
  return edits;
}

/** deploy.replicas set (or added), and container_name removed when more than one replica must run. */
function replicaEdits(file: ComposeFile, service: ComposeService, replicas: number | undefined): TextEdit[] {
  if (replicas === undefined) return [];
  const text = file.text;
  const eol = eolOf(text);
  const edits: TextEdit[] = [];
  if (service.replicas) {
    if (service.replicas.value !== String(replicas)) edits.push(replace(service.replicas.range, String(replicas)));
  } else if (replicas > 1) {
    const { body, unit } = bodyIndent(text, service);
    const from = nextLineStart(text, service.nameRange.end);
    const to = contentLineEnd(text, service.range.end);
    const deploy = new RegExp(`^${body}deploy[ \\t]*:[ \\t]*(#.*)?\\r?$`, 'm').exec(text.slice(from, to));
    if (deploy) edits.push(insert(lineEnd(text, from + deploy.index), `${eol}${body}${unit}replicas: ${replicas}`));
    else edits.push(insert(to, `${eol}${body}deploy:${eol}${body}${unit}replicas: ${replicas}`));
  }
  if (service.containerName && replicas > 1) {
    const start = lineStart(text, service.containerName.range.start);
    edits.push(replace({ start, end: nextLineStart(text, service.containerName.range.end) }, ''));
  }
  return edits;
}

/** A new service's block in the file's style: its lines (each with its indentation) and the image or build line. */
export function newServiceLines(
  project: Project,
  file: ComposeFile,
  name: string,
  request: GatewayRequest,
): { lines: string[]; source: string; indent: string } {
  const text = file.text;
  const first = file.services[0];
  const indent = first ? indentOf(text, first.nameRange.start) : '  ';
  const unit = first ? bodyIndent(text, first).unit : '  ';
  const body = indent + unit;
  const style = styleOf(file, undefined, 'labels');
  // The file's convention: `build: ./<name>` when its routed services are built from their folder.
  const source = buildsFromFolders(file)
    ? `${body}build: ./${request.service}`
    : `${body}image: ${request.service}:latest`;
  const lines = [`${indent}${request.service}:`, source];
  const network = sharedNetwork(project);
  if (network) lines.push(`${body}networks:`, `${body}${unit}- ${network}`);
  if (request.replicas !== undefined && request.replicas > 1)
    lines.push(`${body}deploy:`, `${body}${unit}replicas: ${request.replicas}`);
  lines.push(`${body}labels:`);
  for (const label of labelsFor(name, request, false)) {
    lines.push(`${body}${unit}${style.form === 'list' ? '- ' : ''}${renderLabel(label, style)}`);
  }
  return { lines, source, indent };
}

function newService(project: Project, file: ComposeFile, name: string, request: GatewayRequest): TextEdit[] {
  const text = file.text;
  const eol = eolOf(text);
  const services = [...file.services].sort((a, b) => a.range.end - b.range.end);
  const { lines, source } = newServiceLines(project, file, name, request);
  const last = services[services.length - 1];
  const header = /^services[ \t]*:[ \t]*(#.*)?\r?$/m.exec(text);
  let at: number;
  let block: string;
  if (last) {
    at = contentLineEnd(text, last.range.end);
    block = eol + (blankBetweenServices(text, file.services) ? eol : '') + lines.join(eol);
  } else if (header) {
    at = lineEnd(text, header.index);
    block = eol + lines.join(eol);
  } else {
    at = text.length;
    block = `${text === '' || text.endsWith('\n') ? '' : eol}services:${eol}${lines.join(eol)}${eol}`;
  }
  // The image or build folder is a guess: the cursor goes there.
  const from = block.indexOf(source);
  return [{ ...insert(at, block), select: { start: from + source.indexOf(':') + 2, end: from + source.length } }];
}

/** Whether most routed services of the file say `build: ./<their name>` rather than `image:`. */
function buildsFromFolders(file: ComposeFile): boolean {
  const routed = file.services.filter((s) => s.labels.some((l) => isTraefikKey(l.key)));
  const own = (s: ComposeService): boolean =>
    s.build?.context?.value.replace(/^\.\//, '').replace(/\/$/, '') === s.name;
  const built = routed.filter(own).length;
  return built > 0 && built * 2 >= routed.length;
}

/** Whether the file separates its services with a blank line. */
function blankBetweenServices(text: string, services: ComposeService[]): boolean {
  if (services.length < 2) return false;
  const [a, b] = [...services].sort((x, y) => x.range.start - y.range.start);
  return /\n[ \t]*\r?\n/.test(text.slice(contentLineEnd(text, a.range.end), b.nameRange.start));
}

/** The network every routed service (and so Traefik) is on, when they share one. */
function sharedNetwork(project: Project): string | undefined {
  const routed = project.containers.filter((c) => c.enabled && c.labels.some((l) => isTraefikKey(l.key)));
  if (routed.length === 0) return undefined;
  let shared: string[] | undefined;
  for (const c of routed) {
    const names = c.compose.networks.map((n) => n.value);
    shared = shared ? shared.filter((n) => names.includes(n)) : names;
  }
  return shared?.[0];
}
