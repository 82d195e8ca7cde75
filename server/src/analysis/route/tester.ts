// "Which router serves this URL?": the request goes to the entry point listening on the URL's
// port; TLS and plain requests meet separate muxers; routers are tried by priority, highest
// first, and the first whose rule matches serves it (pkg/muxer/http/mux.go).
// Traefik's own routers that take requests first (entry point redirections, the insecure API)
// are part of the answer, with the priorities Traefik gives them (pkg/provider/traefik/internal.go: ping at MaxInt, redirections and the API at MaxInt-1).
import type { Project } from '../project';
import { matchRequestTri, type HttpRequest } from '../rules';
import type { Definition } from '../traefik/model';
import type { EntryPoint } from '../traefik/static';
import type { Range } from '../types';
import { forwardedPath, type Forwarded, type PathStep } from './paths';
import { routedRouters, toRouted, type Routed } from './routers';
import { unloadedRouters, type Unloaded } from './unloaded';
import { parseTarget, type Target } from './target';
import { templatedFileRouters } from './fileRouters';

export interface RouteQuery {
  url: string;
  method?: string;
  /** "Name: value" lines. */
  headers?: string[];
  entryPoint?: string;
  clientIP?: string;
}

export interface Candidate {
  /** Traefik's name: `users@docker`, `web-to-websecure@internal`. */
  router: string;
  priority: number;
  /** Exact priority, as text (Traefik's own routers sit near 2^63, beyond a double's precision). */
  priorityText: string;
  rule: string;
  entryPoint: string;
  /** Where the router's rule is written (absent for Traefik's own routers). */
  file?: string;
  range?: Range;
  definition?: Definition;
}

/** A router that would have matched ahead of the winner, but that Traefik does not load. */
export interface PassedOver extends Candidate {
  /** The finding that says why, and where it is. */
  code: string;
  reason: string;
  unless?: string;
  findingFile: string;
  findingRange: Range;
}

export interface RouteResult {
  winner: Candidate | null;
  service: string | null;
  middlewares: string[];
  forwardedPath: string | null;
  steps: PathStep[];
  /** Every router that matched, in the order Traefik tries them. */
  candidates: Candidate[];
  /** Routers that would match ahead of the winner but are not loaded (dropped container, disabled router). */
  unloaded: PassedOver[];
  entryPoint: string | null;
  notes: string[];
  /**
   * What the request does not say that a router at or above the winner's priority matches on:
   * header names and the client IP (the editor then asks for them).
   */
  depends: { headers: string[]; clientIP: boolean };
  /** The entry points to choose from when the URL's port names none. */
  entryPointChoices?: { name: string; address?: string }[];
  /** Where Traefik's redirection sends the client, when the winner is one. */
  redirect?: string;
  /** The request could not be built (bad URL, unknown entry point). */
  error?: string;
  /** File routers whose Go template decides their rule (not judged): a 404 is then not proven. */
  templated?: string[];
}

const MAX_INT = 9223372036854775807n;

interface Entry {
  name: string;
  /** Known from the static configuration, else every router is considered. */
  ep?: EntryPoint;
}

export function routeRequest(project: Project, query: RouteQuery): RouteResult {
  const empty = (partial: Partial<RouteResult>): RouteResult => ({
    winner: null,
    service: null,
    middlewares: [],
    forwardedPath: null,
    steps: [],
    candidates: [],
    unloaded: [],
    depends: { headers: [], clientIP: false },
    entryPoint: null,
    notes: [],
    ...partial,
  });
  const target = parseTarget(query.url);
  if ('error' in target) return empty({ error: target.error });
  const headers = parseHeaders(query.headers ?? []);
  if ('error' in headers) return empty({ error: headers.error });
  // Go: an absolute-form URL's host wins over the Host header; without one the header counts.
  const hostHeader = Object.entries(headers.headers).find(([k]) => k.toLowerCase() === 'host')?.[1][0];
  const host = target.authority || hostHeader;
  if (!host) return empty({ error: `"${query.url}" has no host (give one, or a Host header)` });
  const request: HttpRequest = {
    host,
    path: target.path,
    method: (query.method ?? 'GET').toUpperCase(),
    headers: headers.headers,
    query: target.query,
    clientIP: query.clientIP,
  };
  const entries = entryPointsFor(project, target, query.entryPoint);
  if ('error' in entries) return empty({ error: entries.error, entryPointChoices: entries.choices });
  const notes = [...entries.notes];
  for (const entry of entries.list) {
    const tried = tryEntryPoint(project, entry, target, request, notes);
    if (tried.winner || entry === entries.list[entries.list.length - 1]) return tried;
  }
  return empty({ notes });
}

