// `gatewayLens/locate`: where a live router, service, middleware or compose service is written
// in the compose files, so the Gateway view can reveal it and put Traefik's live errors on its
// labels. Only @docker/@swarm names can be found: other providers are not compose labels.
import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import type { Project, Range } from './analysis';
import { definitionRange, index, qualify } from './analysis/traefik/lookup';
import type { Definition, Kind } from './analysis/traefik/model';
import { toRange } from './convert';
import type { Documents } from './documents';
import type { Projects } from './projects';
import { LocateRequest, type LocateKind, type LocateParams, type RouteLocation } from './protocol';
import { describe } from './analysis/errors';

const KINDS: Record<Exclude<LocateKind, 'composeService'>, Kind> = {
  router: 'routers',
  service: 'services',
  middleware: 'middlewares',
};

/** Providers whose names come from compose labels (Traefik v2's swarm mode is still `docker`). */
const LABEL_PROVIDERS = new Set(['docker', 'swarm']);

export interface Found {
  file: string;
  range: Range;
}

/** The label (or service key) that stands for the named thing in one project; [] when not there. */
export function locateIn(project: Project, params: Pick<LocateParams, 'name' | 'kind' | 'protocol'>): Found[] {
  if (params.kind === 'composeService') {
    return project.containers
      .filter((c) => c.compose.name === params.name)
      .map((c) => ({ file: c.compose.file, range: c.compose.nameRange }));
  }
  const { name, provider } = qualify(params.name, 'docker');
  if (!LABEL_PROVIDERS.has(provider)) return [];
  const all = index(project, params.protocol ?? 'http', KINDS[params.kind]).all;
  // Label names are matched as written; a case-only difference is still the same definition to the user.
  let defs = all.filter((d) => d.name === name);
  if (defs.length === 0) defs = all.filter((d) => d.name.toLowerCase() === name.toLowerCase());
  return defs.map((d) => ({ file: fileOf(d), range: definitionRange(d) }));
}

/**
 * One project per folder: one compose file of each folder among the uris, to ask the folder's
 * project through (Projects.composeFileOf: compose files only, inside the workspace boundary).
 */
export async function oneFilePerFolder(projects: Projects, uris: readonly string[] | undefined): Promise<string[]> {
  const byFolder = new Map<string, string>();
  for (const uri of uris ?? []) {
    const file = await projects.composeFileOf(uri);
    if (file && !byFolder.has(path.dirname(file))) byFolder.set(path.dirname(file), file);
  }
  return [...byFolder.values()];
}

export function fileOf(def: Definition): string {
  return def.nameSegments.length > 0 && def.labels[0] ? def.labels[0].file : def.container.compose.file;
}

export function registerLocate(
  connection: Connection,
  documents: Documents,
  projects: Projects,
  log: (m: string) => void,
): void {
  connection.onRequest(LocateRequest, async (params: LocateParams): Promise<RouteLocation[]> => {
    try {
      const models = [];
      for (const file of await oneFilePerFolder(projects, params.files)) {
        const model = await projects.model(file);
        if (model) models.push(model);
      }
      const named = params.project ? models.filter((m) => m.project.name === params.project) : [];
      const out: RouteLocation[] = [];
      for (const model of named.length > 0 || params.onlyProject ? named : models) {
        for (const found of locateIn(model.project, params)) {
          const lines = model.lines(found.file);
          if (lines) out.push({ uri: documents.uriOf(found.file), range: toRange(lines, found.range) });
        }
      }
      return out;
    } catch (err) {
      log(`locate failed: ${describe(err)}`);
      return [];
    }
  });
}
