// The Gateway Lens language server (`node dist/server.js --stdio`, or --node-ipc from the
// extension): wiring only, after json-language-features' jsonServer.ts. Every handler is
// wrapped so that one failure is logged and the server keeps serving.
import * as path from 'path';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { registerAddService } from './addService';
import { Analyzer } from './analysis';
import { Boundary } from './boundary';
import { Documents, uriToPath } from './documents';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { registerDefinitions } from './definitions';
import { guardedStdio } from './framing';
import { registerLocate } from './locate';
import { registerRoute } from './route';
import { registerRouterRules } from './routerRules';
import { registerTraefikConfiguration } from './traefikConfiguration';
import { registerComposeProject } from './composeProject';
import { registerScalePlan } from './scalePlan';
import { Projects } from './projects';
import {
  EngineCountersRequest,
  SETTINGS_SECTION,
  TrustNotification,
  WATCHED_FILE_GLOBS,
  type InitializationOptions,
  type TrustParams,
} from './protocol';
import { SettingsCache } from './settings';
import { describe } from './analysis/errors';
import { Validation } from './validation';
import { DiskFiles, WorkspaceFolders, type WorkspaceFolder } from './workspace';
import { WorkspaceCheck } from './workspaceCheck';
import { WorkspaceReports } from './workspaceDiagnostics';

// Over stdio a broken frame ends the process with a message (the client restarts it) instead of
// leaving it deaf; --node-ipc and sockets carry whole messages.
const connection = process.argv.includes('--stdio') ? createConnection(...guardedStdio()) : createConnection();
const log = (message: string): void => connection.console.error(message);

// Timers and promises are wrapped, but a stray exception must not end the session.
process.on('uncaughtException', (err) => log(`Uncaught exception: ${describe(err)}`));
process.on('unhandledRejection', (err) => log(`Unhandled rejection: ${describe(err)}`));

/** Runs a notification handler; a throw is logged, never propagated. */
function safe<A extends unknown[]>(name: string, handler: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      handler(...args);
    } catch (err) {
      log(`${name} failed: ${describe(err)}`);
    }
  };
}

const documents = new Documents();
const folders = new WorkspaceFolders();
let configurationSupport = false;
/** What the client lets the server register after initialize. */
const dynamic = { watchedFiles: false, workspaceFolders: false };
/** Settings as last pushed by workspace/didChangeConfiguration, for clients that cannot be asked. */
let pushedSettings: unknown;
const settings = new SettingsCache(async (scopeUri) =>
  configurationSupport
    ? connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
    : (pushedSettings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION],
);
const boundary = new Boundary(folders);
const unreadable = new Set<string>();
const disk = new DiskFiles((file, reason) => {
  // Said once per file and reason, not on every analysis that asks again.
  if (!unreadable.has(`${file}\0${reason}`)) log(`Gateway Lens: not reading ${file}: ${reason}.`);
  unreadable.add(`${file}\0${reason}`);
});
const analyzer = new Analyzer();
const projects = new Projects({ analyzer, documents, disk, folders, settings, boundary, log });
documents.readByTraefik = (file) => projects.readByTraefik(file);
let validation: Validation | undefined;
let workspaceReports: WorkspaceReports | undefined;
const workspaceCheck = new WorkspaceCheck({
  folders,
  settingsFor: (uri) => settings.get(uri),
  idle: () => validation?.idle() ?? Promise.resolve(),
  check: (folder) => validation?.check(folder) ?? Promise.resolve(),
  log,
});
registerFeatures(connection, documents, projects, log);
registerLocate(connection, documents, projects, log);
registerDefinitions(connection, documents, projects, log);
registerRouterRules(connection, projects, log);
registerAddService(connection, documents, projects, log);
registerRoute(connection, projects, log);
registerTraefikConfiguration(connection, projects, log);
registerComposeProject(connection, projects, log);
registerScalePlan(connection, boundary, log);
connection.onRequest(EngineCountersRequest, () => {
  const { runs, reused, judgements, revision } = analyzer.engineCounters();
  return { checkRuns: runs, checkReuses: reused, routerJudgements: judgements, revision };
});

