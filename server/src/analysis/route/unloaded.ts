// The routers Traefik does not load, as the diagnostics say: the route tester reads the findings'
// effects (one source of truth) instead of judging the labels a second time. A dropped
// container takes all its routers with it; a disabled router only itself.
import { Memory } from '../checks/check';
import { runForVersion } from '../checks/versions';
import { CHECKS } from '../checks/registry';
import type { Project } from '../project';
import type { Definition } from '../traefik/model';
import type { Finding, Range } from '../types';

export interface Unloaded {
  /** The finding that says so. */
  code: string;
  file: string;
  range: Range;
  /** `its container "userservice" is dropped`, `Traefik disables it`. */
  reason: string;
  /** What Gateway Lens cannot see that may still load it. */
  unless?: string;
}

const cache = new WeakMap<Project, Map<Definition, Unloaded>>();
const effects = new WeakMap<Project, Finding[]>();

/** The project's findings that say Traefik drops a container or disables a router. */
function withEffect(project: Project): Finding[] {
  let found = effects.get(project);
  if (found) return found;
  found = [];
  for (const check of CHECKS) {
    try {
      found.push(...runForVersion(check, project, new Memory()).filter((f) => f.effect));
    } catch {
      // The diagnostics report a failing check as internal-error; routing goes on without it.
    }
  }
  effects.set(project, found);
  return found;
}

/** Compose services whose container Traefik drops or ignores, by name, with the finding that says so. */
export function droppedContainers(project: Project): Map<string, Unloaded> {
  const out = new Map<string, Unloaded>();
  for (const f of withEffect(project)) {
    const effect = f.effect!;
    const known = out.get(effect.service);
    if (effect.drops !== 'container' || (known && (!known.unless || effect.unless))) continue;
    out.set(effect.service, {
      code: f.code,
      file: f.file,
      range: f.range,
      reason: containerReason(f.code, effect.service),
      ...(effect.unless ? { unless: effect.unless } : {}),
    });
  }
  return out;
}

function containerReason(code: string, service: string): string {
  return code === 'not-enabled'
    ? `Traefik ignores its container "${service}"`
    : `its container "${service}" is dropped`;
}

export function unloadedRouters(project: Project): Map<Definition, Unloaded> {
  let out = cache.get(project);
  if (out) return out;
  out = new Map();
  for (const f of withEffect(project)) {
    const effect = f.effect;
    if (!effect) continue;
    for (const container of project.containers) {
      if (container.compose.name !== effect.service) continue;
      for (const def of container.definitions) {
        if (def.kind !== 'routers') continue;
        if (effect.drops === 'router' && (def.protocol !== effect.protocol || def.name !== effect.router)) continue;
        const known = out.get(def);
        // A certain reason outranks one that something out of view may undo.
        if (known && (!known.unless || effect.unless)) continue;
        out.set(def, {
          code: f.code,
          file: f.file,
          range: f.range,
          reason: effect.drops === 'container' ? containerReason(f.code, effect.service) : 'Traefik disables it',
          ...(effect.unless ? { unless: effect.unless } : {}),
        });
      }
    }
  }
  cache.set(project, out);
  return out;
}