function tryEntryPoint(
  project: Project,
  entry: Entry,
  target: Target,
  request: HttpRequest,
  notes: string[],
): RouteResult {
  const tls = target.tls;
  const ranked: { c: Candidate; rank: bigint; routed?: Routed; provider: string }[] = [];
  const unloaded = unloadedRouters(project);
  const passed: { c: PassedOver; rank: bigint }[] = [];
  const considered: { rule: string; rank: bigint }[] = [];
  const routed = routedRouters(project);
  const loadable = new Set(routed.map((r) => r.router));
  // Routers the diagnostics say Traefik disables or ignores, to say what they would have served.
  const others = [...unloaded.keys()].flatMap((d) =>
    d.protocol === 'http' && !loadable.has(d) ? (toRouted(project, d, true) ?? []) : [],
  );
  for (const r of [...routed, ...others]) {
    const why = r.router && unloaded.get(r.router);
    // With a known static config every router's entry points are known (routing.ts routerEntryPoints);
    // a router disabled for an undefined entry point was meant for some entry point.
    if (entry.ep && !r.entryPoints?.includes(entry.name) && why?.code !== 'undefined-entrypoint') continue;
    const routerTls = r.tls || entry.ep?.tls === true;
    if (routerTls !== tls) continue;
    const verdict = matchRequestTri(r.tree, request, r.syntax, project.derived.matchers);
    if (!why) considered.push({ rule: r.rule, rank: BigInt(r.priority) });
    if (why) {
      if (verdict) passed.push({ c: passedOver(r, entry.name, why), rank: BigInt(r.priority) });
      continue;
    }
    if (verdict === undefined) {
      notes.push(
        `router "${r.fullName}" may or may not match (its rule depends on something the request does not say, such as the client IP); it is left out.`,
      );
      continue;
    }
    if (!verdict) continue;
    ranked.push({
      c: {
        router: r.fullName,
        priority: r.priority,
        priorityText: String(r.priority),
        rule: r.rule,
        entryPoint: entry.name,
        file: r.file,
        range: r.range,
        definition: r.router,
      },
      rank: BigInt(r.priority),
      routed: r,
      provider: r.provider,
    });
  }
  ranked.push(...internalRouters(project, entry, tls, target));
  // A router whose middleware Traefik cannot build is never added to the muxer (router.go).
  const forwarded = new Map<Routed, Forwarded>();
  const usable = ranked.filter((x) => {
    if (!x.routed) return true;
    const fwd = forwardedPath(project, x.routed.middlewares, target.path);
    forwarded.set(x.routed, fwd);
    if (fwd.broken) notes.push(`router "${x.c.router}" is disabled: ${fwd.broken}.`);
    return !fwd.broken;
  });
  // Priority first; then provider precedence (swarm before docker before file, v3.7+).
  const precedence = (p: string): number => ['swarm', 'docker', 'file'].indexOf(p) + 1 || 99;
  usable.sort((a, b) =>
    a.rank === b.rank ? precedence(a.provider) - precedence(b.provider) : a.rank > b.rank ? -1 : 1,
  );
  const beaten = usable[0]?.rank;
  const base: RouteResult = {
    winner: null,
    service: null,
    middlewares: [],
    forwardedPath: null,
    steps: [],
    candidates: usable.map((x) => x.c),
    unloaded: passed
      .filter((x) => beaten === undefined || x.rank >= beaten)
      .sort((a, b) => (a.rank === b.rank ? 0 : a.rank > b.rank ? -1 : 1))
      .map((x) => x.c),
    depends: dependsOn(
      considered.filter((x) => beaten === undefined || x.rank >= beaten).map((x) => x.rule),
      request,
    ),
    entryPoint: entry.name,
    notes,
  };
  if (usable.length === 0) {
    const templated = templatedFileRouters(project, 'http').map((d) => `${d.name}@file`);
    if (templated.length > 0) {
      notes.push(
        `no ${tls ? 'TLS ' : ''}router judged here on entry point "${entry.name}" matches; ${templated.join(', ')} ${templated.length > 1 ? 'are' : 'is'} left out: ${templated.length > 1 ? 'their' : 'its'} file is a Go template Traefik renders first (pkg/provider/file/file.go), and what it renders to is not known here.`,
      );
      return { ...base, templated };
    }
    notes.push(
      `no ${tls ? 'TLS ' : ''}router on entry point "${entry.name}" matches: Traefik answers 404 page not found.`,
    );
    return base;
  }
  const top = usable[0];
  const tied = usable.filter((x) => x.rank === top.rank && x.provider === top.provider);
  if (tied.length > 1)
    notes.push(
      `${tied.map((x) => `"${x.c.router}"`).join(', ')} have the same priority (${top.c.priorityText}): Traefik may pick any of them (priority-tie).`,
    );
  if (!top.routed) {
    const internal = top.c.router;
    const redirect = internal.includes('-to-') ? redirectUrl(project, entry, target) : undefined;
    return { ...base, winner: top.c, service: redirect ? null : internalService(internal), redirect };
  }
  const router = top.routed;
  const fwd = forwarded.get(top.routed)!;
  notes.push(...fwd.notes);
  return {
    ...base,
    winner: top.c,
    service: router.service || null,
    middlewares: router.middlewares,
    forwardedPath: fwd.path ?? null,
    steps: fwd.steps,
  };
}

