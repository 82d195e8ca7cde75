// The routing facts of each router, per compose service: its rule tree, footprints, priority,
// entry points, TLS, provider and where it is written. A fact of one service is equal again
// (the engine's early cutoff) when an edit left its routing as it was (a port, a health check,
// the image), so what judges routers against each other is not run again after such an edit.
import type { Project } from '../project';
import { buildsRouters } from '../traefik/defaultRule';
import type { Container } from '../traefik/model';
import { fileRouters } from './fileRouters';
import { fileToRouted, toRouted, type Routed } from './routers';

/**
 * A router as the routing checks judge it. The definition it was read from is left out: after
 * an edit that changed nothing of its routing, the fact may be the equal one read before.
 */
export type RouterFacts = Omit<Routed, 'router' | 'fileRouter'>;

/** Every routed HTTP router of the project in the project's order (routedRouters' order), as facts. */
export function routingFacts(project: Project): readonly RouterFacts[] {
  return project.derived.get(
    'routing facts',
    () => {
      const out: RouterFacts[] = [];
      for (const name of serviceNames(project)) for (const r of serviceFacts(project, name)) out.push(r);
      for (const r of fileFacts(project)) out.push(r);
      return out;
    },
    sameItems,
  );
}

/** The compose services' names, in the project's order: unchanged by an edit inside one. */
function serviceNames(project: Project): readonly string[] {
  return project.derived.get(
    'routed service names',
    () => [...new Set(project.containers.map((c) => c.compose.name))],
    (a, b) => a.length === b.length && a.every((n, i) => n === b[i]),
  );
}

function containersByName(project: Project): Map<string, Container[]> {
  return project.derived.get('containers by name', () => {
    const out = new Map<string, Container[]>();
    for (const c of project.containers) {
      const list = out.get(c.compose.name);
      if (list) list.push(c);
      else out.set(c.compose.name, [c]);
    }
    return out;
  });
}

/** The routers of one compose service's container, equal to the last ones when their routing is. */
function serviceFacts(project: Project, name: string): readonly RouterFacts[] {
  return project.derived.get(
    `routing facts of ${JSON.stringify(name)}`,
    () => {
      const out: RouterFacts[] = [];
      for (const container of containersByName(project).get(name) ?? []) {
        if (!buildsRouters(container, project.staticConfig)) continue;
        for (const router of container.definitions) {
          if (router.kind !== 'routers' || router.protocol !== 'http') continue;
          // The same fact routedRouters reads: one per definition.
          const routed = project.derived.of('routed router', router, () => toRouted(project, router));
          if (routed) out.push(routed);
        }
      }
      return out;
    },
    sameFactsList,
  );
}

/** The file provider's routers (dynamic files), equal to the last ones when their routing is. */
function fileFacts(project: Project): readonly RouterFacts[] {
  return project.derived.get(
    'routing facts of the file provider',
    () => fileRouters(project, 'http').flatMap((def) => fileToRouted(project, def) ?? []),
    sameFactsList,
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameFactsList(a: readonly RouterFacts[], b: readonly RouterFacts[]): boolean {
  return a.length === b.length && a.every((x, i) => sameFacts(x, b[i]));
}

const sameStrings = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Equal as routing and as findings see them. The tree and the footprints follow from the rule
 * and its syntax; ranges are compared by offset (a kept service's ranges move in place).
 */
export function sameFacts(a: RouterFacts, b: RouterFacts): boolean {
  if (a === b) return true;
  const at = a.at('');
  const bt = b.at('');
  return (
    a.key === b.key &&
    a.name === b.name &&
    a.provider === b.provider &&
    a.fullName === b.fullName &&
    a.service === b.service &&
    sameStrings(a.middlewares, b.middlewares) &&
    a.outcome === b.outcome &&
    a.rule === b.rule &&
    a.syntax === b.syntax &&
    a.defaultRule === b.defaultRule &&
    a.priority === b.priority &&
    a.tls === b.tls &&
    sameStrings(a.entryPoints, b.entryPoints) &&
    a.file === b.file &&
    a.range.start === b.range.start &&
    a.range.end === b.range.end &&
    at.file === bt.file &&
    at.range?.start === bt.range?.start &&
    at.range?.end === bt.range?.end
  );
}
