// When diagnostics are computed and how they reach the client, after json-language-features'
// utils/validation.ts: a project is re-analysed (debounced) when any of its files changes, and
// stale runs are dropped when a newer edit arrived. With pull diagnostics the client asks for
// its open compose files itself; everything else (closed compose files of the project, the
// static config) is pushed, so no file ever gets its diagnostics twice.
import * as path from 'path';
import {
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath, type Documents } from './documents';
import { listingKey, readsAsCompose, type ProjectResult, type Projects } from './projects';
import { StatusNotification, type ProblemCounts, type StatusParams, type TraefikVersionStatus } from './protocol';
import type { Settings } from './settings';
import type { WorkspaceReports } from './workspaceDiagnostics';
import { describe } from './analysis/errors';

export interface ValidationOptions {
  /** The client pulls diagnostics (textDocument/diagnostic) for its open documents. */
  pull: boolean;
  /** The client re-pulls when asked (workspace/diagnostic/refresh). */
  refreshSupport: boolean;
  /** Debounce after an edit, ms. */
  delay: number;
  /** Closed files of background-checked projects go to workspace/diagnostic instead of being pushed. */
  workspaceReports?: WorkspaceReports;
}

export class Validation {
  private timers = new Map<string, NodeJS.Timeout>();
  /** Files just opened whose loading project is being looked up (an included or extended file). */
  private lookups = new Map<string, Promise<void>>();
  private generations = new Map<string, number>();
  /** Folder -> uris this project pushed diagnostics to (to clear them later). */
  private pushed = new Map<string, Set<string>>();
  /** Folder -> problem counts, for every project with an open compose file. */
  private counts = new Map<string, ProblemCounts>();
  /** Per shown project: the Traefik version it is judged for (the status bar says it). */
  private versions = new Map<string, TraefikVersionStatus>();
  private running = 0;
  private pulling = 0;
  private idleWaiters: (() => void)[] = [];
  /** Whether a project is shown without an open file (the workspace check); set by the server. */
  covers: (folder: string, settings: Settings) => boolean = () => false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    private readonly projects: Projects,
    private readonly options: ValidationOptions,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Re-analyses `folder`'s project; a newer call replaces a pending one. With nothing pending
   * the edit runs at once (the analysis is incremental and cheap); an edit arriving while one
   * waits (fast typing) restarts the wait, so only the last of a burst is analysed.
   */
  schedule(folder: string, delay = this.options.delay): void {
    if (!this.timers.has(folder)) delay = Math.min(delay, 0);
    const generation = (this.generations.get(folder) ?? 0) + 1;
    this.generations.set(folder, generation);
    clearTimeout(this.timers.get(folder));
    const timer = setTimeout(() => {
      if (this.timers.get(folder) === timer) this.timers.delete(folder);
      this.run(folder, generation)
        .catch((err) => this.log(`Validation of ${folder} failed: ${describe(err)}`))
        .finally(() => this.settle());
    }, delay);
    this.timers.set(folder, timer);
  }

  /** A document changed (or opened, or closed): its project and every project that read it. */
  documentChanged(document: TextDocument, delay?: number): void {
    const file = uriToPath(document.uri);
    if (!file) return;
    // Just opened: its first analysis is that of the project found loading it (documentOpened).
    const lookup = this.lookups.get(file);
    if (lookup) return void lookup.then(() => this.documentChanged(document, delay));
    for (const folder of this.affected([file])) this.schedule(folder, delay);
  }

  /**
   * A document opened: with pull diagnostics, what was pushed for it gives way to the pull. A file
   * a project reads as a compose file under another name (an included or extended file), opened
   * before that project was analysed, is looked up so that its project is shown.
   */
  documentOpened(document: TextDocument): void {
    const file = uriToPath(document.uri);
    if (file && this.projects.loadedBy(file) === undefined && !this.lookups.has(file)) {
      const lookup = this.projects
        .composeFileOf(document.uri)
        .then(async (found) => {
          const key = found && (this.projects.loadedBy(found) ?? (await this.projects.ownerOf(found)));
          if (key !== undefined && this.documents.get(document.uri)) this.schedule(key);
        })
        .catch((err) => this.log(`Looking up the project of ${document.uri} failed: ${describe(err)}`))
        .finally(() => {
          this.lookups.delete(file);
          this.settle();
        });
      this.lookups.set(file, lookup);
      this.projects.lookingUp(file, lookup);
    }
    if (!this.options.pull) return;
    for (const uris of this.pushed.values()) {
      // A workspace report stays: the client prefers the document's own pull while it is open.
      if (this.options.workspaceReports?.has(document.uri)) continue;
      if (uris.delete(document.uri)) void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }
  }

