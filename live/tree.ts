// The Gateway view's items as plain data: what each row says, its icon, and which commands
// apply (contextValue). views/gatewayTree.ts turns these into vscode.TreeItems.
import { describeState } from './traefik/types';
import type { LiveModel } from './model';
import { routerPriority } from './model';

export type IconName =
  | 'pass'
  | 'warning'
  | 'error'
  | 'circle-outline'
  | 'server'
  | 'server-process'
  | 'plug'
  | 'debug-disconnect'
  | 'symbol-event'
  | 'layers'
  | 'package';

export interface Node {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: IconName;
  /** Matches `when` clauses of view/item/context menus: router, service, server, middleware, composeService, container, error, status. */
  contextValue: string;
  children: Node[];
  /** For reveal: the Traefik name (`users@docker`) or the compose service (`project/service`). */
  ref?: {
    kind: 'router' | 'service' | 'middleware' | 'composeService';
    name: string;
    /** tcp or udp for their routers and services; http when absent. */
    protocol?: 'tcp' | 'udp';
    project?: string;
    service?: string;
  };
}

const STATUS_ICON: Record<string, IconName> = { enabled: 'pass', warning: 'warning', disabled: 'error' };

export function statusNode(m: LiveModel): Node {
  const docker = m.docker
    ? m.docker.kind === 'connected'
      ? `Docker ${m.docker.version}`
      : 'Docker unreachable'
    : undefined;
  return {
    id: 'status',
    label: describeState(m.traefik),
    description: docker,
    tooltip: [describeState(m.traefik), m.docker?.kind === 'unreachable' ? `Docker: ${m.docker.message}` : docker]
      .filter(Boolean)
      .join('\n'),
    icon: m.traefik.kind === 'connected' ? 'plug' : 'debug-disconnect',
    contextValue: 'status',
    children: [],
  };
}

export function routerNodes(m: LiveModel): Node[] {
  return [...m.routersByEntryPoint]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ep, routers]) => ({
      id: `ep:${ep}`,
      label: ep,
      // The address says which port a request must reach (`:443`).
      description: [m.entryPointAddresses.get(ep), `${routers.length} router${routers.length === 1 ? '' : 's'}`]
        .filter(Boolean)
        .join(' · '),
      icon: 'symbol-event' as IconName,
      contextValue: 'entryPoint',
      children: routers.map((r) => {
        const details = [
          `priority ${routerPriority(r) ?? '-'}`,
          r.tls ? 'TLS' : undefined,
          r.middlewares?.length ? `middlewares: ${r.middlewares.join(', ')}` : undefined,
          `→ ${r.service ?? '-'}`,
        ].filter(Boolean);
        return {
          id: `router:${ep}:${r.name}`,
          label: r.name,
          description: `${r.rule ?? ''}  ${details.join(' · ')}`,
          tooltip: [`${r.name} (${r.status})`, r.rule, ...details, ...(r.error ?? [])].filter(Boolean).join('\n'),
          icon: STATUS_ICON[r.status] ?? 'circle-outline',
          contextValue: r.provider === 'docker' ? 'router.docker' : 'router',
          ref: { kind: 'router' as const, name: r.name },
          children: (r.error ?? []).map((e, i) => ({
            id: `router:${ep}:${r.name}:error:${i}`,
            label: e,
            icon: 'error' as IconName,
            contextValue: 'error',
            children: [],
          })),
        };
      }),
    }));
}

export function serviceNodes(m: LiveModel): Node[] {
  return m.services.map((s) => {
    const up = s.servers.filter((x) => x.status === 'UP').length;
    return {
      id: `service:${s.api.name}`,
      label: s.api.name,
      description: s.servers.length ? `${up}/${s.servers.length} UP` : (s.api.type ?? ''),
      tooltip: [`${s.api.name} (${s.api.status}, ${s.api.type ?? 'loadbalancer'})`, ...(s.api.error ?? [])].join('\n'),
      icon: STATUS_ICON[s.api.status] ?? 'circle-outline',
      contextValue: s.api.provider === 'docker' ? 'service.docker' : 'service',
      ref: { kind: 'service', name: s.api.name },
      children: s.servers.map((srv) => ({
        id: `service:${s.api.name}:${srv.url}`,
        label: srv.url,
        description: srv.status ?? 'unknown',
        icon: srv.status === 'UP' ? 'pass' : srv.status === 'DOWN' ? 'error' : 'circle-outline',
        contextValue: 'server',
        children: [],
      })),
    };
  });
}

export function middlewareNodes(m: LiveModel): Node[] {
  return m.middlewares.map((mw) => ({
    id: `middleware:${mw.name}`,
    label: mw.name,
    description: mw.type ?? '',
    tooltip: [`${mw.name} (${mw.status})`, ...(mw.error ?? [])].join('\n'),
    icon: STATUS_ICON[mw.status] ?? 'circle-outline',
    contextValue: mw.provider === 'docker' ? 'middleware.docker' : 'middleware',
    ref: { kind: 'middleware', name: mw.name },
    children: (mw.error ?? []).map((e, i) => ({
      id: `middleware:${mw.name}:error:${i}`,
      label: e,
      icon: 'error' as IconName,
      contextValue: 'error',
      children: [],
    })),
  }));
}

export function composeNodes(m: LiveModel): Node[] {
  return m.composeServices.map((g) => ({
    id: `compose:${g.project}/${g.service}`,
    label: g.service,
    description: `${g.running}/${g.desired} running · ${g.project}${g.traefikServices.length ? ` → ${g.traefikServices.join(', ')}` : ''}`,
    // Scaled to 0 on purpose is not a failure; fewer running than desired is.
    icon:
      g.running === g.desired
        ? g.running > 0
          ? 'server-process'
          : 'circle-outline'
        : g.running === 0
          ? 'error'
          : 'warning',
    contextValue: 'composeService',
    ref: { kind: 'composeService', name: `${g.project}/${g.service}`, project: g.project, service: g.service },
    children: g.containers.map((c) => ({
      id: `container:${c.id}`,
      label: `#${c.number} ${c.name}`,
      description: `${c.state}${c.health ? ` (${c.health})` : ''}`,
      icon: c.state === 'running' ? (c.health === 'unhealthy' ? 'warning' : 'pass') : 'circle-outline',
      contextValue: 'container',
      children: [],
    })),
  }));
}
