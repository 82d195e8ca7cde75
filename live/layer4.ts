// TCP and UDP routers and services in the Gateway view: one group row per protocol after the
// HTTP entry points (Routers view) and after the HTTP services (Services view). A TCP router's
// rule is HostSNI/ClientIP; a UDP router has no rule at all (it takes a whole entry point).
import type { ApiRouter } from './traefik/types';
import type { LiveLayer4, LiveModel, LiveService } from './model';
import type { IconName, Node } from './tree';

const STATUS_ICON: Record<string, IconName> = { enabled: 'pass', warning: 'warning', disabled: 'error' };
type Protocol = 'tcp' | 'udp';

function errorRows(id: string, errors: string[] | undefined): Node[] {
  return (errors ?? []).map((e, i) => ({
    id: `${id}:error:${i}`,
    label: e,
    icon: 'error' as IconName,
    contextValue: 'error',
    children: [],
  }));
}

function routerRow(protocol: Protocol, r: ApiRouter): Node {
  const details = [
    `entry points: ${(r.using?.length ? r.using : (r.entryPoints ?? [])).join(', ') || '-'}`,
    r.tls ? (r.tls.passthrough ? 'TLS passthrough' : 'TLS') : undefined,
    `→ ${r.service ?? '-'}`,
  ].filter(Boolean);
  const id = `${protocol}router:${r.name}`;
  return {
    id,
    label: r.name,
    description: [r.rule, ...details].filter(Boolean).join(' · '),
    tooltip: [`${r.name} (${protocol.toUpperCase()}, ${r.status})`, r.rule, ...details, ...(r.error ?? [])]
      .filter(Boolean)
      .join('\n'),
    icon: STATUS_ICON[r.status] ?? 'circle-outline',
    contextValue: r.provider === 'docker' ? 'router.docker' : 'router',
    ref: { kind: 'router', name: r.name, protocol },
    children: errorRows(id, r.error),
  };
}

function serviceRow(protocol: Protocol, s: LiveService): Node {
  const id = `${protocol}service:${s.api.name}`;
  return {
    id,
    label: s.api.name,
    description: `${s.servers.length} server${s.servers.length === 1 ? '' : 's'}`,
    tooltip: [`${s.api.name} (${protocol.toUpperCase()}, ${s.api.status})`, ...(s.api.error ?? [])].join('\n'),
    icon: STATUS_ICON[s.api.status] ?? 'circle-outline',
    contextValue: s.api.provider === 'docker' ? 'service.docker' : 'service',
    ref: { kind: 'service', name: s.api.name, protocol },
    children: [
      ...s.servers.map((srv) => ({
        id: `${id}:${srv.url}`,
        label: srv.url,
        // TCP health checks report UP/DOWN; UDP servers carry no status.
        description: srv.status,
        icon: (srv.status === 'UP' ? 'pass' : srv.status === 'DOWN' ? 'error' : 'server') as IconName,
        contextValue: 'server',
        children: [],
      })),
      ...errorRows(id, s.api.error),
    ],
  };
}

function group(protocol: Protocol, what: 'routers' | 'services', rows: Node[]): Node[] {
  if (rows.length === 0) return [];
  return [
    {
      id: `${protocol}:${what}`,
      label: `${protocol.toUpperCase()} ${what}`,
      description: `${rows.length}`,
      icon: 'layers',
      contextValue: 'entryPoint',
      children: rows,
    },
  ];
}

const layers = (m: LiveModel): [Protocol, LiveLayer4][] => [
  ['tcp', m.tcp],
  ['udp', m.udp],
];

/** "TCP routers" and "UDP routers" groups, when Traefik has any. */
export function layer4RouterNodes(m: LiveModel): Node[] {
  return layers(m).flatMap(([p, l]) =>
    group(
      p,
      'routers',
      l.routers.map((r) => routerRow(p, r)),
    ),
  );
}

/** "TCP services" and "UDP services" groups, when Traefik has any. */
export function layer4ServiceNodes(m: LiveModel): Node[] {
  return layers(m).flatMap(([p, l]) =>
    group(
      p,
      'services',
      l.services.map((s) => serviceRow(p, s)),
    ),
  );
}
