// The contract every check follows: one file, one stable code, one default severity.
// A check looks at one compose service at a time (`service`: its findings are cached per
// service and reused while the service's text is unchanged), at one container at a time against
// facts about the whole project (`container` with `scope`: reused per container while the
// container and the scope's key are unchanged), or at the whole project (`run`, reused while its
// `key` is unchanged). So an edit to one service re-checks that service, not the file.
import type { ComposeService } from '../compose/model';
import type { Project } from '../project';
import type { Container } from '../traefik/model';
import type { MajorVersion } from '../traefik/static';
import type { Effect, Finding, Range, Related, Severity } from '../types';
import { keep, place, sameKey, type Key, type Kept } from './reuse';

export interface Report {
  /** The fact and the fix, one short sentence (see Finding.message). */
  message: string;
  /** What Traefik does and why (see Finding.explanation). */
  explanation?: string;
  file: string;
  range: Range;
  /** Overrides the check's default severity when certainty differs (see each check). */
  severity?: Severity;
  related?: Related[];
  data?: Record<string, unknown>;
  effect?: Effect;
}

export interface CheckContext {
  project: Project;
  report(r: Report): void;
}

export interface ServiceContext {
  version: MajorVersion;
  report(r: Report): void;
}

/** What a per-container check reads from the rest of the project, and the key that changes with it. */
export interface Scope {
  key: Key;
}

export interface ContainerContext {
  project: Project;
  /** What the check's `scope` returned for this project. */
  scope: Scope;
  report(r: Report): void;
}

export interface Check {
  /** Stable kebab-case code; part of the public contract (README). */
  code: string;
  severity: Severity;
  /** One line for the README and `gateway-lens check --list`. */
  description: string;
  /** Project-wide checks. */
  run?(ctx: CheckContext): void;
  /** For `run`: values that change whenever its findings may; without it `run` runs every time. */
  key?(project: Project): Key;
  /** For `container`: the facts about the project it judges against; without it, the key is empty. */
  scope?(project: Project): Scope;
  /** Judges one container (its findings may point anywhere, e.g. at a middleware it uses). */
  container?(container: Container, ctx: ContainerContext): void;
  /** Checks whose findings depend only on one service's text and the Traefik version. */
  service?(service: ComposeService, ctx: ServiceContext): void;
}

interface Cached {
  /** service.range.start when the findings were made; ranges below are relative to it. */
  base: number;
  findings: Finding[];
}

const perServiceCache = new WeakMap<ComposeService, Map<string, Cached>>();

function relative(f: Finding, base: number): Finding {
  const r = (x: Range): Range => ({ start: x.start - base, end: x.end - base });
  return { ...f, range: r(f.range), related: f.related?.map((x) => ({ ...x, range: r(x.range) })) };
}

/**
 * What one analyser remembers between analyses for reuse: per check and project (named by its
 * first file), the last key and findings. A new one (the default) reuses nothing.
 */
export class Memory {
  readonly runs = new Map<string, { key: Key; kept: Kept[] }>();
  readonly containers = new Map<string, ContainerState>();

  /** Drops what was kept for the project whose first file is `file`. */
  forget(file: string): void {
    for (const map of [this.runs, this.containers]) {
      for (const id of map.keys()) if (id.endsWith(`|${file}`)) map.delete(id);
    }
  }
}

export function runCheck(check: Check, project: Project, memory = new Memory()): Finding[] {
  const findings: Finding[] = [];
  const make = (r: Report): Finding => ({
    code: check.code,
    severity: r.severity ?? check.severity,
    message: r.message,
    ...(r.explanation ? { explanation: r.explanation } : {}),
    file: r.file,
    range: r.range,
    related: r.related,
    data: r.data,
    ...(r.effect ? { effect: r.effect } : {}),
  });
  // Per version too: a project of unknown version is judged for both (versions.ts).
  const id = `${check.code}|${project.version}|${project.files[0]?.file ?? ''}`;
  if (check.run) findings.push(...projectWide(check, project, make, memory.runs, id));
  if (check.container) findings.push(...perContainer(check, project, make, memory.containers, id));
  if (check.service) findings.push(...perService(check, project, make));
  return findings;
}

type Make = (r: Report) => Finding;

/** How often findings were reused and made again, per container or per keyed check (tests read it). */
export const reuseCounts = { reused: 0, made: 0 };

function projectWide(check: Check, project: Project, make: Make, lastRun: Memory['runs'], id: string): Finding[] {
  const key = check.key?.(project);
  const last = lastRun.get(id);
  if (key && last && sameKey(last.key, key)) {
    const placed = place(project, last.kept);
    if (placed) {
      reuseCounts.reused++;
      return placed;
    }
  }
  if (key) reuseCounts.made++;
  const made: Finding[] = [];
  check.run!({ project, report: (r) => made.push(make(r)) });
  const kept = key && keep(project, made);
  if (key && kept) lastRun.set(id, { key, kept });
  else lastRun.delete(id);
  return made;
}

/**
 * Per check and project: the last scope key, its epoch (a new key starts a new one) and each
 * container's kept findings with the epoch they were made in.
 */
interface ContainerState {
  key: Key;
  epoch: number;
  /** Weak: a container replaced by an edit (and the text its strings point into) is freed. */
  kept: WeakMap<Container, { epoch: number; kept: Kept[] }>;
}

let nextEpoch = 1;

function perContainer(
  check: Check,
  project: Project,
  make: Make,
  containerStates: Memory['containers'],
  id: string,
): Finding[] {
  const scope = check.scope?.(project) ?? { key: [] };
  let state = containerStates.get(id);
  if (!state || !sameKey(state.key, scope.key)) {
    state = { key: scope.key, epoch: nextEpoch++, kept: new WeakMap() };
    containerStates.set(id, state);
  }
  const { epoch, kept } = state;
  const findings: Finding[] = [];
  for (const container of project.containers) {
    const hit = kept.get(container);
    const placed = hit && hit.epoch === epoch ? place(project, hit.kept) : undefined;
    if (placed) {
      reuseCounts.reused++;
      for (const f of placed) findings.push(f);
      continue;
    }
    reuseCounts.made++;
    const made: Finding[] = [];
    check.container!(container, { project, scope, report: (r) => made.push(make(r)) });
    const k = keep(project, made);
    if (k) kept.set(container, { epoch, kept: k });
    else kept.delete(container);
    for (const f of made) findings.push(f);
  }
  return findings;
}

function perService(check: Check, project: Project, make: Make): Finding[] {
  const findings: Finding[] = [];
  const key = `${check.code}|${project.version}`;
  for (const file of project.files) {
    for (const service of file.services) {
      let cache = perServiceCache.get(service);
      if (!cache) perServiceCache.set(service, (cache = new Map()));
      const base = service.range.start;
      let hit = cache.get(key);
      if (!hit) {
        const made: Finding[] = [];
        check.service!(service, { version: project.version, report: (r) => made.push(make(r)) });
        // Ranges may be the service's own (moved in place on later edits): keep numbers only.
        hit = { base, findings: made.map((f) => relative(f, base)) };
        cache.set(key, hit);
      }
      for (const f of hit.findings) findings.push(relative(f, -base));
    }
  }
  return findings;
}
