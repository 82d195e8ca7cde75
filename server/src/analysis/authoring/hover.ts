// Hover: what a label key segment means (schema text, type, Traefik's page for the version),
// where a router/service/middleware name is defined and used, and what a rule matches.
import * as path from 'path';
import type { Label } from '../compose/model';
import type { Project } from '../project';
import { lookupKeyPrefix } from '../schema';
import type { Definition } from '../traefik/model';
import { routerEntryPoints, routerPriority } from '../traefik/routing';
import { listItems } from '../traefik/values';
import { mayMeet, type Routed } from '../route/routers';
import { overlap } from '../rules';
import { composeFile, containerOf, readFiles } from './context';
import { docUrl, schemaAt, typeText } from './docs';
import { describeRule, ruleSyntaxOf } from './matchers';
import { codeSpan, escapeMarkdown } from './markdown';
import { NOUN, occurrenceAt, occurrencesOf, type AnyOccurrence } from './names';
import { certResolverText, entryPointText } from './staticHover';
import type { Hover } from './types';

export function hover(project: Project, file: string, offset: number): Hover | undefined {
  const name = occurrenceAt(project, file, offset);
  if (name) return nameHover(project, name);
  const compose = composeFile(project, file);
  const label = compose?.services
    .flatMap((s) => s.labels)
    .find((l) => l.entryRange.start <= offset && offset <= l.entryRange.end);
  if (!label) return undefined;
  const service = compose?.services.find((s) => s.labels.includes(label));
  // A list item set again later is dropped by compose: the hover describes the value that counts.
  const winner = [...(service?.labels ?? [])]
    .reverse()
    .find((l) => l.form === 'list' && l.source === label.source && l.key === label.key);
  if (label.form === 'list' && winner && winner !== label) {
    const note = `Set again below: compose keeps \`${winner.value}\`, so Traefik never sees this value.`;
    const about = valueHover(project, winner, winner.valueRange.start);
    return { markdown: about ? `${note}\n\n${about.markdown}` : note, range: label.entryRange };
  }
  if (offset >= label.keyRange.start && offset <= label.keyRange.end) return keyHover(project, label, offset);
  if (offset >= label.valueRange.start && offset <= label.valueRange.end) return valueHover(project, label, offset);
  return undefined;
}

/** Traefik's own services (pkg/server/service/internalhandler.go InternalHandlers.get). */
const INTERNAL: Record<string, string> = {
  api: "Traefik's API (`/api/...`) and, with `api.dashboard`, the dashboard; needs `api` in the static configuration.",
  dashboard: "Traefik's dashboard (`/dashboard/`); needs `api.dashboard` in the static configuration.",
  rest: 'The REST provider: accepts dynamic configuration over HTTP (`providers.rest`).',
  ping: "Traefik's health check (`/ping`), answering 200 while Traefik runs (`ping` in the static configuration).",
  prometheus: "Traefik's Prometheus metrics (`/metrics`, `metrics.prometheus` in the static configuration).",
  noop: 'A service that does nothing: answers every request with an empty response.',
  'acme-http': 'The ACME HTTP-01 challenge handler (`certificatesResolvers.<name>.acme.httpChallenge`).',
};

/** The first segment: the label family Traefik's docker provider reads. */
const TRAEFIK_ROOT =
  "Traefik's docker provider reads the labels of a container that start with `traefik.`: `traefik.enable`, routers, services and middlewares under `traefik.http`, `traefik.tcp` and `traefik.udp`, `traefik.tls` and `traefik.docker`.";

