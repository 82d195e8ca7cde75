// Workspace trust as the language server hears of it: the state when the client starts it
// (initializationOptions) and the moment the user grants it (gatewayLens/trust). In Restricted
// Mode the server reads nothing outside the workspace folders until then (server/src/boundary.ts).
import type { NotificationType } from 'vscode-jsonrpc';
import { TrustNotification, type InitializationOptions, type TrustParams } from '../../server/src/protocol';

/** What this needs of vscode.workspace. */
export interface TrustSource {
  readonly isTrusted: boolean;
  onDidGrantWorkspaceTrust(listener: () => void): { dispose(): void };
}

/** What this needs of the LanguageClient. */
export interface Notifier {
  isRunning(): boolean;
  sendNotification<P>(type: NotificationType<P>, params?: P): Promise<void>;
}

export function trustOptions(workspace: Pick<TrustSource, 'isTrusted'>): InitializationOptions {
  return { trusted: workspace.isTrusted };
}

/** Tells a running server when trust is granted (VS Code reloads the window if it is taken back). */
export function forwardTrust(workspace: TrustSource, client: Notifier): { dispose(): void } {
  return workspace.onDidGrantWorkspaceTrust(() => {
    const params: TrustParams = { trusted: true };
    if (client.isRunning()) void client.sendNotification(TrustNotification, params).catch(() => undefined);
  });
}
