// Traefik disables a router whose service does not exist (`the service "<s>@docker" does not
// exist`), and drops a router without `service` when its container declares several services
// ("cannot be linked automatically with multiple Services", pkg/provider/configuration.go).
import { definitions, definitionRange } from '../traefik/lookup';
import { listItems } from '../traefik/values';
import type { Check } from './check';
import { related, resolveReference } from './references';

/** Services Traefik builds itself (pkg/server/service/internalhandler.go, InternalHandlers.get). */
const INTERNAL_SERVICES = ['api', 'dashboard', 'rest', 'ping', 'prometheus', 'noop', 'acme-http'] as const;

export const check: Check = {
  code: 'undefined-service',
  severity: 'error',
  description: 'A router names a service that does not exist, or cannot pick one of several.',
  run(ctx) {
    const { project } = ctx;
    const rules = {
      kind: 'services' as const,
      noun: 'service',
      external: project.options.externalServices ?? [],
      internal: INTERNAL_SERVICES,
    };
    for (const protocol of ['http', 'tcp', 'udp'] as const) {
      for (const router of definitions(project, protocol, 'routers')) {
        if (!router.container.enabled) continue;
        const label = router.fields.get('service');
        if (label) {
          if (label.interpolated) continue;
          const item = listItems(label)[0] ?? { value: '', range: label.valueRange };
          if (item.value === '') continue;
          const missing = resolveReference(project, router, protocol, item, rules);
          if (missing) ctx.report({ ...missing, file: label.file, range: item.range });
          continue;
        }
        const own = router.container.definitions.filter((d) => d.protocol === protocol && d.kind === 'services');
        if (own.length > 1 && !router.implicit) {
          const first = router.labels[0];
          ctx.report({
            message: `Router "${router.name}" has no service, and service "${router.container.compose.name}" declares ${own.length} (${own.map((d) => d.name).join(', ')}); Traefik cannot pick one and drops the router. Add traefik.${protocol}.routers.${router.name}.service.`,
            file: first.file,
            range: definitionRange(router),
            related: own.map((d) => related(d, `service "${d.name}"`)),
            data: { router: router.name, services: own.map((d) => d.name), protocol },
          });
        }
      }
    }
  },
};
