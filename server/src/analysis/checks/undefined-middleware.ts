// A router naming a middleware that does not exist is disabled by Traefik with
// `middleware "<name>@<provider>" does not exist` (pkg/server/middleware/middlewares.go; SEMANTICS E).
import { definitions } from '../traefik/lookup';
import { listItems } from '../traefik/values';
import type { Check } from './check';
import { resolveReference } from './references';

export const check: Check = {
  code: 'undefined-middleware',
  severity: 'error',
  description: 'A router (or chain) names a middleware that is defined nowhere.',
  run(ctx) {
    const { project } = ctx;
    for (const protocol of ['http', 'tcp'] as const) {
      const rules = {
        kind: 'middlewares' as const,
        noun: 'middleware',
        external: project.options.externalMiddlewares ?? [],
        internal: [],
      };
      for (const router of definitions(project, protocol, 'routers')) {
        if (!router.container.enabled) continue;
        const label = router.fields.get('middlewares');
        if (!label || label.interpolated) continue;
        for (const item of listItems(label)) {
          const missing = resolveReference(project, router, protocol, item, rules);
          if (missing) ctx.report({ ...missing, file: label.file, range: item.range });
        }
      }
      // chain.middlewares are qualified relative to the chain's own provider (SEMANTICS E).
      for (const middleware of definitions(project, protocol, 'middlewares')) {
        if (!middleware.container.enabled) continue;
        const label = middleware.fields.get('chain.middlewares');
        if (!label || label.interpolated) continue;
        for (const item of listItems(label)) {
          const missing = resolveReference(project, middleware, protocol, item, rules);
          if (missing) ctx.report({ ...missing, file: label.file, range: item.range });
        }
      }
    }
  },
};
