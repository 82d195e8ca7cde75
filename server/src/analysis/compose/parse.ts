// Compose text -> ComposeFile. Services are parsed one by one from their own slice of the
// text and cached, so an edit re-parses only the service it touches: a chunk the re-split
// found unchanged takes its entry by position, any other chunk looks for an identical slice.
import { isMap, isPair, isScalar, LineCounter, Node, Pair, parseDocument, type Document } from 'yaml';
import { anchorUses } from './anchors';
import type { Range } from '../types';
import type { ComposeFile, ComposeService, YamlProblem } from './model';
import { AliasBudget, EXCESSIVE_ALIASING, ExcessiveAliasing } from './aliases';
import { readService, scalar } from './service';
import { topLevelProblems } from './spec';
import { serviceRanges, shiftRanges } from './shift';
import { readPlainYaml } from './fastRead';
import { requiredTemplates } from './templates';
import { OPTIONS, ownText, problemsOf, readSlice } from './slice';
import { resplit, splitServices, type Split } from './split';

interface CachedService {
  /** Offsets as of the last parse, when the slice started at `base`. */
  service: ComposeService | undefined;
  problems: YamlProblem[];
  base: number;
  /** The service's ranges (shift.ts serviceRanges), listed on its first move: a service moves on most edits. */
  ranges?: Range[];
}

/** Parses compose files, remembering each service slice it has seen for the next call. */
export class ComposeParser {
  /** One entry per chunk of the last split, in order. */
  private entries: CachedService[] = [];
  private head: { prefix: string; suffix: string; at: number; file: ComposeFile } | undefined;
  /** The last text split into services, with each chunk's text, so the next edit re-splits only what it touched. */
  private last: { text: string; split: Split; slices: string[] } | undefined;

  /**
   * The parts before and after the services block, parsed on their own (cached): they hold
   * `networks:`, `name:` and any YAML error outside the services.
   */
  private parseHead(file: string, text: string, services: { start: number; end: number }): ComposeFile {
    // Own copies, like the services' chunks: the cached head would otherwise keep its revision's whole text.
    const prefix = ownText(text.slice(0, services.start));
    const suffix = ownText(text.slice(services.end));
    const cached = this.head;
    let head: ComposeFile;
    if (cached && cached.prefix === prefix && cached.suffix === suffix && cached.at === services.end) {
      head = cached.file;
    } else {
      const before = parseWhole(file, prefix);
      const after = parseWhole(file, suffix);
      head = {
        ...before,
        networks: [...before.networks, ...after.networks.map((n) => ({ ...n, range: shift(n.range, services.end) }))],
        problems: [...before.problems, ...after.problems.map((p) => ({ ...p, range: shift(p.range, services.end) }))],
        spec: [
          ...(before.spec ?? []),
          ...(after.spec ?? []).map((p) => ({ ...p, range: shift(p.range, services.end) })),
        ],
        templates: [
          ...(before.templates ?? []),
          ...(after.templates ?? []).map((t) => ({
            value: t.value,
            range: shift(t.range, services.end),
            ...(t.valueRange ? { valueRange: shift(t.valueRange, services.end) } : {}),
          })),
        ],
      };
      this.head = { prefix, suffix, at: services.end, file: head };
    }
    return { ...head, text, networks: [...head.networks], problems: [...head.problems] };
  }

  parse(file: string, text: string): ComposeFile {
    const last = this.last;
    const split = (last && resplit(last.text, last.split, text)) || splitServices(text);
    if (!split) {
      this.entries = [];
      this.last = undefined;
      return parseWhole(file, text);
    }
    const result = this.parseHead(file, text, split.services);
    const next: CachedService[] = [];
    // Slices of the last text by content, for chunks the re-split could not place, and the
    // entries already taken (built on first need: an edit inside one service never needs them).
    let bySlice: Map<string, CachedService> | undefined;
    let taken: Set<CachedService> | undefined;
    const services: ComposeService[] = [];
    const seen = new Map<string, ComposeService>();
    const slices: string[] = [];
    for (const chunk of split.chunks) {
      // An unchanged chunk reuses its string (no copy) and its entry.
      const placed = last && chunk.was !== undefined;
      const slice = placed ? last.slices[chunk.was!] : ownText(text.slice(chunk.start, chunk.end));
      slices.push(slice);
      let cached: CachedService | undefined;
      if (placed) cached = this.entries[chunk.was!];
      else if (last) {
        if (!bySlice || !taken) {
          bySlice = new Map(last.slices.map((s, i) => [s, this.entries[i]]));
          taken = new Set(split.chunks.flatMap((c) => (c.was === undefined ? [] : [this.entries[c.was]])));
        }
        cached = bySlice.get(slice);
        // A slice seen twice in one file (a duplicated service) gets its own copy.
        if (cached && taken.has(cached)) cached = undefined;
        if (cached) taken.add(cached);
      }
      if (!cached) cached = { ...readSlice(file, slice, chunk.start), base: chunk.start };
      else if (cached.base !== chunk.start) {
        const delta = chunk.start - cached.base;
        if (cached.service) shiftRanges((cached.ranges ??= serviceRanges(cached.service)), delta);
        for (const p of cached.problems) p.range = shift(p.range, delta);
        cached.base = chunk.start;
      }
      next.push(cached);
      result.problems.push(...cached.problems);
      if (!cached.service) continue;
      const service = cached.service;
      const twin = seen.get(service.name);
      if (twin) {
        result.problems.push({
          message: `Map keys must be unique: service "${service.name}" is defined twice`,
          range: service.nameRange,
          severity: 'error',
        });
      }
      seen.set(service.name, service);
      services.push(service);
    }
    this.entries = next;
    this.last = { text, split, slices };
    result.services = services;
    result.servicesRange = split.services;
    result.text = text;
    return result;
  }
}