function keyHover(project: Project, label: Label, offset: number): Hover | undefined {
  let index = 0;
  for (let i = 0; i < label.segments.length; i++) if (offset >= label.segments[i].range.start) index = i;
  const segments = label.segments.slice(0, index + 1).map((s) => s.text);
  const version = project.version;
  const found = lookupKeyPrefix(
    label.segments.map((s) => s.text),
    index + 1,
    version,
  );
  const key = codeSpan(segments.join('.'));
  if (index === 0 && segments[0] === 'traefik') {
    const link = `[Traefik ${version} documentation](${docUrl(undefined, version)})`;
    return {
      markdown: `${key}\n\n${TRAEFIK_ROOT}\n\n${link}\n\n${versionNote(project)}`,
      range: label.segments[0].range,
    };
  }
  if (found.status !== 'known' || !found.path) {
    const why =
      found.note ??
      (found.status === 'ignored' ? 'Traefik does not read this label.' : `Not a Traefik ${version} label key.`);
    return { markdown: `${key}\n\n${why}`, range: label.segments[index].range };
  }
  const node = schemaAt(found.path, version);
  const parts = [key];
  if (found.path[found.path.length - 1] === '*') {
    const owner = schemaAt(found.path.slice(0, -1), version);
    parts.push(`A name you choose${owner?.['x-name'] ? ` (${owner['x-name']})` : ''}.`);
  }
  if (node?.description) parts.push(node.description);
  const type = node ? typeText(node) : undefined;
  if (type) parts.push(`Type: ${type}`);
  parts.push(`[Traefik ${version} documentation](${docUrl(node?.['x-doc'], version)})`);
  parts.push(versionNote(project));
  return { markdown: parts.join('\n\n'), range: label.exact ? label.segments[index].range : label.keyRange };
}

function valueHover(project: Project, label: Label, offset: number): Hover | undefined {
  const segs = label.segments.map((s) => s.text.toLowerCase());
  if (segs.length === 5 && segs[0] === 'traefik' && segs[2] === 'routers' && segs[4] === 'rule') {
    return ruleHover(project, label);
  }
  if (segs.length === 5 && segs[2] === 'routers' && segs[4] === 'entrypoints') {
    const item = listItems(label).find((i) => i.range.start <= offset && offset <= i.range.end);
    if (!item || item.value === '') return undefined;
    return { markdown: entryPointText(project, item.value), range: item.range };
  }
  if (segs.length === 6 && segs[2] === 'routers' && segs[4] === 'tls' && segs[5] === 'certresolver') {
    const name = label.value.trim();
    if (name === '' || label.interpolated) return undefined;
    return { markdown: certResolverText(project, name), range: label.valueRange };
  }
  return undefined;
}

function ruleHover(project: Project, label: Label): Hover {
  const protocol = label.segments[1].text.toLowerCase();
  const name = label.segments[3].text;
  const service = readFiles(project)
    .flatMap((f) => f.services)
    .find((s) => s.labels.includes(label));
  const container = containerOf(project, service);
  const router = container?.definitions.find((d) => d.kind === 'routers' && d.protocol === protocol && d.name === name);
  const syntax = ruleSyntaxOf(project, router);
  const parts = [`**router** ${codeSpan(name)} matches when ${describeRule(label.value, protocol, syntax)}`];
  if (router && protocol === 'http') {
    const explicit = router.fields.get('priority')?.value.trim();
    const priority = routerPriority(router);
    parts.push(
      explicit && /^[+-]?\d+$/.test(explicit) && Number(explicit) !== 0
        ? `Priority **${priority}** (its \`priority\` label).`
        : `Priority **${priority}**: the length of the rule, Traefik's default when no \`priority\` is set. Higher priorities are tried first.`,
    );
    const entryPoints = routerEntryPoints(project, router);
    if (entryPoints) parts.push(`Entry points: ${entryPoints.map(codeSpan).join(', ') || 'none'}`);
    const rivals = competitors(project, router);
    if (rivals) parts.push(rivals);
  }
  parts.push(`Rule syntax: ${syntax}`);
  parts.push(versionNote(project));
  return { markdown: parts.join('\n\n'), range: label.valueRange };
}

/** Which Traefik version the project is judged for, and why (traefik/version.ts). */
export function versionNote(project: Project): string {
  const { assumed, source, why } = project.versionFact;
  if (source === 'unknown')
    return `Traefik version unknown (${escapeMarkdown(why)}): judged as ${assumed}; what only ${assumed} rejects is a warning.`;
  return `Judged for Traefik ${assumed}: ${escapeMarkdown(why)}.`;
}

const MAX_SHOWN = 8;

/**
 * The routers of the same muxer that match some request this one matches (proven with a checked
 * example request), in the order Traefik tries them.
 */
