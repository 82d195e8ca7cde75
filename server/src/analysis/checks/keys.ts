// Keys for reused findings (reuse.ts): per container, a short signature of what other
// containers' findings read from it, made once per container (containers keep their identity
// while their service's text is unchanged). A check's key lists them for every container.
import type { Project } from '../project';
import type { Container } from '../traefik/model';
import type { Key } from './reuse';

type Signature = (c: Container) => string;

const made = new WeakMap<Container, Map<Signature, string>>();

function signed(c: Container, signature: Signature): string {
  let known = made.get(c);
  if (!known) made.set(c, (known = new Map()));
  let s = known.get(signature);
  if (s === undefined) known.set(signature, (s = signature(c)));
  return s;
}

/** The project-wide facts every key starts with, then each container's signature. */
export function projectKey(project: Project, signature: Signature, ...more: unknown[]): Key {
  const key: unknown[] = [project.staticKey, project.fileProvider, project.version, project.name, ...more];
  for (const c of project.containers) key.push(signed(c, signature));
  return key;
}

function head(c: Container): string {
  return `${c.enabled}|${c.provider}|${c.compose.name}|${c.traefikName}`;
}

/** The names a container defines, and whether Traefik keeps it: what references resolve against. */
export function definedNames(c: Container): string {
  return `${head(c)}|${c.definitions.map((d) => `${d.protocol}.${d.kind}.${d.name}`).join(',')}`;
}

/** Every label Traefik sees on the container: what routing (rules, priorities, merging) reads. */
export function traefikContent(c: Container): string {
  return `${head(c)}\n${c.labels.map((l) => `${l.key}=${l.value}`).join('\n')}`;
}

/** Each router's `service` (or none): which services routers send traffic to. */
export function routerTargets(c: Container): string {
  const routers = c.definitions.filter((d) => d.kind === 'routers');
  return `${head(c)}|${routers.map((r) => `${r.protocol}>${r.fields.get('service')?.value ?? '\u0000'}`).join(',')}`;
}

/** Each HTTP middleware's stripprefix prefixes: what stripprefix-mismatch reads of middlewares. */
export function stripPrefixes(c: Container): string {
  const middlewares = c.definitions.filter((d) => d.protocol === 'http' && d.kind === 'middlewares');
  return `${head(c)}|${middlewares.map((m) => `${m.name}=${m.fields.get('stripprefix.prefixes')?.value ?? '\u0000'}`).join(',')}`;
}
