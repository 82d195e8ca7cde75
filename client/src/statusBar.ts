// The status bar item: renders statusView() whenever the client or the server state changes.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';
import { statusView, type ClientState } from './status';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gatewayLens.status', vscode.StatusBarAlignment.Left, 0);
  private client: ClientState = 'starting';
  private server: StatusParams | undefined;
  private disposed = false;

  constructor() {
    this.item.name = 'Gateway Lens';
    this.render();
    this.item.show();
  }

  setClient(state: ClientState): void {
    this.client = state;
    if (state !== 'running') this.server = undefined;
    this.render();
  }

  setServer(params: StatusParams): void {
    this.server = params;
    this.render();
  }

  private render(): void {
    // State events can still arrive while the client stops after deactivation.
    if (this.disposed) return;
    const view = statusView(this.client, this.server);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.backgroundColor = view.background
      ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`)
      : undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.item.dispose();
  }
}
