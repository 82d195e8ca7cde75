// Compose text -> ComposeFile. Services are parsed one by one from their own slice of the
// text and cached by that slice, so an edit re-parses only the service it touches.
import { isMap, isPair, isScalar, LineCounter, Node, Pair, parseDocument, YAMLError } from 'yaml';
import type { Range } from '../types';
import type { ComposeFile, ComposeService, YamlProblem } from './model';
import { readService, scalar } from './service';
import { shiftService } from './shift';
import { splitServices } from './split';

const OPTIONS = { keepSourceTokens: true, prettyErrors: false, strict: false } as const;

interface CachedService {
  /** Offsets relative to the start of the slice. */
  service: ComposeService | undefined;
  problems: YamlProblem[];
}

/** Parses compose files, remembering each service slice it has seen for the next call. */
export class ComposeParser {
  private cache = new Map<string, CachedService>();

  parse(file: string, text: string): ComposeFile {
    const split = splitServices(text);
    if (!split) {
      this.cache.clear();
      return parseWhole(file, text);
    }
    // Everything outside the services block keeps its offsets: the block is blanked out.
    const head =
      text.slice(0, split.services.start) +
      blank(text.slice(split.services.start, split.services.end)) +
      text.slice(split.services.end);
    const result = parseWhole(file, head);
    const next = new Map<string, CachedService>();
    const services: ComposeService[] = [];
    const seen = new Map<string, ComposeService>();
    for (const chunk of split.chunks) {
      const slice = text.slice(chunk.start, chunk.end);
      let cached = next.get(slice) ?? this.cache.get(slice);
      if (!cached) cached = parseSlice(file, slice);
      next.set(slice, cached);
      for (const p of cached.problems) result.problems.push({ ...p, range: shift(p.range, chunk.start) });
      if (!cached.service) continue;
      const service = shiftService(cached.service, chunk.start);
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
    this.cache = next;
    result.services = services;
    result.servicesRange = split.services;
    result.text = text;
    return result;
  }
}

function blank(s: string): string {
  return s.replace(/[^\n\r]/g, ' ');
}

function shift(r: Range, by: number): Range {
  return { start: r.start + by, end: r.end + by };
}

function parseSlice(file: string, slice: string): CachedService {
  const doc = parseDocument(slice, OPTIONS);
  const problems = problemsOf(doc.errors, doc.warnings, slice.length);
  const root = doc.contents;
  if (!isMap(root) || root.items.length === 0) return { service: undefined, problems };
  const service = readService(root.items[0] as Pair<unknown, unknown>, slice, file);
  return { service, problems };
}

/** Parses the whole text at once (also used for the part outside `services:`). */
export function parseWhole(file: string, text: string): ComposeFile {
  const doc = parseDocument(text, OPTIONS);
  const result: ComposeFile = {
    file,
    text,
    services: [],
    networks: [],
    problems: problemsOf(doc.errors, doc.warnings, text.length),
  };
  const root = doc.contents;
  if (!isMap(root)) return result;
  const services = root.get('services', true) as Node | undefined;
  if (isMap(services)) {
    if (services.range) result.servicesRange = { start: services.range[0], end: services.range[1] };
    for (const pair of services.items) {
      const service = readService(pair as Pair<unknown, unknown>, text, file);
      if (service) result.services.push(service);
    }
  }
  const networks = root.get('networks', true) as Node | undefined;
  if (isMap(networks)) {
    for (const pair of networks.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const body = pair.value;
      const name = isMap(body) ? scalar((body.get('name', true) as Node | undefined) ?? null)?.value : undefined;
      result.networks.push({
        key: String(pair.key.value),
        name,
        range: { start: pair.key.range[0], end: pair.key.range[1] },
      });
    }
  }
  return result;
}

function problemsOf(errors: YAMLError[], warnings: YAMLError[], length: number): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const [list, severity] of [
    [errors, 'error'],
    [warnings, 'warning'],
  ] as const) {
    for (const e of list) {
      const start = Math.min(e.pos[0], length);
      const end = Math.min(Math.max(e.pos[1], start), length);
      out.push({ message: firstLine(e.message), range: { start, end }, severity });
    }
  }
  return out;
}

function firstLine(message: string): string {
  const i = message.indexOf(' at line ');
  const cut = i >= 0 ? message.slice(0, i) : message.split('\n')[0];
  return cut.trim();
}

export { LineCounter };