/** Header names and ClientIP the rules match on that the request does not give. */
function dependsOn(rules: string[], request: HttpRequest): RouteResult['depends'] {
  const given = new Set(Object.keys(request.headers).map((h) => h.toLowerCase()));
  const headers = new Map<string, string>();
  let clientIP = false;
  for (const rule of rules) {
    for (const m of rule.matchAll(/\bHeader(?:Regexp)?\s*\(\s*[`"]([^`"]+)[`"]/g))
      if (!given.has(m[1].toLowerCase())) headers.set(m[1].toLowerCase(), m[1]);
    if (/\bClientIP\s*\(/.test(rule) && request.clientIP === undefined) clientIP = true;
  }
  return { headers: [...headers.values()], clientIP };
}

function passedOver(r: Routed, entryPoint: string, why: Unloaded): PassedOver {
  return {
    router: r.fullName,
    priority: r.priority,
    priorityText: String(r.priority),
    rule: r.rule,
    entryPoint,
    file: r.file,
    range: r.range,
    definition: r.router,
    code: why.code,
    reason: why.reason,
    ...(why.unless ? { unless: why.unless } : {}),
    findingFile: why.file,
    findingRange: why.range,
  };
}

function internalService(router: string): string {
  return router.startsWith('dashboard')
    ? 'dashboard@internal'
    : router.startsWith('ping')
      ? 'ping@internal'
      : 'api@internal';
}

/** Routers Traefik adds itself on this entry point that match the request. */
function internalRouters(
  project: Project,
  entry: Entry,
  tls: boolean,
  target: Target,
): { c: Candidate; rank: bigint; provider: string }[] {
  const out: { c: Candidate; rank: bigint; provider: string }[] = [];
  const add = (router: string, rank: bigint, rule: string): void => {
    out.push({
      c: { router, priority: Number(rank), priorityText: String(rank), rule, entryPoint: entry.name },
      rank,
      provider: 'internal',
    });
  };
  const ping = project.staticConfig.ping;
  if (ping && ping.entryPoint === entry.name && !tls && target.decodedPath.startsWith('/ping'))
    add('ping@internal', MAX_INT, 'PathPrefix(`/ping`)');
  const redirect = entry.ep?.redirect;
  // The redirection router has no TLS, so only plain requests meet it; it matches every host.
  if (redirect && !tls && target.host !== '')
    add(
      `${entry.name}-to-${redirect.to}@internal`,
      redirect.priority !== undefined ? BigInt(redirect.priority) : MAX_INT - 1n,
      'HostRegexp(`^.+$`)',
    );
  const api = project.staticConfig.api;
  if (api?.insecure && entry.name === 'traefik' && !tls) {
    if (target.decodedPath.startsWith('/api')) add('api@internal', MAX_INT - 1n, 'PathPrefix(`/api`)');
    if (api.dashboard) add('dashboard@internal', MAX_INT - 2n, 'PathPrefix(`/`)');
  }
  return out;
}

function redirectUrl(project: Project, entry: Entry, target: Target): string | undefined {
  const to = entry.ep?.redirect;
  if (!to) return undefined;
  const port = portOf(project.staticConfig.entryPoints.get(to.to)?.address);
  const standard = (to.scheme === 'https' && port === 443) || (to.scheme === 'http' && port === 80);
  return `${to.scheme}://${target.host}${port && !standard ? `:${port}` : ''}${target.rawPathAndQuery}`;
}

function entryPointsFor(
  project: Project,
  target: Target,
  asked: string | undefined,
): { list: Entry[]; notes: string[] } | { error: string; choices?: { name: string; address?: string }[] } {
  const config = project.staticConfig;
  if (!config.entryPointsKnown) {
    const name = asked ?? '(any)';
    return {
      list: [{ name }],
      notes: ["Traefik's static configuration was not found, so routers of every entry point are considered."],
    };
  }
  if (asked) {
    const ep = config.entryPoints.get(asked);
    if (!ep)
      return { error: `entry point "${asked}" is not defined (defined: ${[...config.entryPoints.keys()].join(', ')})` };
    return { list: [{ name: asked, ep }], notes: [] };
  }
  const list = [...config.entryPoints.values()]
    .filter((ep) => portOf(ep.address) === target.port && !/\/udp$/i.test(ep.address ?? ''))
    .map((ep) => ({ name: ep.name, ep }));
  if (list.length === 0) {
    const known = [...config.entryPoints.values()].map((e) => `${e.name} (${e.address ?? '?'})`).join(', ');
    return {
      error: `No entry point listens on port ${target.port} (entry points: ${known}).`,
      choices: [...config.entryPoints.values()].map((e) => ({ name: e.name, address: e.address })),
    };
  }
  return { list, notes: [] };
}

/** The port of an entry point address (`:443`, `0.0.0.0:80/tcp`, `[::]:8080`). */
export function portOf(address: string | undefined): number | undefined {
  const m = /:(\d+)(?:\/(?:tcp|udp))?$/i.exec(address?.trim() ?? '');
  return m ? Number(m[1]) : undefined;
}

function parseHeaders(lines: string[]): { headers: Record<string, string[]> } | { error: string } {
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `header "${line}" is not in the form "Name: value"` };
    const name = line.slice(0, colon).trim();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return { headers };
}
