// Traefik's live errors on the labels that define the router, service or middleware (source
// `traefik`), so a running gateway's complaint shows where it is fixed. The problems come from
// the live model; which project's labels they belong on is live/attach.ts's decision, and
// where those labels are written comes from the language server (gatewayLens/locate).
import * as vscode from 'vscode';
import { codeLinks } from '../../../server/src/codeDocs';
import type { Placed } from '../../../live/attach';
import type { LiveModel } from '../../../live/model';
import { liveCode, type LiveProblem } from '../../../live/problems';

export interface ProblemSource {
  liveProblems(model: LiveModel): LiveProblem[];
  problemsKey(problems: LiveProblem[]): string;
}

export class LiveDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('traefik');
  private lastKey: string | undefined;
  /** Answers of an older update must not overwrite a newer one. */
  private generation = 0;

  /** `place` answers undefined while the language server cannot be asked: the update is retried later. */
  constructor(
    private readonly place: (model: LiveModel, problem: LiveProblem) => Promise<Placed | undefined>,
    private readonly log: (message: string) => void,
    /** The docs/codes.md section of a code, as the server links its own codes (codeDescription). */
    private readonly codeUrl: (code: string) => string | undefined = codeLinks(),
  ) {}

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
      const placed = await this.place(model, problem).catch(() => undefined);
      if (!placed) complete = false;
      if (placed?.skipped)
        this.log(`Traefik's error on ${problem.kind} "${problem.name}" is not shown: ${placed.skipped}.`);
      for (const l of placed?.locations ?? []) {
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
            `Traefik (live): ${problem.kind} "${problem.name}": ${message}${placed?.note ? ` (${placed.note})` : ''}`,
            problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
          );
          d.source = 'traefik';
          const code = liveCode(problem.kind);
          const href = this.codeUrl(code);
          d.code = href ? { value: code, target: vscode.Uri.parse(href) } : code;
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
