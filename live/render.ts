// Text and JSON renderings of the live model for `gateway-lens live`.
import { describeState } from './traefik/types';
import type { LiveLayer4, LiveModel } from './model';
import { routerPriority } from './model';

const ICON: Record<string, string> = { enabled: '✔', warning: '⚠', disabled: '✖' };

export function renderText(m: LiveModel): string {
  const out: string[] = [describeState(m.traefik)];
  if (m.docker)
    out.push(
      m.docker.kind === 'connected'
        ? `Docker ${m.docker.version} at ${m.docker.host}`
        : `Docker unreachable at ${m.docker.host}: ${m.docker.message}`,
    );
  out.push('', 'Routers');
  for (const [ep, routers] of [...m.routersByEntryPoint].sort(([a], [b]) => a.localeCompare(b))) {
    const address = m.entryPointAddresses.get(ep);
    out.push(`  ${ep}${address ? ` (${address})` : ''}`);
    for (const r of routers) {
      const tls = r.tls ? ' tls' : '';
      const mws = r.middlewares?.length ? ` [${r.middlewares.join(', ')}]` : '';
      out.push(
        `    ${ICON[r.status] ?? '?'} ${r.name}  ${r.rule ?? ''}  priority ${routerPriority(r) ?? '-'}${tls}${mws} -> ${r.service ?? '-'}`,
      );
      for (const e of r.error ?? []) out.push(`        ${e}`);
    }
  }
  out.push('', 'Services');
  for (const s of m.services) {
    const compose = s.compose.map((c) => `${c.project}/${c.service}`).join(', ');
    out.push(
      `  ${ICON[s.api.status] ?? '?'} ${s.api.name} (${s.api.type ?? 'loadbalancer'})${compose ? `  <- ${compose}` : ''}`,
    );
    for (const srv of s.servers) out.push(`      ${srv.status ?? '?'} ${srv.url}`);
  }
  out.push('', 'Middlewares');
  for (const mw of m.middlewares) out.push(`  ${ICON[mw.status] ?? '?'} ${mw.name} (${mw.type ?? '?'})`);
  for (const [title, layer] of [
    ['TCP', m.tcp],
    ['UDP', m.udp],
  ] as const) {
    if (layer.routers.length > 0) out.push('', `${title} routers`);
    for (const r of layer.routers) {
      const eps = (r.using?.length ? r.using : (r.entryPoints ?? [])).join(', ');
      const tls = r.tls ? (r.tls.passthrough ? ' tls passthrough' : ' tls') : '';
      out.push(`  ${ICON[r.status] ?? '?'} ${r.name}  ${r.rule ?? ''}  [${eps}]${tls} -> ${r.service ?? '-'}`);
      for (const e of r.error ?? []) out.push(`        ${e}`);
    }
    if (layer.services.length > 0) out.push('', `${title} services`);
    for (const s of layer.services) {
      out.push(`  ${ICON[s.api.status] ?? '?'} ${s.api.name}`);
      for (const srv of s.servers) out.push(`      ${srv.url}`);
    }
  }
  if (m.composeServices.length > 0) {
    out.push('', 'Compose services');
    for (const g of m.composeServices) {
      out.push(
        `  ${g.project}/${g.service}  ${g.running}/${g.desired} running${g.traefikServices.length ? `  -> ${g.traefikServices.join(', ')}` : ''}`,
      );
      for (const c of g.containers)
        out.push(`      #${c.number} ${c.name} ${c.state}${c.health ? ` (${c.health})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

export function renderJson(m: LiveModel): string {
  return (
    JSON.stringify(
      {
        traefik: m.traefik,
        docker: m.docker,
        entryPoints: m.entryPoints,
        entryPointAddresses: Object.fromEntries(m.entryPointAddresses),
        routers: m.routers.map((r) => ({
          name: r.name,
          status: r.status,
          rule: r.rule,
          entryPoints: r.using ?? r.entryPoints ?? [],
          priority: routerPriority(r),
          tls: Boolean(r.tls),
          middlewares: r.middlewares ?? [],
          service: r.service,
          errors: r.error ?? [],
        })),
        services: m.services.map((s) => ({
          name: s.api.name,
          status: s.api.status,
          type: s.api.type,
          servers: s.servers,
          compose: s.compose,
        })),
        middlewares: m.middlewares.map((mw) => ({ name: mw.name, status: mw.status, type: mw.type })),
        tcp: layer4Json(m.tcp),
        udp: layer4Json(m.udp),
        composeServices: m.composeServices.map((g) => ({
          project: g.project,
          service: g.service,
          running: g.running,
          desired: g.desired,
          traefikServices: g.traefikServices,
          containers: g.containers.map((c) => ({ name: c.name, number: c.number, state: c.state, health: c.health })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

function layer4Json(layer: LiveLayer4): unknown {
  return {
    routers: layer.routers.map((r) => ({
      name: r.name,
      status: r.status,
      rule: r.rule,
      entryPoints: r.using ?? r.entryPoints ?? [],
      tls: Boolean(r.tls),
      service: r.service,
      errors: r.error ?? [],
    })),
    services: layer.services.map((s) => ({
      name: s.api.name,
      status: s.api.status,
      servers: s.servers.map((x) => x.url),
    })),
  };
}
