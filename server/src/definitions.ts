// `gatewayLens/definitions`: every router and service the workspace's compose files define for
// Traefik, with where. The Gateway view compares them with what the running Traefik has (its
// drift view): the server knows the files, the client knows the live gateway.
import type { Connection } from 'vscode-languageserver';
import type { Project } from './analysis';
import { definitionRange, index } from './analysis/traefik/lookup';
import { toRange } from './convert';
import type { Documents } from './documents';
import { fileOf, oneFilePerFolder } from './locate';
import type { Projects } from './projects';
import { DefinitionsRequest, type DefinitionsParams, type FileDefinition, type RouteLocation } from './protocol';
import { describe } from './analysis/errors';

const PROTOCOLS = ['http', 'tcp', 'udp'] as const;
const KINDS = [
  ['routers', 'router'],
  ['services', 'service'],
] as const;

export interface Defined {
  kind: FileDefinition['kind'];
  protocol: FileDefinition['protocol'];
  name: string;
  file: string;
  range: { start: number; end: number };
}

/** What Traefik would be given: definitions of the containers it keeps (traefik.enable, exposedByDefault). */
export function definedIn(project: Project): Defined[] {
  const out: Defined[] = [];
  for (const protocol of PROTOCOLS) {
    for (const [kind, singular] of KINDS) {
      for (const d of index(project, protocol, kind).all) {
        if (!d.container.enabled) continue;
        out.push({
          kind: singular,
          protocol,
          name: `${d.name}@${d.container.provider}`,
          file: fileOf(d),
          range: definitionRange(d),
        });
      }
    }
  }
  return out;
}

export function registerDefinitions(
  connection: Connection,
  documents: Documents,
  projects: Projects,
  log: (m: string) => void,
): void {
  connection.onRequest(DefinitionsRequest, async (params: DefinitionsParams): Promise<FileDefinition[]> => {
    try {
      const out: FileDefinition[] = [];
      for (const file of await oneFilePerFolder(projects, params.files)) {
        const model = await projects.model(file);
        if (!model) continue;
        for (const d of definedIn(model.project)) {
          const lines = model.lines(d.file);
          if (!lines) continue;
          const location: RouteLocation = { uri: documents.uriOf(d.file), range: toRange(lines, d.range) };
          out.push({ kind: d.kind, protocol: d.protocol, name: d.name, project: model.project.name, location });
        }
      }
      return out;
    } catch (err) {
      log(`definitions failed: ${describe(err)}`);
      return [];
    }
  });
}
