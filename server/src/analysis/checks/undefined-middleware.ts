// A router naming a middleware that does not exist is disabled by Traefik with
// `middleware "<name>@<provider>" does not exist` (pkg/server/middleware/middlewares.go).
import { listItems } from '../traefik/values';
import type { Project } from '../project';
import type { Check } from './check';
import { fileProviderReferences } from './fileRouterReferences';
import { disablesRouter, resolveReference, type ReferenceRules } from './references';
import { entryPointMiddlewares } from './entryPointMiddlewares';

export const check: Check<'undefined-middleware'> = {
  code: 'undefined-middleware',
  severity: 'error',
  description: 'A router (or chain) names a middleware that is defined nowhere.',
  run(ctx) {
    for (const r of fileProviderReferences(ctx.project, rulesOf(ctx.project))) ctx.report(r);
    for (const r of entryPointMiddlewares(ctx.project, rulesOf(ctx.project))) ctx.report(r);
  },
  container(container, ctx) {
    const { project } = ctx;
    if (!container.enabled) return;
    const rules = rulesOf(project);
    for (const def of container.definitions) {
      if (def.protocol === 'udp') continue;
      // chain.middlewares are qualified relative to the chain's own provider (pkg/server/provider/provider.go GetQualifiedName).
      const field = def.kind === 'routers' ? 'middlewares' : def.kind === 'middlewares' ? 'chain.middlewares' : '';
      const label = def.fields.get(field);
      if (!label || label.interpolated) continue;
      for (const item of listItems(label)) {
        const missing = resolveReference(project, def, def.protocol, item, rules);
        if (!missing) continue;
        // A chain with a missing middleware fails the routers using it: forwardedPath reports those.
        const effect = def.kind === 'routers' ? disablesRouter(container.compose.name, def, missing.unless) : undefined;
        ctx.report({ ...missing, file: label.file, range: item.range, ...(effect ? { effect } : {}) });
      }
    }
  },
};

/** What names exist outside the project, and in Traefik's internal provider. */
function rulesOf(project: Project): ReferenceRules {
  return {
    kind: 'middlewares' as const,
    noun: 'middleware',
    external: [...(project.options.externalMiddlewares ?? []), ...(project.options.elsewhere?.middlewares ?? [])],
    internal: [],
  };
}
