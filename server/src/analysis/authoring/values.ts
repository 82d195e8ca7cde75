// Label values: entry points, middleware and service names, matchers inside rules, booleans and
// enums from the schema, the compose service's ports, networks, and values used elsewhere.
import { entryPointProtocol } from '../checks/undefined-entrypoint';
import { basename } from 'path';
import { droppedContainers } from '../route/unloaded';
import { lookupLabelKey, type LabelSchema, type LabelVersion } from '../schema';
import { definitions } from '../traefik/lookup';
import type { Kind, Protocol } from '../traefik/model';
import type { Range } from '../types';
import { readFiles, type LabelContext } from './context';
import { schemaAt } from './docs';
import { matchers, ruleSyntaxOf } from './matchers';
import { occurrences } from './names';
import { portCandidates } from './ports';
import { ruleArgItems } from './ruleArgs';
import type { CompletionItem } from './types';

/** Services Traefik builds itself (pkg/server/service/internalhandler.go). */
const INTERNAL_SERVICES = ['api', 'dashboard', 'ping', 'prometheus', 'noop'];

interface Candidate {
  value: string;
  detail?: string;
}

export function completeValue(ctx: LabelContext, version: LabelVersion): CompletionItem[] {
  const value = ctx.value;
  if (!value || ctx.cursor.kind !== 'value') return [];
  const texts = ctx.segments.map((s) => s.text);
  const found = lookupLabelKey(texts, version);
  if (found.status !== 'known' || !found.path) return [];
  const path = found.path.join('.');
  const protocol = found.path[1] as Protocol;
  const node = schemaAt(found.path, version);
  if (/^traefik\.(http|tcp)\.routers\.\*\.rule$/.test(path)) return ruleItems(ctx, protocol, texts[3]);
  const list = node?.['x-type'] === 'list';
  const item = listItemAt(list ? value.text : value.text.replace(/,/g, ' '), value.range.start, ctx.offset);
  const taken = list ? otherItems(value.text, value.range.start, item) : [];
  const candidates = candidatesFor(ctx, path, protocol, node).filter((c) => !taken.includes(c.value));
  return candidates.map((c, i) => ({
    label: c.value,
    kind: 'value' as const,
    detail: c.detail,
    insertText: (ctx.valueNeedsSpace ? ' ' : '') + c.value,
    replace: item,
    sortText: String(i).padStart(4, '0'),
    filterText: c.value,
  }));
}

function candidatesFor(
  ctx: LabelContext,
  path: string,
  protocol: Protocol,
  node: LabelSchema | undefined,
): Candidate[] {
  const provider = ctx.container?.provider ?? 'docker';
  if (/^traefik\.(http|tcp|udp)\.routers\.\*\.entrypoints$/.test(path)) return entryPoints(ctx, protocol);
  if (/^traefik\.(http|tcp)\.(routers\.\*|middlewares\.\*\.chain)\.middlewares$/.test(path)) {
    return names(ctx, protocol, 'middlewares', provider, ctx.project.options.externalMiddlewares ?? []);
  }
  if (/^traefik\.(http|tcp|udp)\.routers\.\*\.service$/.test(path)) {
    const internal = protocol === 'http' ? INTERNAL_SERVICES.map((n) => `${n}@internal`) : [];
    return names(ctx, protocol, 'services', provider, [...(ctx.project.options.externalServices ?? []), ...internal]);
  }
  if (/\.loadbalancer\.server\.port$/.test(path)) {
    return portCandidates(ctx.container);
  }
  if (/\.tls\.certresolver$/.test(path)) return certResolvers(ctx, path);
  if (/^traefik\.(docker|swarm)\.network$/.test(path)) return networks(ctx);
  if (/^traefik\.http\.routers\.\*\.rulesyntax$/.test(path)) return [{ value: 'v3' }, { value: 'v2' }];
  if (/^traefik\.http\.middlewares\.\*\.stripprefix\.prefixes$/.test(path)) return pathPrefixes(ctx);
  const type = node?.['x-type'] ?? node?.['x-value']?.['x-type'];
  if (type === 'bool' || type === 'enable') return [{ value: 'true' }, { value: 'false' }];
  const values = node?.enum ?? node?.['x-enum'] ?? node?.['x-value']?.enum;
  if (values) return values.map((v) => ({ value: v }));
  return usedElsewhere(ctx, path);
}

