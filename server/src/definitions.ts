// `gatewayLens/definitions`: every router and service the workspace's compose files define for
// Traefik, with where. The Gateway view compares them with what the running Traefik has (its
// drift view): the server knows the files, the client knows the live gateway.
import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import type { Project } from './analysis';
import { definitionRange, index } from './analysis/traefik/lookup';
import type { Definition } from './analysis/traefik/model';
import { toRange } from './convert';
import { uriToPath, type Documents } from './documents';
import type { Projects } from './projects';
import { DefinitionsRequest, type DefinitionsParams, type FileDefinition, type RouteLocation } from './protocol';

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

function fileOf(def: Definition): string {
  return def.nameSegments.length > 0 && def.labels[0] ? def.labels[0].file : def.container.compose.file;
}

export function registerDefinitions(
  connection: Connection,
  documents: Documents,
  projects: Projects,
  log: (m: string) => void,
): void {
  connection.onRequest(DefinitionsRequest.method, async (params: DefinitionsParams): Promise<FileDefinition[]> => {
    try {
      const byFolder = new Map<string, string>();
      for (const uri of params.files ?? []) {
        const file = uriToPath(uri);
        if (file && !byFolder.has(path.dirname(file))) byFolder.set(path.dirname(file), file);
      }
      const out: FileDefinition[] = [];
      for (const file of byFolder.values()) {
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
      log(`definitions failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return [];
    }
  });
}
