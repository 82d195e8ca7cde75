// Traefik tries the routers of an entry point by priority, highest first, and the first match
// serves (pkg/muxer/http/mux.go): a router whose every request is matched by
// routers of higher priority on each of its entry points never receives a request. Claimed only
// when proven (rules/overlap.ts coveredBy); regexps and ClientIP are never guessed.
import type { RouterFacts } from '../route/facts';
import { shownName } from '../route/routers';
import type { Check } from './check';

/**
 * What still reaches a router shadowed by PathPrefix(`/`): Go parses the request-target `*` as the
 * path `*` (net/url ParseRequestURI), which no Path or PathPrefix matches (pkg/muxer/http/matcher.go
 * compares the routing path), and answers `OPTIONS *` itself (net/http serverHandler).
 */
const ASTERISK =
  'Only an asterisk-form request (`GET * HTTP/1.1`, request-target `*` instead of a path) escapes them: Go reads its path as `*`, which no Path or PathPrefix matches (Go answers `OPTIONS *` itself); browsers and HTTP clients do not send one.';

/** More candidates than this and the router is left alone (the proof search is bounded). */
const MAX_RIVALS = 200;

export const check: Check<'route-shadowed'> = {
  code: 'route-shadowed',
  severity: 'warning',
  description:
    'A router that can never receive a request: routers of higher priority on its entry points match everything it matches.',
  router(r, ctx) {
    const eps = r.entryPoints;
    // Routers that cannot share a request with this one cannot shadow it (route/routingIndex.ts).
    const higher = ctx.routers.filter((h) => h.priority > r.priority);
    if (higher.length === 0 || higher.length > MAX_RIVALS) return;
    // Every entry point the router listens on must be covered by the routers listening there.
    const points = eps ?? ['(default)'];
    const shadows = new Set<RouterFacts>();
    let asterisk = false;
    const all = points.every((ep) => {
      const there = higher.filter((h) =>
        eps === undefined ? h.entryPoints === undefined : h.entryPoints?.includes(ep),
      );
      if (there.length === 0) return false;
      const covered = ctx.judge.coverage(r, there);
      if (!covered) return false;
      if (covered === 'asterisk') asterisk = true;
      // Name only routers the proof needs: one that shares some requests but whose absence leaves
      // the router covered all the same (PathPrefix(`/`) && Header(...) before PathPrefix(`/`)) is left out.
      const needed = there.filter((h) => ctx.judge.overlap(r, h).result !== 'no');
      for (const h of [...needed]) {
        const without = needed.filter((o) => o !== h);
        if (without.length > 0 && ctx.judge.coverage(r, without) === covered) needed.splice(needed.indexOf(h), 1);
      }
      for (const h of needed) shadows.add(h);
      return true;
    });
    if (!all) return;
    const names = [...shadows].map((h) => `"${shownName(h, r)}"`).join(', ');
    const ranked = [...shadows].map((h) => `"${shownName(h, r)}" (priority ${h.priority})`).join(', ');
    const one = shadows.size === 1;
    const every = asterisk ? 'every request with a path' : 'every request';
    ctx.report({
      message: asterisk
        ? `router "${shownName(r)}" gets no request from a browser or HTTP client: ${names} ${one ? 'matches' : 'match'} every one with a path first; raise its priority`
        : `router "${shownName(r)}" never gets a request: ${names} ${one ? 'matches' : 'match'} them first; raise its priority`,
      explanation: `Traefik tries the routers of an entry point by priority, highest first, and the first whose rule matches serves the request (pkg/muxer/http/mux.go). ${ranked} ${one ? 'matches' : 'match'} ${every} "${shownName(r)}" (priority ${r.priority}) matches, so it ${asterisk ? 'receives none of them' : 'never receives one'}. ${asterisk ? `${ASTERISK} ` : ''}Give it a higher priority than ${one ? 'that router' : 'those routers'}, or narrow the other rule.`,
      file: r.file,
      range: r.range,
      related: [...shadows].map((h) => h.at(`router "${shownName(h, r)}", priority ${h.priority}`)),
      data: { router: r.name, shadowedBy: [...shadows].map((h) => h.name), priority: r.priority },
    });
  },
};
