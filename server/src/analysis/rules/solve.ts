// Satisfiability of a conjunction of atoms, one request dimension at a time. For each dimension
// a finite list of candidate values is tried; for exact atoms the list provably contains a
// solution whenever one exists (see each generator), so "none fits" means unsatisfiable.
// With opaque atoms, a fitting candidate proves satisfiable; failing to find one proves nothing.
import { encodePath, encodeQuery, type DimValue, type Literal } from './atoms';
import { parseIp } from './ip';
import { canonicalHost } from './request';
import type { HttpRequest } from './types';

export type DimResult = { status: 'sat'; value: DimValue } | { status: 'unsat' } | { status: 'unknown' };
export type TermResult = { status: 'sat'; request: HttpRequest } | { status: 'unsat' } | { status: 'unknown' };

const values = (lits: Literal[], kind: string, pos: boolean): string[] =>
  lits.filter((l) => l.atom.kind === kind && l.pos === pos).map((l) => l.atom.value);

/** `n` names that differ from each other; enough to dodge `n - 1` exclusions. */
const fresh = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The names a host rule accepts for `h` (exact part of pkg/muxer/http/matcher.go host). */
function hostSet(h: string): string[] {
  return [h, `${h}.`, ...(h.endsWith('.') ? [h.slice(0, -1)] : [])];
}

