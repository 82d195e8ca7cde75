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

/**
 * Definitions of one protocol and kind, indexed once per project (checks look names up often).
 * Each protocol and kind is indexed on first use: an edit that re-checks one container asks
 * for one or two of them.
 */
export function index(project: Project, protocol: Protocol, kind: Kind): DefinitionIndex {
  return project.derived.get(`definitions ${protocol}.${kind}`, () => indexOne(project, protocol, kind));
}

/**
 * The definitions of one name in containers Traefik keeps, for one provider: an entry of the
 * provider's map of names, unchanged while no container defining that name changed.
 */
export function definitionsNamed(
  project: Project,
  protocol: Protocol,
  kind: Kind,
  provider: string,
  name: string,
): readonly Definition[] {
  return (
    project.derived.entry(
      `definitions ${protocol}.${kind} by ${provider}`,
      () => index(project, protocol, kind).live.get(provider) ?? NO_NAMES,
      name,
      sameDefinitions,
    ) ?? NONE
  );
}

const NO_NAMES: ReadonlyMap<string, Definition[]> = new Map();

/** One function for every name: the engine keeps each fact's equals, and a closure per name is a context per name. */
function sameDefinitions(a: readonly Definition[], b: readonly Definition[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

const NONE: readonly Definition[] = Object.freeze([]);

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
