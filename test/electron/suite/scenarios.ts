// The end-to-end scenarios (test/e2e) asserted through the VS Code API instead of the DOM:
// diagnostics with their codes, a hover, completion inside labels, a quick fix. Waits are
// bounded and driven by onDidChangeDiagnostics, never by sleeps.
import assert from 'node:assert/strict';
import * as path from 'path';
import * as vscode from 'vscode';
import { Analyzer, hover } from '../../../server/src/analysis';
import { expectedBrokenCodes } from '../../e2e/expected';

const ROOT = process.env.GATEWAY_LENS_ROOT ?? path.resolve(__dirname, '..', '..');
const WITHIN = 30_000;

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gateway-lens');
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/** Resolves when `done` holds for uri's diagnostics; rejects after `ms` with what was there. */
function diagnosticsUntil(uri: vscode.Uri, what: string, done: (d: vscode.Diagnostic[]) => boolean, ms = WITHIN) {
  return new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const check = (): boolean => {
      const now = ours(uri);
      if (!done(now)) return false;
      finish();
      resolve(now);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out waiting for ${what}; diagnostics: ${ours(uri).map(codeOf).join(', ')}`));
    }, ms);
    const finish = (): void => {
      listener.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

function positionOf(document: vscode.TextDocument, needle: string, within = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is in ${document.uri.fsPath}`);
  return document.positionAt(at + within);
}

async function brokenDiagnostics(): Promise<void> {
  const document = await open('musicshare-broken/docker-compose.yml');
  const want = expectedBrokenCodes(ROOT);
  const shown = await diagnosticsUntil(document.uri, 'the planted findings', (d) => d.length >= want.length);
  assert.deepEqual(shown.map(codeOf).sort(), want);
}

async function intactHasNone(): Promise<void> {
  const document = await open('musicshare/docker-compose.yml');
  // The server answers a hover only once it has the project's model, so after a hover the
  // diagnostics of that same analysis have been pulled too.
  const at = positionOf(document, 'traefik.enable', 'traefik.enable'.length - 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
  assert.ok(hovers.length > 0, 'the server answers for the intact file');
  assert.deepEqual(ours(document.uri).map(codeOf), []);
}

async function hoverShowsDocs(): Promise<void> {
  const document = await open('new-service/docker-compose.yml');
  const key = 'traefik.enable';
  const offset = document.getText().indexOf(key) + key.length - 2;
  const project = new Analyzer().project({ files: [{ file: document.uri.fsPath, text: document.getText() }] });
  const docs = hover(project, document.uri.fsPath, offset);
  assert.ok(docs);
  const description = docs.markdown.split('\n\n')[1];
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    document.positionAt(offset),
  );
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
  assert.ok(text.includes(description), `hover shows ${description}; got ${text}`);
}

async function completionInLabels(): Promise<void> {
  const document = await open('new-service/docker-compose.yml');
  const last = "- 'traefik.enable=true'";
  const end = positionOf(document, last, last.length);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, end, "\n      - 'traefik.'");
  assert.ok(await vscode.workspace.applyEdit(edit));
  const cursor = positionOf(document, "- 'traefik.'", "- 'traefik.".length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    cursor,
    '.',
  );
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  assert.ok(labels.includes('http'), `completion offers http; got ${labels.join(', ')}`);
  const http = list.items.find((i) => i.label === 'http')!;
  const accept = new vscode.WorkspaceEdit();
  const range =
    http.range instanceof vscode.Range ? http.range : (http.range?.replacing ?? new vscode.Range(cursor, cursor));
  const insert = typeof http.insertText === 'string' ? http.insertText : (http.insertText?.value ?? 'http');
  accept.replace(document.uri, range, insert);
  assert.ok(await vscode.workspace.applyEdit(accept));
  assert.match(document.lineAt(cursor.line).text, /- 'traefik\.http/);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

async function quickFixRemovesFinding(): Promise<void> {
  const document = await open('musicshare-broken/docker-compose.yml');
  const all = await diagnosticsUntil(document.uri, 'the unknown-label finding', (d) =>
    d.some((x) => codeOf(x) === 'unknown-label'),
  );
  const typo = all.find((d) => codeOf(d) === 'unknown-label')!;
  assert.equal(document.getText(typo.range), 'nmae');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    typo.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const fix = actions.find((a) => a.title === 'Change "nmae" to "name"');
  assert.ok(fix?.edit, `quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  const after = await diagnosticsUntil(
    document.uri,
    'the unknown-label finding to disappear',
    (d) => !d.some((x) => codeOf(x) === 'unknown-label'),
  );
  assert.equal(after.length, all.length - 1);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

export const SCENARIOS: [string, () => Promise<void>][] = [
  ['musicshare-broken lists the planted findings with their codes', brokenDiagnostics],
  ['musicshare shows none of ours', intactHasNone],
  ['a hover shows the label documentation', hoverShowsDocs],
  ['completion inside labels offers and inserts a key segment', completionInLabels],
  ['the quick fix for a label typo removes its finding', quickFixRemovesFinding],
];
