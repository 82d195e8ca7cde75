// Traefik's dashboard and API are served by its internal service `api@internal`
// (docs/content/operations/dashboard.md: "the router must use the service api@internal"). A router
// for them on Traefik's own container without that service is linked to the container's own
// service instead, whose server is Traefik's own port (EXPOSE 80): each request comes back to the
// entry point it arrived on, and is routed again, and again.
import type { Project } from '../project';
import { definitionRange } from '../traefik/lookup';
import type { Container, Definition } from '../traefik/model';
import { listValue } from '../traefik/model';
import { traefikServiceName } from '../traefik/staticConfig/service';
import type { Check } from './check';
import { containerPorts } from './missing-port';

export const check: Check<'dashboard-loop'> = {
  code: 'dashboard-loop',
  severity: 'error',
  description:
    "A router for the dashboard or API on Traefik's own container without service=api@internal: requests loop back to Traefik.",
  container(container, ctx) {
    if (!container.enabled || traefikName(ctx.project) !== container.compose.name) return;
    const own = container.definitions.filter((d) => d.kind === 'services' && d.protocol === 'http');
    for (const router of container.definitions) {
      if (router.kind !== 'routers' || router.protocol !== 'http' || !forDashboard(router)) continue;
      if (redirectsOnly(router, container)) continue;
      const target = router.fields.get('service');
      if (target && (target.interpolated || target.value.includes('@'))) continue;
      const service = target ? own.find((s) => s.name === target.value.trim()) : own.length === 1 ? own[0] : undefined;
      if (!service) continue;
      const port = service.fields.get('loadbalancer.server.port');
      const to = port ? Number(port.value.trim()) : containerPorts(container)[0];
      if (port?.interpolated || !loopsBack(ctx.project, to)) continue;
      const at = target ?? router.fields.get('rule');
      ctx.report({
        message: `router "${router.name}" sends the dashboard's requests back to Traefik: set service=api@internal`,
        explanation: `The router serves the dashboard or the API, and its requests loop back to Traefik. Without \`service=api@internal\`, Traefik links the router to service "${service.name}" of its own container, port ${to ?? 80}: Traefik itself, on the entry point the request came in on. The dashboard and the API are answered only by the internal service api@internal (docs/content/operations/dashboard.md).`,
        file: at?.file ?? router.labels[0]?.file ?? container.compose.file,
        range: at ? at.valueRange : definitionRange(router),
        data: { router: router.name, fix: 'api@internal' },
      });
    }
  },
};

function traefikName(project: Project): string | undefined {
  return traefikServiceName(project);
}

/**
 * A router written with a rule that asks for the dashboard or API paths, or named as the
 * dashboard's. Without a rule it matches only its default Host (invalid-value says so).
 */
function forDashboard(router: Definition): boolean {
  const rule = router.fields.get('rule')?.value;
  if (router.implicit || rule === undefined) return false;
  return /\/(dashboard|api)\b/i.test(rule) || /^(dashboard|api|traefik)(-|_|$)/i.test(router.name);
}

/** Every middleware is a redirect: Traefik answers the redirect itself and never calls the service. */
function redirectsOnly(router: Definition, container: Container): boolean {
  const used = listValue(router.fields.get('middlewares')?.value ?? '');
  if (used.length === 0) return false;
  return used.every((name) => {
    const m = container.definitions.find((d) => d.kind === 'middlewares' && d.name === name.replace(/@docker$/, ''));
    return (
      m !== undefined &&
      [...m.fields.keys()].some((k) => k.startsWith('redirectscheme') || k.startsWith('redirectregex'))
    );
  });
}

/**
 * Whether the port is one of Traefik's entry points other than the insecure API's (`api.insecure`
 * serves api@internal on the `traefik` entry point, :8080, so proxying there still shows it).
 */
function loopsBack(project: Project, port: number | undefined): boolean {
  const config = project.staticConfig;
  if (port === undefined) return false;
  if (!config.found || !config.entryPointsKnown) return port === 80 || port === 443;
  for (const ep of config.entryPoints.values()) {
    const m = /:(\d+)(?:\/\w+)?$/.exec(ep.address ?? '');
    if (!m || Number(m[1]) !== port) continue;
    if (ep.name === 'traefik' && config.api?.insecure) return false;
    return true;
  }
  return false;
}
