// Drift between the workspace's compose files and the running Traefik: routers and services
// the files define that Traefik does not have (not deployed, dropped by Traefik, or another
// version running), and @docker routers and services Traefik runs that no file of the
// workspace defines (another checkout, another project on the host, a stale container).
// Names are compared as Traefik spells them (`name@provider`), per protocol.
import type { FileDefinition } from '../server/src/protocol';
import type { ApiRouter, ApiService } from './traefik/types';
import type { LiveModel } from './model';
import type { IconName, Node } from './tree';

/** Providers whose routers and services come from compose labels. */
const FROM_LABELS = new Set(['docker', 'swarm']);

export interface Running {
  kind: 'router' | 'service';
  protocol: 'http' | 'tcp' | 'udp';
  name: string;
  status: string;
}

export interface Drift {
  /** In the files, not in Traefik. */
  notRunning: FileDefinition[];
  /** In Traefik (from labels), in no file. */
  notInFiles: Running[];
}

function running(m: LiveModel): Running[] {
  const out: Running[] = [];
  const add = (kind: Running['kind'], protocol: Running['protocol'], items: (ApiRouter | ApiService)[]): void => {
    for (const i of items)
      if (FROM_LABELS.has(i.provider)) out.push({ kind, protocol, name: i.name, status: i.status });
  };
  add('router', 'http', m.routers);
  add(
    'service',
    'http',
    m.services.map((s) => s.api),
  );
  for (const protocol of ['tcp', 'udp'] as const) {
    add('router', protocol, m[protocol].routers);
    add(
      'service',
      protocol,
      m[protocol].services.map((s) => s.api),
    );
  }
  return out;
}

const key = (d: { kind: string; protocol: string; name: string }): string =>
  `${d.protocol} ${d.kind} ${d.name.toLowerCase()}`;

export function drift(m: LiveModel, defined: FileDefinition[]): Drift {
  const live = running(m);
  const liveKeys = new Set(live.map(key));
  const fileKeys = new Set(defined.map(key));
  const seen = new Set<string>();
  // A name several projects define is one row per project: each may be the one not deployed.
  const notRunning = defined.filter((d) => {
    const id = `${key(d)} ${d.project}`;
    if (liveKeys.has(key(d)) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { notRunning, notInFiles: live.filter((r) => !fileKeys.has(key(r))) };
}

const label = (d: { kind: string; protocol: string }): string =>
  `${d.protocol === 'http' ? '' : `${d.protocol.toUpperCase()} `}${d.kind}`;

/** The drift view's rows: two groups, each row revealable where it has a file. */
export function driftNodes(d: Drift): Node[] {
  const group = (id: string, title: string, rows: Node[]): Node => ({
    id,
    label: title,
    description: `${rows.length}`,
    icon: 'layers' as IconName,
    contextValue: 'entryPoint',
    children: rows,
  });
  return [
    group(
      'drift:files',
      'In the files, not in Traefik',
      d.notRunning.map((f) => ({
        id: `drift:files:${f.protocol}:${f.kind}:${f.project}:${f.name}`,
        label: f.name,
        description: `${label(f)} · ${f.project}`,
        tooltip: `${label(f)} ${f.name} is defined in project ${f.project}, but the running Traefik does not have it: the project is not deployed, Traefik dropped its container (see Problems), or another version of the file runs.`,
        icon: 'circle-outline' as IconName,
        contextValue: `${f.kind}.docker`,
        ref: { kind: f.kind, name: f.name, protocol: f.protocol === 'http' ? undefined : f.protocol },
        children: [],
      })),
    ),
    group(
      'drift:traefik',
      'In Traefik, in no file',
      d.notInFiles.map((r) => ({
        id: `drift:traefik:${r.protocol}:${r.kind}:${r.name}`,
        label: r.name,
        description: `${label(r)} · ${r.status}`,
        tooltip: `Traefik runs ${label(r)} ${r.name} from container labels, but no compose file of this workspace defines it: another project on the Docker host, another checkout, or a container started from an older file.`,
        icon: 'warning' as IconName,
        contextValue: 'drift',
        children: [],
      })),
    ),
  ];
}
