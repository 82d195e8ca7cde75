// Traefik sorts the routers of an entry point by priority only; among equal priorities the order
// comes from an unstable sort over a map, so which router serves a request both match is left
// to chance (pkg/muxer/http/mux.go). Since v3.7 routers of different providers are
// ordered by provider precedence; within one provider nothing decides. Reported only when a
// request both rules match is proven to exist (rules/overlap.ts gives a checked witness).
import type { RouterFacts } from '../route/facts';
import { shareEntryPoint, shownName } from '../route/routers';
import type { HttpRequest } from '../rules';
import type { Check } from './check';

export const check: Check<'priority-tie'> = {
  code: 'priority-tie',
  severity: 'warning',
  description:
    'Two routers on a shared entry point with the same priority whose rules match the same request: which one serves it is left to chance.',
  router(r, ctx) {
    const others: { other: RouterFacts; witness: HttpRequest }[] = [];
    const at = ctx.routers.indexOf(r);
    ctx.routers.forEach((b, i) => {
      if (b === r || b.priority !== r.priority || !tied(r, b)) return;
      // The proof runs on the pair in the project's order, so both routers' findings show one witness.
      const o = i < at ? ctx.judge.overlap(b, r) : ctx.judge.overlap(r, b);
      if (o.result === 'yes') others.push({ other: b, witness: o.witness });
    });
    if (others.length === 0) return;
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
  },
};

/**
 * A tie worth reporting: same entry point, different routers, and a different outcome (two routers
 * sending the same request to the same service through the same middlewares cannot be told
 * apart). Identical rules are route-conflict's.
 */
function tied(a: RouterFacts, b: RouterFacts): boolean {
  if (a.name === b.name && a.provider === b.provider) return false;
  if (!shareEntryPoint(a, b)) return false;
  if (a.rule.trim() === b.rule.trim()) return false;
  return a.outcome !== b.outcome;
}

/** Provider precedence by default (static_config.go providerNames): swarm, docker, file. */
function tieBreak(r: RouterFacts, others: RouterFacts[]): string {
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
