// The request a load test sends: one the router's rule matches and no router of higher
// priority on the same entry point takes (the route tester's witness: rules/overlap.ts), sent
// to the gateway host the user configured on the entry point's port. Nothing here sends.
import {
  CompiledMatchers,
  matchRequest,
  parseRule,
  witnessNotCovered,
  type RuleNode,
} from '../../server/src/analysis/rules';
import { portOf } from '../../server/src/analysis/route/tester';
import { routerPriority } from '../model';
import type { ApiEntryPoint, ApiRouter } from '../traefik/types';

export const MAX_REQUESTS = 1000;

export interface LoadTestPlan {
  router: string;
  service?: string;
  entryPoint: string;
  /** Where the requests go: the configured gateway host, never anything else. */
  host: string;
  port: number;
  tls: boolean;
  method: string;
  /** Path and query as sent. */
  path: string;
  /** The Host header the rule wants (the gateway host when the rule names none). */
  hostHeader: string;
  headers: Record<string, string>;
  requests: number;
  delayMs: number;
  keepCookies: boolean;
  /** Said before the run (e.g. "the rule matches any host; sent with Host: localhost"). */
  notes: string[];
}

export interface PlanInput {
  router: ApiRouter;
  routers: ApiRouter[];
  entryPoints: ApiEntryPoint[];
  /** Traefik's major version: rule syntax. */
  syntax: 'v2' | 'v3';
  gatewayHost: string;
  requests?: number;
  delayMs?: number;
  headers?: string[];
  keepCookies?: boolean;
  /** Overrides the entry point's port (a published port that differs from the address). */
  port?: number;
}

/** Bounds, and the host restriction: only a host name or address, no URL, no path. */
export function checkLimits(requests: number, delayMs: number, gatewayHost: string): string | undefined {
  if (!Number.isInteger(requests) || requests < 1 || requests > MAX_REQUESTS) {
    return `the number of requests must be 1 to ${MAX_REQUESTS}`;
  }
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60_000) return 'the delay must be 0 to 60000 ms';
  if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/.test(gatewayHost)) {
    return `the gateway host must be a host name or address, not "${gatewayHost}"`;
  }
  return undefined;
}

export function planLoadTest(input: PlanInput): LoadTestPlan | { error: string } {
  // One plan's rules: compiled once for it.
  const compiled = new CompiledMatchers();
  const { router } = input;
  const requests = input.requests ?? 20;
  const delayMs = input.delayMs ?? 500;
  const limit = checkLimits(requests, delayMs, input.gatewayHost);
  if (limit) return { error: limit };
  const epName = router.using?.[0] ?? router.entryPoints?.[0];
  const entry = input.entryPoints.find((e) => e.name === epName) ?? (epName ? undefined : input.entryPoints[0]);
  if (!entry) return { error: `router ${router.name} listens on no entry point Traefik reports` };
  const port = input.port ?? portOf(entry.address);
  if (port === undefined) return { error: `entry point ${entry.name} has no port in its address "${entry.address}"` };
  const tree = router.rule ? parseRule(router.rule, input.syntax).tree : undefined;
  if (!tree) return { error: `router ${router.name} has no rule Gateway Lens can read: ${router.rule ?? '(none)'}` };
  // Routers Traefik tries first on the same entry point: a request they match never reaches this one.
  const mine = routerPriority(router) ?? 0;
  const higher: RuleNode[] = input.routers
    .filter((r) => r.name !== router.name && r.rule && (routerPriority(r) ?? 0) > mine)
    .filter((r) => (r.using ?? r.entryPoints ?? []).includes(entry.name))
    .map((r) => parseRule(r.rule!, input.syntax).tree)
    .filter((t): t is RuleNode => t !== undefined);
  const witness =
    witnessNotCovered(compiled, tree, higher, input.syntax) ?? witnessNotCovered(compiled, tree, [], input.syntax);
  if (!witness) return { error: `no request matches the rule of ${router.name}: ${router.rule}` };
  const notes: string[] = [];
  const headers: Record<string, string> = {};
  for (const [k, vs] of Object.entries(witness.headers)) if (vs.length) headers[k] = vs[0];
  for (const line of input.headers ?? []) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `header "${line}" is not in the form "Name: value"` };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  // A rule without Host() takes any host: send the gateway's own name rather than an invented one.
  const anyHost =
    witness.host === '' ||
    (matchRequest(tree, { ...witness, host: input.gatewayHost }, input.syntax, compiled) &&
      !higher.some((t) => matchRequest(t, { ...witness, host: input.gatewayHost }, input.syntax, compiled)));
  const hostHeader = anyHost ? input.gatewayHost : witness.host;
  if (anyHost) notes.push(`the rule matches any host; sent with Host: ${hostHeader}`);
  return {
    router: router.name,
    service: router.service,
    entryPoint: entry.name,
    host: input.gatewayHost,
    port,
    tls: Boolean(router.tls),
    method: witness.method || 'GET',
    path: (witness.path || '/') + (witness.query ? `?${witness.query}` : ''),
    hostHeader,
    headers,
    requests,
    delayMs,
    keepCookies: Boolean(input.keepCookies),
    notes,
  };
}
