// workspace/diagnostic for clients that pull (vscode-languageclient 9 asks again 2 s after each
// answer, forever): the diagnostics of files no editor shows, by uri with the result id of the
// analysis they come from. An answer lists only what changed since the client's result ids;
// when nothing did, the request is held until something changes or the client cancels it,
// so an idle workspace costs no work.
import type { CancellationToken, Diagnostic, WorkspaceDiagnosticReport } from 'vscode-languageserver';

/** A held request answers at the latest after this, so a lost cancellation cannot pin it forever. */
const HOLD_MS = 5 * 60_000;

interface Report {
  resultId: string;
  items: Diagnostic[];
}

let cleared = 0;

export class WorkspaceReports {
  private reports = new Map<string, Report>();
  private waiters = new Set<() => void>();

  set(uri: string, resultId: string, items: Diagnostic[]): void {
    const was = this.reports.get(uri);
    if (was?.resultId === resultId) return;
    this.reports.set(uri, { resultId, items });
    this.wake();
  }

  /** The file is no longer reported (closed project, deleted file): its diagnostics go. */
  clear(uri: string): void {
    const was = this.reports.get(uri);
    if (!was || (was.items.length === 0 && was.resultId.startsWith('cleared-'))) return;
    this.reports.set(uri, { resultId: `cleared-${++cleared}`, items: [] });
    this.wake();
  }

  has(uri: string): boolean {
    return this.reports.has(uri);
  }

  async answer(
    previous: { uri: string; value: string }[],
    token: CancellationToken,
  ): Promise<WorkspaceDiagnosticReport> {
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    const until = Date.now() + HOLD_MS;
    for (;;) {
      const items: WorkspaceDiagnosticReport['items'] = [];
      for (const [uri, r] of this.reports) {
        if (known.get(uri) === r.resultId) continue;
        items.push({ kind: 'full', uri, version: null, resultId: r.resultId, items: r.items });
      }
      if (items.length > 0 || token.isCancellationRequested || Date.now() >= until) return { items };
      await this.changed(token, until - Date.now());
    }
  }

  private changed(token: CancellationToken, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      const listener = token.onCancellationRequested(done);
      this.waiters.add(done);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
