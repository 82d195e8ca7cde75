// Traefik's live errors on the labels that define the router, service or middleware (source
// `traefik`), so a running gateway's complaint shows where it is fixed. The problems come from
// the live model; where they are written comes from the language server (gatewayLens/locate).
import * as vscode from 'vscode';
import type { RouteLocation } from '../../../server/src/protocol';
import type { LiveModel } from '../live/model';
import type { LiveProblem } from '../live/problems';

export interface ProblemSource {
  liveProblems(model: LiveModel): LiveProblem[];
  problemsKey(problems: LiveProblem[]): string;
}

export class LiveDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('traefik');
  private lastKey: string | undefined;
  /** Answers of an older update must not overwrite a newer one. */
  private generation = 0;

  /** `locate` answers undefined while the language server cannot be asked: the update is retried later. */
  constructor(private readonly locate: (problem: LiveProblem) => Promise<RouteLocation[] | undefined>) {}

  /** Recomputes when Traefik's problems changed, or always with `force` (compose files changed). */
  async update(model: LiveModel, source: ProblemSource, force = false): Promise<void> {
    const problems = source.liveProblems(model);
    const key = source.problemsKey(problems);
    if (!force && key === this.lastKey) return;
    this.lastKey = key;
    const generation = ++this.generation;
    const byUri = new Map<string, vscode.Diagnostic[]>();
    let complete = true;
    for (const problem of problems) {
      const locations = await this.locate(problem).catch(() => undefined);
      if (!locations) complete = false;
      for (const l of locations ?? []) {
        const range = new vscode.Range(
          l.range.start.line,
          l.range.start.character,
          l.range.end.line,
          l.range.end.character,
        );
        const list = byUri.get(l.uri) ?? [];
        for (const message of problem.messages) {
          const d = new vscode.Diagnostic(
            range,
            `Traefik (live): ${problem.kind} "${problem.name}": ${message}`,
            problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
          );
          d.source = 'traefik';
          d.code = `live-${problem.kind}-error`;
          list.push(d);
        }
        byUri.set(l.uri, list);
      }
    }
    if (generation !== this.generation) return;
    if (!complete) this.lastKey = undefined;
    this.collection.clear();
    for (const [uri, list] of byUri) this.collection.set(vscode.Uri.parse(uri), list);
  }

  clear(): void {
    this.lastKey = undefined;
    this.generation++;
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
