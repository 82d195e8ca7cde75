// When nothing says which Traefik major runs (traefik/version.ts: source `unknown`), a construct
// that is wrong in one major and valid in the other is not an error: its Traefik may well be the
// other one (Traefik's docs/content/migration/v2-to-v3.md lists what changed). The checks whose
// judgement depends on the version run for both: what the assumed major (v3, today's `latest`)
// rejects and the other accepts becomes a warning that names both; what both reject stays as it
// is; what only the other major rejects is not reported (on the real-world corpus those were v3
// constructs in v3 projects whose Traefik lives elsewhere: right, and useless).
import { derivedTable, type Project } from '../project';
import type { MajorVersion } from '../traefik/static';
import type { Finding } from '../types';
import { runCheck, type Check } from './check';

/** Checks that read the Traefik version (label schemas, rule syntax, static options). */
export const VERSIONED: ReadonlySet<string> = new Set([
  'unknown-label',
  'invalid-value',
  'rule-syntax',
  'unknown-static-key',
]);

const OTHER: Record<MajorVersion, MajorVersion> = { v2: 'v3', v3: 'v2' };

type Run = (check: Check, project: Project) => Finding[];

/** The check's findings for the project's version, or for both when the version is unknown. */
export function runForVersion(check: Check, project: Project, other?: Project, run: Run = runCheck): Finding[] {
  const assumed = run(check, project);
  if (project.versionFact.source !== 'unknown' || !VERSIONED.has(check.code)) return assumed;
  const alternative = other ?? otherVersion(project);
  return mergeVersions(assumed, run(check, alternative), project);
}

/** The same project judged for the other major version (with its own derived facts). */
export function otherVersion(project: Project): Project {
  return { ...project, version: OTHER[project.version], derived: derivedTable(project.derived) };
}

const at = (f: Finding): string => `${f.code}|${f.file}|${f.range.start}|${f.range.end}`;

const RANK: Record<Finding['severity'], number> = { error: 3, warning: 2, info: 1 };

export function mergeVersions(assumed: Finding[], alternative: Finding[], project: Project): Finding[] {
  const a = project.version;
  const b = OTHER[a];
  // The other major's severity at each place: an error in one that the other only warns about
  // (v3 rejects HostRegexp(`a[b`) as a Go regexp, v2 reads `[` as a literal) is no error either.
  const inAlternative = new Map<string, number>();
  for (const f of alternative) inAlternative.set(at(f), Math.max(inAlternative.get(at(f)) ?? -1, RANK[f.severity]));
  return assumed.map((f) => {
    const there = inAlternative.get(at(f));
    return there !== undefined && there >= RANK[f.severity] ? f : either(f, a, b, project);
  });
}

/** A finding that holds in `wrong` and not in `valid`: a warning at most, saying both. */
function either(f: Finding, wrong: MajorVersion, valid: MajorVersion, project: Project): Finding {
  const why = project.versionFact.why;
  const explanation =
    `Which Traefik runs is unknown (${why}): this is a mistake in ${wrong} and valid in ${valid}. ` +
    'Set gatewayLens.traefik.version (or traefik.version in .gateway-lens.yaml) to judge for one.' +
    (f.explanation ? `\n\n${f.explanation}` : '');
  const out: Finding = {
    ...f,
    severity: f.severity === 'error' ? 'warning' : f.severity,
    message: `${f.message.replace(/\.$/, '')} (in ${wrong}; valid in ${valid}, version unknown).`,
    explanation,
    data: { ...f.data, versions: { wrong, valid } },
  };
  if (f.effect) out.effect = { ...f.effect, unless: f.effect.unless ?? `Traefik runs ${valid}` };
  return out;
}
