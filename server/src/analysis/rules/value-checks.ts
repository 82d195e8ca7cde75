// What each matcher builder rejects (errors) or accepts but can never match (warnings).
// HTTP v3: pkg/muxer/http/matcher.go; v2: matcher_v2.go + containous/mux; TCP: pkg/muxer/tcp.
import { domainToASCII } from 'url';
import { parseNetwork } from './ip';
import { isClean } from './path';
import {
  findPlaceholders,
  hasRegexpSyntax,
  regexpWithoutPlaceholders,
  templateAsRegexp,
  withoutVariables,
  type PlaceholderKind,
} from './placeholders';
import { parseGoRegexp, type Re2Node } from './regexp';
import { canonicalHeaderKey } from './request';
import { compileTemplate, type TemplateKind } from './template';
import type { RuleProtocol, RuleSyntax, StringArg } from './types';
import type { MatcherContext } from './validate';

type Check = (ctx: MatcherContext, args: StringArg[]) => void;

const each =
  (check: (ctx: MatcherContext, arg: StringArg) => void): Check =>
  (ctx, args) => {
    for (const a of args) check(ctx, a);
  };

const nonAscii = (s: string): number => s.search(/[^\x00-\x7f]/);

/** Errors for non-ASCII host values (Host, HostRegexp: muxer.IsASCII); true when reported. */
function asciiOnly(ctx: MatcherContext, arg: StringArg): boolean {
  if (nonAscii(arg.value) < 0) return false;
  const puny = domainToASCII(arg.value);
  const hint = puny && !hasRegexpSyntax(arg.value) ? `; use the punycode form ${puny}` : '';
  const suggestion = puny && !hasRegexpSyntax(arg.value) ? ctx.literal(puny) : undefined;
  ctx.error('not-ascii', `${ctx.node.name} only accepts ASCII${hint}`, arg, suggestion);
  return true;
}

function regexpError(ctx: MatcherContext, arg: StringArg): Re2Node | undefined {
  const parsed = parseGoRegexp(arg.value);
  if (parsed.ok) return parsed.node;
  ctx.error(
    'bad-regexp',
    `Invalid Go regexp: ${parsed.error.message}`,
    ctx.inside(arg, parsed.error.start, parsed.error.end),
  );
  return undefined;
}

function placeholderWarnings(
  ctx: MatcherContext,
  arg: StringArg,
  kind: PlaceholderKind,
  instead: (value: string) => string,
): void {
  const found = findPlaceholders(arg.value, ctx.node.name.endsWith('Regexp'));
  if (found.length === 0) return;
  const p = found[0];
  const inPlace = ctx.node.name.endsWith('Regexp') ? (p.pattern ?? undefined) : undefined;
  ctx.warn(
    'v2-placeholder',
    `${arg.value.slice(p.start, p.end)} is v2 template syntax: use ${instead(arg.value)}`,
    ctx.inside(arg, p.start, p.end),
    inPlace,
    `In v3 ${ctx.node.name} reads ${arg.value.slice(p.start, p.end)} literally, so this never matches what was meant.`,
  );
}

function hostWarnings(ctx: MatcherContext, arg: StringArg): void {
  const v = arg.value;
  const all = { start: arg.start, end: arg.end };
  const star = v.indexOf('*');
  if (ctx.syntax === 'v2' && star >= 0) {
    ctx.warn(
      'host-wildcard',
      `Wildcard hosts need v3 syntax (Traefik v3.7+); with ruleSyntax v2 ${v} only matches that literal name, i.e. nothing`,
      ctx.inside(arg, star, star + 1),
    );
  } else if (star >= 0 && v !== '*' && !/^\*\.[^*]*$/.test(v)) {
    ctx.warn(
      'host-wildcard',
      `A wildcard only works as the whole first label (*.example.com); ${v} never matches`,
      ctx.inside(arg, star, star + 1),
    );
  }
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)/i.exec(v);
  if (url || v.includes('/')) {
    const host = url ? url[1] : v.slice(0, v.indexOf('/'));
    ctx.warn(
      'host-not-hostname',
      `${ctx.node.name} compares the host name only; a scheme or path never matches`,
      all,
      host ? ctx.literal(host) : undefined,
    );
    return;
  }
  const port = /^(\[[^\]]*\]|[^:]+):(\d+)$/.exec(v);
  if (port) {
    ctx.warn(
      'host-port',
      `Traefik removes the port from the request host before comparing, so ${v} never matches`,
      all,
      ctx.literal(port[1].replace(/^\[|\]$/g, '')),
    );
  }
  if (ctx.syntax === 'v3') {
    placeholderWarnings(ctx, arg, 'host', (value) => `HostRegexp(\`${templateAsRegexp(value, 'host', true)}\`)`);
  } else if (findPlaceholders(v, false).length > 0) {
    const p = findPlaceholders(v, false)[0];
    ctx.warn(
      'v2-placeholder',
      `Host does not take templates, so this never matches; use HostRegexp(\`${v}\`)`,
      ctx.inside(arg, p.start, p.end),
    );
  }
}

