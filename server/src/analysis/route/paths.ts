// What a router's path middlewares do to the request path before it reaches the backend
// (pkg/middlewares/stripprefix, stripprefixregex, replacepath, replacepathregex, addprefix;
// SEMANTICS E). They act on the decoded path (Go's URL.Path), in the router's order.
import type { Project } from '../project';
import { goRegExp } from '../rules/regexp-js';
import { index, qualify } from '../traefik/lookup';
import type { Definition } from '../traefik/model';
import { listValue } from '../traefik/model';
import { parseBool } from '../traefik/values';

export interface PathStep {
  /** Traefik's name of the middleware, `users-strip@docker`. */
  middleware: string;
  /** The middleware's type as the API shows it (`stripprefix`), or undefined when unknown. */
  type?: string;
  before: string;
  after: string;
}

export interface Forwarded {
  path: string;
  steps: PathStep[];
  notes: string[];
}

const PATH_TYPES = ['stripprefix', 'stripprefixregex', 'replacepath', 'replacepathregex', 'addprefix'];

/** The path the backend receives, following each middleware the router names. */
export function forwardedPath(project: Project, router: Definition, path: string): Forwarded {
  const out: Forwarded = { path, steps: [], notes: [] };
  const names = listValue(router.fields.get('middlewares')?.value ?? '');
  for (const reference of names) {
    const { name, provider } = qualify(reference, router.container.provider);
    const full = `${name}@${provider}`;
    const def = index(project, 'http', 'middlewares').live.get(provider)?.get(name)?.[0];
    if (!def) {
      out.notes.push(`middleware "${full}" is not defined in these files; the path is shown as if it left it alone.`);
      continue;
    }
    const type = middlewareType(def);
    if (!type || !PATH_TYPES.includes(type)) {
      if (type === 'chain') out.notes.push(`chain "${full}" is not followed; the path may change further.`);
      continue;
    }
    const before = out.path;
    const after = apply(def, type, before, out.notes, full);
    if (after !== before) out.steps.push({ middleware: full, type, before, after });
    out.path = after;
  }
  return out;
}

function middlewareType(def: Definition): string | undefined {
  const first = [...def.fields.keys()][0];
  return first?.split('.')[0];
}

function apply(def: Definition, type: string, path: string, notes: string[], full: string): string {
  const value = (key: string): string => def.fields.get(`${type}.${key}`)?.value ?? '';
  switch (type) {
    case 'stripprefix': {
      const prefix = listValue(value('prefixes')).find((p) => p !== '' && path.startsWith(p));
      if (prefix === undefined) return path;
      // v3 default (forceSlash false): an empty rest stays empty, which Go sends as `/`.
      const force = parseBool(value('forceslash').trim()) === true;
      const rest = path.slice(prefix.length);
      if (force) return `/${rest.replace(/^\//, '')}`;
      return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
    }
    case 'stripprefixregex': {
      for (const src of listValue(value('regex'))) {
        const re = goRegExp(src);
        if (!re) {
          notes.push(`regexp "${src}" of "${full}" cannot be evaluated here; the path is shown unchanged.`);
          continue;
        }
        // The leftmost match counts only when the path starts with the matched text.
        const m = re.exec(path);
        if (m && m[0] !== '' && path.startsWith(m[0])) {
          const rest = path.slice(m[0].length);
          return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
        }
      }
      return path;
    }
    case 'replacepath':
      return value('path');
    case 'replacepathregex': {
      const src = value('regex');
      const re = goRegExp(src);
      if (!re) {
        notes.push(`the regexp of "${full}" cannot be evaluated here; the path is shown unchanged.`);
        return path;
      }
      if (!re.test(path)) return path;
      const groups = withGroups(src, re, path);
      if (!groups) {
        notes.push(`the replacement of "${full}" cannot be evaluated here; the path is shown unchanged.`);
        return path;
      }
      // Go's ReplaceAllString expands $1, ${1} and ${name}; JS's replace reads $1 and $<name>.
      const replacement = value('replacement').replace(/\$\{(\w+)\}/g, (_, g: string) =>
        /^\d+$/.test(g) ? `$${g}` : `$<${g}>`,
      );
      return path.replace(groups, replacement);
    }
    case 'addprefix':
      return `${value('prefix')}${path}`;
  }
  return path;
}

/**
 * The pattern as a JS regexp with its capture groups (goRegExp keeps none), used only when it
 * matches exactly what the Go-faithful translation matches on this path.
 */
function withGroups(src: string, go: RegExp, path: string): RegExp | undefined {
  let js: RegExp;
  try {
    js = new RegExp(src.replace(/\(\?P</g, '(?<'), 'gu');
  } catch {
    return undefined;
  }
  const all = (re: RegExp): string[] =>
    [...path.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))].map((m) => `${m.index}:${m[0]}`);
  return all(js).join('\u0000') === all(go).join('\u0000') ? js : undefined;
}
