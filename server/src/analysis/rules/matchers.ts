// Matcher names and argument counts per syntax and protocol, as Traefik registers them:
// pkg/muxer/http/matcher.go (httpFuncs), matcher_v2.go (httpFuncsV2),
// pkg/muxer/tcp/matcher.go (tcpFuncs), matcher_v2.go (tcpFuncsV2).
import type { RuleProtocol, RuleSyntax } from './types';
import { editDistance } from '../spelling';

/**
 * `exact`: one of the listed counts (expectNParameters). `variadic`: one or more, OR-ed.
 * `pairs`: name/value pairs (gorilla mux Headers). `queries`: v2 `key=value` strings.
 */
export type Arity =
  { kind: 'exact'; counts: number[] } | { kind: 'variadic' } | { kind: 'pairs' } | { kind: 'queries' };

const one: Arity = { kind: 'exact', counts: [1] };
const two: Arity = { kind: 'exact', counts: [2] };
const oneOrTwo: Arity = { kind: 'exact', counts: [1, 2] };
const many: Arity = { kind: 'variadic' };

const TABLES: Record<RuleProtocol, Record<RuleSyntax, Record<string, Arity>>> = {
  http: {
    v3: {
      ClientIP: one,
      Method: one,
      Host: one,
      HostRegexp: one,
      Path: one,
      PathRegexp: one,
      PathPrefix: one,
      Header: two,
      HeaderRegexp: two,
      Query: oneOrTwo,
      QueryRegexp: oneOrTwo,
    },
    v2: {
      Host: many,
      HostHeader: many,
      HostRegexp: many,
      ClientIP: many,
      Path: many,
      PathPrefix: many,
      Method: many,
      Headers: { kind: 'pairs' },
      HeadersRegexp: { kind: 'pairs' },
      Query: { kind: 'queries' },
    },
  },
  tcp: {
    v3: { ALPN: one, ClientIP: one, HostSNI: one, HostSNIRegexp: one },
    v2: { ALPN: many, ClientIP: many, HostSNI: many, HostSNIRegexp: many },
  },
};

export function matcherNames(syntax: RuleSyntax, protocol: RuleProtocol): string[] {
  return Object.keys(TABLES[protocol][syntax]);
}

export function arity(name: string, syntax: RuleSyntax, protocol: RuleProtocol): Arity | undefined {
  return TABLES[protocol][syntax][name];
}

/**
 * Whether Traefik can build the matcher from these arguments as far as their number and
 * emptiness go (rules.CheckRule + argument counts); a matcher that cannot be built disables
 * the whole router, so evaluating it has no meaning.
 */
export function argsFit(name: string, values: string[], syntax: RuleSyntax, protocol: RuleProtocol): boolean {
  const spec = arity(name, syntax, protocol);
  if (!spec || values.length === 0 || values.some((v) => v === '')) return false;
  if (spec.kind === 'exact') return spec.counts.includes(values.length);
  if (spec.kind === 'pairs') return values.length % 2 === 0;
  if (spec.kind === 'queries') return values.reduce((n, v) => n + (v.includes('=') ? 2 : 1), 0) % 2 === 0;
  return true;
}

/**
 * The four spellings pkg/rules/parser.go NewParser registers: as declared, lower, UPPER, and
 * Title of the lower form (`Pathprefix`). Any other casing is an unknown function.
 */
export function spellings(name: string): string[] {
  const lower = name.toLowerCase();
  return [...new Set([name, lower, name.toUpperCase(), lower[0].toUpperCase() + lower.slice(1)])];
}

/** Canonical name for a written matcher name, or undefined when Traefik does not know it. */
export function resolveMatcher(written: string, syntax: RuleSyntax, protocol: RuleProtocol): string | undefined {
  return matcherNames(syntax, protocol).find((n) => spellings(n).includes(written));
}