/** HostRegexp runs on the lower-cased host: an upper-case letter outside (?i) can never match. */
function upperCaseWarning(ctx: MatcherContext, arg: StringArg, node: Re2Node): void {
  const find = (n: Re2Node): { at: number; end: number } | undefined => {
    if (n.op === 'lit') return !n.fold && n.cp >= 0x41 && n.cp <= 0x5a ? n : undefined;
    if (n.op === 'class') {
      const upper = n.items.every((i) => i.kind === 'range' && i.lo >= 0x41 && i.hi <= 0x5a);
      return !n.fold && !n.negate && n.items.length > 0 && upper ? n : undefined;
    }
    const subs = 'subs' in n ? n.subs : 'sub' in n ? [n.sub] : [];
    for (const s of subs) {
      const hit = find(s);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = find(node);
  if (!hit) return;
  ctx.warn(
    'host-case',
    `HostRegexp is matched against the lower-cased host, so ${arg.value.slice(hit.at, hit.end)} never matches; write it in lower case or add (?i)`,
    ctx.inside(arg, hit.at, hit.end),
  );
}

function hostRegexpV3(ctx: MatcherContext, arg: StringArg): void {
  if (asciiOnly(ctx, arg)) return;
  const node = regexpError(ctx, arg);
  if (!node) return;
  placeholderWarnings(ctx, arg, 'host', (value) => {
    const literalParts = withoutVariables(value).replace(/\{[^{}]*\}/g, '');
    const re = hasRegexpSyntax(literalParts)
      ? regexpWithoutPlaceholders(value, 'host')
      : templateAsRegexp(value, 'host', true);
    return `${ctx.node.name}(\`${re}\`)`;
  });
  if (ctx.protocol === 'http') upperCaseWarning(ctx, arg, node);
}

function regexpV3(kind: PlaceholderKind): (ctx: MatcherContext, arg: StringArg) => void {
  return (ctx, arg) => {
    if (!regexpError(ctx, arg)) return;
    const args = ctx.node.args.map((a) =>
      a === arg ? `\`${regexpWithoutPlaceholders(a.value, kind)}\`` : ctx.text(a),
    );
    placeholderWarnings(ctx, arg, kind, () => ctx.call(args));
  };
}

function pathSlash(ctx: MatcherContext, arg: StringArg): boolean {
  if (arg.value.startsWith('/')) return true;
  ctx.error('path-no-slash', `${ctx.node.name} must start with /`, arg, ctx.literal(`/${arg.value}`));
  return false;
}

/** `?`/`#` in the literal text of a path (`within`: the template's literal parts, for v2). */
function pathQueryWarning(ctx: MatcherContext, arg: StringArg, within = [{ start: 0, end: arg.value.length }]): void {
  const q = within
    .map((l) => l.start + arg.value.slice(l.start, l.end).search(/[?#]/))
    .find((i, k) => i >= within[k].start);
  if (q === undefined) return;
  ctx.warn(
    'path-query',
    `The path Traefik matches never contains ${arg.value[q]} (it starts the query or fragment); match a query with Query(...)`,
    ctx.inside(arg, q, arg.value.length),
  );
}

/** With sanitizePath (the default) Traefik cleans the request path before routing. */
function cleanPathWarning(ctx: MatcherContext, arg: StringArg): void {
  const v = arg.value;
  const probe = ctx.node.name === 'Path' ? v : `${v}x`;
  if (v.includes('{') || isClean(probe)) return;
  const m = /\/\/|\/\.\.?(?=\/|$)/.exec(v)!;
  ctx.warn(
    'path-not-clean',
    `Traefik removes ${m[0]} sequences from request paths before routing (entry point sanitizePath, on by default), so this never matches`,
    ctx.inside(arg, m.index, m.index + m[0].length),
  );
}

function pathV3(ctx: MatcherContext, arg: StringArg): void {
  if (!pathSlash(ctx, arg)) return;
  pathQueryWarning(ctx, arg);
  cleanPathWarning(ctx, arg);
  const exact = ctx.node.name === 'Path';
  placeholderWarnings(ctx, arg, 'path', (value) => `PathRegexp(\`${templateAsRegexp(value, 'path', exact)}\`)`);
}

function headerKey(ctx: MatcherContext, arg: StringArg): void {
  if (canonicalHeaderKey(arg.value) !== 'Host') return;
  ctx.warn(
    'header-host',
    `Go moves the Host header out of the header map, so ${ctx.node.name} on Host never matches; use Host(...) or HostRegexp(...)`,
    arg,
  );
}

function queryV3(ctx: MatcherContext, args: StringArg[]): void {
  const [key, value] = args;
  const eq = key.value.indexOf('=');
  if (eq >= 0) {
    const k = key.value.slice(0, eq);
    const v = key.value.slice(eq + 1);
    const one = args.length === 1 && k !== '' && v !== '' && !key.value.includes('`');
    ctx.warn(
      'v2-query',
      `${ctx.node.name}(\`${key.value}\`) is v2 syntax: in v3 the key is "${key.value}", which no request has. Use ${ctx.node.name}(\`${k}\`, \`${v}\`)`,
      key,
      one ? `\`${k}\`, \`${v}\`` : undefined,
    );
  }
  if (!value) return;
  if (ctx.node.name === 'QueryRegexp') {
    regexpV3('value')(ctx, value);
  } else {
    placeholderWarnings(
      ctx,
      value,
      'value',
      (v) => `QueryRegexp(${ctx.text(key)}, \`${templateAsRegexp(v, 'value', true)}\`)`,
    );
  }
}

function clientIP(ctx: MatcherContext, arg: StringArg): void {
  if (parseNetwork(arg.value)) return;
  ctx.error('bad-ip', `"${arg.value}" is not an IP address or CIDR range (e.g. 192.168.1.7 or 192.168.1.0/24)`, arg);
}

/** gorilla/mux template: errors located inside the literal. */
function template(
  ctx: MatcherContext,
  arg: StringArg,
  kind: TemplateKind,
): Array<{ start: number; end: number }> | undefined {
  const result = compileTemplate(arg.value, kind);
  if (result.ok) {
    const meta = kind === 'host' || kind === 'sni' ? /[\\^$*+?()[\]|]/ : /[\\^$*[\]|]/;
    for (const l of result.literals) {
      const i = arg.value.slice(l.start, l.end).search(meta);
      if (i < 0) continue;
      ctx.warn(
        'v2-literal-regexp',
        `In v2 syntax ${ctx.node.name} takes a template: regexp syntax only works inside {name:regexp}, so ${arg.value[l.start + i]} here is a literal character`,
        ctx.inside(arg, l.start + i, l.start + i + 1),
      );
      break;
    }
    return result.literals;
  }
  ctx.error(
    result.error.inPattern ? 'bad-regexp' : 'bad-template',
    `Invalid template: ${result.error.message}`,
    ctx.inside(arg, result.error.start, result.error.end),
  );
  return undefined;
}

function queryV2(ctx: MatcherContext, args: StringArg[]): void {
  // Each argument is split at its first `=`; the flattened list must form key/value pairs.
  const parts: Array<{ text: string; arg: StringArg; from: number }> = [];
  for (const a of args) {
    const eq = a.value.indexOf('=');
    if (eq < 0) parts.push({ text: a.value, arg: a, from: 0 });
    else
      parts.push(
        { text: a.value.slice(0, eq), arg: a, from: 0 },
        { text: a.value.slice(eq + 1), arg: a, from: eq + 1 },
      );
  }
  if (parts.length % 2 === 1) {
    const lone = args.find((a) => !a.value.includes('='))!;
    ctx.error(
      'query-form',
      `In v2 syntax Query takes key=value arguments; "${lone.value}" has no =`,
      lone,
      ctx.literal(`${lone.value}=value`),
    );
    return;
  }
  const seen = new Set<string>();
  for (let i = 0; i < parts.length; i += 2) {
    const [k, v] = [parts[i], parts[i + 1]];
    const tpl = `${k.text}=${v.text}`;
    const result = compileTemplate(tpl, 'query');
    // Offsets in `tpl` -> the argument(s) it came from.
    const locate = (at: number): { arg: StringArg; i: number } =>
      at <= k.text.length ? { arg: k.arg, i: k.from + at } : { arg: v.arg, i: v.from + at - k.text.length - 1 };
    if (!result.ok) {
      const s = locate(result.error.start);
      ctx.error(
        'bad-template',
        `Invalid template: ${result.error.message}`,
        ctx.inside(s.arg, s.i, Math.max(s.i + 1, locate(result.error.end).i)),
      );
      return;
    }
    for (const p of result.placeholders) {
      if (seen.has(p.name)) {
        const s = locate(p.start);
        ctx.error(
          'bad-template',
          `Duplicated template variable "${p.name}"`,
          ctx.inside(s.arg, s.i, s.i + p.end - p.start),
        );
        return;
      }
    }
    for (const p of result.placeholders) seen.add(p.name);
  }
}

function hostSNI(ctx: MatcherContext, arg: StringArg): void {
  if (arg.value === '*') return;
  const ok = ctx.syntax === 'v3' ? /^(\*\.)?[\w.:-]+$/ : /^[\w.:-]+$/;
  if (ok.test(arg.value)) return;
  const puny = nonAscii(arg.value) >= 0 ? domainToASCII(arg.value) : '';
  const wildcard = ctx.syntax === 'v2' ? '; wildcards need v3 syntax' : '; only one leading *. label may be a wildcard';
  const hint = puny ? `; use the punycode form ${puny}` : arg.value.startsWith('*') ? wildcard : '';
  ctx.error(
    'bad-hostsni',
    `"${arg.value}" is not a valid host name or IP for HostSNI${hint}`,
    arg,
    puny ? ctx.literal(puny) : undefined,
  );
}

function alpn(ctx: MatcherContext, arg: StringArg): void {
  if (arg.value !== 'acme-tls/1') return;
  ctx.error('alpn-acme', 'ALPN acme-tls/1 is reserved for the TLS-ALPN ACME challenge and not allowed', arg);
}

const hostV3 = each((ctx, a) => {
  if (a.value === '*' || asciiOnly(ctx, a)) return;
  hostWarnings(ctx, a);
});
const hostV2 = each((ctx, a) => {
  if (asciiOnly(ctx, a)) return;
  hostWarnings(ctx, a);
});
const pathV2 = each((ctx, a) => {
  if (!pathSlash(ctx, a)) return;
  const literals = template(ctx, a, ctx.node.name === 'Path' ? 'path' : 'prefix');
  if (literals) pathQueryWarning(ctx, a, literals);
  if (literals) cleanPathWarning(ctx, a);
});
const headerPairs =
  (regexp: boolean): Check =>
  (ctx, args) => {
    for (let i = 0; i < args.length; i += 2) {
      headerKey(ctx, args[i]);
      if (regexp) regexpError(ctx, args[i + 1]);
    }
  };

export const VALUE_CHECKS: Record<RuleProtocol, Record<RuleSyntax, Record<string, Check>>> = {
  http: {
    v3: {
      Host: hostV3,
      HostRegexp: each(hostRegexpV3),
      Path: each(pathV3),
      PathPrefix: each(pathV3),
      PathRegexp: each(regexpV3('path')),
      Header: (ctx, [k]) => headerKey(ctx, k),
      HeaderRegexp: (ctx, [k, v]) => {
        headerKey(ctx, k);
        regexpV3('value')(ctx, v);
      },
      Query: queryV3,
      QueryRegexp: queryV3,
      ClientIP: each(clientIP),
    },
    v2: {
      Host: hostV2,
      HostHeader: hostV2,
      HostRegexp: each((ctx, a) => {
        if (!asciiOnly(ctx, a)) template(ctx, a, 'host');
      }),
      Path: pathV2,
      PathPrefix: pathV2,
      Headers: headerPairs(false),
      HeadersRegexp: headerPairs(true),
      Query: queryV2,
      ClientIP: each(clientIP),
    },
  },
  tcp: {
    v3: {
      HostSNI: each(hostSNI),
      HostSNIRegexp: each(hostRegexpV3),
      ClientIP: each(clientIP),
      ALPN: each(alpn),
    },
    v2: {
      HostSNI: each(hostSNI),
      HostSNIRegexp: each((ctx, a) => void template(ctx, a, 'sni')),
      ClientIP: each(clientIP),
      ALPN: each(alpn),
    },
  },
};
