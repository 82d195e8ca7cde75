// The networks a compose service's container is attached to, by the names Docker gives them
// (the compose spec's 06-networks.md and 05-services.md networks / network_mode): a network
// compose creates is named `<project>_<key>` unless it sets `name:`; an `external` one is looked
// up by its `name:`, else its key, as it is; a service listing no network is on `default`
// (`<project>_default`, which a top-level `networks.default` may rename). `network_mode: host`
// and `none` attach no compose network; `service:x` shares x's network stack.
import type { Environment } from './env';
import { resolvedValue } from './env/interpolate';
import type { ComposeFile, ComposeService, Scalar } from './model';

export interface DockerNetwork {
  /** The key in the compose file (`default` when the service lists none). */
  key: string;
  /** The name Docker knows it by; undefined when a variable makes it unknown. */
  name: string | undefined;
  external: boolean;
  /** Where the service attaches it (its `networks:` item, in `file`), absent for the implicit default. */
  written?: Scalar;
  file?: string;
}

export type Attachment =
  | { mode: 'networks'; networks: DockerNetwork[] }
  | { mode: 'host' | 'none' }
  /** `container:<id>`, a variable, or a `service:` chain Gateway Lens cannot follow. */
  | { mode: 'unknown' };

/** The top-level networks of the project's files, later files overriding earlier ones (by key). */
function declared(files: ComposeFile[]): Map<string, ComposeFile['networks'][number]> {
  const out = new Map<string, ComposeFile['networks'][number]>();
  for (const file of files) for (const n of file.networks) out.set(n.key, { ...out.get(n.key), ...n });
  return out;
}

function known(text: string, env: Environment): string | undefined {
  return resolvedValue(text, env.lookup);
}

export function dockerNetwork(
  key: string,
  files: ComposeFile[],
  project: string,
  env: Environment,
  written?: { scalar: Scalar; file: string },
): DockerNetwork {
  const top = declared(files).get(key);
  const external = top?.external === true;
  // A key no loaded file declares (compose refuses it, or an included file not read here declares
  // it): its name is not known.
  const name =
    top?.name !== undefined
      ? known(top.name, env)
      : external
        ? key
        : top || key === 'default'
          ? `${project}_${key}`
          : undefined;
  return { key, name, external, ...(written ? { written: written.scalar, file: written.file } : {}) };
}

/** How the service `parts` (one compose service across the project's files) reach the network. */
export function attachment(
  parts: ComposeService[],
  files: ComposeFile[],
  project: string,
  env: Environment,
  depth = 0,
): Attachment {
  const mode = [...parts]
    .reverse()
    .find((p) => p.networkMode)
    ?.networkMode?.value.trim();
  if (mode !== undefined) {
    if (mode === 'host' || mode === 'none') return { mode };
    const other = /^service:(.+)$/.exec(mode)?.[1];
    if (other === undefined || depth > 8) return { mode: 'unknown' };
    const target = files.flatMap((f) => f.services).filter((s) => s.name === other);
    return target.length === 0 ? { mode: 'unknown' } : attachment(target, files, project, env, depth + 1);
  }
  const listed = new Map<string, { scalar: Scalar; file: string }>();
  for (const p of parts)
    for (const n of p.networks) if (!listed.has(n.value)) listed.set(n.value, { scalar: n, file: p.file });
  if ([...listed.keys()].some((k) => k.includes('$'))) return { mode: 'unknown' };
  const networks =
    listed.size === 0
      ? [dockerNetwork('default', files, project, env)]
      : [...listed].map(([key, written]) => dockerNetwork(key, files, project, env, written));
  return { mode: 'networks', networks };
}
