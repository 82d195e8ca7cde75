// Rules as boolean formulas over atoms: each atom constrains one dimension of a request (host,
// routing path, method, one header, one query key, client IP). Dimensions are independent, so a
// conjunction is satisfiable exactly when each dimension's part is. Atoms whose meaning we
// reason about exactly (Host, Path, PathPrefix, Method, Header, Query values) carry their
// value; everything else (regexps, templates, ClientIP) is "opaque": only tested on examples.
import { evaluate, hostMatches, type Tri } from './evaluate';
import { canonicalHeaderKey, goLower, goUpper, requestFacts } from './request';
import { routingPath } from './path';
import { argsFit } from './matchers';
import { findPlaceholders } from './placeholders';
import { regexpSamples } from './samples';
import type { CompiledMatchers } from './compiled';
import type { HttpRequest, MatcherNode, RuleNode, RuleSyntax } from './types';

/** A dimension's value in a request: a string, or the list of values of a header/query key. */
export type DimValue = string | string[];

export type AtomKind = 'host-eq' | 'host-wild' | 'path-eq' | 'path-prefix' | 'method' | 'has' | 'first' | 'opaque';

export interface Atom {
  /** Same key = same predicate, wherever it comes from. */
  key: string;
  dim: string;
  kind: AtomKind;
  value: string;
  test(v: DimValue): Tri;
  /** Example values that may satisfy an opaque atom. */
  samples: string[];
}

export type Formula =
  { op: 'true' | 'false' } | { op: 'lit'; atom: Atom; pos: boolean } | { op: 'and' | 'or'; subs: Formula[] };

const TRUE: Formula = { op: 'true' };
const FALSE: Formula = { op: 'false' };

/** A request with one dimension set, for testing opaque atoms through the real evaluator. */
export function requestWith(dim: string, v: DimValue): HttpRequest {
  const req: HttpRequest = {
    host: 'example.com',
    path: '/',
    method: 'GET',
    headers: {},
    query: '',
    clientIP: '192.0.2.1',
  };
  if (dim === 'host') req.host = v as string;
  else if (dim === 'path') req.path = encodePath(v as string) ?? '\u0000';
  else if (dim === 'method') req.method = v as string;
  else if (dim === 'client') req.clientIP = v as string;
  else if (dim.startsWith('header:')) req.headers = { [dim.slice(7)]: v as string[] };
  else if (dim.startsWith('query:')) req.query = encodeQuery(new Map([[dim.slice(6), v as string[]]])) ?? '';
  return req;
}

const RESERVED = /^%(3A|2F|3F|23|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D|25)/;