function toFolders(list: { uri: string }[]): WorkspaceFolder[] {
  return list.flatMap((f) => {
    const file = uriToPath(f.uri);
    return file ? [{ uri: f.uri, path: path.normalize(file) }] : [];
  });
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  configurationSupport = caps.workspace?.configuration === true;
  dynamic.watchedFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  dynamic.workspaceFolders = caps.workspace?.workspaceFolders === true;
  const pull = caps.textDocument?.diagnostic !== undefined;
  // A client that pulls and knows workspace diagnostics gets closed files' findings by asking too.
  workspaceReports = pull && caps.workspace?.diagnostics !== undefined ? new WorkspaceReports() : undefined;
  validation = new Validation(
    connection,
    documents,
    projects,
    { pull, refreshSupport: caps.workspace?.diagnostics?.refreshSupport === true, delay: 200, workspaceReports },
    log,
  );
  validation.covers = (folder, s) => workspaceCheck.covers(folder, s);
  folders.set(toFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])));
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  boundary.trusted = options.trusted !== false;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...FEATURE_CAPABILITIES,
      // Editing one compose file changes its siblings' diagnostics (one project per folder).
      diagnosticProvider: pull
        ? {
            identifier: 'gateway-lens',
            interFileDependencies: true,
            workspaceDiagnostics: workspaceReports !== undefined,
          }
        : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'gateway-lens', version },
  };
});

connection.onInitialized(
  safe('initialized', () => {
    // A mounted traefik.yml, a build's Dockerfile or a compose file saved changes diagnostics.
    if (dynamic.watchedFiles) {
      const watchers = WATCHED_FILE_GLOBS.map((globPattern) => ({ globPattern }));
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((err) => log(`Cannot watch files: ${describe(err)}`));
    }
    if (dynamic.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        safe('didChangeWorkspaceFolders', (event) => {
          const removed = new Set(event.removed.map((f) => f.uri));
          folders.set([...folders.all().filter((f) => !removed.has(f.uri)), ...toFolders(event.added)]);
          settings.clear();
          projects.reset();
          validation?.refreshAll();
          workspaceCheck.start();
        }),
      );
    }
    workspaceCheck.start();
  }),
);

// Clients send this when settings change (VS Code's client: synchronize.configurationSection).
connection.onDidChangeConfiguration(
  safe('didChangeConfiguration', (params) => {
    pushedSettings = params.settings;
    settings.clear();
    validation?.refreshAll();
    workspaceCheck.start();
  }),
);

// Trust is granted once, never taken back without a restart (VS Code reloads the window then).
connection.onNotification(
  TrustNotification,
  safe('trust', (params: TrustParams) => {
    if (boundary.trusted === (params?.trusted === true)) return;
    boundary.trusted = params?.trusted === true;
    projects.reset();
    settings.clear();
    validation?.refreshAll();
  }),
);

connection.onDidChangeWatchedFiles(
  safe('didChangeWatchedFiles', (params) => {
    const files = params.changes.flatMap((c) => uriToPath(c.uri) ?? []);
    validation?.filesChanged(files);
  }),
);

documents.all.onDidOpen(safe('didOpen', ({ document }) => opened(document)));
documents.all.onDidChangeContent(safe('didChange', ({ document }) => changed(document)));
documents.all.onDidClose(safe('didClose', ({ document }) => validation?.documentChanged(document)));

/** didOpen also fires didChangeContent; the first analysis of a file should not wait. */
const justOpened = new Set<string>();
function opened(document: TextDocument): void {
  justOpened.add(document.uri);
  validation?.documentOpened(document);
}
function changed(document: TextDocument): void {
  validation?.documentChanged(document, justOpened.delete(document.uri) ? 10 : undefined);
}

connection.languages.diagnostics.on(async (params, token) => {
  try {
    if (!validation) return { kind: 'full', items: [] };
    return await validation.pullDiagnostics(params.textDocument.uri, params.previousResultId, token);
  } catch (err) {
    if (token.isCancellationRequested) throw err;
    log(`Diagnostics for ${params?.textDocument?.uri} failed: ${describe(err)}`);
    return { kind: 'full', items: [] };
  }
});

connection.languages.diagnostics.onWorkspace(async (params, token) => {
  try {
    return (await workspaceReports?.answer(params.previousResultIds, token)) ?? { items: [] };
  } catch (err) {
    log(`Workspace diagnostics failed: ${describe(err)}`);
    return { items: [] };
  }
});

connection.onShutdown(
  safe('shutdown', () => {
    workspaceCheck.cancel();
    validation?.dispose();
  }),
);

documents.all.listen(connection);
connection.listen();
