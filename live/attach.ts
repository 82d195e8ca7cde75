// Which labels a live Traefik error belongs on. Traefik names a router, service or middleware
// by its label name only (`api@docker`), and several compose projects of a workspace often use
// the same names, so the name alone does not say whose labels Traefik read. The containers
// Docker reports do: their compose labels (com.docker.compose.project, .project.config_files,
// .project.working_dir, .service) name the project whose labels define the name. Without
// Docker (or when no container there carries the name) an error is attached by name only
// where exactly one project of the workspace defines it, and the diagnostic says so.
// No vscode imports: the extension and the tests share it.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { LocateParams, RouteLocation } from '../server/src/protocol';
import type { ComposeContainer } from './docker/types';
import { traefikServicesOf, type LiveModel } from './model';
import type { LiveProblem } from './problems';

/** A compose project whose containers carry the labels that define a name. */
export interface LabelOwner {
  project: string;
  configFiles: string[];
  workingDir?: string;
}

const SEGMENT: Record<LiveProblem['kind'], string> = {
  router: 'routers',
  service: 'services',
  middleware: 'middlewares',
};

/** The name without its provider: `api@docker` -> `api`. */
function bare(name: string): string {
  const at = name.lastIndexOf('@');
  return at > 0 ? name.slice(0, at) : name;
}

/** Whether a container's labels define the router, service or middleware (label keys are case-insensitive). */
export function definesName(c: ComposeContainer, problem: Pick<LiveProblem, 'kind' | 'name'>): boolean {
  const name = bare(problem.name).toLowerCase();
  const prefix = new RegExp(`^traefik\\.(?:http|tcp|udp)\\.${SEGMENT[problem.kind]}\\.([^.]+)\\.`, 'i');
  const defined = Object.keys(c.labels).some((k) => prefix.exec(k)?.[1].toLowerCase() === name);
  if (defined) return true;
  // Traefik's defaults (pkg/provider/docker/config.go): a container without service labels
  // gets one service named after the compose service and project; without router labels, a
  // router of the same name.
  if (problem.kind === 'middleware') return false;
  if (problem.kind === 'router' && Object.keys(c.labels).some((k) => /^traefik\.http\.routers\./i.test(k))) {
    return false;
  }
  return traefikServicesOf(c).some((s) => bare(s).toLowerCase() === name);
}

/** The compose projects whose containers define the problem's name, one entry per project. */
export function ownersOf(model: LiveModel, problem: Pick<LiveProblem, 'kind' | 'name'>): LabelOwner[] {
  const owners = new Map<string, LabelOwner>();
  for (const group of model.composeServices) {
    if (!group.containers.some((c) => definesName(c, problem))) continue;
    const owner = owners.get(group.project) ?? {
      project: group.project,
      configFiles: [],
      workingDir: group.workingDir,
    };
    for (const f of group.configFiles) {
      const file = path.resolve(group.workingDir ?? '/', f);
      if (!owner.configFiles.includes(file)) owner.configFiles.push(file);
    }
    owners.set(group.project, owner);
  }
  return [...owners.values()];
}

export interface Placed {
  locations: RouteLocation[];
  /** Appended to the message when the error was attached by name only. */
  note?: string;
  /** Why it was attached nowhere, for the output channel. */
  skipped?: string;
}

/** Asks the language server; undefined while it is not running. */
export type Locate = (params: LocateParams) => Promise<RouteLocation[] | undefined>;

/**
 * Where the problem goes. `workspaceFiles` are the workspace's compose files (uris); undefined
 * when the language server could not be asked (the caller tries again later).
 */
export async function placeProblem(
  model: LiveModel,
  problem: LiveProblem,
  workspaceFiles: string[],
  locate: Locate,
): Promise<Placed | undefined> {
  const query = { name: problem.name, kind: problem.kind };
  const dockerConnected = model.docker?.kind === 'connected';
  const owners = dockerConnected ? ownersOf(model, problem) : [];
  if (owners.length > 0) {
    const locations: RouteLocation[] = [];
    for (const owner of owners) {
      // The files the project was started with, where this workspace has them; else the
      // workspace's projects of that name (a checkout at another path).
      const own = owner.configFiles.filter((f) => fs.existsSync(f)).map((f) => pathToFileURL(f).href);
      const found = await locate({
        ...query,
        files: own.length > 0 ? own : workspaceFiles,
        project: owner.project,
        onlyProject: true,
      });
      if (!found) return undefined;
      locations.push(...found);
    }
    const projects = owners.map((o) => o.project).join(', ');
    return locations.length > 0
      ? { locations }
      : { locations, skipped: `project ${projects} runs it, but no compose file of this workspace defines it there` };
  }
  const found = await locate({ ...query, files: workspaceFiles });
  if (!found) return undefined;
  const folders = new Set(found.map((l) => path.posix.dirname(l.uri)));
  const why = dockerConnected
    ? `no container of the Docker engine at ${model.docker?.host} carries its labels`
    : 'Docker is not reachable to say which project Traefik runs';
  if (folders.size === 1) {
    return { locations: found, note: `matched by name only (${why}; no other project of the workspace defines it)` };
  }
  return {
    locations: [],
    skipped: folders.size === 0 ? undefined : `${folders.size} projects of the workspace define it and ${why}`,
  };
}
