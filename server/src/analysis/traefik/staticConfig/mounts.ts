// Finds the configuration file Traefik would load inside its container, through the volumes the
// compose file mounts. Traefik takes `--configFile` first, then the first existing
// traefik.{toml,yaml,yml} in /etc/traefik, $XDG_CONFIG_HOME, $HOME/.config and the working
// directory (pkg/cli/loader_file.go loadConfigFiles; paerser cli/file_finder.go Find).
import * as path from 'path';
import { hasInterpolation } from '../../compose/labels';
import type { Mount } from './service';

// In the official image XDG_CONFIG_HOME is unset (so `$XDG_CONFIG_HOME/traefik` is `/traefik`),
// HOME is /root and the working directory is `/`.
const BASES = ['/etc/traefik/traefik', '/traefik', '/root/.config/traefik'];
const EXTENSIONS = ['toml', 'yaml', 'yml'];

export interface ConfigFile {
  /** Path inside the container. */
  path: string;
  /** Path on the host, when the mount's source can be resolved. */
  host?: string;
  /** The file's text, when it could be read. */
  text?: string;
  mount: Mount;
}

export type ConfigFileSearch =
  | { kind: 'found'; file: ConfigFile }
  | { kind: 'none' }
  /** `--configFile` names a file no volume mounts: it may come from the image or a `configs:` entry. */
  | { kind: 'unknown'; path: string; why?: string };

export function findConfigFile(
  mounts: Mount[],
  configFile: string | undefined,
  readFile: ((path: string) => string | undefined) | undefined,
): ConfigFileSearch {
  const given = configFile?.trim() ? path.posix.resolve('/', configFile.trim()) : undefined;
  const candidates = [...(given ? [given] : []), ...BASES.flatMap((b) => EXTENSIONS.map((e) => `${b}.${e}`))];
  for (const candidate of candidates) {
    const mount = mountOf(mounts, candidate);
    if (!mount) continue;
    // The image's Dockerfile puts files there that cannot be seen (baked.ts).
    if (mount.unseen) return { kind: 'unknown', path: candidate, why: `${mount.unseen} may put it there` };
    const host = hostPath(mount, candidate);
    // A `configs:` entry's inline content is read from the compose file (configs.ts).
    const text =
      mount.content && mount.target === candidate
        ? mount.content.text
        : host !== undefined
          ? readFile?.(host)
          : undefined;
    // A file mounted on the path exists in the container even when we cannot read it (Docker
    // creates a directory for a missing source, and Traefik then fails on it). Inside a mounted
    // directory, only a file we can read is known to be there.
    if (mount.target === candidate || text !== undefined)
      return { kind: 'found', file: { path: candidate, host, text, mount } };
  }
  return given !== undefined ? { kind: 'unknown', path: given } : { kind: 'none' };
}

/** The mount that holds a container path: the deepest target equal to it or above it. */
export function mountOf(mounts: Mount[], containerPath: string): Mount | undefined {
  let best: Mount | undefined;
  for (const m of mounts) {
    const holds = m.target === containerPath || m.target === '/' || containerPath.startsWith(`${m.target}/`);
    if (holds && (!best || m.target.length > best.target.length)) best = m;
  }
  return best;
}

/**
 * Host path of a container path inside a bind mount; undefined for named volumes and variables.
 * A relative source resolves from the project directory, not the compose file's folder
 * (compose-go paths/resolve.go absVolumeMount, with the project's working dir).
 */
export function hostPath(mount: Mount, containerPath: string): string | undefined {
  const source = mount.source;
  if (hasInterpolation(source) || !/^(\.|\/)/.test(source)) return undefined;
  const base = path.resolve(mount.dir, source);
  const rest = containerPath.slice(mount.target === '/' ? 1 : mount.target.length + 1);
  return rest === '' ? base : path.join(base, rest);
}
