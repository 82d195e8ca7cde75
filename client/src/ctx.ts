// The extension's one context object (after rust-analyzer's Ctx): it owns every disposable,
// the output channel, the status bar and the language client, and restarts the client.
import * as vscode from 'vscode';
import { State, type LanguageClient, type RequestType } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, StatusNotification } from '../../server/src/protocol';
import { addServiceToGateway } from './addService';
import { registerCommands, type CommandContext } from './commands';
import { createLanguageClient } from './languageClient';
import { StatusBar } from './statusBar';
import { forwardTrust } from './trust';
import { LiveView } from './views/liveView';
import { TraefikConfigurationView } from './traefikConfiguration';
import { ComposeProjectView } from './composeProject';
import { isLocation, reveal, whichRouter } from './whichRouter';
import { describe, errorMessage } from '../../server/src/analysis/errors';

export class Ctx implements CommandContext, vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Gateway Lens');
  private readonly status = new StatusBar();
  private readonly configuration = new TraefikConfigurationView();
  private readonly composeProject = new ComposeProjectView();
  /** Live as long as the extension. */
  private readonly subscriptions: vscode.Disposable[] = [
    this.output,
    this.status,
    this.configuration,
    this.composeProject,
  ];
  /** Live as long as one language client; renewed on restart. */
  private clientSubscriptions: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private stopping = false;

  /** The Gateway view: cheap to construct; it loads dist/live.js when a view opens. */
  readonly live: LiveView;

  constructor(private readonly extension: vscode.ExtensionContext) {
    extension.subscriptions.push(this);
    this.live = new LiveView(extension, (type, params) => this.sendRequest(type, params));
    this.subscriptions.push(
      this.live,
      ...registerCommands(
        this,
        (id, run) => vscode.commands.registerCommand(id, run),
        (title, err) => this.failed(title, err),
      ),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // The document selector is fixed when the client starts.
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.files`)) void this.restartServer();
      }),
    );
  }

  async start(): Promise<void> {
    const client = createLanguageClient(this.extension, this.output);
    this.client = client;
    this.stopping = false;
    this.status.setClient('starting');
    this.clientSubscriptions.push(
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.status.setClient('running');
        else if (newState === State.Starting) this.status.setClient('starting');
        else this.status.setClient(this.stopping ? 'stopped' : 'crashed');
      }),
      client.onNotification(StatusNotification, (params) => this.status.setServer(params)),
      forwardTrust(vscode.workspace, client),
    );
    try {
      await client.start();
    } catch (err) {
      this.status.setClient('crashed');
      this.output.appendLine(`Gateway Lens: the language server did not start: ${describe(err)}`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.stopping = true;
    try {
      if (client?.isRunning()) await client.stop();
    } catch (err) {
      this.output.appendLine(`Gateway Lens: stopping the language server failed: ${describe(err)}`);
    } finally {
      this.clientSubscriptions.forEach((d) => d.dispose());
      this.clientSubscriptions = [];
      await client?.dispose().catch(() => undefined);
    }
  }

  async restartServer(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** A custom request to the language server; undefined while it is not running. */
  async sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    const client = this.client;
    if (!client?.isRunning()) return undefined;
    try {
      return await client.sendRequest(type, params);
    } catch (err) {
      this.output.appendLine(`Gateway Lens: ${type.method} failed: ${describe(err)}`);
      return undefined;
    }
  }

  showOutput(): void {
    this.output.show(true);
  }

  /** A command that failed (registerCommands catches it): logged with its stack, and shown. */
  private failed(title: string, err: unknown): void {
    const name = title.replace(/\.\.\.$/, '');
    this.output.appendLine(`Gateway Lens: ${name} failed: ${describe(err)}`);
    void vscode.window.showErrorMessage(`Gateway Lens: ${name} failed: ${errorMessage(err)}`);
  }

  addService(): Promise<void> {
    return addServiceToGateway(this.client);
  }

  whichRouter(): Promise<void> {
    return whichRouter(this.client, this.extension.globalState, this.output);
  }

  showTraefikConfiguration(): Promise<void> {
    return this.configuration.show(this.client);
  }

  showComposeProject(): Promise<void> {
    return this.composeProject.show(this.client);
  }

  async revealLocation(location: unknown): Promise<void> {
    if (!this.client || !isLocation(location)) return;
    await reveal(this.client, location);
  }

  dispose(): void {
    void this.stop();
    this.subscriptions.forEach((d) => d.dispose());
    this.subscriptions.length = 0;
  }
}
