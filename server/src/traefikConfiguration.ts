// `gatewayLens/traefikConfiguration`: "Gateway Lens: Show Traefik Configuration", the dynamic
// configuration Traefik would assemble (analysis/rawdata) as YAML text for a read-only document,
// with each `file:line` comment as a link to the label or file line it came from.
import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import { rawData, rawDataText, type Place } from './analysis';
import { describe, errorMessage } from './analysis/errors';
import { toRange } from './convert';
import { pathToUri } from './documents';
import type { Projects } from './projects';
import {
  TraefikConfigurationRequest,
  type TraefikConfigurationAnswer,
  type TraefikConfigurationParams,
} from './protocol';

export function registerTraefikConfiguration(
  connection: Connection,
  projects: Projects,
  log: (m: string) => void,
): void {
  connection.onRequest(
    TraefikConfigurationRequest,
    async (params: TraefikConfigurationParams): Promise<TraefikConfigurationAnswer> => {
      const failed = (note: string): TraefikConfigurationAnswer => ({ text: '', links: [], notes: [note] });
      try {
        const file = await projects.composeFileOf(params.uri);
        if (!file) return failed(`${params.uri} is not a compose file of the workspace.`);
        const model = await projects.model(file);
        if (!model) return failed('No compose project was found for this file.');
        const folder = path.dirname(file);
        const place: Place = {
          shown: (f) => path.relative(folder, f) || path.basename(f),
          position: (f, offset) => {
            const lines = model.lines(f);
            if (!lines) return undefined;
            const at = toRange(lines, { start: offset, end: offset }).start;
            return { line: at.line + 1, column: at.character + 1 };
          },
        };
        const { text, links } = rawDataText(rawData(model.project), place);
        return {
          text,
          links: links.flatMap((l) => {
            const lines = model.lines(l.file);
            if (!lines) return [];
            return [
              {
                line: l.line,
                start: l.start,
                end: l.end,
                target: { uri: pathToUri(l.file), range: toRange(lines, l.range) },
              },
            ];
          }),
          notes: [],
        };
      } catch (err) {
        log(`traefikConfiguration: ${describe(err)}`);
        return failed(`Assembling the configuration failed: ${errorMessage(err)}`);
      }
    },
  );
}
