// The containers Traefik drops as a whole, as the diagnostics say: only the checks listed here
// can say so (Effect `drops: 'container'`), and none of them reads what this finds, so the
// checks that judge references (undefined-middleware, undefined-service) may: a name defined only
// by dropped containers does not exist in Traefik. Imported directly, not from the registry, so
// that no check imports the registry back.
import { structuralEquals } from '../engine';
import type { Project } from '../project';
import type { Finding, Range } from '../types';
import type { Check } from './check';
import { check as healthcheckCommand } from './healthcheck-command';
import { check as invalidValue } from './invalid-value';
import { check as missingPort } from './missing-port';
import { check as notEnabled } from './not-enabled';
import { check as unknownLabel } from './unknown-label';
import { runForVersion } from './versions';

export const DROPPING: readonly Check[] = [unknownLabel, invalidValue, missingPort, notEnabled, healthcheckCommand];

export interface Unloaded {
  /** The finding that says so. */
  code: string;
  file: string;
  range: Range;
  /** `its container "userservice" is dropped`, `Traefik disables it`. */
  reason: string;
  /** The finding's own message. */
  message: string;
  /** What Gateway Lens cannot see that may still load it. */
  unless?: string;
}

/** The findings of `checks` on the project that take something out of routing. */
export function effectsOf(project: Project, checks: readonly Check[]): Finding[] {
  const found: Finding[] = [];
  for (const check of checks) {
    try {
      const findings = project.derived.findings?.(check) ?? runForVersion(check, project);
      found.push(...findings.filter((f) => f.effect));
    } catch {
      // The diagnostics report a failing check as internal-error; routing goes on without it.
    }
  }
  return found;
}

/** Compose services whose container Traefik drops or ignores, by name, with the finding that says so. */
export function droppedContainers(project: Project): Map<string, Unloaded> {
  return project.derived.get('dropped containers', () => dropped(project), structuralEquals);
}

/**
 * Which containers Traefik drops, by name, with the code that says so and whether for certain:
 * what a judgement reads unless it reports the drop (where the finding is, it reads droppedContainers).
 */
export function droppedVerdicts(project: Project): Map<string, Pick<Unloaded, 'code' | 'unless'>> {
  return project.derived.get(
    'dropped container verdicts',
    () => new Map([...droppedContainers(project)].map(([name, u]) => [name, { code: u.code, unless: u.unless }])),
    structuralEquals,
  );
}

function dropped(project: Project): Map<string, Unloaded> {
  const out = new Map<string, Unloaded>();
  for (const f of effectsOf(project, DROPPING)) {
    const effect = f.effect!;
    const known = out.get(effect.service);
    // A certain reason outranks one that something out of view may undo.
    if (effect.drops !== 'container' || (known && (!known.unless || effect.unless))) continue;
    out.set(effect.service, {
      code: f.code,
      file: f.file,
      range: f.range,
      reason: containerReason(f.code, effect.service),
      message: f.message,
      ...(effect.unless ? { unless: effect.unless } : {}),
    });
  }
  return out;
}

export function containerReason(code: string, service: string): string {
  return code === 'not-enabled'
    ? `Traefik ignores its container "${service}"`
    : `its container "${service}" is dropped`;
}
