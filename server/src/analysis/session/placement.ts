// Findings memoised from one analysis to the next hold their ranges relative to the compose
// service they fall in, and are placed at the service's current offset when handed out: a
// service keeps its identity while its text is unchanged, and its ranges move in place when text
// before it changes (compose/shift.ts). A finding pointing into a service since re-parsed (a new
// object) cannot be placed and is made again; so is one pointing outside every service of a
// compose file (nothing would move it). Ranges in files that are not compose files of the project
// (traefik.yml) are kept as they are.
import type { ComposeService } from '../compose/model';
import type { Project } from '../project';
import type { Finding, Range } from '../types';

interface Spot {
  /** undefined: an absolute range in a file that is not a compose file of the project. */
  service: ComposeService | undefined;
  start: number;
  end: number;
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
}

export function placesOf(project: Project): Places {
  const found: Places = { byFile: new Map(), live: new Set() };
  for (const f of project.files) {
    found.byFile.set(f.file, f.services);
    for (const s of f.services) found.live.add(s);
  }
  return found;
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
  return { service, start: range.start - service.range.start, end: range.end - service.range.start };
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
    if (!places.live.has(s.service)) return undefined;
    return { start: s.start + s.service.range.start, end: s.end + s.service.range.start };
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