/** Where a name Traefik rejects comes from, to explain it instead of only guessing a spelling. */
const ELSEWHERE: Record<RuleProtocol, Record<RuleSyntax, Record<string, { use: string; why: string }>>> = {
  http: {
    v3: {
      Headers: { use: 'Header', why: 'Headers is not a v3 matcher; use Header(`Name`, `value`)' },
      HeadersRegexp: {
        use: 'HeaderRegexp',
        why: 'HeadersRegexp is not a v3 matcher; use HeaderRegexp(`Name`, `regexp`)',
      },
      HostHeader: { use: 'Host', why: 'HostHeader is not a v3 matcher; use Host(`example.com`)' },
      HostSNI: { use: 'Host', why: 'HostSNI is a TCP matcher; HTTP routers use Host(`example.com`)' },
      HostSNIRegexp: { use: 'HostRegexp', why: 'HostSNIRegexp is a TCP matcher; HTTP routers use HostRegexp' },
      ALPN: { use: '', why: 'ALPN is a TCP matcher; HTTP routers cannot match on it' },
    },
    v2: {
      Header: { use: 'Headers', why: 'Header is v3 syntax; with ruleSyntax v2 use Headers(`Name`, `value`)' },
      HeaderRegexp: { use: 'HeadersRegexp', why: 'HeaderRegexp is v3 syntax; with ruleSyntax v2 use HeadersRegexp' },
      PathRegexp: { use: 'Path', why: 'PathRegexp is v3 syntax; with ruleSyntax v2 use Path(`/{name:regexp}`)' },
      QueryRegexp: { use: 'Query', why: 'QueryRegexp is v3 syntax; with ruleSyntax v2 use Query(`key={name:regexp}`)' },
      HostSNI: { use: 'Host', why: 'HostSNI is a TCP matcher; HTTP routers use Host(`example.com`)' },
      HostSNIRegexp: { use: 'HostRegexp', why: 'HostSNIRegexp is a TCP matcher; HTTP routers use HostRegexp' },
      ALPN: { use: '', why: 'ALPN is a TCP matcher; HTTP routers cannot match on it' },
    },
  },
  tcp: {
    v3: {
      Host: { use: 'HostSNI', why: 'Host is an HTTP matcher; TCP routers use HostSNI(`example.com`)' },
      HostRegexp: { use: 'HostSNIRegexp', why: 'HostRegexp is an HTTP matcher; TCP routers use HostSNIRegexp' },
    },
    v2: {
      Host: { use: 'HostSNI', why: 'Host is an HTTP matcher; TCP routers use HostSNI(`example.com`)' },
      HostRegexp: { use: 'HostSNIRegexp', why: 'HostRegexp is an HTTP matcher; TCP routers use HostSNIRegexp' },
    },
  },
};

const HTTP_ONLY = [
  'Path',
  'PathPrefix',
  'PathRegexp',
  'Method',
  'Header',
  'HeaderRegexp',
  'Headers',
  'HeadersRegexp',
  'Query',
  'QueryRegexp',
  'HostHeader',
];

export interface UnknownMatcher {
  message: string;
  detail?: string;
  suggestion?: string;
}

/** A human explanation for a matcher name Traefik would reject as "unsupported function". */
export function explainUnknown(written: string, syntax: RuleSyntax, protocol: RuleProtocol): UnknownMatcher {
  const names = matcherNames(syntax, protocol);
  const lower = written.toLowerCase();
  const sameLetters = names.find((n) => n.toLowerCase() === lower);
  if (sameLetters) {
    return {
      message: `unknown matcher "${written}" (names are case-sensitive): did you mean "${sameLetters}"?`,
      detail: `Traefik accepts ${spellings(sameLetters).join(', ')}.`,
      suggestion: sameLetters,
    };
  }
  const known = Object.entries(ELSEWHERE[protocol][syntax]).find(([n]) => n.toLowerCase() === lower);
  if (known) return { message: known[1].why, ...(known[1].use ? { suggestion: known[1].use } : {}) };
  if (protocol === 'tcp' && HTTP_ONLY.some((n) => n.toLowerCase() === lower)) {
    return {
      message: `${written} is an HTTP matcher, unknown to TCP routers`,
      detail: `TCP routers know ${names.join(', ')}.`,
    };
  }
  const best = nearest(written, names);
  const list = `${syntax} ${protocol.toUpperCase()} matchers: ${names.join(', ')}`;
  if (best)
    return { message: `unknown matcher "${written}": did you mean "${best}"?`, detail: `${list}.`, suggestion: best };
  return { message: `unknown matcher "${written}"`, detail: `${list}.` };
}

function nearest(written: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const n of names) {
    const d = editDistance(written.toLowerCase(), n.toLowerCase());
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(written.length / 3)) ? best : undefined;
}
