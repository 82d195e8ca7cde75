// What Traefik's internal provider adds from the static configuration
// (pkg/provider/traefik/internal.go createConfiguration): the API and dashboard routers on the
// `traefik` entry point when api.insecure is set, ping, the entry points' redirections with
// their redirectScheme middlewares, and the services api, dashboard, ping and noop.
import type { Project } from '../project';
import type { RawEntry, Section } from './index';

/** math.MaxInt on 64 bits, beyond a double: written digit for digit (text.ts, the CLI's JSON). */
export const MAX_INT = 9223372036854775807n;
export const BIG = '\u0000big:';

const big = (n: bigint): string => `${BIG}${n}`;

export function internalEntries(project: Project): { section: Section; entry: RawEntry }[] {
  const config = project.staticConfig;
  const out: { section: Section; entry: RawEntry }[] = [];
  if (!config.found) return out;
  const origin = config.sources[0];
  const add = (section: Section, name: string, entry: Partial<RawEntry> & { config: RawEntry['config'] }): void => {
    out.push({
      section,
      entry: { name: `${name}@internal`, provider: 'internal', defaults: {}, status: 'enabled', origin, ...entry },
    });
  };
  const api = config.api;
  if (api?.insecure) {
    add('routers', 'api', {
      config: {
        entryPoints: ['traefik'],
        service: 'api@internal',
        rule: 'PathPrefix(`/api`)',
        priority: big(MAX_INT - 1n),
      },
    });
    if (api.dashboard) {
      add('routers', 'dashboard', {
        config: {
          entryPoints: ['traefik'],
          middlewares: ['dashboard_redirect@internal', 'dashboard_stripprefix@internal'],
          service: 'dashboard@internal',
          rule: 'PathPrefix(`/`)',
          priority: big(MAX_INT - 2n),
        },
      });
      add('middlewares', 'dashboard_redirect', {
        config: {
          redirectRegex: {
            regex: '^(http:\\/\\/(\\[[\\w:.]+\\]|[\\w\\._-]+)(:\\d+)?)\\/$',
            replacement: '${1}/dashboard/',
            permanent: true,
          },
        },
      });
      add('middlewares', 'dashboard_stripprefix', {
        config: { stripPrefix: { prefixes: ['/dashboard/', '/dashboard'] } },
      });
    }
  }
  if (config.ping)
    add('routers', 'ping', {
      config: {
        entryPoints: [config.ping.entryPoint],
        service: 'ping@internal',
        rule: 'PathPrefix(`/ping`)',
        priority: big(MAX_INT),
      },
    });
  for (const ep of config.entryPoints.values()) {
    const redirect = ep.redirect;
    if (!redirect) continue;
    const name = `${ep.name}-to-${redirect.to}`.replace(/[^a-zA-Z0-9-]/g, '-');
    const port = /:(\d+)$/.exec(config.entryPoints.get(redirect.to)?.address ?? '')?.[1];
    add('routers', name, {
      config: {
        entryPoints: [ep.name],
        middlewares: [`redirect-${name}`],
        service: 'noop@internal',
        rule: 'HostRegexp(`^.+$`)',
        priority: redirect.priority !== undefined ? redirect.priority : big(MAX_INT - 1n),
      },
      ...(ep.origin ? { origin: ep.origin } : {}),
    });
    add('middlewares', `redirect-${name}`, {
      config: { redirectScheme: { scheme: redirect.scheme, ...(port ? { port } : {}), permanent: true } },
      ...(ep.origin ? { origin: ep.origin } : {}),
    });
  }
  if (api) add('services', 'api', { config: {} });
  if (api?.dashboard) add('services', 'dashboard', { config: {} });
  if (config.ping) add('services', 'ping', { config: {} });
  add('services', 'noop', { config: {} });
  return out;
}