  /** Files changed on disk (watched files). Open documents are unaffected: their text wins. */
  filesChanged(files: string[]): void {
    const onDisk = files.filter((f) => !this.documents.byPath(f));
    if (onDisk.length === 0) return;
    for (const folder of this.affected(onDisk)) this.schedule(folder);
    this.refreshPull();
  }

  /** Settings or workspace folders changed: every shown project again. */
  refreshAll(): void {
    for (const folder of this.counts.keys()) this.schedule(folder);
    for (const document of this.documents.all.all()) this.documentChanged(document);
    this.refreshPull();
  }

  /** The answer to textDocument/diagnostic. */
  async pullDiagnostics(
    uri: string,
    previousResultId: string | undefined,
    token: CancellationToken,
  ): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    const file = uriToPath(uri);
    if (!document || !file) return { kind: 'full', items: [] };
    this.pulling++;
    try {
      await this.lookups.get(file);
      // An included or extended file shows the findings of the project that loads it; a dynamic
      // configuration file those of the project whose file provider reads it (else none).
      const folder = await this.pulledFolder(document, file);
      if (folder === undefined) return { kind: 'full', items: [] };
      // Let queued notifications (a newer didChange, a $/cancelRequest) in before the work.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const versionsBefore = this.projects.versionsGeneration;
      const result = await this.projects.analyse(folder);
      // A Traefik image found (or gone) here changes how the other projects without one are judged.
      if (this.projects.versionsGeneration !== versionsBefore) this.recheckVersionless(folder);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      if (previousResultId === result.resultId) return { kind: 'unchanged', resultId: result.resultId };
      return { kind: 'full', resultId: result.resultId, items: result.diagnostics.get(uri) ?? [] };
    } finally {
      this.pulling--;
      this.settle();
    }
  }

  /** Resolves once no edit waits, no analysis runs and no pull is answered: the background's turn. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Analyses and shows the projects of one folder now (the workspace check's step; it waited for idle()). */
  async check(folder: string): Promise<void> {
    for (const key of await this.projects.projectsIn(folder, await this.projects.settingsFor(folder))) {
      const generation = (this.generations.get(key) ?? 0) + 1;
      this.generations.set(key, generation);
      await this.run(key, generation);
    }
  }

  private isIdle(): boolean {
    return this.timers.size === 0 && this.running === 0 && this.pulling === 0 && this.lookups.size === 0;
  }

  private settle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * The project of each file and its folder's default project, and every shown project whose
   * last analysis read one of them or listed the directory holding it (a file added to the file
   * provider's directory).
   */
  private affected(files: string[]): Set<string> {
    const folders = new Set(files.flatMap((f) => [path.dirname(f), this.projects.projectOf(f)]));
    for (const folder of this.counts.keys()) {
      const last = this.projects.last(folder);
      if (last && files.some((f) => last.inputs.has(f) || last.inputs.has(listingKey(path.dirname(f)))))
        folders.add(folder);
    }
    return folders;
  }

  private refreshPull(): void {
    if (this.options.pull && this.options.refreshSupport) {
      // Typed void, but it is the workspace/diagnostic/refresh request's promise.
      const request: unknown = this.connection.languages.diagnostics.refresh();
      Promise.resolve(request).catch((err) => this.log(`Diagnostic refresh failed: ${describe(err)}`));
    }
  }

  private stale(folder: string, generation: number): boolean {
    return this.generations.get(folder) !== generation;
  }

  private async run(folder: string, generation: number): Promise<void> {
    const settings = await this.projects.settingsFor(folder);
    if (this.stale(folder, generation)) return;
    // The project is shown while one of its compose files is open: its own, or one it includes or
    // extends under any name (closing compose.yaml leaves an open traefik/labels.yml checked).
    const open = this.documents.all.all().filter((d) => {
      const file = uriToPath(d.uri);
      if (file === undefined) return false;
      if (this.documents.isCompose(d, settings.files)) return this.projects.projectOf(file) === folder;
      return this.projects.loadedBy(file) === folder;
    });
    const background = this.covers(folder, settings);
    if (open.length === 0 && !background) return this.drop(folder);

    this.running++;
    this.sendStatus();
    try {
      const versionsBefore = this.projects.versionsGeneration;
      const result = await this.projects.analyse(folder);
      // A Traefik image found (or gone) here changes how the other projects without one are judged.
      if (this.projects.versionsGeneration !== versionsBefore) this.recheckVersionless(folder);
      // A newer edit has scheduled its own run; this result would be shown on outdated text.
      if (this.stale(folder, generation)) return;
      for (const [uri, version] of result.versions) if (this.documents.get(uri)?.version !== version) return;

      if (open.length === 0 && result.composeFiles.length === 0) return this.drop(folder);
      const reports = background ? this.options.workspaceReports : undefined;
      const before = this.pushed.get(folder) ?? new Set<string>();
      const now = new Set<string>();
      for (const [uri, diagnostics] of result.diagnostics) {
        if (this.pullOwned(uri, settings.files, result)) continue;
        now.add(uri);
        if (reports) reports.set(uri, result.resultId, diagnostics);
        else void this.connection.sendDiagnostics({ uri, version: result.versions.get(uri), diagnostics });
      }
      for (const uri of before) if (!now.has(uri)) this.clear(uri);
      this.pushed.set(folder, now);
      this.counts.set(folder, result.counts);
      const fact = result.project?.versionFact;
      if (fact) this.versions.set(folder, { folder, ...fact });
    } finally {
      this.running--;
      this.sendStatus();
      this.settle();
    }
  }

  /**
   * Shown projects judged without a Traefik of their own: another project's Traefik (its version,
   * its static configuration) may now decide. A pulling client asks again; the pull analyses.
   */
  private recheckVersionless(folder: string): void {
    let scheduled = false;
    for (const [other, fact] of this.versions) {
      const hosted = this.projects.last(other)?.input.options?.traefikElsewhere !== undefined;
      // A project whose finding another project may settle (what that one defines changed).
      const hedged = this.projects.hedges(other);
      if (other === folder || !(fact.source === 'unknown' || fact.source === 'workspace' || hosted || hedged)) continue;
      this.schedule(other);
      scheduled = true;
    }
    if (scheduled) this.refreshPull();
  }

  /** With pull diagnostics, an open compose or dynamic configuration document gets its diagnostics by asking. */
  private pullOwned(uri: string, extraGlobs: readonly string[], result: ProjectResult): boolean {
    const document = this.options.pull ? this.documents.get(uri) : undefined;
    if (document === undefined) return false;
    const file = uriToPath(uri);
    return (
      this.documents.isCompose(document, extraGlobs) ||
      readsDynamicFile(result, file) ||
      (file !== undefined && readsAsCompose(result, file))
    );
  }

  /** The project folder whose findings a pulled document shows, or undefined when none covers it. */
  private async pulledFolder(document: TextDocument, file: string): Promise<string | undefined> {
    const folder = this.projects.projectOf(file);
    const settings = await this.projects.settingsFor(folder);
    if (this.documents.isCompose(document, settings.files)) return folder;
    const loader = await this.projects.loaderOf(file);
    if (loader !== undefined) return loader;
    const owner = await this.projects.dynamicOwnerOf(document.uri);
    return owner === undefined ? undefined : this.projects.projectOf(owner);
  }

  /** No compose file of the project is open any more: clear what it showed. */
  private drop(folder: string): void {
    for (const uri of this.pushed.get(folder) ?? []) this.clear(uri);
    this.pushed.delete(folder);
    this.versions.delete(folder);
    if (this.counts.delete(folder)) this.sendStatus();
    this.projects.forget(folder);
  }

  /** Takes a file's diagnostics back, the way they were sent. */
  private clear(uri: string): void {
    const reports = this.options.workspaceReports;
    if (reports?.has(uri)) reports.clear(uri);
    else void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private sendStatus(): void {
    const problems: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
    for (const c of this.counts.values()) {
      problems.errors += c.errors;
      problems.warnings += c.warnings;
      problems.infos += c.infos;
    }
    const params: StatusParams = {
      state: this.running > 0 ? 'analysing' : 'idle',
      problems,
      projects: this.counts.size,
      traefikVersions: versionSummary(this.versions.values()),
    };
    void this.connection.sendNotification(StatusNotification, params);
  }
}

/** The distinct version facts (first folder of each), at most MAX_VERSIONS: a tooltip line each, not one per project. */
const MAX_VERSIONS = 5;
function versionSummary(all: Iterable<TraefikVersionStatus>): TraefikVersionStatus[] {
  const seen = new Map<string, TraefikVersionStatus>();
  for (const v of all) {
    const key = `${v.assumed}|${v.source}|${v.why}`;
    if (!seen.has(key)) seen.set(key, v);
    if (seen.size === MAX_VERSIONS) break;
  }
  return [...seen.values()];
}

/** Whether the project's file provider reads `file` (a dynamic configuration file). */
function readsDynamicFile(result: ProjectResult, file: string | undefined): boolean {
  return file !== undefined && result.project?.fileProvider.files.some((f) => f.file === file) === true;
}
