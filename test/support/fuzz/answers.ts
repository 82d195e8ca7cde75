// Well-formedness of the server's answers, as VS Code needs them: every range inside its
// document and ordered, outline names not empty (VS Code rejects a whole outline over one),
// completion edits on the cursor's line and around it (VS Code drops them otherwise), hovers
// and titles not empty, edits with text. Each check returns what is wrong, in words.
import type { FuzzText, Pos, Rng } from './text';

/** The open documents by uri: ranges in other files (a mounted traefik.yml) are not checked. */
export type Docs = (uri: string) => FuzzText | undefined;

const before = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

export function rangeProblems(doc: FuzzText | undefined, r: Rng | undefined, what: string): string[] {
  if (!r || !r.start || !r.end) return [`${what}: no range`];
  if (!doc) return [];
  if (!doc.contains(r.start) || !doc.contains(r.end))
    return [`${what}: range ${JSON.stringify(r)} outside the document`];
  if (!before(r.start, r.end)) return [`${what}: range ${JSON.stringify(r)} ends before it starts`];
  return [];
}

interface Symbol {
  name: string;
  kind: number;
  range: Rng;
  selectionRange: Rng;
  children?: Symbol[];
}

export function symbolProblems(doc: FuzzText, list: unknown, where = 'symbol'): string[] {
  if (!Array.isArray(list)) return [`${where}: documentSymbol answered ${JSON.stringify(list)}`];
  return (list as Symbol[]).flatMap((s) => {
    const own: string[] = [];
    if (typeof s.name !== 'string' || s.name.trim() === '') own.push(`${where}: symbol with empty name`);
    if (!(s.kind >= 1 && s.kind <= 26)) own.push(`${where}: symbol kind ${s.kind}`);
    own.push(...rangeProblems(doc, s.range, `${where} ${s.name}`));
    own.push(...rangeProblems(doc, s.selectionRange, `${where} ${s.name} selection`));
    if (
      own.length === 0 &&
      !(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end))
    ) {
      own.push(`${where} ${s.name}: selectionRange outside range`);
    }
    return [...own, ...symbolProblems(doc, s.children ?? [], `${where} ${s.name} >`)];
  });
}

interface TextEdit {
  range: Rng;
  newText: string;
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}

export function editProblems(docs: Docs, edit: WorkspaceEdit | undefined | null, what: string): string[] {
  if (!edit) return [];
  const all: [string, TextEdit[]][] = [
    ...Object.entries(edit.changes ?? {}),
    ...(edit.documentChanges ?? []).map((c): [string, TextEdit[]] => [c.textDocument.uri, c.edits]),
  ];
  return all.flatMap(([uri, edits]) =>
    edits.flatMap((e) => [
      ...(typeof e.newText === 'string' ? [] : [`${what}: edit without text`]),
      ...rangeProblems(docs(uri), e.range, `${what}: edit`),
    ]),
  );
}

interface CompletionItem {
  label: string;
  textEdit?: TextEdit;
}

export function completionProblems(doc: FuzzText, cursor: Pos, answer: unknown): string[] {
  const items = Array.isArray(answer) ? answer : (answer as { items?: unknown } | null)?.items;
  if (answer !== null && !Array.isArray(items)) return [`completion answered ${JSON.stringify(answer)}`];
  return ((items ?? []) as CompletionItem[]).flatMap((item) => {
    if (typeof item.label !== 'string' || item.label.trim() === '') return ['completion item without label'];
    if (!item.textEdit) return [];
    const r = item.textEdit.range;
    const bad = rangeProblems(doc, r, `completion ${item.label}`);
    if (bad.length > 0) return bad;
    if (r.start.line !== cursor.line || r.end.line !== cursor.line) return [`completion ${item.label} spans lines`];
    if (r.start.character > cursor.character || cursor.character > r.end.character) {
      return [`completion ${item.label} range ${JSON.stringify(r)} does not contain the cursor`];
    }
    return [];
  });
}

export function hoverProblems(doc: FuzzText, answer: unknown): string[] {
  if (answer === null) return [];
  const h = answer as { contents?: { value?: unknown }; range?: Rng };
  if (typeof h.contents?.value !== 'string' || h.contents.value.trim() === '') return ['empty hover'];
  return h.range ? rangeProblems(doc, h.range, 'hover') : [];
}

export function locationProblems(docs: Docs, answer: unknown, what: string): string[] {
  if (answer === null) return [];
  const list = Array.isArray(answer) ? answer : [answer];
  return (list as { uri?: string; range?: Rng; targetUri?: string; targetRange?: Rng }[]).flatMap((l) => {
    const uri = l.uri ?? l.targetUri;
    if (typeof uri !== 'string') return [`${what}: location without uri`];
    return rangeProblems(docs(uri), l.range ?? l.targetRange, what);
  });
}

export function actionProblems(docs: Docs, answer: unknown): string[] {
  if (!Array.isArray(answer)) return [`codeAction answered ${JSON.stringify(answer)}`];
  return (answer as { title?: string; edit?: WorkspaceEdit }[]).flatMap((a) => [
    ...(typeof a.title === 'string' && a.title.trim() !== '' ? [] : ['code action without title']),
    ...editProblems(docs, a.edit, `code action ${a.title}`),
  ]);
}
