// Label keys, segment by segment, from Traefik's reference schema for the project's version:
// the fields below the typed prefix, or names where the user chooses one (router, service, ...).
import type { Label } from '../compose/model';
import { normalizeName } from '../traefik/containers';
import { childKeys, lookupLabelKey, type LabelVersion } from '../schema';
import type { LabelContext } from './context';
import { docUrl, schemaForKey, typeText } from './docs';
import { NOUN, occurrences } from './names';
import type { CompletionItem } from './types';

/** Fields most labels use, first; the rest follow alphabetically. Keyed by the parent field. */
const FIRST: Record<string, string[]> = {
  '': ['traefik'],
  traefik: ['enable', 'http', 'tcp', 'udp', 'docker', 'tls'],
  http: ['routers', 'services', 'middlewares'],
  tcp: ['routers', 'services', 'middlewares'],
  udp: ['routers', 'services'],
  routers: ['rule', 'entrypoints', 'middlewares', 'service', 'tls', 'priority'],
  services: ['loadbalancer'],
  loadbalancer: ['server', 'healthcheck', 'sticky', 'passhostheader'],
  server: ['port', 'scheme', 'url'],
  tls: ['certresolver', 'options', 'domains'],
  sticky: ['cookie'],
  cookie: ['name', 'secure', 'httponly', 'samesite'],
  healthcheck: ['path', 'interval', 'timeout'],
  stripprefix: ['prefixes'],
  middlewares: ['stripprefix', 'headers', 'redirectscheme', 'basicauth', 'compress', 'ratelimit', 'chain'],
};

/** A segment that cannot be a field name, to ask the schema whether a name goes here. */
const PROBE = '0-probe-name';

export interface KeyOption {
  name: string;
  /** The segment to write (`domains[0]` for a list). */
  text: string;
  kind: 'field' | 'name';
  leaf: boolean;
  description?: string;
  detail?: string;
}

/** What may follow `prefix` in a label key of the given source. */
export function keyOptions(ctx: LabelContext, prefix: string[], version: LabelVersion): KeyOption[] {
  if (prefix.length === 0) return [{ name: 'traefik', text: 'traefik', kind: 'field', leaf: false }];
  const found = lookupLabelKey(prefix, version);
  if (found.status === 'unknown' || found.leaf) return [];
  const out: KeyOption[] = [];
  for (const child of childKeys(prefix, version)) {
    // traefik.swarm.* is read from service (deploy) labels only; on container labels unknown-label flags it.
    if (prefix.length === 1 && child.name === 'swarm' && ctx.source === 'labels') continue;
    const list = lookupLabelKey([...prefix, child.name], version).list === true;
    out.push({
      name: child.name,
      text: list ? `${child.name}[0]` : child.name,
      kind: 'field',
      leaf: child.leaf,
      description: child.description,
    });
  }
  const probe = lookupLabelKey([...prefix, PROBE], version);
  if (probe.status === 'known' && probe.path?.[probe.path.length - 1] === '*') {
    out.push(...nameOptions(ctx, prefix, probe.leaf === true));
  }
  return out;
}

const KIND_FIELDS = new Set(['routers', 'services', 'middlewares']);

/** Names at a name position: the service's own, those its routers refer to, and one derived from it. */
function nameOptions(ctx: LabelContext, prefix: string[], leaf: boolean): KeyOption[] {
  const lower = prefix.map((p) => p.toLowerCase());
  const names = new Map<string, string>();
  const add = (name: string, detail: string): void => {
    // An unclosed quote runs into the next lines: a "name" with white space is not one.
    if (name !== '' && !/[\s.]/.test(name) && !names.has(name)) names.set(name, detail);
  };
  if (lower.length === 3 && KIND_FIELDS.has(lower[2])) {
    const [, protocol, kind] = lower;
    const noun = NOUN[kind as keyof typeof NOUN];
    const all = occurrences(ctx.project).filter((o) => o.protocol === protocol && o.kind === kind);
    for (const o of all)
      if (o.role === 'declaration' && o.service.name === ctx.serviceName) add(o.name, `${noun} of this service`);
    for (const o of all) {
      if (o.role !== 'reference' || o.service.name !== ctx.serviceName || o.explicitProvider) continue;
      if (!all.some((d) => d.role === 'declaration' && d.name === o.name))
        add(o.name, `${noun} used here, not defined yet`);
    }
    if (kind !== 'middlewares') add(derivedName(ctx.serviceName), `new ${noun} named after the service`);
    else if (stripsNothing(ctx)) add(`${derivedName(ctx.serviceName)}-stripprefix`, 'new middleware for a PathPrefix');
  } else {
    // Header names, plugin names, ...: the ones already written under the same prefix.
    for (const label of ctx.service?.labels ?? []) {
      const segs = label.segments.map((s) => s.text);
      if (segs.length > prefix.length && segs.slice(0, prefix.length).join('.').toLowerCase() === lower.join('.')) {
        add(segs[prefix.length], 'used in this service');
      }
    }
  }
  return [...names].map(([name, detail]) => ({ name, text: name, kind: 'name' as const, leaf, detail }));
}

