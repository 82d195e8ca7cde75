// One language server under the fuzzer: the real dist/server.js over stdio, pulling
// diagnostics as VS Code does. Every request is timed and bounded: no answer within the bound
// is a hang, an error response is an error, a process that exits is a crash.
import { pathToFileURL } from 'url';
import * as path from 'path';
import { LspClient } from '../lspClient';

export type Answer =
  { ok: true; value: unknown } | { ok: false; kind: 'error' | 'hang' | 'crash'; message: string; code?: number };

export interface Timing {
  requests: number;
  worstMs: number;
  worst: string;
  peakRss: number;
}

/** Messages the server logs when a handler's guard caught a throw (it logs refusals to read files too). */
const FAILURE = /failed|uncaught|unhandled|internal error/i;

export class Session {
  readonly client: LspClient;
  /** Failures the server logged since the last take(). */
  private logged: string[] = [];
  private exited = false;
  private readonly exit: Promise<number | null>;

  constructor(
    serverJs: string,
    private readonly timing: Timing,
    private readonly timeoutMs: number,
  ) {
    this.client = new LspClient(process.execPath, [serverJs, '--stdio']);
    this.exit = new Promise((resolve) =>
      this.client.process.once('exit', (code) => {
        this.exited = true;
        resolve(code);
      }),
    );
    this.client.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      if (m.type === 1 && FAILURE.test(m.message)) this.logged.push(m.message);
    });
  }

  async start(root: string): Promise<void> {
    await this.client.initialize(root, { diagnostic: { dynamicRegistration: false } });
  }

  get alive(): boolean {
    return !this.exited && this.client.process.exitCode === null;
  }

  takeLogged(): string[] {
    const out = this.logged;
    this.logged = [];
    return out;
  }

  uri(folder: string, name: string): string {
    return pathToFileURL(path.join(folder, name)).href;
  }

  async notify(method: string, params: unknown): Promise<void> {
    if (this.alive) await this.client.connection.sendNotification(method, params);
  }

  async request(method: string, params: unknown): Promise<Answer> {
    if (!this.alive) return { ok: false, kind: 'crash', message: `server exited before ${method}` };
    this.timing.requests++;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<Answer>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, kind: 'hang', message: `${method}: no answer within ${this.timeoutMs} ms` }),
        this.timeoutMs,
      );
    });
    const exit = this.exit.then((code): Answer => ({
      ok: false,
      kind: 'crash',
      message: `server exited (${code}) during ${method}`,
    }));
    const answer = this.client.connection.sendRequest(method, params).then(
      (value): Answer => ({ ok: true, value }),
      (err: unknown): Answer => ({
        ok: false,
        kind: this.alive ? 'error' : 'crash',
        message: `${method}: ${err instanceof Error ? err.message : String(err)}`,
        code: (err as { code?: number }).code,
      }),
    );
    const result = await Promise.race([answer, bound, exit]);
    clearTimeout(timer);
    const ms = performance.now() - started;
    if (ms > this.timing.worstMs) {
      this.timing.worstMs = ms;
      this.timing.worst = method;
    }
    return result;
  }

  sampleRss(): void {
    if (!this.alive) return;
    const rss = this.client.rss();
    if (rss > this.timing.peakRss) this.timing.peakRss = rss;
  }

  async stop(): Promise<void> {
    if (this.alive) await this.client.stop();
    else this.client.connection.dispose();
  }
}