/** A raw request path whose routing path is `p`, or undefined when no request has that path. */
export function encodePath(p: string): string | undefined {
  if (p === '*') return '*';
  if (!p.startsWith('/') || /[?#]/.test(p)) return undefined;
  const raw = percentEncode(p);
  return raw !== undefined && routingPath(raw) === p ? raw : undefined;
}

function percentEncode(p: string): string | undefined {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '%') {
      if (!RESERVED.test(p.slice(i))) return undefined;
      out += p.slice(i, i + 3);
      i += 2;
    } else if (/[A-Za-z0-9\-_.~!$&'()*+,;=:@/]/.test(c)) {
      out += c;
    } else {
      const cp = p.codePointAt(i)!;
      if (cp >= 0xd800 && cp <= 0xdfff) return undefined;
      if (cp > 0xffff) i++;
      for (const b of new TextEncoder().encode(String.fromCodePoint(cp)))
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

export function encodeQuery(query: Map<string, string[]>): string | undefined {
  const parts: string[] = [];
  try {
    for (const [k, values] of query)
      for (const v of values) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  } catch {
    return undefined;
  }
  return parts.join('&');
}

function opaque(
  node: MatcherNode,
  syntax: RuleSyntax,
  compiled: CompiledMatchers,
  dim: string,
  samples: string[] = [],
): Formula {
  const key = `opaque:${syntax}:${node.name}:${JSON.stringify(node.args.map((a) => a.value))}`;
  const test = (v: DimValue): Tri => evaluate(node, requestFacts(requestWith(dim, v)), syntax, compiled);
  return { op: 'lit', pos: true, atom: { key, dim, kind: 'opaque', value: '', test, samples } };
}

function exact(kind: AtomKind, dim: string, value: string, test: (v: DimValue) => boolean): Formula {
  return { op: 'lit', pos: true, atom: { key: `${kind}:${dim}:${value}`, dim, kind, value, test, samples: [] } };
}

const or = (subs: Formula[]): Formula => (subs.length === 1 ? subs[0] : { op: 'or', subs });
const and = (subs: Formula[]): Formula => (subs.length === 1 ? subs[0] : { op: 'and', subs });
const one = (node: MatcherNode, i: number): MatcherNode => ({ ...node, args: [node.args[i]] });
/** The same matcher with other argument values (ranges kept from the first arguments). */
const withArgs = (node: MatcherNode, values: string[]): MatcherNode => ({
  ...node,
  args: values.map((value, i) => ({ ...node.args[Math.min(i, node.args.length - 1)], value })),
});

function hostV3(node: MatcherNode, syntax: RuleSyntax, compiled: CompiledMatchers): Formula {
  const h = goLower(node.args[0].value);
  if (h === '*') return TRUE;
  if (/^\*\.[^*]+$/.test(h)) return exact('host-wild', 'host', h.slice(2), (v) => hostMatches(v as string, h));
  if (h.startsWith('*')) return opaque(node, syntax, compiled, 'host');
  return exact('host-eq', 'host', h, (v) => hostMatches(v as string, h));
}

/** v2 Host: exact comparison of the lower-cased names, a trailing dot tolerated on either side. */
function hostEqV2(value: string): Formula {
  const h = goLower(value);
  const test = (v: DimValue): boolean => {
    const c = v as string;
    return (
      c !== '' && (c === h || (h.endsWith('.') && c === h.slice(0, -1)) || (c.endsWith('.') && c.slice(0, -1) === h))
    );
  };
  // The same set of hosts as v3 Host for the same name, except that `*` is a plain character.
  return exact('host-eq', 'host', h, test);
}

/**
 * A HostRegexp that matches every host is exact: `.*` even the empty one (v3 also tests the
 * CNAME-flattened host, empty unless flattening is on: pkg/muxer/http/matcher.go hostRegexp),
 * `.+` every request that has a host (Go refuses an HTTP/1.1 request without one: net/http
 * server.go "missing required Host header"), so a Host rule below it is provably covered.
 */
function catchAllHost(kind: 'any' | 'nonempty' | undefined): Formula | undefined {
  if (kind === 'any') return TRUE;
  if (kind === 'nonempty') return not(exact('host-eq', 'host', '', (v) => v === ''));
  return undefined;
}

/** `.*` or `.+` (Go regexp; `.` is every character but a newline, which no host holds), anchored or grouped. */
function anyText(re: string): 'any' | 'nonempty' | undefined {
  let core = re.replace(/^\^/, '').replace(/\$$/, '');
  const group = /^\((?:\?:)?(.*)\)$/.exec(core);
  if (group) core = group[1];
  if (/^\.\*\??$/.test(core)) return 'any';
  if (/^\.\+\??$/.test(core)) return 'nonempty';
  return undefined;
}

/** A v2 (gorilla/mux) host template that is one variable `{name:.*}` or `{name:.+}`: mux anchors it. */
function anyTemplate(template: string): 'any' | 'nonempty' | undefined {
  const m = /^\{[A-Za-z_][A-Za-z0-9_]*:(.*)\}$/.exec(template);
  return m ? anyText(`^${m[1]}$`) : undefined;
}

function matcherFormula(node: MatcherNode, syntax: RuleSyntax, compiled: CompiledMatchers): Formula {
  const values = node.args.map((a) => a.value);
  // A matcher Traefik cannot build: nothing is known about it (its test answers "cannot tell").
  if (!argsFit(node.name, values, syntax, 'http')) return opaque(node, syntax, compiled, 'none');
  const n = node.name;
  const indexes = values.map((_, i) => i);
  if (n === 'ClientIP') {
    const samples = values.flatMap((v) => [v.split('/')[0]]);
    return opaque(node, syntax, compiled, 'client', samples);
  }
  if (syntax === 'v3') {
    switch (n) {
      case 'Host':
        return hostV3(node, syntax, compiled);
      case 'HostRegexp':
        return (
          catchAllHost(anyText(values[0])) ??
          opaque(node, syntax, compiled, 'host', regexpSamples(values[0], compiled).map(goLower))
        );
      case 'Path':
        return exact('path-eq', 'path', values[0], (v) => v === values[0]);
      case 'PathPrefix':
        return exact('path-prefix', 'path', values[0], (v) => (v as string).startsWith(values[0]));
      case 'PathRegexp':
        return opaque(node, syntax, compiled, 'path', regexpSamples(values[0], compiled));
      case 'Method': {
        const m = goUpper(values[0]);
        return exact('method', 'method', m, (v) => v === m);
      }
      case 'Header':
      case 'HeaderRegexp': {
        const k = canonicalHeaderKey(values[0]);
        if (k === 'Host') return FALSE;
        const dim = `header:${k}`;
        if (n === 'HeaderRegexp') return opaque(node, syntax, compiled, dim, regexpSamples(values[1], compiled));
        return exact('has', dim, values[1], (v) => (v as string[]).includes(values[1]));
      }
      case 'Query':
      case 'QueryRegexp': {
        const dim = `query:${values[0]}`;
        if (n === 'QueryRegexp' && values.length === 2)
          return opaque(node, syntax, compiled, dim, regexpSamples(values[1], compiled));
        const want = values[1] ?? '';
        return exact('has', dim, want, (v) => (v as string[]).includes(want));
      }
    }
    return opaque(node, syntax, compiled, 'none');
  }
  switch (n) {
    case 'Host':
    case 'HostHeader':
      return or(values.map(hostEqV2));
    case 'HostRegexp':
      return or(
        indexes.map((i) => catchAllHost(anyTemplate(values[i])) ?? opaque(one(node, i), syntax, compiled, 'host')),
      );
    case 'Path':
    case 'PathPrefix':
      return or(
        indexes.map((i) => {
          const v = values[i];
          // A template without {...} is the plain string, anchored: exact reasoning applies.
          if (v.includes('{') || v.includes('}')) return opaque(one(node, i), syntax, compiled, 'path');
          if (n === 'Path') return exact('path-eq', 'path', v, (p) => p === v);
          return exact('path-prefix', 'path', v, (p) => (p as string).startsWith(v));
        }),
      );
    case 'Method':
      return or(values.map((m) => exact('method', 'method', goUpper(m), (v) => v === goUpper(m))));
    case 'Headers':
    case 'HeadersRegexp': {
      const pairs = new Map<string, string>();
      for (let i = 0; i + 1 < values.length; i += 2) pairs.set(values[i], values[i + 1]);
      return and(
        [...pairs].map(([k, v]) => {
          const key = canonicalHeaderKey(k);
          if (key === 'Host') return FALSE;
          if (n === 'HeadersRegexp')
            return opaque(withArgs(node, [k, v]), syntax, compiled, `header:${key}`, regexpSamples(v, compiled));
          return exact('has', `header:${key}`, v, (x) => (x as string[]).includes(v));
        }),
      );
    }
    case 'Query':
      return queryV2(node, values, syntax, compiled);
  }
  return opaque(node, syntax, compiled, 'none');
}

/** v2 Query: `key=value` compares the key's first value; templates and `key=` stay opaque. */
function queryV2(node: MatcherNode, values: string[], syntax: RuleSyntax, compiled: CompiledMatchers): Formula {
  const parts = values.flatMap((v) => {
    const eq = v.indexOf('=');
    return eq < 0 ? [v] : [v.slice(0, eq), v.slice(eq + 1)];
  });
  const subs: Formula[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [k, v] = [parts[i], parts[i + 1]];
    const dim = `query:${k}`;
    if (v === '' || findPlaceholders(`${k}=${v}`, false).length > 0 || /[{}]/.test(k + v)) {
      subs.push(opaque(withArgs(node, [`${k}=${v}`]), syntax, compiled, dim));
    } else {
      subs.push(exact('first', dim, v, (x) => (x as string[]).length > 0 && (x as string[])[0] === v));
    }
  }
  return and(subs);
}

function negate(f: Formula): Formula {
  switch (f.op) {
    case 'true':
      return FALSE;
    case 'false':
      return TRUE;
    case 'lit':
      return { ...f, pos: !f.pos };
    case 'and':
      return { op: 'or', subs: f.subs.map(negate) };
    case 'or':
      return { op: 'and', subs: f.subs.map(negate) };
  }
}

/** The rule as a formula in negation normal form. */
export function toFormula(tree: RuleNode, syntax: RuleSyntax, compiled: CompiledMatchers): Formula {
  switch (tree.type) {
    case 'and':
    case 'or':
      return { op: tree.type, subs: [toFormula(tree.left, syntax, compiled), toFormula(tree.right, syntax, compiled)] };
    case 'not':
      return negate(toFormula(tree.operand, syntax, compiled));
    case 'matcher':
      return matcherFormula(tree, syntax, compiled);
  }
}

export function not(f: Formula): Formula {
  return negate(f);
}

export interface Literal {
  atom: Atom;
  pos: boolean;
}

/** Disjunctive normal form; undefined when it would exceed `limit` terms. */
export function dnf(f: Formula, limit = 512): Literal[][] | undefined {
  switch (f.op) {
    case 'true':
      return [[]];
    case 'false':
      return [];
    case 'lit':
      return [[{ atom: f.atom, pos: f.pos }]];
    case 'or': {
      const out: Literal[][] = [];
      for (const s of f.subs) {
        const d = dnf(s, limit);
        if (!d) return undefined;
        out.push(...d);
        if (out.length > limit) return undefined;
      }
      return out;
    }
    case 'and': {
      let acc: Literal[][] = [[]];
      for (const s of f.subs) {
        const d = dnf(s, limit);
        if (!d) return undefined;
        const next: Literal[][] = [];
        for (const a of acc) for (const b of d) next.push([...a, ...b]);
        if (next.length > limit) return undefined;
        acc = next;
      }
      return acc;
    }
  }
}
