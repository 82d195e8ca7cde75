// What the matchers see of a request after Go's net/http and Traefik have prepared it:
// the canonical host (pkg/middlewares/requestdecorator), the routing path (path.ts), canonical
// header keys, and the query as url.ParseQuery reads it. Entry point options are their defaults.
import { remoteIp, splitHostPort, type Ip } from './ip';
import { routingPath } from './path';
import type { HttpRequest } from './types';

export interface RequestFacts {
  /** Lower-cased, trimmed, port removed: what Host and v3 HostRegexp compare with. */
  canonicalHost: string;
  /** gorilla/mux's parseHost(req.Host): port removed, case kept (v2 HostRegexp). */
  muxHost: string;
  /** Undefined when Go rejects the path (bad %-escape) before any router is tried. */
  routingPath?: string;
  method: string;
  headers: Map<string, string[]>;
  query: Map<string, string[]>;
  /** Undefined when the request does not say; null when it is not an IP. */
  clientIP?: Ip | null;
}

const utf8 = (bytes: number[]): string => new TextDecoder().decode(Uint8Array.from(bytes));

/** Go's strings.ToLower, one code point at a time (no context rules, İ -> i). */
export function goLower(s: string): string {
  let out = '';
  for (const ch of s) {
    const l = ch === '\u0130' ? 'i' : ch.toLowerCase();
    out += [...l].length === 1 ? l : ch;
  }
  return out;
}

export function goUpper(s: string): string {
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += [...u].length === 1 ? u : ch;
  }
  return out;
}

const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** requestdecorator's parseHost + types.CanonicalDomain. */
export function canonicalHost(host: string): string {
  let h = host;
  if (host.includes(':')) {
    const split = splitHostPort(host);
    if (split !== undefined) h = split;
    else if (host.startsWith('[') && host.endsWith(']')) h = host.slice(1, -1);
  }
  return goLower(h.replace(GO_SPACE, ''));
}

/** Go's http.CanonicalHeaderKey. */
export function canonicalHeaderKey(key: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]*$/.test(key)) return key;
  return key.replace(/[A-Za-z0-9!#$%&'*+.^_`|~]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
}

/** Bytes of a %-escaped string, or undefined on a bad escape; `plus` turns + into a space. */
function unescapeBytes(s: string, plus: boolean): number[] | undefined {
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(h)) return undefined;
      out.push(parseInt(h, 16));
      i += 2;
    } else if (plus && s[i] === '+') {
      out.push(0x20);
    } else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      out.push(...enc.encode(String.fromCodePoint(cp)));
    }
  }
  return out;
}

/**
 * The query as matchers read it: Traefik's entry point turns `;` into `&` (http.AllowQuerySemicolons,
 * unless encodeQuerySemicolons is set), then Go's url.ParseQuery drops pairs with a bad escape.
 */
export function parseQuery(query: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of query.replace(/;/g, '&').split('&')) {
    if (part === '' || part.includes(';')) continue;
    const eq = part.indexOf('=');
    const k = unescapeBytes(eq < 0 ? part : part.slice(0, eq), true);
    const v = unescapeBytes(eq < 0 ? '' : part.slice(eq + 1), true);
    if (!k || !v) continue;
    const key = utf8(k);
    out.set(key, [...(out.get(key) ?? []), utf8(v)]);
  }
  return out;
}

/** gorilla/mux parseHost: the port is removed when Go can split it off. */
function muxHost(host: string): string {
  return host.includes(':') ? (splitHostPort(host) ?? host) : host;
}

export function requestFacts(req: HttpRequest): RequestFacts {
  const headers = new Map<string, string[]>();
  for (const [key, values] of Object.entries(req.headers)) {
    const k = canonicalHeaderKey(key);
    // net/http moves Host out of the header map into Request.Host.
    if (k === 'Host') continue;
    headers.set(k, [...(headers.get(k) ?? []), ...values]);
  }
  return {
    canonicalHost: canonicalHost(req.host),
    muxHost: muxHost(req.host),
    routingPath: routingPath(req.path),
    method: req.method,
    headers,
    query: parseQuery(req.query),
    ...(req.clientIP !== undefined ? { clientIP: remoteIp(req.clientIP) ?? null } : {}),
  };
}
