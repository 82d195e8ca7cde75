// A project whose Traefik is not seen here (none in the project, or one whose image names no
// version and whose configuration is not read) and whose containers carry only Traefik v1 labels
// (traefik.frontend.rule, traefik.port, traefik.backend: schema/legacy.ts) runs under a Traefik v1:
// v2 and v3 decode none of them (pkg/config/label/label.go), so nobody writes only those for v2.
// It is judged as a traefik:1.x project is: one traefik-v1 information, no finding per label.
import { v1Label } from '../schema/legacy';
import { editDistance } from '../spelling';
import type { Project } from '../project';
import type { Label } from '../compose/model';

/** Labels that mean the same to v1 and v2+ (and say nothing of the version). */
const NEUTRAL = /^traefik\.(enable|docker\.|tags$)/i;
/** Labels only v2 and v3 read. */
const V2 = /^traefik\.(http|tcp|udp|tls)\./i;

/** The project runs Traefik v1: its image says so (StaticConfig.traefikV1), or its labels do (above). */
export function runsTraefikV1(project: Project): boolean {
  return project.staticConfig.traefikV1 === true || firstV1Label(project) !== undefined;
}

/** The first v1 label of a project judged v1 by its labels alone; undefined when it is not. */
export function firstV1Label(project: Project): Label | undefined {
  return project.derived.get('v1 by labels', () => v1ByLabels(project));
}

function v1ByLabels(project: Project): Label | undefined {
  const { options, staticConfig } = project;
  // A Traefik seen here, or named elsewhere, decides the version: v1 labels are then really ignored.
  if (staticConfig.traefikV1 || staticConfig.found || project.traefikService?.version) return undefined;
  if (options.version || options.workspaceVersion || options.traefikElsewhere) return undefined;
  let first: Label | undefined;
  for (const c of project.containers)
    for (const label of c.labels) {
      if (!/^traefik\./i.test(label.key) || NEUTRAL.test(label.key)) continue;
      if (V2.test(label.key)) return undefined;
      // Neither v1's nor v2's (traefik.entrypoints beside v1 labels, ruanbekker/docker-swarm-apps
      // ghost): read by no Traefik, it says nothing of the version.
      if (!v1Label(label.key.split('.'), 'v2')) {
        // A misspelt traefik.enable is a mistake to report, not a sign of v1.
        if (editDistance(label.key.split('.')[1]?.toLowerCase() ?? '', 'enable') <= 2) return undefined;
        continue;
      }
      first ??= label;
    }
  return first;
}
