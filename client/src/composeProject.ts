// "Gateway Lens: Show Compose Project": asks the language server what it assembled for the
// active compose file's project (gatewayLens/project) and shows it as a read-only document of
// its own scheme.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ProjectRequest, type ProjectParams } from '../../server/src/protocol';
import { composeFileAsked } from './whichRouter';

export const PROJECT_SCHEME = 'gateway-lens-project';

export class ComposeProjectView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The texts shown, by document uri: a content provider's documents are read-only. */
  private readonly texts = new Map<string, string>();
  private readonly registrations: vscode.Disposable[] = [
    vscode.workspace.registerTextDocumentContentProvider(PROJECT_SCHEME, this),
    this.changed,
  ];

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async show(client: LanguageClient | undefined): Promise<void> {
    const asked = await composeFileAsked(client);
    if (!asked) return;
    const compose = asked.uri;
    const params: ProjectParams = { uri: compose };
    const answer = await asked.client.sendRequest(ProjectRequest, params);
    if ('problem' in answer) {
      void vscode.window.showWarningMessage(`Gateway Lens: ${answer.problem}`);
      return;
    }
    const name = path.basename(path.dirname(vscode.Uri.parse(compose).fsPath)) || 'project';
    const uri = vscode.Uri.from({ scheme: PROJECT_SCHEME, path: `/${name} compose project.txt`, query: compose });
    this.texts.set(uri.toString(), answer.text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
  }
}
