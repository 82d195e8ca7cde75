// A compose project as the server analyses it: the compose files of one folder (open
// documents' text over the disk's), the static config the settings name, and the files the
// core reads (a mounted traefik.yml). Results are memoised until one of those inputs changes,
// so the pull requests for every open file of a project share one analysis.
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import { Analyzer, type Finding, type Project, type ProjectInput, type SourceFile } from './analysis';
import { lineMap, toDiagnostic, type LineMap } from './convert';
import { uriToPath, type Documents } from './documents';
import type { ProblemCounts } from './protocol';
import { analysisOptions, type Settings, type SettingsCache } from './settings';
import { composeOrder, isComposeFileName, type DiskFiles, type WorkspaceFolders } from './workspace';

export interface ProjectResult {
  folder: string;
  /** Diagnostics by uri for every file of the project, [] for the clean ones. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Versions of the open documents the result was computed from, by uri. */
  versions: Map<string, number>;
  counts: ProblemCounts;
  /** Same id for the same inputs: lets a pull answer "unchanged". */
  resultId: string;
  /** Every file read, with its stamp at the time (v<version> for open documents). */
  inputs: Map<string, string | undefined>;
  composeFiles: string[];
  settings: Settings;
}

export interface ProjectsHost {
  analyzer: Analyzer;
  documents: Documents;
  disk: DiskFiles;
  folders: WorkspaceFolders;
  settings: SettingsCache;
  log(message: string): void;
}

interface Gathered {
  inputs: Map<string, string | undefined>;
  lines: Map<string, LineMap>;
  versions: Map<string, number>;
  read(file: string): string | undefined;
  input: ProjectInput;
}

let results = 0;

export class Projects {
  private memo = new Map<string, ProjectResult>();
  private queue = new Map<string, Promise<unknown>>();

  constructor(private readonly host: ProjectsHost) {}

  /** Settings that apply to a folder: those of the workspace folder holding it. */
  settingsFor(folder: string): Promise<Settings> {
    return this.host.settings.get(this.host.folders.folderOf(folder)?.uri);
  }

  /** Analyses the project of `folder`; calls for one folder run one after the other. */
  analyse(folder: string): Promise<ProjectResult> {
    const run = (this.queue.get(folder) ?? Promise.resolve()).then(
      () => this.compute(folder),
      () => this.compute(folder),
    );
    this.queue.set(folder, run);
    void run
      .finally(() => {
        if (this.queue.get(folder) === run) this.queue.delete(folder);
      })
      .catch(() => undefined);
    return run;
  }

  /** The last result for `folder`, if any (for the files it covered). */
  last(folder: string): ProjectResult | undefined {
    return this.memo.get(folder);
  }

  /** Drops the cached result and parses of a project nobody shows any more. */
  forget(folder: string): void {
    const last = this.memo.get(folder);
    if (last) for (const file of last.inputs.keys()) this.host.analyzer.forget(file);
    this.memo.delete(folder);
  }

  /** Compose files of the folder: compose names on disk, plus open compose documents there. */
  async composeFiles(folder: string, settings: Settings): Promise<string[]> {
    const { documents, disk } = this.host;
    const files = new Set((await disk.list(folder)).filter((f) => isComposeFileName(f, settings.files)));
    for (const document of documents.inFolder(folder)) {
      const file = uriToPath(document.uri);
      if (file && documents.isCompose(document, settings.files)) files.add(file);
    }
    return composeOrder([...files].filter((f) => path.dirname(f) === folder));
  }

  private stamp(file: string): string | undefined {
    const document = this.host.documents.byPath(file);
    return document ? `v${document.version}` : this.host.disk.stamp(file);
  }