function competitors(project: Project, router: Definition): string | undefined {
  const meets = mayMeet(project);
  const self = [...meets.keys()].find((r) => r.router === router);
  if (!self) return undefined;
  const rivals = (meets.get(self) ?? [])
    .filter(
      (o) =>
        overlap(project.derived.matchers, { tree: self.tree, syntax: self.syntax }, { tree: o.tree, syntax: o.syntax })
          .result === 'yes',
    )
    .sort((a, b) => b.priority - a.priority);
  if (rivals.length === 0) return 'No other router matches any of its requests.';
  const line = (o: Routed): string => {
    const order =
      o.priority > self.priority
        ? 'tried first'
        : o.priority < self.priority
          ? 'tried after it'
          : '**tie**: order undefined';
    return `- ${codeSpan(o.fullName)} priority ${o.priority}, ${order}`;
  };
  const more = rivals.length > MAX_SHOWN ? [`- … and ${rivals.length - MAX_SHOWN} more`] : [];
  return ['Competes for some requests with:', ...rivals.slice(0, MAX_SHOWN).map(line), ...more].join('\n');
}

/** Routers without `service` that Traefik links to their container's only service. */
function linkedRouters(project: Project, service: AnyOccurrence): Definition[] {
  const out: Definition[] = [];
  for (const c of project.containers) {
    const own = c.definitions.filter((d) => d.kind === 'services' && d.protocol === service.protocol);
    if (own.length !== 1 || own[0].name !== service.name || c.provider !== service.provider) continue;
    for (const d of c.definitions) {
      if (d.kind === 'routers' && d.protocol === service.protocol && !d.fields.has('service')) out.push(d);
    }
  }
  return out;
}

/**
 * Whether the provider the name lives in is in view: the labels' own provider (a file's
 * reference to `x@docker` too), or the file provider once its files were read.
 */
function inView(project: Project, at: AnyOccurrence): boolean {
  if (at.provider === 'file') return project.fileProvider.state === 'read';
  if (!at.service) return at.provider === 'docker' || at.provider === 'swarm';
  return at.provider === (containerOf(project, at.service)?.provider ?? 'docker');
}

function nameHover(project: Project, at: AnyOccurrence): Hover {
  const noun = NOUN[at.kind];
  const title = `**${at.protocol} ${noun}** ${codeSpan(at.provider === 'file' ? `${at.name}@file` : at.name)}`;
  if (!inView(project, at)) {
    const where =
      at.provider === 'internal'
        ? `${(at.kind === 'services' && INTERNAL[at.name]) || 'Built into Traefik.'} Provider \`internal\`: no label defines it.`
        : at.provider === 'file'
          ? `Defined by Traefik's file provider, whose files are not in view${project.fileProvider.note ? ` (${escapeMarkdown(project.fileProvider.note)})` : ''}: Gateway Lens cannot see it.`
          : `Defined by Traefik's ${codeSpan(at.provider)} provider, outside the compose files: Gateway Lens cannot see it.`;
    return { markdown: `${title}\n\n${where}`, range: at.range };
  }
  const all = occurrencesOf(project, at);
  const defined = new Map<string, string>();
  for (const o of all) {
    if (o.role === 'reference') continue;
    const where = o.service
      ? `${codeSpan(o.service.name)} (${escapeMarkdown(path.basename(o.file))})`
      : `${escapeMarkdown(path.basename(o.file))} (file provider)`;
    defined.set(where, o.role === 'implicit' ? `${where}, created by Traefik (no ${noun} label)` : where);
  }
  const used = new Map<string, string>();
  for (const o of all) {
    if (o.role !== 'reference') continue;
    if (!o.service) {
      const by = o.in.kind === 'middlewares' ? 'chain' : 'router';
      used.set(
        `${by} ${o.in.name}@file`,
        `${by} ${codeSpan(`${o.in.name}@file`)} in ${escapeMarkdown(path.basename(o.file))}`,
      );
      continue;
    }
    if (!o.label) continue;
    const owner = o.label.segments[3]?.text ?? '';
    const by = o.label.segments[2]?.text.toLowerCase() === 'middlewares' ? 'chain' : 'router';
    used.set(`${by} ${owner}`, `${by} ${codeSpan(owner)} on ${codeSpan(o.service.name)}`);
  }
  if (at.kind === 'services') {
    for (const router of linkedRouters(project, at)) {
      used.set(
        `router ${router.name}`,
        `router ${codeSpan(router.name)} on ${codeSpan(router.container.compose.name)} (its only service)`,
      );
    }
  }
  const parts = [title];
  parts.push(defined.size > 0 ? `Defined on ${[...defined.values()].join(', ')}.` : `Not defined in this project.`);
  if (at.kind !== 'routers')
    parts.push(used.size > 0 ? `Used by ${[...used.values()].join(', ')}.` : 'Not used by any router.');
  return { markdown: parts.join('\n\n'), range: at.range };
}