/** Entry points of the static configuration (UDP ones for UDP routers); when unknown, those other routers use. */
function entryPoints(ctx: LabelContext, protocol: Protocol): Candidate[] {
  const config = ctx.project.staticConfig;
  if (config.entryPointsKnown) {
    const wanted = protocol === 'udp' ? 'udp' : 'tcp';
    return [...config.entryPoints.values()]
      .filter((e) => entryPointProtocol(e) === wanted)
      .map((e) => ({
        value: e.name,
        detail: e.address ? `entry point ${e.address}` : 'entry point',
      }));
  }
  return usedElsewhere(ctx, 'traefik.http.routers.*.entrypoints', true);
}

function names(ctx: LabelContext, protocol: Protocol, kind: Kind, provider: string, extra: string[]): Candidate[] {
  const out = new Map<string, Candidate>();
  const dropped = kind === 'services' ? droppedContainers(ctx.project) : undefined;
  const maybe: Candidate[] = [];
  for (const def of definitions(ctx.project, protocol, kind)) {
    const value = def.container.provider === provider ? def.name : `${def.name}@${def.container.provider}`;
    if (out.has(value)) continue;
    // A service Traefik does not load is not offered; one that something out of view may load is, marked.
    const unloaded = dropped?.get(def.container.compose.name);
    if (dropped && (!def.container.enabled || unloaded)) {
      if (unloaded?.unless && !maybe.some((m) => m.value === value))
        maybe.push({ value, detail: `may not load: ${unloaded.reason} (${unloaded.code}) unless ${unloaded.unless}` });
      continue;
    }
    const type = kind === 'middlewares' ? [...def.fields.keys()][0]?.split('.')[0] : undefined;
    const where = def.implicit
      ? `created by Traefik for ${def.container.compose.name}`
      : `on ${def.container.compose.name}`;
    out.set(value, { value, detail: type ? `${type} ${where}` : where });
  }
  // Names of other providers the project already refers to (`auth@file`).
  for (const o of occurrences(ctx.project)) {
    if (o.role === 'reference' && o.kind === kind && o.protocol === protocol && o.explicitProvider) {
      const value = `${o.name}@${o.provider}`;
      if (o.provider !== provider && !out.has(value)) out.set(value, { value, detail: `provider ${o.provider}` });
    }
  }
  for (const value of extra) if (!out.has(value)) out.set(value, { value, detail: 'outside this project' });
  return [...out.values(), ...maybe.filter((m) => !out.has(m.value))];
}

/** The static configuration's certificate resolvers; when it is not known, those other routers name. */
function certResolvers(ctx: LabelContext, path: string): Candidate[] {
  const resolvers = ctx.project.staticConfig.certResolvers;
  if (!resolvers) return usedElsewhere(ctx, path);
  return [...resolvers.values()].map((r) => ({
    value: r.name,
    detail: `certificate resolver${r.challenge ? ` (${r.challenge})` : ''}${r.origin ? ` in ${basename(r.origin.file)}` : ''}`,
  }));
}

/** The Docker network names (compose prefixes a network key with the project name unless it has `name:`). */
function networks(ctx: LabelContext): Candidate[] {
  const declared = new Map(ctx.file.networks.map((n) => [n.key, n.name]));
  return (ctx.service?.networks ?? []).map((n) => ({
    value: declared.get(n.value) ?? `${ctx.project.name}_${n.value}`,
    detail: `network ${n.value}`,
  }));
}

