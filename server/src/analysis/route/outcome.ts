// Where a router sends a request: the service it names (qualified with its provider), else its
// container's only HTTP service, else the implicit one named after the container
// (pkg/provider/configuration.go BuildRouterConfiguration).
import type { Definition } from '../traefik/model';

export function serviceOf(router: Definition): string {
  const provider = router.container.provider;
  const explicit = router.fields.get('service')?.value.trim();
  if (explicit) return explicit.includes('@') ? explicit : `${explicit}@${provider}`;
  const own = router.container.definitions.filter((d) => d.kind === 'services' && d.protocol === router.protocol);
  return `${own.length === 1 ? own[0].name : router.container.traefikName}@${provider}`;
}

/** What serving a request through the router does: same service and middlewares = same result. */
export function routerOutcome(router: Definition): string {
  return `${serviceOf(router)}\u0000${router.fields.get('middlewares')?.value.replace(/\s/g, '') ?? ''}`;
}
