// Findings memoised from one analysis to the next hold their ranges relative to the compose
// service they fall in, and are placed at the service's current offset when handed out: a
// service keeps its identity while its text is unchanged, and its ranges move in place when text
// before it changes (compose/shift.ts). A service since re-parsed (a new object, after an edit
// inside it) still places a finding when its text from its start to the finding's end is the
// text the finding was made in (an edit after it: a port below a rule); otherwise the finding is
// made again, as is one pointing outside every service of a compose file (nothing would move
// it). Ranges in files that are not compose files of the project (traefik.yml) are kept as they are.
import { Buffer } from 'node:buffer';
import type { ComposeService } from '../compose/model';
import type { Project } from '../project';
import type { Finding, Range } from '../types';

interface Spot {
  /** undefined: an absolute range in a file that is not a compose file of the project. */
  service: ComposeService | undefined;
  start: number;
  end: number;
  /** The service's text from its start to the spot's end, as the finding was made in (a copy). */
  head?: string;
}

export interface Kept {
  finding: Finding;
  spot: Spot;
  related: Spot[];
}

/** The services of each compose file of one analysed project, and every live service. */
export interface Places {
  byFile: Map<string, ComposeService[]>;
  live: Set<ComposeService>;
  texts: Map<string, string>;
  /** Per file, the service of each name (null: the name is there twice); made on first use. */
  named?: Map<string, Map<string, ComposeService | null>>;
}

export function placesOf(project: Project): Places {
  const found: Places = { byFile: new Map(), live: new Set(), texts: new Map() };
  for (const f of project.files) {
    found.byFile.set(f.file, f.services);
    found.texts.set(f.file, f.text);
    for (const s of f.services) found.live.add(s);
  }
  return found;
}

/** The longest service text before a finding's end kept to place it in a re-parsed service (UTF-16 units). */
const MAX_HEAD = 4096;

/** The live service of the same file and name as a re-parsed one. */
function successor(places: Places, service: ComposeService): ComposeService | undefined {
  if (!places.named) {
    places.named = new Map();
    for (const [file, services] of places.byFile) {
      const names = new Map<string, ComposeService | null>();
      for (const s of services) names.set(s.name, names.has(s.name) ? null : s);
      places.named.set(file, names);
    }
  }
  return places.named.get(service.file)?.get(service.name) ?? undefined;
}

/** The service holding `range` (services of a file are in text order). */
function holder(services: ComposeService[], range: Range): ComposeService | undefined {
  let lo = 0;
  let hi = services.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = services[mid];
    if (range.start < s.range.start) hi = mid - 1;
    else if (range.start > s.range.end) lo = mid + 1;
    else return range.end <= s.range.end ? s : undefined;
  }
  return undefined;
}

function spotOf(places: Places, file: string, range: Range): Spot | undefined {
  const services = places.byFile.get(file);
  if (!services) return { service: undefined, start: range.start, end: range.end };
  const service = holder(services, range);
  if (!service) return undefined;
  const start = range.start - service.range.start;
  const end = range.end - service.range.start;
  // Copied, so a kept finding does not hold the whole text of its revision; a long one is not kept.
  const text = places.texts.get(file) ?? '';
  const head =
    end <= MAX_HEAD
      ? Buffer.from(text.slice(service.range.start, range.end), 'utf16le').toString('utf16le')
      : undefined;
  return { service, start, end, head };
}

/** Findings in a form that survives edits elsewhere; undefined when one of them cannot be kept. */
export function keep(places: Places, findings: Finding[]): Kept[] | undefined {
  const out: Kept[] = [];
  for (const finding of findings) {
    const spot = spotOf(places, finding.file, finding.range);
    if (!spot) return undefined;
    const related: Spot[] = [];
    for (const r of finding.related ?? []) {
      const s = spotOf(places, r.file, r.range);
      if (!s) return undefined;
      related.push(s);
    }
    out.push({ finding, spot, related });
  }
  return out;
}

/** Kept findings placed at their services' current offsets; undefined when a service is gone. */
export function place(places: Places, kept: Kept[]): Finding[] | undefined {
  if (kept.length === 0) return [];
  const at = (s: Spot): Range | undefined => {
    if (!s.service) return { start: s.start, end: s.end };
    let service: ComposeService | undefined = s.service;
    if (!places.live.has(service)) {
      service = successor(places, service);
      if (!service || s.head === undefined) return undefined;
      const text = places.texts.get(service.file);
      if (text?.slice(service.range.start, service.range.start + s.head.length) !== s.head) return undefined;
    }
    return { start: s.start + service.range.start, end: s.end + service.range.start };
  };
  const out: Finding[] = [];
  for (const k of kept) {
    const range = at(k.spot);
    if (!range) return undefined;
    const related = k.finding.related?.map((r, i) => ({ ...r, range: at(k.related[i]) }));
    if (related?.some((r) => !r.range)) return undefined;
    out.push({ ...k.finding, range, related: related as Finding['related'] });
  }
  return out;
}
