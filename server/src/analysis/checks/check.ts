// The contract every check follows: one file, one stable code, one default severity.
// A check either looks at one compose service at a time (`service`: its findings are cached
// per service and reused while the service's text is unchanged) or at the whole project (`run`).
import type { ComposeService } from '../compose/model';
import type { Project } from '../project';
import type { MajorVersion } from '../traefik/static';
import type { Finding, Range, Related, Severity } from '../types';

export interface Report {
  message: string;
  file: string;
  range: Range;
  /** Overrides the check's default severity when certainty differs (see each check). */
  severity?: Severity;
  related?: Related[];
  data?: Record<string, unknown>;
}

export interface CheckContext {
  project: Project;
  report(r: Report): void;
}

export interface ServiceContext {
  version: MajorVersion;
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
  /** Checks whose findings depend only on one service's text and the Traefik version. */
  service?(service: ComposeService, ctx: ServiceContext): void;
}

interface Cached {
  /** service.range.start when the findings were made; ranges below are relative to it. */
  base: number;
  findings: Finding[];
}

const perService = new WeakMap<ComposeService, Map<string, Cached>>();

function relative(f: Finding, base: number): Finding {
  const r = (x: Range): Range => ({ start: x.start - base, end: x.end - base });
  return { ...f, range: r(f.range), related: f.related?.map((x) => ({ ...x, range: r(x.range) })) };
}

export function runCheck(check: Check, project: Project): Finding[] {
  const findings: Finding[] = [];
  const make = (r: Report): Finding => ({
    code: check.code,
    severity: r.severity ?? check.severity,
    message: r.message,
    file: r.file,
    range: r.range,
    related: r.related,
    data: r.data,
  });
  check.run?.({ project, report: (r) => findings.push(make(r)) });
  if (check.service) {
    const key = `${check.code}|${project.version}`;
    for (const file of project.files) {
      for (const service of file.services) {
        let cache = perService.get(service);
        if (!cache) perService.set(service, (cache = new Map()));
        const base = service.range.start;
        let hit = cache.get(key);
        if (!hit) {
          const made: Finding[] = [];
          check.service(service, { version: project.version, report: (r) => made.push(make(r)) });
          // Ranges may be the service's own (moved in place on later edits): keep numbers only.
          hit = { base, findings: made.map((f) => relative(f, base)) };
          cache.set(key, hit);
        }
        for (const f of hit.findings) findings.push(relative(f, -base));
      }
    }
  }
  return findings;
}
