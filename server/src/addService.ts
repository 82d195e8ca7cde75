// `gatewayLens/addServiceChoices` and `gatewayLens/addService`: the LSP side of "Add Service to
// Gateway". The core (analysis/authoring/gateway.ts) writes the labels; this turns its offsets
// into an LSP WorkspaceEdit. The client applies it, and the usual didChange re-runs the checks.
import type { Connection } from 'vscode-languageserver';
import {
  addServiceToGateway,
  applyEdits,
  gatewayChoices,
  gatewayRequestProblem,
  type GatewayRequest,
  type TextEdit,
} from './analysis';
import { lineMap, toRange } from './convert';
import type { Documents } from './documents';
import type { Projects } from './projects';
import {
  AddServiceChoicesRequest,
  AddServiceRequest,
  type AddServiceChoices,
  type AddServiceChoicesParams,
  type AddServiceParams,
  type AddServiceResult,
  type TextEditData,
} from './protocol';
import { describe, errorMessage } from './analysis/errors';

export function registerAddService(
  connection: Connection,
  documents: Documents,
  projects: Projects,
  log: (m: string) => void,
): void {
  const failed = (name: string, err: unknown): void => log(`${name} failed: ${describe(err)}`);

  connection.onRequest(
    AddServiceChoicesRequest,
    async (params: AddServiceChoicesParams): Promise<AddServiceChoices | null> => {
      try {
        const file = await projects.composeFileOf(params.uri);
        const model = file ? await projects.model(file) : undefined;
        return file && model ? gatewayChoices(model.project, file) : null;
      } catch (err) {
        failed('addServiceChoices', err);
        return null;
      }
    },
  );

  connection.onRequest(AddServiceRequest, async (params: AddServiceParams): Promise<AddServiceResult> => {
    try {
      const request: GatewayRequest = {
        service: params.service,
        pathPrefix: params.pathPrefix,
        port: params.port,
        strip: params.strip,
        entrypoint: params.entrypoint,
        tls: params.tls,
        ...(params.replicas !== undefined ? { replicas: params.replicas } : {}),
      };
      const problem = gatewayRequestProblem(request);
      if (problem) return { error: problem };
      const file = await projects.composeFileOf(params.uri);
      const document = documents.get(params.uri);
      const model = file ? await projects.model(file) : undefined;
      if (!file || !document || !model) return { error: 'Open a compose file of the workspace first.' };
      const edits = addServiceToGateway(model.project, file, request);
      // The edit is against the open document's text, the version the project was built from.
      return {
        edit: {
          changes: { [params.uri]: edits.map((e) => ({ range: toRange(document, e.range), newText: e.newText })) },
        },
        ...selectionAfter(document.getText(), edits),
      };
    } catch (err) {
      failed('addService', err);
      return { error: errorMessage(err) };
    }
  });
}

/** Where the placeholder an edit marks (`select`) lands in the text after all edits. */
function selectionAfter(text: string, edits: TextEdit[]): { select?: TextEditData['range'] } {
  const marked = edits.find((e) => e.select);
  if (!marked?.select) return {};
  // Edits are disjoint: those before the marked one shift it by their change in length.
  const shift = edits
    .filter((e) => e !== marked && e.range.end <= marked.range.start)
    .reduce((n, e) => n + e.newText.length - (e.range.end - e.range.start), 0);
  const base = marked.range.start + shift;
  const after = lineMap(applyEdits(text, edits));
  return { select: toRange(after, { start: base + marked.select.start, end: base + marked.select.end }) };
}
