// The URL a user types, split the way a client sends it: the Host header (authority), the raw
// path (escapes kept, as on the request line) and query. ws/wss are http/https upgrades.
export interface Target {
  scheme: 'http' | 'https';
  tls: boolean;
  /** The Host header: host and port as written. */
  authority: string;
  /** Host without port, lower-cased. */
  host: string;
  port: number;
  /** Raw path as sent; `/` when the URL has none. */
  path: string;
  /** Go's URL.Path: the raw path with %-escapes decoded (what middlewares rewrite). */
  decodedPath: string;
  query: string;
  rawPathAndQuery: string;
}

const SCHEMES: Record<string, 'http' | 'https'> = { http: 'http', ws: 'http', https: 'https', wss: 'https' };

export function parseTarget(url: string): Target | { error: string } {
  const text = url.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i.exec(withScheme);
  if (!m) return { error: `"${url}" is not a URL` };
  const scheme = SCHEMES[m[1].toLowerCase()];
  if (!scheme) return { error: `"${m[1]}" is not an HTTP scheme (use http, https, ws or wss)` };
  const authority = m[2].replace(/^[^@]*@/, '');
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  // An empty host is allowed here: the Host header then says it (Go's r.Host).
  if (!hp) return { error: `"${url}" has no valid host` };
  const port = hp[2] ? Number(hp[2]) : scheme === 'https' ? 443 : 80;
  const path = m[3] === '' ? '/' : m[3];
  let decodedPath = path;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return { error: `"${path}" has a bad %-escape; Go rejects the request before routing` };
  }
  const query = m[4] ?? '';
  return {
    scheme,
    tls: scheme === 'https',
    authority,
    host: hp[1].toLowerCase(),
    port,
    path,
    decodedPath,
    query,
    rawPathAndQuery: `${path}${m[4] !== undefined ? `?${query}` : ''}`,
  };
}
