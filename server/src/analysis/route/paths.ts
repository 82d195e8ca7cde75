// What a router's path middlewares do to the request path before it reaches the backend
// (pkg/middlewares/stripprefix, stripprefixregex, replacepath, replacepathregex, addprefix).
// Like Go's url.URL they keep a decoded Path and an escaped RawPath; the backend
// receives EscapedPath(). A result that changes under path cleaning (`/api./x` stripped of
// `/api`) is refused with 400, and a middleware Traefik cannot build disables the router.
import type { Project } from '../project';
import { isClean, pathUnescape, requestUrlPath, wirePath, type UrlPath } from '../rules/path';
import type { CompiledMatchers } from '../rules/compiled';
import { index, qualify } from '../traefik/lookup';
import { listValue } from '../traefik/model';
import { liveFileNames } from '../checks/fileReferences';
import { fileFields } from './fileRouters';
import { parseBool } from '../traefik/values';

export interface PathStep {
  /** Traefik's name of the middleware, `users-strip@docker`. */
  middleware: string;
  type: string;
  before: string;
  after: string;
}

export interface Forwarded {
  /** The path on the wire to the backend; undefined when Traefik answers 400 itself. */
  path?: string;
  steps: PathStep[];
  notes: string[];
  /** Why Traefik cannot build one of the router's middlewares (the router is then disabled). */
  broken?: string;
}

const PATH_TYPES = ['stripprefix', 'stripprefixregex', 'replacepath', 'replacepathregex', 'addprefix'];

type Outcome = UrlPath | { broken: string } | { refused: string };

/**
 * The path the backend receives, following each middleware the router names (qualified,
 * `strip@docker`, `strip@file`), in order.
 */
export function forwardedPath(project: Project, middlewares: string[], rawPath: string): Forwarded {
  const out: Forwarded = { steps: [], notes: [] };
  let url = requestUrlPath(rawPath);
  if (!url) return { ...out, notes: ['Go refuses this path before routing (400).'] };
  for (const full of middlewares) {
    const { name, provider } = qualify(full, '');
    const def = middlewareFields(project, provider, name);
    if (!def) {
      out.notes.push(`middleware "${full}" is not defined in these files; the path is shown as if it left it alone.`);
      continue;
    }
    const type = [...def.fields.keys()][0]?.split('.')[0];
    if (!type || !PATH_TYPES.includes(type)) {
      if (type === 'chain') out.notes.push(`chain "${full}" is not followed; the path may change further.`);
      continue;
    }
    const value = (key: string): string => def.fields.get(`${type}.${key}`)?.value ?? '';
    const result = apply(type, value, url, project.derived.matchers);
    if ('broken' in result) return { ...out, broken: `middleware "${full}": ${result.broken}` };
    if ('refused' in result) {
      out.notes.push(`after "${full}" the path ${result.refused}: Traefik answers 400 Bad Request.`);
      return out;
    }
    const before = wirePath(url);
    const after = wirePath(result);
    if (after !== before) out.steps.push({ middleware: full, type, before, after });
    url = result;
  }
  // Go's URL.RequestURI sends `/` for an empty path.
  return { ...out, path: wirePath(url) || '/' };
}

/** A middleware's fields (lower-cased paths), from a container's labels or from a dynamic file. */
function middlewareFields(
  project: Project,
  provider: string,
  name: string,
): { fields: Map<string, { value: string }> } | undefined {
  if (provider === 'file') {
    const def = liveFileNames(project, 'http', 'middlewares').get(name);
    return def && { fields: fileFields(project, def) };
  }
  return index(project, 'http', 'middlewares').live.get(provider)?.get(name)?.[0];
}

function apply(type: string, value: (key: string) => string, url: UrlPath, compiled: CompiledMatchers): Outcome {
  switch (type) {
    case 'stripprefix': {
      const force = parseBool(value('forceslash').trim()) === true;
      const prefix = listValue(value('prefixes')).find((p) => url.path.startsWith(p));
      if (prefix === undefined) return url;
      return clean({
        path: stripped(url.path.slice(prefix.length), force),
        rawPath: url.rawPath ? stripped(url.rawPath.slice(encodedPrefixLength(url.rawPath, prefix)), force) : '',
      });
    }
    case 'stripprefixregex': {
      for (const src of listValue(value('regex'))) {
        const re = compiled.goRegexp(src);
        if (!re) return { broken: `"${src}" is not a Go regexp Gateway Lens can evaluate` };
        // The leftmost match counts only when the path starts with it (strip_prefix_regex.go).
        const m = re.find(url.path);
        const prefix = m ? url.path.slice(m.start, m.end) : '';
        if (prefix === '' || !url.path.startsWith(prefix)) continue;
        return clean({
          path: stripped(url.path.slice(prefix.length), false),
          rawPath: url.rawPath ? stripped(url.rawPath.slice(encodedPrefixLength(url.rawPath, prefix)), false) : '',
        });
      }
      return url;
    }
    case 'replacepath': {
      const path = pathUnescape(value('path'));
      return path === undefined ? { refused: 'is not a valid escaped path' } : { path, rawPath: value('path') };
    }
    case 'replacepathregex': {
      // Both are trimmed when the middleware is built; the escaped path is what is matched.
      const src = value('regex').trim();
      const re = compiled.goRegexp(src);
      if (!re) return { broken: `"${src}" is not a Go regexp Gateway Lens can evaluate` };
      const current = url.rawPath || wirePath(url);
      if (!re.test(current)) return url;
      const rawPath = re.replaceAll(current, value('replacement').trim());
      const path = pathUnescape(rawPath);
      if (path === undefined) return { refused: `"${rawPath}" is not a valid escaped path` };
      return clean({ path, rawPath });
    }
    case 'addprefix': {
      const prefix = value('prefix');
      return { path: leadingSlash(prefix + url.path), rawPath: url.rawPath ? leadingSlash(prefix + url.rawPath) : '' };
    }
  }
  return url;
}

function clean(url: UrlPath): Outcome {
  return url.path === '' || isClean(url.path) ? url : { refused: `"${url.path}" is not clean (a . or .. segment)` };
}

/** v3 (forceSlash off): a leading slash is added unless nothing is left. */
function stripped(rest: string, force: boolean): string {
  if (force) return `/${rest.replace(/^\//, '')}`;
  return leadingSlash(rest);
}

function leadingSlash(s: string): string {
  return s === '' || s.startsWith('/') ? s : `/${s}`;
}

/** How many characters of an escaped path spell the decoded prefix (`%2F` counts as one). */
function encodedPrefixLength(raw: string, prefix: string): number {
  let decoded = 0;
  let i = 0;
  while (i < raw.length && decoded < prefix.length) {
    i += raw[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3)) ? 3 : 1;
    decoded++;
  }
  return i;
}
