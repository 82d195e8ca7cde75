// Starts dist/server.js over IPC and tells vscode-languageclient which documents it serves.
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { serverDocumentFilters, SETTINGS_SECTION } from '../../server/src/protocol';
import { trustOptions } from './trust';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const extraGlobs = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('files', []);
  const clientOptions: LanguageClientOptions = {
    // Compose files, the dynamic files a project's file provider may read (the server answers nothing
    // for other YAML and TOML), and env files: an unsaved .env edit re-checks what interpolates with it.
    documentSelector: serverDocumentFilters(Array.isArray(extraGlobs) ? extraGlobs : []),
    // The server asks for settings (workspace/configuration); this tells it when to ask again.
    synchronize: { configurationSection: SETTINGS_SECTION },
    // Restricted Mode: the server reads nothing outside the workspace folders (TrustNotification lifts it).
    initializationOptions: trustOptions(vscode.workspace),
    outputChannel: output,
    traceOutputChannel: output,
  };
  // The id makes `gatewayLens.trace.server` the trace setting.
  return new LanguageClient('gatewayLens', 'Gateway Lens', serverOptions, clientOptions);
}
