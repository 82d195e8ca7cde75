// The routers Traefik does not load, as the diagnostics say: the route tester reads the findings'
// effects (one source of truth) instead of judging the labels a second time. A dropped
// container takes all its routers with it; a disabled router only itself.
import { containerReason, droppedContainers, effectsOf, type Unloaded } from '../checks/dropped';
import { CHECKS } from '../checks/registry';
import type { Project } from '../project';
import type { Definition } from '../traefik/model';
import type { Finding } from '../types';

export { droppedContainers, type Unloaded };

/** The project's findings that say Traefik drops a container or disables a router. */
function withEffect(project: Project): Finding[] {
  return project.derived.get('findings with an effect', () => effectsOf(project, CHECKS));
}

export function unloadedRouters(project: Project): Map<Definition, Unloaded> {
  return project.derived.get('unloaded routers', () => unloaded(project));
}

function unloaded(project: Project): Map<Definition, Unloaded> {
  const out = new Map<Definition, Unloaded>();
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
          message: f.message,
          ...(effect.unless ? { unless: effect.unless } : {}),
        });
      }
    }
  }
  return out;
}
