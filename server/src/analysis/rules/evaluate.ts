// Whether a rule matches a request, as Traefik's muxer decides it (pkg/muxer/http/mux.go
// matchersTree.match over the matchers of matcher.go / matcher_v2.go). Three-valued: undefined
// when the answer depends on something we cannot reproduce exactly (a regexp JavaScript cannot
// express, a ClientIP matcher without a client address).
import { contains, parseNetwork } from './ip';
import { argsFit } from './matchers';
import type { CompiledMatchers } from './compiled';
import { canonicalHeaderKey, goLower, goUpper, requestFacts, type RequestFacts } from './request';
import { compileTemplate, type TemplateKind } from './template';
import type { HttpRequest, MatcherNode, RuleNode, RuleSyntax } from './types';

export type Tri = boolean | undefined;
export type Predicate = (f: RequestFacts) => Tri;

export function anyOf(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

export function allOf(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

const unknown: Predicate = () => undefined;

/** pkg/muxer/domain DomainMatchHostExpression: `*.` replaces exactly the first label. */
function domainMatch(domain: string, expr: string): boolean {
  if (expr.startsWith('*')) {
    const labels = domain.split('.');
    labels[0] = '*';
    return labels.join('.').toLowerCase() === expr.toLowerCase();
  }
  return domain.toLowerCase() === expr.toLowerCase();
}

/** v3 Host: case-insensitive, a trailing dot tolerated on either side. */
export function hostMatches(reqHost: string, expr: string): boolean {
  if (reqHost === '') return false;
  if (domainMatch(reqHost, expr)) return true;
  if (expr.endsWith('.') && domainMatch(reqHost, expr.slice(0, -1))) return true;
  return reqHost.endsWith('.') && domainMatch(reqHost.slice(0, -1), expr);
}

function regexpTest(
  src: string,
  subject: (f: RequestFacts) => string[] | undefined,
  compiled: CompiledMatchers,
): Predicate {
  const re = compiled.goRegexp(src);
  if (!re) return unknown;
  return (f) => subject(f)?.some((s) => re.test(s)) ?? false;
}

function clientIP(values: string[]): Predicate {
  const nets = values.map(parseNetwork);
  return (f) => {
    if (f.clientIP === undefined) return undefined;
    const ip = f.clientIP;
    return ip !== null && nets.some((n) => n !== undefined && contains(n, ip));
  };
}

function v3(m: MatcherNode, compiled: CompiledMatchers): Predicate {
  const [a, b] = m.args.map((x) => x.value);
  switch (m.name) {
    case 'Host':
      return a === '*' ? () => true : (f) => hostMatches(f.canonicalHost, goLower(a));
    case 'HostRegexp':
      // Traefik also tries the CNAME-flattened host, which is empty unless flattening is on.
      return regexpTest(a, (f) => [f.canonicalHost, ''], compiled);
    case 'Path':
      return (f) => f.routingPath === a;
    case 'PathPrefix':
      return (f) => f.routingPath!.startsWith(a);
    case 'PathRegexp':
      return regexpTest(a, (f) => [f.routingPath!], compiled);
    case 'Method':
      return (f) => f.method === goUpper(a);
    case 'Header':
      return (f) => f.headers.get(canonicalHeaderKey(a))?.includes(b) ?? false;
    case 'HeaderRegexp':
      return regexpTest(b, (f) => f.headers.get(canonicalHeaderKey(a)), compiled);
    case 'Query':
      return (f) => f.query.get(a)?.includes(b ?? '') ?? false;
    case 'QueryRegexp':
      return b === undefined
        ? (f) => f.query.get(a)?.includes('') ?? false
        : regexpTest(b, (f) => f.query.get(a), compiled);
    case 'ClientIP':
      return clientIP([a]);
  }
  return unknown;
}

/** A gorilla/mux template as a predicate on one string of the request. */
function templates(
  values: string[],
  kind: TemplateKind,
  subject: (f: RequestFacts) => string,
  compiled: CompiledMatchers,
): Predicate {
  const res = values.map((v) => {
    const t = compileTemplate(v, kind);
    return t.ok ? compiled.goRegexp(t.regexp) : undefined;
  });
  return (f) => anyOf(res.map((re) => (re ? re.test(subject(f)) : undefined)));
}

function v2(m: MatcherNode, compiled: CompiledMatchers): Predicate {
  const values = m.args.map((x) => x.value);
  switch (m.name) {
    case 'Host':
    case 'HostHeader': {
      const hosts = values.map(goLower);
      return (f) => {
        const h = f.canonicalHost;
        if (h === '') return false;
        return hosts.some(
          (x) => h === x || (x.endsWith('.') && h === x.slice(0, -1)) || (h.endsWith('.') && h.slice(0, -1) === x),
        );
      };
    }
    case 'HostRegexp':
      return templates(values, 'host', (f) => f.muxHost, compiled);
    case 'Path':
      return templates(values, 'path', (f) => f.routingPath!, compiled);
    case 'PathPrefix':
      return templates(values, 'prefix', (f) => f.routingPath!, compiled);
    case 'Method': {
      const methods = values.map(goUpper);
      return (f) => methods.includes(f.method);
    }
    case 'Headers':
    case 'HeadersRegexp': {
      // gorilla builds a map: a repeated name keeps its last value.
      const pairs = new Map<string, string>();
      for (let i = 0; i + 1 < values.length; i += 2) pairs.set(values[i], values[i + 1]);
      const regexp = m.name === 'HeadersRegexp';
      const tests = [...pairs].map(([k, v]) => {
        const re = regexp ? compiled.goRegexp(v) : undefined;
        return (f: RequestFacts): Tri => {
          const got = f.headers.get(canonicalHeaderKey(k));
          if (!got) return false;
          if (!regexp) return got.includes(v);
          return re ? got.some((x) => re.test(x)) : undefined;
        };
      });
      return (f) => allOf(tests.map((t) => t(f)));
    }
    case 'Query':
      return queriesV2(values, compiled);
    case 'ClientIP':
      return clientIP(values);
  }
  return unknown;
}

/** gorilla Queries: each `key=template` is matched against `key=<first value>` of that key. */
function queriesV2(values: string[], compiled: CompiledMatchers): Predicate {
  const parts = values.flatMap((v) => {
    const eq = v.indexOf('=');
    return eq < 0 ? [v] : [v.slice(0, eq), v.slice(eq + 1)];
  });
  const tests: Predicate[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const tpl = `${parts[i]}=${parts[i + 1]}`;
    const key = parts[i];
    const t = compileTemplate(tpl, 'query');
    const re = t.ok ? compiled.goRegexp(t.regexp) : undefined;
    tests.push((f) => {
      const got = f.query.get(key);
      const subject = got && got.length > 0 ? `${key}=${got[0]}` : '';
      return re ? re.test(subject) : undefined;
    });
  }
  return (f) => allOf(tests.map((t) => t(f)));
}

/** The matcher's predicate: argsFit decides whether Traefik can build it at all. */
function predicate(m: MatcherNode, syntax: RuleSyntax, compiled: CompiledMatchers): Predicate {
  return compiled.predicate(m, syntax, () => {
    const fits = argsFit(
      m.name,
      m.args.map((a) => a.value),
      syntax,
      'http',
    );
    return !fits ? unknown : syntax === 'v3' ? v3(m, compiled) : v2(m, compiled);
  });
}

export function evaluate(tree: RuleNode, f: RequestFacts, syntax: RuleSyntax, compiled: CompiledMatchers): Tri {
  switch (tree.type) {
    case 'and':
      return allOf([evaluate(tree.left, f, syntax, compiled), evaluate(tree.right, f, syntax, compiled)]);
    case 'or':
      return anyOf([evaluate(tree.left, f, syntax, compiled), evaluate(tree.right, f, syntax, compiled)]);
    case 'not': {
      const v = evaluate(tree.operand, f, syntax, compiled);
      return v === undefined ? undefined : !v;
    }
    case 'matcher':
      return predicate(tree, syntax, compiled)(f);
  }
}

/**
 * true/false: whether Traefik routes the request with this rule; undefined: cannot tell here.
 * A path Go rejects (bad %-escape) never reaches a router: false.
 */
export function matchRequestTri(tree: RuleNode, req: HttpRequest, syntax: RuleSyntax, compiled: CompiledMatchers): Tri {
  const facts = requestFacts(req);
  if (facts.routingPath === undefined) return false;
  return evaluate(tree, facts, syntax, compiled);
}

/** Like matchRequestTri, with "cannot tell" counted as no match. */
export function matchRequest(
  tree: RuleNode,
  req: HttpRequest,
  syntax: RuleSyntax,
  compiled: CompiledMatchers,
): boolean {
  return matchRequestTri(tree, req, syntax, compiled) === true;
}
