// A real LSP client over stdio for tests and the benchmark: spawns a server process and
// speaks JSON-RPC to it with vscode-jsonrpc, the library VS Code's own client is built on.
import { ChildProcess, spawn } from 'child_process';
import { pathToFileURL } from 'url';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  data?: unknown;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

type Waiter = { uri: string; accept: (p: Published) => boolean; resolve: (p: Published) => void };

export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  private waiters: Waiter[] = [];
  readonly published = new Map<string, Published>();
  /** Answers for workspace/configuration requests, by section. */
  settings: Record<string, unknown> = {};
  stderr = '';

  constructor(command: string, args: string[], cwd?: string) {
    this.process = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section ? (this.settings[i.section] ?? null) : this.settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** `capabilities` go under textDocument, `workspace` beside configuration. */
  async initialize(
    rootPath: string,
    capabilities: Record<string, unknown> = {},
    workspace: Record<string, unknown> = {},
    initializationOptions?: unknown,
  ): Promise<unknown> {
    const rootUri = pathToFileURL(rootPath).toString();
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...workspace },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, ...capabilities },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` that `accept` takes; rejects after `ms`. */
  nextDiagnostics(uri: string, accept: (p: Published) => boolean = () => true, ms = 30000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no diagnostics for ${uri} within ${ms} ms`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async changeRange(uri: string, version: number, range: Diagnostic['range'], text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  /** Resident memory of the server process in bytes (Linux /proc). */
  rss(): number {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const status: string = require('fs').readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : NaN;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    await Promise.race([new Promise((r) => this.process.once('exit', r)), delay(2000)]);
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
    this.connection.dispose();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
