// Authoring requests (completion, hover, navigation, rename, code actions, outline): each turns
// LSP positions into offsets, asks the core over the parsed project, and turns the answer back.
// The checks never run here; every handler answers empty rather than throw.
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  type CodeAction as LspCodeAction,
  type CompletionItem as LspCompletionItem,
  type CompletionList,
  type Connection,
  type DocumentSymbol as LspSymbol,
  type Position,
  type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  Analyzer,
  codeActions,
  complete,
  fixAll,
  suppressActions,
  definition,
  documentSymbols,
  explainAt,
  highlights,
  hover,
  prepareRename,
  references,
  rename,
  sourceActions,
  type CodeAction,
  type DocumentSymbol,
  type Finding,
  type Project,
  type ProjectInput,
  type Range,
} from './analysis';
import { toOffset, toRange, type LineMap } from './convert';
import { uriToPath, type Documents } from './documents';
import { codeUrl, type Projects } from './projects';
import { REVEAL_LOCATION_COMMAND } from './protocol';
import { describe } from './analysis/errors';
import { isCode } from './analysis/checks/codes';

/** "Fix all auto-fixable Gateway Lens problems", for editor.codeActionsOnSave. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gatewayLens`;

/** Whether a request's `only` asks for the fix-all action (none: the editor shows what fits). */
function wantsFixAll(only: string[] | undefined): boolean {
  return only !== undefined && only.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`));
}

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  // ' ' and '!' open the matchers inside rules (`&& `, `|| `, `!`); a space elsewhere answers nothing.
  completionProvider: { triggerCharacters: ['.', '=', ':', ',', '`', '@', ' ', '!', '('] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, FIX_ALL_KIND] },
  documentSymbolProvider: true,
};

function onLineAround(r: { start: Position; end: Position }, at: Position): boolean {
  return (
    r.start.line === at.line &&
    r.end.line === at.line &&
    r.start.character <= at.character &&
    at.character <= r.end.character
  );
}

interface At {
  project: Project;
  findings: Finding[];
  input: ProjectInput;
  file: string;
  offset: number;
  lines: (file: string) => LineMap | undefined;
}

const KIND: Record<string, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  name: CompletionItemKind.Reference,
  value: CompletionItemKind.Value,
  matcher: CompletionItemKind.Function,
  snippet: CompletionItemKind.Snippet,
  keyword: CompletionItemKind.Keyword,
};

const SYMBOL: Record<string, SymbolKind> = {
  'compose-service': SymbolKind.Module,
  router: SymbolKind.Function,
  service: SymbolKind.Class,
  middleware: SymbolKind.Interface,
};

