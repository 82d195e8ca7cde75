// The contract every check follows: one file, one stable code, one default severity. A check
// judges one compose service (`service`), one container against the rest of the project
// (`container`), or the whole project (`run`), and reads the project only through its context.
import type { ComposeService } from '../compose/model';
import type { Project } from '../project';
import type { Container } from '../traefik/model';
import type { MajorVersion } from '../traefik/static';
import type { Effect, Finding, Range, Related, Severity } from '../types';

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

export interface ContainerContext {
  project: Project;
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
  /** Judges one container (its findings may point anywhere, e.g. at a middleware it uses). */
  container?(container: Container, ctx: ContainerContext): void;
  /** Checks whose findings depend only on one service's text and the Traefik version. */
  service?(service: ComposeService, ctx: ServiceContext): void;
}

/** The finding a report makes for `check`. */
export function findingOf(check: Check, r: Report): Finding {
  return {
    code: check.code,
    severity: r.severity ?? check.severity,
    message: r.message,
    ...(r.explanation ? { explanation: r.explanation } : {}),
    file: r.file,
    range: r.range,
    related: r.related,
    data: r.data,
    ...(r.effect ? { effect: r.effect } : {}),
  };
}

/** Everything `check` finds in `project`, made afresh (tests, the route tester; the analyser runs checks in session/). */
export function runCheck(check: Check, project: Project): Finding[] {
  const findings: Finding[] = [];
  const report = (r: Report): void => void findings.push(findingOf(check, r));
  if (check.run) check.run({ project, report });
  if (check.container) for (const container of project.containers) check.container(container, { project, report });
  if (check.service) {
    for (const file of project.files) {
      for (const service of file.services) check.service(service, { version: project.version, report });
    }
  }
  return findings;
}
