// The contract every check follows: one file, one stable code, one default severity.
import type { Finding, Range, Related, Severity } from '../types';
import type { Project } from '../project';

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

export interface Check {
  /** Stable kebab-case code; part of the public contract (README). */
  code: string;
  severity: Severity;
  /** One line for the README and `gateway-lens check --list`. */
  description: string;
  run(ctx: CheckContext): void;
}

export function runCheck(check: Check, project: Project): Finding[] {
  const findings: Finding[] = [];
  check.run({
    project,
    report: (r) =>
      findings.push({
        code: check.code,
        severity: r.severity ?? check.severity,
        message: r.message,
        file: r.file,
        range: r.range,
        related: r.related,
        data: r.data,
      }),
  });
  return findings;
}