/** A router of the service routes a PathPrefix and the service defines no stripprefix middleware. */
function stripsNothing(ctx: LabelContext): boolean {
  const labels = ctx.service?.labels ?? [];
  const prefix = labels.some(
    (l) => /\.routers\.[^.]+\.rule$/i.test(l.key) && /PathPrefix\s*\(\s*[`"]\/[^`"]/i.test(l.value),
  );
  return prefix && !labels.some((l) => /^traefik\.http\.middlewares\.[^.]+\.stripprefix/i.test(l.key));
}

/** A router/service name from a compose service name: a valid label segment, as Traefik would normalise it. */
export function derivedName(serviceName: string): string {
  return normalizeName(serviceName) || 'app';
}

/** Keys already set on the service (same source), except the label being edited at `offset`. */
function existingKeys(ctx: LabelContext): Set<string> {
  const keys = new Set<string>();
  for (const l of ctx.service?.labels ?? []) {
    if (l.source !== ctx.source || within(l, ctx.offset)) continue;
    keys.add(l.key.toLowerCase());
  }
  return keys;
}

function within(label: Label, offset: number): boolean {
  return label.entryRange.start <= offset && offset <= label.entryRange.end;
}

export function completeKey(ctx: LabelContext, version: LabelVersion): CompletionItem[] {
  if (ctx.cursor.kind !== 'key') return [];
  const index = ctx.cursor.segment;
  const prefix = ctx.segments.slice(0, index).map((s) => s.text);
  const segment = ctx.segments[index];
  const last = index === ctx.segments.length - 1 && !ctx.value;
  const existing = existingKeys(ctx);
  const parent = index === 0 ? '' : prefix[prefix.length - 1].toLowerCase().replace(/\[.*$/, '');
  const order =
    FIRST[prefix.length === 4 && KIND_FIELDS.has(prefix[2]?.toLowerCase()) ? prefix[2].toLowerCase() : parent] ?? [];
  const items: CompletionItem[] = [];
  for (const option of keyOptions(ctx, prefix, version)) {
    const key = [...prefix, option.text].join('.');
    if (option.leaf && existing.has(key.toLowerCase())) continue;
    const rank = order.indexOf(option.name);
    const assign = ctx.form === 'list' ? '=' : ': ';
    // allowEmpty fields (`tls`) mostly take a value (`tls=true`): `=` first, sub-keys as a second item.
    const both = last && !option.leaf && takesValue(key, version);
    const suffix = !last ? '' : option.leaf || both ? assign : '.';
    const item = (text: string, sort: string): CompletionItem => ({
      label: option.text,
      kind: option.kind,
      detail: sort === '' ? (option.detail ?? detailOf(key, version)) : 'its sub-keys',
      documentation: option.kind === 'field' ? documentation(option.description, key, version) : undefined,
      insertText: wrapBlank(ctx, text),
      isSnippet: ctx.blank && ctx.quote !== '' ? true : undefined,
      replace: segment.range,
      sortText: `${option.kind === 'name' ? 0 : 1}${String(rank < 0 ? 99 : rank).padStart(2, '0')}${option.text}${sort}`,
      filterText: option.text,
      ...(text !== option.text ? { retrigger: true } : {}),
    });
    items.push(item(option.text + suffix, ''));
    if (both) items.push(item(`${option.text}.`, '.'));
  }
  return items;
}

/** allowEmpty fields (`tls`, `sticky.cookie`) take a value and sub-keys: leave the choice to the user. */
function takesValue(key: string, version: LabelVersion): boolean {
  const found = lookupLabelKey(key.split('.'), version);
  return found.schema !== undefined && !found.leaf;
}

function detailOf(key: string, version: LabelVersion): string | undefined {
  const found = schemaForKey(key.split('.'), version);
  return found ? typeText(found.node) : undefined;
}

function documentation(description: string | undefined, key: string, version: LabelVersion): string | undefined {
  const found = schemaForKey(key.split('.'), version);
  const link = `[Traefik ${version} documentation](${docUrl(found?.node['x-doc'], version)})`;
  return description ? `${description}\n\n${link}` : link;
}

/** On a blank line the item must bring its own `- "` (list form). */
export function wrapBlank(ctx: LabelContext, text: string): string {
  if (!ctx.blank || ctx.form !== 'list') return text;
  return ctx.quote === '' ? `- ${text}` : `- ${ctx.quote}${escapeSnippet(text)}$0${ctx.quote}`;
}

export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