  /** Reads what one analysis of the project needs: its files, and what they mount or name. */
  private gather(folder: string, settings: Settings, composeFiles: string[]): Gathered {
    const { documents, disk } = this.host;
    const inputs = new Map<string, string | undefined>();
    const lines = new Map<string, LineMap>();
    const versions = new Map<string, number>();
    const read = (file: string): string | undefined => {
      const document = documents.byPath(file);
      if (document) {
        inputs.set(file, `v${document.version}`);
        versions.set(document.uri, document.version);
        lines.set(file, document);
        return document.getText();
      }
      const text = disk.read(file);
      inputs.set(file, disk.stamp(file));
      if (text !== undefined) lines.set(file, lineMap(text));
      return text;
    };
    const source = (file: string): SourceFile[] => {
      const text = read(file);
      return text === undefined ? [] : [{ file, text }];
    };

    const files = composeFiles.flatMap(source);
    const staticFiles: SourceFile[] = [];
    if (settings.traefik.staticConfig) {
      const base = this.host.folders.folderOf(folder)?.path ?? folder;
      const file = path.resolve(base, settings.traefik.staticConfig);
      staticFiles.push(...source(file));
      if (staticFiles.length === 0) this.host.log(`gatewayLens.traefik.staticConfig: cannot read ${file}`);
    }

    return {
      inputs,
      lines,
      versions,
      read,
      input: { files, staticFiles, options: analysisOptions(settings), readFile: (file) => read(path.normalize(file)) },
    };
  }

  /**
   * The parsed project of the folder holding `file`, without running the checks: what
   * completion, hover and navigation need, answered from the same parse caches.
   */
  async model(file: string): Promise<{ project: Project; lines: (file: string) => LineMap | undefined } | undefined> {
    const folder = path.dirname(file);
    const settings = await this.settingsFor(folder);
    const composeFiles = await this.composeFiles(folder, settings);
    if (!composeFiles.includes(file)) composeFiles.push(file);
    const gathered = this.gather(folder, settings, composeFiles);
    const project = this.host.analyzer.project(gathered.input);
    return {
      project,
      lines: (f) => gathered.lines.get(f) ?? (gathered.read(f) !== undefined ? gathered.lines.get(f) : undefined),
    };
  }

  private async compute(folder: string): Promise<ProjectResult> {
    const settings = await this.settingsFor(folder);
    const composeFiles = await this.composeFiles(folder, settings);
    const memo = this.memo.get(folder);
    if (memo && memo.settings === settings && sameInputs(memo, composeFiles, (f) => this.stamp(f))) return memo;

    const { documents } = this.host;
    const { inputs, lines, versions, read, input } = this.gather(folder, settings, composeFiles);
    const { files } = input;
    const staticFiles = input.staticFiles ?? [];
    let findings: Finding[];
    try {
      findings = this.host.analyzer.analyze(input).findings;
    } catch (err) {
      // The core failed as a whole: say so on the project's first file instead of going quiet.
      this.host.log(`Analysis of ${folder} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      findings = files.slice(0, 1).map((first) => ({
        code: 'internal-error',
        severity: 'info',
        message: `Gateway Lens could not analyse this project: ${err instanceof Error ? err.message : String(err)}`,
        file: first.file,
        range: { start: 0, end: 0 },
      }));
    }

    const diagnostics = new Map<string, Diagnostic[]>();
    for (const file of [...composeFiles, ...staticFiles.map((f) => f.file)]) {
      if (lines.has(file)) diagnostics.set(documents.uriOf(file), []);
    }
    const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
    const ctx = {
      lines: (file: string): LineMap | undefined =>
        lines.get(file) ?? (read(file) !== undefined ? lines.get(file) : undefined),
      uri: (file: string): string => documents.uriOf(file),
    };
    for (const finding of findings) {
      // A suppression comment covers it: the editor shows nothing, as eslint does.
      if (finding.suppressed) continue;
      const uri = documents.uriOf(finding.file);
      let list = diagnostics.get(uri);
      if (!list) diagnostics.set(uri, (list = []));
      list.push(toDiagnostic(finding, ctx));
      if (finding.severity === 'error') counts.errors++;
      else if (finding.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    const result: ProjectResult = {
      folder,
      diagnostics,
      versions,
      counts,
      resultId: `${++results}`,
      inputs,
      composeFiles,
      settings,
    };
    if (memo) for (const file of memo.inputs.keys()) if (!inputs.has(file)) this.host.analyzer.forget(file);
    this.memo.set(folder, result);
    return result;
  }
}

/** The same compose files, and every file read then is unchanged now. */
function sameInputs(memo: ProjectResult, composeFiles: string[], stamp: (file: string) => string | undefined): boolean {
  if (memo.composeFiles.length !== composeFiles.length) return false;
  if (memo.composeFiles.some((f, i) => f !== composeFiles[i])) return false;
  for (const [file, was] of memo.inputs) if (stamp(file) !== was) return false;
  return true;
}
