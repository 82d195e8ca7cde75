// After every batch, what the editor sends: the position requests at a few places (the cursor
// the edit left, places in labels, anywhere), the document's outline, and the custom
// gatewayLens/* requests. Answers are checked with answers.ts.
import {
  actionProblems,
  completionProblems,
  editProblems,
  hoverProblems,
  locationProblems,
  rangeProblems,
  symbolProblems,
  type Docs,
  type WorkspaceEdit,
} from './answers';
import type { Diagnostic } from './oracle';
import type { Rand } from './edits';
import { labels } from './edits';
import type { Answer, Session } from './session';
import type { FuzzText, Pos } from './text';

const REQUEST_FAILED = -32803;

export interface Problem {
  kind: 'error' | 'hang' | 'crash' | 'bad-answer';
  detail: string;
}

export interface Asked {
  session: Session;
  uri: string;
  doc: FuzzText;
  docs: Docs;
  /** Every open compose file of the project. */
  uris: string[];
  /** The document's diagnostics, for the lightbulb's code actions. */
  diagnostics: Diagnostic[];
}

/** A few positions: the cursor, one in a label, one anywhere. */
export function positions(doc: FuzzText, r: Rand, cursor: number): Pos[] {
  const out = [doc.positionAt(doc.boundary(cursor))];
  const list = labels(doc);
  if (list.length > 0) {
    const l = r.pick(list);
    out.push(doc.positionAt(doc.boundary(l.key[0] + r.int(l.value[1] - l.key[0] + 1))));
  }
  out.push(doc.positionAt(doc.boundary(r.int(doc.text.length + 1))));
  return out;
}

export async function askEverything(a: Asked, at: Pos[], r: Rand): Promise<Problem[]> {
  const problems: Problem[] = [];
  const ask = async (method: string, params: unknown, check: (value: unknown) => string[]): Promise<unknown> => {
    const answer: Answer = await a.session.request(method, params);
    // A refused rename (name taken, quoting it cannot edit) is LSP's RequestFailed with the reason.
    if (!answer.ok && method === 'textDocument/rename' && answer.code === REQUEST_FAILED) return undefined;
    if (!answer.ok) {
      problems.push({ kind: answer.kind, detail: answer.message });
      return undefined;
    }
    for (const detail of check(answer.value)) problems.push({ kind: 'bad-answer', detail: `${method}: ${detail}` });
    return answer.value;
  };
  const textDocument = { uri: a.uri };
  for (const position of at) {
    const near = a.diagnostics.filter((d) => d.range.start.line <= position.line && d.range.end.line >= position.line);
    await Promise.all([
      ask('textDocument/hover', { textDocument, position }, (v) => hoverProblems(a.doc, v)),
      ask('textDocument/completion', { textDocument, position }, (v) => completionProblems(a.doc, position, v)),
      ask('textDocument/documentHighlight', { textDocument, position }, (v) =>
        locationProblems((u) => (u === a.uri ? a.doc : undefined), withUri(v, a.uri), 'highlight'),
      ),
      ask('textDocument/definition', { textDocument, position }, (v) => locationProblems(a.docs, v, 'definition')),
      ask('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, (v) =>
        locationProblems(a.docs, v, 'references'),
      ),
      ask(
        'textDocument/codeAction',
        { textDocument, range: { start: position, end: position }, context: { diagnostics: near, triggerKind: 2 } },
        (v) => actionProblems(a.docs, v),
      ),
    ]);
    const rename = await ask('textDocument/prepareRename', { textDocument, position }, (v) =>
      prepareRenameProblems(a.doc, v),
    );
    if (rename) {
      await ask('textDocument/rename', { textDocument, position, newName: r.pick(['x', 'api-v2', 'a.b']) }, (v) =>
        editProblems(a.docs, v as WorkspaceEdit, 'rename'),
      );
    }
  }
  await ask('textDocument/documentSymbol', { textDocument }, (v) => symbolProblems(a.doc, v));
  const host = /Host\(`([^`]*)`\)/.exec(a.doc.text)?.[1] ?? 'example.com';
  const path = /Path(?:Prefix)?\(`([^`]*)`\)/.exec(a.doc.text)?.[1] ?? '/';
  await ask('gatewayLens/route', { uri: a.uri, url: `https://${host}${path}` }, (v) => {
    const answer = v as { notes?: unknown; candidates?: unknown; location?: { uri: string; range: never } };
    if (!Array.isArray(answer?.notes) || !Array.isArray(answer.candidates)) return [`answered ${JSON.stringify(v)}`];
    return answer.location ? locationProblems(a.docs, answer.location, 'route location') : [];
  });
  const router = /routers\.([^.=:"'\s]+)\./.exec(a.doc.text)?.[1] ?? 'app';
  await ask('gatewayLens/locate', { name: router, kind: 'router', files: a.uris }, (v) =>
    locationProblems(a.docs, v ?? [], 'locate'),
  );
  await ask('gatewayLens/definitions', { files: a.uris }, (v) =>
    Array.isArray(v)
      ? v.flatMap((d: { location: unknown }) => locationProblems(a.docs, d.location, 'definitions'))
      : [`answered ${JSON.stringify(v)}`],
  );
  const choices = (await ask('gatewayLens/addServiceChoices', { uri: a.uri }, (v) =>
    v === null || typeof v === 'object' ? [] : [`answered ${JSON.stringify(v)}`],
  )) as { services?: { name: string; ports: number[] }[] } | null | undefined;
  const service = choices?.services?.[0];
  if (service) {
    const params = {
      uri: a.uri,
      service: service.name,
      pathPrefix: '/fuzz',
      port: service.ports[0] ?? 80,
      strip: r.chance(0.5),
      entrypoint: 'web',
      tls: r.chance(0.5),
    };
    await ask('gatewayLens/addService', params, (v) => {
      const result = v as { edit?: WorkspaceEdit; error?: string };
      if (result?.edit) return editProblems(a.docs, result.edit, 'addService');
      return typeof result?.error === 'string' ? [] : [`answered ${JSON.stringify(v)}`];
    });
  }
  return problems;
}

/** A range, a range with a placeholder, or the default behaviour. */
function prepareRenameProblems(doc: FuzzText, v: unknown): string[] {
  if (v === null || typeof v !== 'object') return v === null ? [] : [`answered ${JSON.stringify(v)}`];
  if ('defaultBehavior' in v) return [];
  const range = 'start' in v ? v : (v as { range?: unknown }).range;
  return rangeProblems(doc, range as Parameters<typeof rangeProblems>[1], 'prepareRename');
}

/** Highlights carry no uri: they are in the document asked about. */
function withUri(v: unknown, uri: string): unknown {
  return Array.isArray(v) ? v.map((h: object) => ({ uri, ...h })) : v;
}
