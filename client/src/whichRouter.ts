// "Gateway Lens: Which Router Serves This URL?": asks for a URL (recent ones offered first), has
// the language server route it offline (gatewayLens/route), shows the answer and opens the
// winning router's labels. The plain parts: route/answer.ts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMPOSE_FILE_GLOBS,
  COMPOSE_LANGUAGE_IDS,
  RouteRequest,
  type RouteAnswer,
  type RouteLocation,
  type RouteParams,
} from '../../server/src/protocol';
import { errorMessage } from '../../server/src/analysis/errors';
import {
  answerDetails,
  parseRouteQuery,
  queryText,
  rememberQuery,
  summarizeAnswer,
  asksOf,
  type Ask,
  type RouteQuery,
} from './route/answer';

/** globalState key of the recent queries, most recent first. */
export const RECENT_URLS_KEY = 'gatewayLens.recentUrls';

export async function whichRouter(
  client: LanguageClient | undefined,
  state: vscode.Memento,
  output: vscode.OutputChannel,
): Promise<void> {
  const target = await composeFileAsked(client, 'no compose file in the workspace to route through.');
  if (!target) return;
  const { uri } = target;
  const recent = state.get<string[]>(RECENT_URLS_KEY, []);
  const query = await askQuery(Array.isArray(recent) ? recent : []);
  if (!query) return;
  await state.update(RECENT_URLS_KEY, rememberQuery(recent, queryText(query)));
  const params: RouteParams = { uri, url: query.url, ...(query.method ? { method: query.method } : {}) };
  let answer: RouteAnswer | undefined;
  // The answer may depend on what a URL does not say: ask, then route again (each question once).
  const asked = new Set<string>();
  for (;;) {
    try {
      answer = await target.client.sendRequest(RouteRequest, params);
    } catch (err) {
      void vscode.window.showErrorMessage(`Gateway Lens: routing ${query.url} failed: ${errorMessage(err)}`);
      return;
    }
    const ask = asksOf(answer).find((a) => !asked.has(askKey(a)));
    if (!ask) break;
    asked.add(askKey(ask));
    if (!(await answerAsk(ask, params))) break;
  }
  output.appendLine(answerDetails(query, answer).join('\n'));
  const location = answer.location ?? answer.candidates.find((c) => c.router === answer.router)?.location;
  if (location) await reveal(target.client, location);
  const show = 'Show Details';
  const message = `Gateway Lens: ${summarizeAnswer(query, answer)}`;
  const picked =
    answer.router === null
      ? await vscode.window.showWarningMessage(message, show)
      : await vscode.window.showInformationMessage(message, show);
  if (picked === show) output.show(true);
}

function askKey(ask: Ask): string {
  return 'entryPoint' in ask ? 'entryPoint' : 'header' in ask ? `header:${ask.header.toLowerCase()}` : 'clientIP';
}

/** Asks one question and puts the answer into `params`; false when the user dismissed it. */
async function answerAsk(ask: Ask, params: RouteParams): Promise<boolean> {
  if ('entryPoint' in ask) {
    const picked = await vscode.window.showQuickPick(
      ask.entryPoint.map((e) => ({ label: e.name, description: e.address })),
      { title: 'Which Router Serves This URL?', placeHolder: "No entry point listens on the URL's port: which one?" },
    );
    if (!picked) return false;
    params.entryPoint = picked.label;
    return true;
  }
  const header = 'header' in ask ? ask.header : undefined;
  const value = await vscode.window.showInputBox({
    title: 'Which Router Serves This URL?',
    prompt: header
      ? `A router that may serve this URL matches on the ${header} header: its value in the request (empty: not sent)`
      : 'A router that may serve this URL matches on the client IP: the address the request comes from (empty: unknown)',
    placeHolder: header ? 'websocket' : '192.168.1.10',
  });
  if (value === undefined) return false;
  if (header && value.trim() !== '') params.headers = [...(params.headers ?? []), `${header}: ${value.trim()}`];
  if (!header && value.trim() !== '') params.clientIP = value.trim();
  return true;
}

/**
 * The running client and the compose file a command asks about (composeUri), or undefined once
 * the user has been told why there is none.
 */
export async function composeFileAsked(
  client: LanguageClient | undefined,
  none = 'no compose file in the workspace.',
): Promise<{ client: LanguageClient; uri: string } | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('Gateway Lens: the language server is not running.');
    return undefined;
  }
  const uri = await composeUri();
  if (!uri) {
    void vscode.window.showErrorMessage(`Gateway Lens: ${none}`);
    return undefined;
  }
  return { client, uri };
}

/** The active compose file, else the first compose file of the workspace (a file uri; it names the project). */
export async function composeUri(): Promise<string | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.uri.scheme === 'file' && (COMPOSE_LANGUAGE_IDS as readonly string[]).includes(doc.languageId))
    return doc.uri.toString();
  const files = await vscode.workspace.findFiles(`{${COMPOSE_FILE_GLOBS.join(',')}}`, '**/node_modules/**', 1);
  return files[0]?.toString();
}

interface QueryItem extends vscode.QuickPickItem {
  query?: RouteQuery;
}

/** A QuickPick of the recent queries; typing adds the typed one on top (or says why it is not a URL). */
function askQuery(recent: readonly string[]): Promise<RouteQuery | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<QueryItem>();
    pick.title = 'Which Router Serves This URL?';
    pick.placeholder = 'https://example.com/api/users (a method may come first: POST https://...)';
    const recentItems: QueryItem[] = recent.flatMap((text) => {
      const q = parseRouteQuery(text);
      return 'problem' in q ? [] : [{ label: text, description: 'recent', query: q }];
    });
    pick.items = recentItems;
    pick.onDidChangeValue((value) => {
      if (value.trim() === '' || recent.includes(value.trim())) {
        pick.items = recentItems;
        return;
      }
      const q = parseRouteQuery(value);
      const typed: QueryItem =
        'problem' in q
          ? { label: value.trim(), description: `$(warning) ${q.problem}`, alwaysShow: true }
          : { label: queryText(q), description: 'route this URL', query: q, alwaysShow: true };
      pick.items = [typed, ...recentItems];
    });
    let done = false;
    const finish = (q: RouteQuery | undefined): void => {
      if (done) return;
      done = true;
      resolve(q);
      pick.dispose();
    };
    // An item that is not a URL keeps the picker open: its description says why.
    pick.onDidAccept(() => {
      const q = pick.selectedItems[0]?.query;
      if (q) finish(q);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

export function isLocation(value: unknown): value is RouteLocation {
  const v = value as RouteLocation | undefined;
  return (
    typeof v?.uri === 'string' && typeof v.range?.start?.line === 'number' && typeof v.range?.end?.line === 'number'
  );
}

export async function reveal(client: LanguageClient, location: RouteLocation): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  const range = client.protocol2CodeConverter.asRange(location.range);
  await vscode.window.showTextDocument(document, { selection: range, preview: false });
}
