// The path a router matches on, from the raw request path, through what happens before routing:
// Go's url.URL (Path/RawPath/EscapedPath), Traefik's entry point (pkg/server/server_entrypoint_tcp.go:
// denyFragment, normalizePath, sanitizePath — on by default), then pkg/muxer/http/mux.go
// withRoutingPath (non-reserved escapes decoded, reserved ones and %25 kept).
// Decoded paths are handled as byte strings (one char per byte), like Go's strings.

const RESERVED = new Set([
  '%3A',
  '%2F',
  '%3F',
  '%23',
  '%5B',
  '%5D',
  '%40',
  '%21',
  '%24',
  '%26',
  '%27',
  '%28',
  '%29',
  '%2A',
  '%2B',
  '%2C',
  '%3B',
  '%3D',
  '%25',
]);
// url.go validEncoded: sub-delims, ':', '@', '[', ']', '%' and what encodePath leaves alone.
const VALID_RAW = /^[A-Za-z0-9\-_.~!$&'()*+,;=:@[\]/%]*$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

const hex = (b: number): string => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Go's unescape (encodePath mode) to a byte string; undefined on a bad escape. */
function unescape(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(h)) return undefined;
      out += String.fromCharCode(parseInt(h, 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(String.fromCodePoint(s.codePointAt(i)!))) out += String.fromCharCode(b);
      if (s.codePointAt(i)! > 0xffff) i++;
    }
  }
  return out;
}

/** Go's escape in encodePath mode, over a byte string. */
function escape(bytes: string): string {
  let out = '';
  for (const c of bytes) out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : hex(c.charCodeAt(0));
  return out;
}

/** url.URL after setPath(raw): its EscapedPath, given a (possibly normalized) RawPath. */
function escapedPath(path: string, rawPath: string): string {
  if (rawPath !== '' && VALID_RAW.test(rawPath) && unescape(rawPath) === path) return rawPath;
  return path === '*' ? '*' : escape(path);
}

/** normalizePath: escapes upper-cased, unreserved ones decoded (RawPath only). */
function normalize(rawPath: string): string {
  return rawPath.replace(/%[0-9A-Fa-f]{2}/g, (e) => {
    const c = String.fromCharCode(parseInt(e.slice(1), 16));
    return UNRESERVED.test(c) ? c : e.toUpperCase();
  });
}

/** Go's path.Clean. */
function clean(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(seg);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** sanitizePath: url.URL.JoinPath() with no elements, on the escaped path. */
function sanitize(escaped: string): string {
  const first = escaped.startsWith('/') ? escaped : `/${escaped}`;
  let p = escaped.startsWith('/') ? clean(first) : clean(first).slice(1);
  if (first.endsWith('/') && !p.endsWith('/')) p += '/';
  return p;
}

export interface PathOptions {
  /** The entry point's http.sanitizePath (default true). */
  sanitizePath?: boolean;
}

/**
 * The routing path for a raw request path, or undefined when the request is refused before
 * routing (a bad %-escape, or a `#` in the path).
 */
export function routingPath(raw: string, options: PathOptions = {}): string | undefined {
  const url = requestUrlPath(raw, options);
  if (!url) return undefined;
  const escaped = escapedPath(url.path, url.rawPath);
  let bytes = '';
  for (let i = 0; i < escaped.length; i++) {
    const e = escaped.slice(i, i + 3);
    if (escaped[i] === '%' && !RESERVED.has(e)) {
      bytes += String.fromCharCode(parseInt(e.slice(1), 16));
      i += 2;
    } else bytes += escaped[i];
  }
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
}

/** Go's URL.Path (a byte string) and URL.RawPath ('' when Path escapes back to it). */
export interface UrlPath {
  path: string;
  rawPath: string;
}

/**
 * The request's URL path as handlers after the entry point see it (normalizePath, then
 * sanitizePath unless turned off); undefined when Go refuses the request.
 */
export function requestUrlPath(raw: string, options: PathOptions = {}): UrlPath | undefined {
  if (raw.includes('#')) return undefined;
  let path = unescape(raw);
  if (path === undefined) return undefined;
  let rawPath = escape(path) === raw ? '' : raw;
  if (rawPath !== '') rawPath = normalize(rawPath);
  if (options.sanitizePath ?? true) {
    const cleaned = sanitize(escapedPath(path, rawPath));
    path = unescape(cleaned)!;
    rawPath = escape(path) === cleaned ? '' : cleaned;
  }
  return { path, rawPath };
}

/** What goes on the wire: url.URL.EscapedPath(). */
export function wirePath(url: UrlPath): string {
  return escapedPath(url.path, url.rawPath);
}

/** url.PathUnescape to a byte string; undefined on a bad escape. */
export function pathUnescape(s: string): string | undefined {
  return unescape(s);
}

/** Whether sanitizePath leaves a routing-path-like string as it is (no //, /./, /../). */
export function isClean(p: string): boolean {
  return sanitize(p) === p;
}
