// "Gateway Lens: Show Traefik Configuration": asks the language server for the dynamic
// configuration Traefik would assemble from the project (gatewayLens/traefikConfiguration) and
// shows it as a read-only YAML document of its own scheme, each `file:line` comment a link to
// the label or file line it came from.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  TraefikConfigurationRequest,
  type TraefikConfigurationAnswer,
  type TraefikConfigurationParams,
} from '../../server/src/protocol';
import { composeFileAsked } from './whichRouter';

export const CONFIGURATION_SCHEME = 'gateway-lens-config';

export class TraefikConfigurationView
  implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly answers = new Map<string, TraefikConfigurationAnswer>();
  private readonly registrations: vscode.Disposable[] = [
    vscode.workspace.registerTextDocumentContentProvider(CONFIGURATION_SCHEME, this),
    vscode.languages.registerDocumentLinkProvider({ scheme: CONFIGURATION_SCHEME }, this),
    this.changed,
  ];

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.answers.get(uri.toString())?.text ?? '';
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const answer = this.answers.get(document.uri.toString());
    return (answer?.links ?? []).map((l) => {
      const at = l.target.range.start;
      const target = vscode.Uri.parse(l.target.uri).with({ fragment: `L${at.line + 1},${at.character + 1}` });
      const link = new vscode.DocumentLink(new vscode.Range(l.line, l.start, l.line, l.end), target);
      link.tooltip = 'Go to where it is written';
      return link;
    });
  }

  async show(client: LanguageClient | undefined): Promise<void> {
    const asked = await composeFileAsked(client);
    if (!asked) return;
    const compose = asked.uri;
    const params: TraefikConfigurationParams = { uri: compose };
    const answer = await asked.client.sendRequest(TraefikConfigurationRequest, params);
    if (answer.text === '') {
      void vscode.window.showWarningMessage(`Gateway Lens: ${answer.notes.join(' ')}`);
      return;
    }
    const name = path.basename(path.dirname(vscode.Uri.parse(compose).fsPath)) || 'project';
    const uri = vscode.Uri.from({
      scheme: CONFIGURATION_SCHEME,
      path: `/${name} traefik configuration.yaml`,
      query: compose,
    });
    this.answers.set(uri.toString(), answer);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'yaml');
    await vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
  }
}
