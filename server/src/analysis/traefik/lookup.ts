// Finding routers, services and middlewares across a project by their Traefik names.
import type { Project } from '../project';
import type { Definition, Kind, Protocol } from './model';

/** Every definition of the given kind across the project's containers (enabled or not). */
export function definitions(project: Project, protocol: Protocol, kind: Kind): Definition[] {
  return index(project, protocol, kind).all;
}

export interface DefinitionIndex {
  all: Definition[];
  /** Name -> definitions in containers Traefik keeps, per provider (`docker`, `swarm`). */
  live: Map<string, Map<string, Definition[]>>;
}

const indexes = new WeakMap<Project, Map<string, DefinitionIndex>>();

/**
 * Definitions of one protocol and kind, indexed once per project (checks look names up often).
 * Each protocol and kind is indexed on first use: an edit that re-checks one container asks
 * for one or two of them.
 */
export function index(project: Project, protocol: Protocol, kind: Kind): DefinitionIndex {
  let perProject = indexes.get(project);
  if (!perProject) indexes.set(project, (perProject = new Map()));
  const id = `${protocol}.${kind}`;
  let found = perProject.get(id);
  if (!found) perProject.set(id, (found = indexOne(project, protocol, kind)));
  return found;
}

function indexOne(project: Project, protocol: Protocol, kind: Kind): DefinitionIndex {
  const found: DefinitionIndex = { all: [], live: new Map() };
  for (const c of project.containers) {
    for (const d of c.definitions) {
      if (d.kind !== kind || d.protocol !== protocol) continue;
      found.all.push(d);
      if (!c.enabled) continue;
      let names = found.live.get(c.provider);
      if (!names) found.live.set(c.provider, (names = new Map()));
      const list = names.get(d.name);
      if (list) list.push(d);
      else names.set(d.name, [d]);
    }
  }
  return found;
}

/** Name -> definitions (several when containers share a name; Traefik merges or drops them). */
export function byName(defs: Definition[]): Map<string, Definition[]> {
  const map = new Map<string, Definition[]>();
  for (const d of defs) {
    const list = map.get(d.name);
    if (list) list.push(d);
    else map.set(d.name, [d]);
  }
  return map;
}

/** Splits `name@provider`; a name without `@` belongs to the referencing router's provider. */
export function qualify(reference: string, provider: string): { name: string; provider: string; explicit: boolean } {
  const at = reference.lastIndexOf('@');
  if (at < 0) return { name: reference, provider, explicit: false };
  return { name: reference.slice(0, at), provider: reference.slice(at + 1), explicit: true };
}

/** The label range that best stands for a definition: its name in the first label key. */
export function definitionRange(def: Definition): { start: number; end: number } {
  if (def.nameSegments.length > 0) return def.nameSegments[0].range;
  return def.container.compose.nameRange;
}