/** PathPrefix arguments of the service's routers: what a stripprefix usually removes. */
function pathPrefixes(ctx: LabelContext): Candidate[] {
  const out = new Set<string>();
  for (const label of ctx.service?.labels ?? []) {
    if (!/\.routers\.[^.]+\.rule$/i.test(label.key)) continue;
    for (const m of label.value.matchAll(/PathPrefix\s*\(\s*[`"]([^`"]+)[`"]/gi)) if (m[1] !== '/') out.add(m[1]);
  }
  return [...out].map((value) => ({ value, detail: 'PathPrefix of a router here' }));
}

/** Distinct values other labels with the same field use across the project. */
function usedElsewhere(ctx: LabelContext, path: string, split = false): Candidate[] {
  const out = new Set<string>();
  for (const file of readFiles(ctx.project)) {
    for (const service of file.services) {
      for (const label of service.labels) {
        if (label.interpolated || (label.valueRange.start <= ctx.offset && ctx.offset <= label.valueRange.end))
          continue;
        const found = ctx.project.derived.labelKeys.lookup(
          label.segments.map((s) => s.text),
          ctx.project.version,
        );
        if (found.path?.join('.') !== path) continue;
        const values = split ? label.value.split(',').map((v) => v.trim()) : [label.value.trim()];
        for (const v of values) if (v !== '') out.add(v);
      }
    }
  }
  return [...out].map((value) => ({ value, detail: 'used elsewhere in this project' }));
}

/** The comma-separated item of a list value around the cursor, blanks trimmed. */
export function listItemAt(text: string, start: number, offset: number): Range {
  const at = offset - start;
  let from = text.lastIndexOf(',', at - 1) + 1;
  let to = text.indexOf(',', at);
  if (to < 0) to = text.length;
  while (from < at && (text[from] === ' ' || text[from] === '\t')) from++;
  while (to > at && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
  return { start: start + from, end: start + to };
}

function otherItems(text: string, start: number, item: Range): string[] {
  const out: string[] = [];
  let from = 0;
  for (const part of text.split(',')) {
    const s = start + from;
    if (s + part.length < item.start || s > item.end) out.push(part.trim());
    from += part.length + 1;
  }
  return out.filter((p) => p !== '');
}

/** Matchers where an operand goes (start, after `(`, `!`, `&&`, `||`); nothing inside a string. */
function ruleItems(ctx: LabelContext, protocol: Protocol, routerName: string | undefined): CompletionItem[] {
  const value = ctx.value!;
  const before = value.text.slice(0, ctx.offset - value.range.start);
  const open = openString(before);
  if (open >= 0 || /\(\s*$/.test(before)) {
    const args = ruleArgItems(ctx, protocol, routerName, open >= 0 ? value.range.start + open : -1);
    if (args || open >= 0) return args ?? [];
  }
  const word = /[A-Za-z]*$/.exec(before)![0];
  const after = /^[A-Za-z]*/.exec(value.text.slice(ctx.offset - value.range.start))![0];
  const previous = before.slice(0, before.length - word.length).trimEnd();
  if (previous !== '' && !/(\(|!|&&|\|\|)$/.test(previous)) return [];
  const replace = { start: ctx.offset - word.length, end: ctx.offset + after.length };
  const rest = value.text.slice(replace.end - value.range.start);
  const called = /^\s*\(/.test(rest);
  const router = ctx.container?.definitions.find((d) => d.kind === 'routers' && d.name === routerName);
  const syntax = ruleSyntaxOf(ctx.project, router);
  const lead = ctx.valueNeedsSpace && before === '' ? ' ' : '';
  return matchers(protocol, syntax).map((m, i) => ({
    label: m.name,
    kind: 'matcher' as const,
    detail: `${syntax} rule matcher`,
    documentation: m.phrase.replace(/\{[0-9*]\}/g, '…'),
    insertText: lead + (called ? m.name : `${m.name}${m.args}`),
    ...(called ? {} : { isSnippet: true }),
    replace,
    sortText: String(i).padStart(4, '0'),
    filterText: m.name,
  }));
}

/** Index of the quote that opens the string the text ends in, or -1 outside a string. */
function openString(before: string): number {
  let quote = -1;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote < 0) {
      if (c === '`' || c === '"') quote = i;
    } else if (c === '\\' && before[quote] === '"') i++;
    else if (c === before[quote]) quote = -1;
  }
  return quote;
}