function shift(r: Range, by: number): Range {
  return { start: r.start + by, end: r.end + by };
}

/** Parses the whole text at once (also used for the part outside `services:`); `fast` false: by `yaml` only. */
export function parseWhole(file: string, text: string, fast = true): ComposeFile {
  // The fast reader first: besides its own speed, a file it reads whole (or the few lines
  // around `services:`) then needs no `yaml` at all, whose first parse costs a cold start.
  const plain = fast ? readPlainYaml(text) : undefined;
  const doc = plain === undefined ? parseDocument(text, OPTIONS) : undefined;
  const result: ComposeFile = {
    file,
    text,
    services: [],
    networks: [],
    problems: doc ? problemsOf(doc.errors, doc.warnings, text.length) : [],
    spec: [],
  };
  const root = doc ? doc.contents : plain;
  if (!isMap(root)) return result;
  // A file YAML cannot read is yaml-syntax's; the schema would only echo it.
  const spec = (doc?.errors.length ?? 0) === 0 && { doc };
  if (spec) result.spec = topLevelProblems(root as Node, doc);
  for (const pair of root.items)
    if (isPair(pair) && !(isScalar(pair.key) && pair.key.value === 'services'))
      requiredTemplates(pair.value, text, (result.templates ??= []));
  const services = root.get('services', true) as Node | undefined;
  if (isMap(services)) {
    if (services.range) result.servicesRange = { start: services.range[0], end: services.range[1] };
    const aliases = doc && text.includes('*') ? new AliasBudget(doc) : undefined;
    const anchors = aliases && anchorUses(doc!);
    if (anchors && anchors.length > 0) result.anchors = anchors;
    const bomb = aliases && AliasBudget.excessive(doc!);
    if (bomb?.range) {
      const range = { start: bomb.range[0], end: bomb.range[1] };
      result.problems.push({
        message: `${EXCESSIVE_ALIASING}: docker compose refuses this file`,
        range,
        severity: 'error',
      });
    }
    for (const pair of services.items) {
      const service = readAliased(pair as Pair<unknown, unknown>, text, file, aliases, result.problems, spec);
      if (service) result.services.push(service);
    }
  }
  const networks = root.get('networks', true) as Node | undefined;
  if (isMap(networks)) {
    for (const pair of networks.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const body = pair.value;
      const name = isMap(body) ? scalar((body.get('name', true) as Node | undefined) ?? null)?.value : undefined;
      // `external: true`, or the legacy `external: {name: x}` (compose spec 06-networks.md).
      const external = isMap(body) ? (body.get('external', true) as Node | undefined) : undefined;
      const legacy = isMap(external)
        ? scalar((external.get('name', true) as Node | undefined) ?? null)?.value
        : undefined;
      const named = name ?? legacy;
      result.networks.push({
        key: String(pair.key.value),
        // Absent, not undefined: an override's entry without name: keeps the earlier file's (merge).
        ...(named !== undefined ? { name: named } : {}),
        range: { start: pair.key.range[0], end: pair.key.range[1] },
        // `external: false` is recorded too: a later file's false replaces an earlier true (13-merge.md).
        ...(isMap(external) || (isScalar(external) && String(external.value) === 'true')
          ? { external: true }
          : isScalar(external) && String(external.value) === 'false'
            ? { external: false }
            : {}),
      });
    }
  }
  return result;
}

/**
 * A service read through the file's aliases; past yaml.v3's alias budget compose refuses the
 * file ("excessive aliasing"): that is reported, and the service is read as written.
 */
function readAliased(
  pair: Pair<unknown, unknown>,
  text: string,
  file: string,
  aliases: AliasBudget | undefined,
  problems: YamlProblem[],
  spec: { doc?: Document } | false,
): ComposeService | undefined {
  if (aliases) {
    try {
      return readService(pair, text, file, aliases, spec);
    } catch (e) {
      if (!(e instanceof ExcessiveAliasing)) throw e;
      const at = (pair.key as Node | null)?.range;
      const range = at ? { start: at[0], end: at[1] } : { start: 0, end: 0 };
      problems.push({ message: `${EXCESSIVE_ALIASING}: docker compose refuses this file`, range, severity: 'error' });
    }
  }
  return readService(pair, text, file, undefined, spec);
}

export { LineCounter };