/** The request Host header that canonicalizes to `c`, if any. */
export function requestHost(c: string): string | undefined {
  const host = c.includes(':') ? `[${c}]` : c;
  if (!/^[A-Za-z0-9!$&'()*+,\-.:;=[\]_~%]*$/.test(host)) return undefined;
  return canonicalHost(host) === c ? host : undefined;
}

function hostCandidates(lits: Literal[]): string[] {
  const n = lits.length + 2;
  const eq = values(lits, 'host-eq', true);
  if (eq.length > 0) return hostSet(eq[0]);
  const wild = values(lits, 'host-wild', true);
  // Wildcard membership depends only on what follows the first label; the first label only
  // has to dodge the excluded names.
  const labels = ['www', 'app', ...fresh('h', n)];
  if (wild.length > 0)
    return [...hostSet(wild[0]).flatMap((tail) => labels.map((x) => `${x}.${tail}`)), ...samples(lits)];
  return ['example.com', 'www.example.com', ...samples(lits), ...fresh('h', n)];
}

function pathCandidates(lits: Literal[], options: SolveOptions): string[] {
  const n = lits.length + 2;
  const eq = values(lits, 'path-eq', true);
  if (eq.length > 0) return [eq[0]];
  const prefixes = values(lits, 'path-prefix', true).sort((a, b) => b.length - a.length);
  // Every path starts with the longest required prefix (or `/`); one more character after it
  // dodges each excluded path and each excluded longer prefix.
  const chars = 'xyzabcdefghijklmnopqrstuvw0123456789'.split('');
  const tails = ['', '/', ...chars.slice(0, n), ...fresh('x', n)];
  const s = samples(lits);
  if (prefixes.length > 0) return [...tails.map((t) => prefixes[0] + t), ...s.filter((x) => x.startsWith(prefixes[0]))];
  // `*` (the request-target of `GET * HTTP/1.1`) is matched by no Path or PathPrefix.
  const asterisk = options.asteriskForm === false ? [] : ['*'];
  return [...tails.map((t) => `/${t}`), ...s, ...s.map((x) => `/${x}`), ...asterisk];
}

function methodCandidates(lits: Literal[]): string[] {
  const eq = values(lits, 'method', true);
  if (eq.length > 0) return [eq[0]];
  return ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', ...fresh('M', lits.length + 1)];
}

function opaqueSamples(lits: Literal[]): string[][] {
  return lits.filter((l) => l.atom.kind === 'opaque' && l.pos && l.atom.samples.length > 0).map((l) => l.atom.samples);
}

function samples(lits: Literal[]): string[] {
  return opaqueSamples(lits).flat();
}

/** Header values: the required values are enough; samples are added for opaque atoms. */
function headerCandidates(lits: Literal[]): string[][] {
  const has = [...new Set(values(lits, 'has', true))];
  const extra = opaqueSamples(lits);
  const out = [has];
  for (let i = 0; i < 8 && extra.length > 0; i++) out.push([...has, ...extra.map((s) => s[Math.min(i, s.length - 1)])]);
  return out;
}

/** Query values: order matters for v2's first-value comparison. */
function queryCandidates(lits: Literal[]): string[][] {
  const has = [...new Set(values(lits, 'has', true))];
  const first = values(lits, 'first', true);
  if (first.length > 0) return [[first[0], ...has.filter((h) => h !== first[0])]];
  const out: string[][] = [[], has];
  has.forEach((h, i) => out.push([h, ...has.slice(0, i), ...has.slice(i + 1)]));
  for (const f of fresh('v', lits.length + 2)) out.push([f, ...has]);
  for (const s of samples(lits)) out.push([s, ...has], [...has, s]);
  return out;
}

function clientCandidates(lits: Literal[]): string[] {
  return [...samples(lits), '192.0.2.1', '2001:db8::1', '10.0.0.1', '127.0.0.1', '172.16.0.1', '192.168.1.1', '::1'];
}

export interface SolveOptions {
  /**
   * Whether requests with the request-target `*` (routing path `*`, e.g. `GET * HTTP/1.1`) count.
   * They are real but rare; without them every routing path starts with `/`. Default true.
   */
  asteriskForm?: boolean;
}

function realizable(dim: string, v: DimValue, options: SolveOptions): boolean {
  if (dim === 'host') return requestHost(v as string) !== undefined;
  if (dim === 'path') return encodePath(v as string) !== undefined && (v !== '*' || options.asteriskForm !== false);
  if (dim === 'method') return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(v as string);
  if (dim === 'client') return parseIp(v as string) !== undefined;
  if (dim.startsWith('header:')) {
    const ok = (s: string): boolean => !/[\r\n\0]/.test(s) && !/^[ \t]|[ \t]$/.test(s);
    return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(dim.slice(7)) && (v as string[]).every(ok);
  }
  if (dim.startsWith('query:')) return encodeQuery(new Map([[dim.slice(6), v as string[]]])) !== undefined;
  return false;
}

function candidates(dim: string, lits: Literal[], options: SolveOptions): DimValue[] {
  if (dim === 'host') return hostCandidates(lits);
  if (dim === 'path') return pathCandidates(lits, options);
  if (dim === 'method') return methodCandidates(lits);
  if (dim === 'client') return clientCandidates(lits);
  if (dim.startsWith('header:')) return headerCandidates(lits);
  if (dim.startsWith('query:')) return queryCandidates(lits);
  return [];
}

/** First candidate satisfying every literal: 'fits' (a real request can carry it) or 'model'. */
function search(dim: string, lits: Literal[], options: SolveOptions): { fit?: DimValue; model: boolean } {
  let model = false;
  for (const c of candidates(dim, lits, options)) {
    if (!lits.every((l) => l.atom.test(c) === l.pos)) continue;
    if (realizable(dim, c, options)) return { fit: c, model: true };
    model = true;
  }
  return { model };
}

export function solveDim(dim: string, lits: Literal[], options: SolveOptions = {}): DimResult {
  if (!/^(host|path|method|client|header:.*|query:.*)$/s.test(dim)) return { status: 'unknown' };
  const found = search(dim, lits, options);
  if (found.fit !== undefined) return { status: 'sat', value: found.fit };
  const opaque = lits.some((l) => l.atom.kind === 'opaque');
  if (!opaque) return found.model ? { status: 'unknown' } : { status: 'unsat' };
  // Opaque atoms only ever prove "satisfiable"; the exact ones alone may still rule it out.
  const exact = search(
    dim,
    lits.filter((l) => l.atom.kind !== 'opaque'),
    options,
  );
  return exact.model ? { status: 'unknown' } : { status: 'unsat' };
}

export function solveTerm(term: Literal[], options: SolveOptions = {}): TermResult {
  const byKey = new Map<string, boolean>();
  for (const l of term) {
    if (byKey.get(l.atom.key) === !l.pos) return { status: 'unsat' };
    byKey.set(l.atom.key, l.pos);
  }
  const dims = new Map<string, Literal[]>();
  for (const l of term) dims.set(l.atom.dim, [...(dims.get(l.atom.dim) ?? []), l]);
  const req: HttpRequest = {
    host: 'example.com',
    path: '/',
    method: 'GET',
    headers: {},
    query: '',
    clientIP: '192.0.2.1',
  };
  const query = new Map<string, string[]>();
  let unknown = false;
  for (const [dim, lits] of dims) {
    const r = solveDim(dim, lits, options);
    if (r.status === 'unsat') return r;
    if (r.status === 'unknown') {
      unknown = true;
      continue;
    }
    const v = r.value;
    if (dim === 'host') req.host = requestHost(v as string)!;
    else if (dim === 'path') req.path = encodePath(v as string)!;
    else if (dim === 'method') req.method = v as string;
    else if (dim === 'client') req.clientIP = v as string;
    else if (dim.startsWith('header:') && (v as string[]).length > 0) req.headers[dim.slice(7)] = v as string[];
    else if (dim.startsWith('query:') && (v as string[]).length > 0) query.set(dim.slice(6), v as string[]);
  }
  // Go answers `OPTIONS *` itself (net/http serverHandler): such a request never reaches a router.
  if (unknown || (req.path === '*' && req.method === 'OPTIONS')) return { status: 'unknown' };
  req.query = encodeQuery(query) ?? '';
  return { status: 'sat', request: req };
}
