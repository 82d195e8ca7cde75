// Traefik sorts the routers of an entry point by priority only; among equal priorities the order
// comes from an unstable sort over a map, so which router serves a request both match is left
// to chance (pkg/muxer/http/mux.go). Since v3.7 routers of different providers are
// ordered by provider precedence; within one provider nothing decides. Reported only when a
// request both rules match is proven to exist (rules/overlap.ts gives a checked witness).
import { mayMeet, shareEntryPoint, shownName, type Routed } from '../route/routers';
import { overlap } from '../rules';
import type { HttpRequest } from '../rules';
import type { Check } from './check';

export const check: Check<'priority-tie'> = {
  code: 'priority-tie',
  severity: 'warning',
  description:
    'Two routers on a shared entry point with the same priority whose rules match the same request: which one serves it is left to chance.',
  run(ctx) {
    const rivals = new Map<Routed, { other: Routed; witness: HttpRequest }[]>();
    // Each pair once: the proof is symmetric, and b's list already held a when b was done.
    const done = new Set<Routed>();
    for (const [a, meets] of mayMeet(ctx.project)) {
      done.add(a);
      for (const b of meets) {
        if (done.has(b) || b.priority !== a.priority || !tied(a, b)) continue;
        const o = overlap({ tree: a.tree, syntax: a.syntax }, { tree: b.tree, syntax: b.syntax });
        if (o.result !== 'yes') continue;
        rivals.set(a, [...(rivals.get(a) ?? []), { other: b, witness: o.witness }]);
        rivals.set(b, [...(rivals.get(b) ?? []), { other: a, witness: o.witness }]);
      }
    }
    for (const [r, others] of rivals) {
      const names = others.map((o) => `"${shownName(o.other, r)}"`).join(', ');
      const example = describeRequest(others[0].witness, r.tls);
      ctx.report({
        message: `router "${shownName(r)}" ties with ${names} at priority ${r.priority}: set a priority on one`,
        explanation: `Router "${r.fullName}" has the same priority (${r.priority}) as ${others.map((o) => `"${o.other.fullName}"`).join(', ')} on a shared entry point, and both match requests such as ${example}; ${tieBreak(
          r,
          others.map((o) => o.other),
        )} Traefik orders an entry point's routers by priority only (pkg/muxer/http/mux.go).`,
        file: r.file,
        range: r.range,
        related: others.map((o) => o.other.at(`router "${o.other.fullName}", priority ${o.other.priority}`)),
        data: { router: r.name, rivals: others.map((o) => o.other.name), priority: r.priority },
      });
    }
  },
};

/**
 * A tie worth reporting: same entry point, different routers, and a different outcome (two routers
 * sending the same request to the same service through the same middlewares cannot be told
 * apart). Identical rules are route-conflict's.
 */
function tied(a: Routed, b: Routed): boolean {
  if (a.name === b.name && a.provider === b.provider) return false;
  if (!shareEntryPoint(a, b)) return false;
  if (a.rule.trim() === b.rule.trim()) return false;
  return a.outcome !== b.outcome;
}

/** Provider precedence by default (static_config.go providerNames): swarm, docker, file. */
function tieBreak(r: Routed, others: Routed[]): string {
  const provider = r.provider;
  if (others.every((o) => o.provider === provider))
    return `both come from the ${provider} provider, so the order between them is undefined.`;
  return 'routers of different providers are ordered by provider precedence since Traefik v3.7 (swarm, then docker, then file by default: pkg/config/static/static_config.go providerNames); before v3.7 the order is undefined.';
}

function describeRequest(req: HttpRequest, tls: boolean): string {
  const url = `${tls ? 'https' : 'http'}://${req.host || 'any-host'}${req.path}${req.query ? `?${req.query}` : ''}`;
  const headers = Object.entries(req.headers).map(([k, v]) => ` with ${k}: ${v.join(', ')}`);
  return `\`${req.method} ${url}${headers.join('')}\``;
}
