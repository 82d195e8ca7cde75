// `check --traefik-config PATH` run from an app folder: PATH is usually the traefik.yml that a
// Traefik compose project beside it mounts (a homelab's traefik/compose.yml with
// ./traefik.yml:/etc/traefik/traefik.yml). Traefik resolves its file provider's directory or
// filename inside its own container (pkg/provider/file), so only that project's mounts say which
// host files those are. Such a project is the Traefik that judges the run's projects without one,
// as traefik/hostTraefik.ts would pick it: its static configuration, its file provider.
import * as path from 'path';
import type { Analyzer } from '../analysis';
import { folderDefaultFiles } from '../analysis/compose/project';
import { traefikOffer, type HostTraefik } from '../analysis/traefik/hostTraefik';
import type { Io } from './command';
import type { Inputs } from './inputs';
import { composeEnvironment } from './project';

/** How many folders above PATH's own are looked at for the project that mounts it. */
const UP = 2;

/**
 * The Traefik of the compose project, in PATH's folder or up to UP above it, whose Traefik service
 * reads PATH as its static configuration (a mount of it, or of its folder); undefined when none.
 */
export function traefikConfigHost(config: string, io: Io, inputs: Inputs, analyzer: Analyzer): HostTraefik | undefined {
  const file = path.resolve(io.cwd, config);
  const exists = (f: string): boolean => inputs.readFile(f) !== undefined;
  for (let dir = path.dirname(file), up = 0; up <= UP; up++, dir = path.dirname(dir)) {
    const environment = composeEnvironment(io, dir);
    const defaults = folderDefaultFiles(dir, environment.lookup, exists);
    if (defaults.length > 0) {
      const project = analyzer.project({
        files: defaults.flatMap((f) => {
          const text = inputs.readFile(f);
          return text === undefined ? [] : [{ file: f, text }];
        }),
        readFile: inputs.readFile,
        listDir: inputs.listDir,
        environment,
        runRoot: io.cwd,
      });
      if (project.staticFiles.some((f) => f.file === file))
        return traefikOffer(project, inputs.shown(defaults[0]) || defaults[0])?.host;
    }
    if (dir === path.dirname(dir)) break;
  }
  return undefined;
}