export function registerFeatures(
  connection: Connection,
  documents: Documents,
  projects: Projects,
  log: (m: string) => void,
): void {
  /**
   * Resolves the document and its project; undefined for files that are neither compose files
   * nor a dynamic file some project's file provider reads.
   */
  async function at(uri: string, position?: { line: number; character: number }): Promise<At | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const compose = await projects.composeFileOf(uri);
    const owner = compose ?? (await projects.dynamicOwnerOf(uri));
    const file = compose ?? (owner && uriToPath(uri));
    if (!owner || !file) return undefined;
    const model = await projects.model(owner);
    if (!model) return undefined;
    const lines = (f: string): LineMap | undefined => (f === file ? document : model.lines(f));
    const offset = position ? toOffset(document, position) : 0;
    return { project: model.project, findings: model.findings, input: model.input, file, offset, lines };
  }

  const range = (a: At, file: string, r: Range) => {
    const lines = a.lines(file);
    return lines ? toRange(lines, r) : undefined;
  };

  function workspaceEdit(a: At, edits: Record<string, { range: Range; newText: string }[]>): WorkspaceEdit {
    const changes: WorkspaceEdit['changes'] = {};
    for (const [file, list] of Object.entries(edits)) {
      changes[documents.uriOf(file)] = list.flatMap((e) => {
        const r = range(a, file, e.range);
        return r ? [{ range: r, newText: e.newText }] : [];
      });
    }
    return { changes };
  }

  function guard<P, R>(name: string, fallback: R, handler: (params: P) => Promise<R>): (params: P) => Promise<R> {
    return async (params) => {
      try {
        return await handler(params);
      } catch (err) {
        log(`${name} failed: ${describe(err)}`);
        return fallback;
      }
    };
  }

  connection.onCompletion(
    guard('completion', [] as LspCompletionItem[] | CompletionList, async (p) => {
      const a = await at(p.textDocument.uri, p.position);
      if (!a) return [];
      const document = documents.get(p.textDocument.uri);
      const typed = p.context?.triggerCharacter;
      if ((typed === ' ' || typed === '!') && document) {
        const before = document.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
        if (!(typed === ' ' ? /(&&|\|\|)\s$/ : /(^|[\s(&|])!$/).test(before)) return [];
      }
      // `(` opens a matcher's arguments (hosts, paths) or a group (matchers): in rules only.
      if (typed === '(' && document) {
        const line = document.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
        if (!/\.rule["']?\s*[=:]/i.test(line)) return [];
      }
      const found = complete(a.project, a.file, a.offset);
      const items = found.flatMap((item) => {
        const r = range(a, a.file, item.replace);
        // VS Code drops an item whose range leaves the cursor's line or does not hold the cursor
        // (a lone CR is a line break to the editor, not to YAML): answer only what it would show.
        if (!r || !onLineAround(r, p.position)) return [];
        return [
          {
            label: item.label,
            kind: KIND[item.kind],
            detail: item.detail,
            documentation: item.documentation ? { kind: 'markdown' as const, value: item.documentation } : undefined,
            textEdit: { range: r, newText: item.insertText },
            insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            sortText: item.sortText,
            filterText: item.filterText,
            command: item.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
          },
        ];
      });
      // An item named after the word being typed must be asked for again as the word grows.
      return found.some((i) => i.incomplete) ? { isIncomplete: true, items } : items;
    }),
  );

  connection.onHover(
    guard('hover', null, async (p) => {
      const a = await at(p.textDocument.uri, p.position);
      if (!a) return null;
      // What the findings under the cursor mean first (their messages stay short), then the label.
      const notes = explainAt(a.findings, a.file, a.offset, codeUrl);
      const h = hover(a.project, a.file, a.offset);
      const shown =
        notes && h ? { markdown: `${notes.markdown}\n\n---\n\n${h.markdown}`, range: h.range } : (notes ?? h);
      if (!shown) return null;
      return { contents: { kind: 'markdown' as const, value: shown.markdown }, range: range(a, a.file, shown.range) };
    }),
  );

  const locations = (a: At, list: { file: string; range: Range }[]) =>
    list.flatMap((l) => {
      const r = range(a, l.file, l.range);
      return r ? [{ uri: documents.uriOf(l.file), range: r }] : [];
    });

  connection.onDefinition(
    guard('definition', [], async (p) => {
      const a = await at(p.textDocument.uri, p.position);
      return a ? locations(a, definition(a.project, a.file, a.offset)) : [];
    }),
  );

  connection.onReferences(
    guard('references', [], async (p) => {
      const a = await at(p.textDocument.uri, p.position);
      return a ? locations(a, references(a.project, a.file, a.offset, p.context.includeDeclaration)) : [];
    }),
  );

  connection.onDocumentHighlight(
    guard('documentHighlight', [], async (p) => {
      const a = await at(p.textDocument.uri, p.position);
      if (!a) return [];
      return highlights(a.project, a.file, a.offset).flatMap((h) => {
        const r = range(a, a.file, h);
        return r ? [{ range: r }] : [];
      });
    }),
  );

  connection.onPrepareRename(
    guard('prepareRename', null, async (p) => {
      const a = await at(p.textDocument.uri, p.position);
      const found = a && prepareRename(a.project, a.file, a.offset);
      const r = found && a && range(a, a.file, found.range);
      return r && found ? { range: r, placeholder: found.placeholder } : null;
    }),
  );

  connection.onRenameRequest(async (p) => {
    const a = await at(p.textDocument.uri, p.position);
    if (!a) return null;
    const result = rename(a.project, a.file, a.offset, p.newName);
    // The client shows a refused rename (name taken or invalid) as a message. RequestFailed:
    // understood but not possible (LSP 3.17), unlike an internal error, which a throw would be.
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return workspaceEdit(a, result.edits);
  });

  connection.onCodeAction(
    guard('codeAction', [] as LspCodeAction[], async (p) => {
      const a = await at(p.textDocument.uri, p.range.start);
      const document = documents.get(p.textDocument.uri);
      if (!a || !document) return [];
      const toLsp = (action: CodeAction, diagnostic?: (typeof p.context.diagnostics)[number]): LspCodeAction => {
        const to = action.reveal && range(a, action.reveal.file, action.reveal.range);
        return {
          title: action.title,
          kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Source,
          isPreferred: action.isPreferred,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          ...(action.reveal
            ? to
              ? {
                  command: {
                    title: action.title,
                    command: REVEAL_LOCATION_COMMAND,
                    arguments: [{ uri: documents.uriOf(action.reveal.file), range: to }],
                  },
                }
              : {}
            : { edit: workspaceEdit(a, action.edits) }),
        };
      };
      const out: LspCodeAction[] = [];
      for (const d of p.context.diagnostics) {
        if (d.source !== 'gateway-lens' || typeof d.code !== 'string' || !isCode(d.code)) continue;
        // The data is the finding's as we sent it, or what the client kept of it: its reads check each field.
        const data: unknown = d.data;
        const finding = {
          code: d.code,
          range: { start: toOffset(document, d.range.start), end: toOffset(document, d.range.end) },
          data: typeof data === 'object' && data !== null ? data : undefined,
        };
        for (const action of codeActions(a.project, a.file, finding)) out.push(toLsp(action, d));
        for (const action of suppressActions(a.project, a.file, finding)) out.push(toLsp(action, d));
      }
      if (wantsFixAll(p.context.only)) {
        // A fresh analyser: the candidate texts fixAll tries must not replace the served parses.
        const result = fixAll(new Analyzer(), a.input, (f) => f === a.file);
        if (result.applied.length > 0) {
          out.push({
            title: 'Fix all auto-fixable Gateway Lens problems',
            kind: FIX_ALL_KIND,
            edit: workspaceEdit(a, result.edits),
          });
        }
      }
      const selection = { start: toOffset(document, p.range.start), end: toOffset(document, p.range.end) };
      for (const action of sourceActions(a.project, a.file, selection)) out.push(toLsp(action));
      const only = p.context.only;
      return only ? out.filter((x) => only.some((k) => x.kind === k || x.kind?.startsWith(`${k}.`))) : out;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [] as LspSymbol[], async (p) => {
      const a = await at(p.textDocument.uri);
      if (!a) return [];
      const convert = (s: DocumentSymbol): LspSymbol[] => {
        const r = range(a, a.file, s.range);
        const sel = range(a, a.file, s.selectionRange);
        if (!r || !sel) return [];
        return [
          {
            name: s.name,
            detail: s.detail,
            kind: SYMBOL[s.kind],
            range: r,
            selectionRange: sel,
            children: s.children.flatMap(convert),
          },
        ];
      };
      return documentSymbols(a.project, a.file).flatMap(convert);
    }),
  );
}
