// Traefik disables a router whose service does not exist (`the service "<s>@docker" does not
// exist`), and drops a router without `service` when its container declares several services
// ("cannot be linked automatically with multiple Services", pkg/provider/configuration.go).
import { definitionRange } from '../traefik/lookup';
import { listItems } from '../traefik/values';
import type { Project } from '../project';
import type { Check } from './check';
import { fileProviderReferences } from './fileRouterReferences';
import { disablesRouter, related, resolveReference, type ReferenceRules } from './references';

/** Services Traefik builds itself (pkg/server/service/internalhandler.go, InternalHandlers.get). */
const INTERNAL_SERVICES = ['api', 'dashboard', 'rest', 'ping', 'prometheus', 'noop', 'acme-http'] as const;

export const check: Check<'undefined-service'> = {
  code: 'undefined-service',
  severity: 'error',
  description: 'A router names a service that does not exist, or cannot pick one of several.',
  run(ctx) {
    for (const r of fileProviderReferences(ctx.project, rulesOf(ctx.project))) ctx.report(r);
  },
  container(container, ctx) {
    const { project } = ctx;
    if (!container.enabled) return;
    const rules = rulesOf(project);
    for (const router of container.definitions) {
      if (router.kind !== 'routers') continue;
      const protocol = router.protocol;
      const label = router.fields.get('service');
      if (label) {
        if (label.interpolated) continue;
        const item = listItems(label)[0] ?? { value: '', range: label.valueRange, literal: false };
        if (item.value === '') continue;
        const missing = resolveReference(project, router, protocol, item, rules);
        if (missing)
          ctx.report({
            ...missing,
            file: label.file,
            range: item.range,
            effect: disablesRouter(container.compose.name, router, missing.unless),
          });
        continue;
      }
      const own = container.definitions.filter((d) => d.protocol === protocol && d.kind === 'services');
      if (own.length > 1 && !router.implicit) {
        const first = router.labels[0];
        ctx.report({
          message: `router "${router.name}" must name its service: "${container.compose.name}" defines ${own.length}`,
          explanation: `A router without a service label gets its container's only service; "${container.compose.name}" defines ${own.map((d) => `"${d.name}"`).join(', ')}, so Traefik cannot pick one and drops the router ("cannot be linked automatically with multiple Services", pkg/provider/configuration.go). Add traefik.${protocol}.routers.${router.name}.service.`,
          file: first.file,
          range: definitionRange(router),
          related: own.map((d) => related(d, `service "${d.name}"`)),
          data: { router: router.name, services: own.map((d) => d.name), protocol },
          effect: disablesRouter(container.compose.name, router),
        });
      }
    }
  },
};

/** What names exist outside the project, and in Traefik's internal provider. */
function rulesOf(project: Project): ReferenceRules {
  return {
    kind: 'services' as const,
    noun: 'service',
    external: [...(project.options.externalServices ?? []), ...(project.options.elsewhere?.services ?? [])],
    internal: INTERNAL_SERVICES,
  };
}
