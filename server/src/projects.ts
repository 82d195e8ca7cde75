// A compose project as the server analyses it: the files docker compose loads together (open
// documents' text over the disk's), the static config the settings name, and the files the
// core reads (a mounted traefik.yml). A folder's default project is what `docker compose` run
// there loads (COMPOSE_FILE from its .env, else the first default name and its override); any
// other compose file of the folder is a project of its own, as `docker compose -f that-file`
// loads it. A project is keyed by its folder (the default one) or by its file (one alone).
// Results are memoised until one of those inputs changes, so the pull requests for every open
// file of a project share one analysis.
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import {
  Analyzer,
  configCandidates,
  configStaticFile,
  INTERNAL_ERROR,
  type Finding,
  type GatewayLensConfig,
  type Project,
  type ProjectInput,
  type SourceFile,
} from './analysis';
import { parseDotenv } from './analysis/compose/env';
import {
  activeProfiles,
  agreedFindings,
  defaultProjectAbove,
  folderDefaultFiles,
  folderProjects,
  fragmentsOver,
  isOverrideFragment,
  withSiblingFragments,
  type FolderFiles,
} from './analysis/compose/project';
import type { Access, Boundary } from './boundary';
import { codeLinks } from './codeDocs';
import { lineMap, toDiagnostic, type LineMap } from './convert';
import { uriToPath, type Documents } from './documents';
import type { ProblemCounts } from './protocol';
import { analysisOptions, type Settings, type SettingsCache } from './settings';
import { isComposeFileName, type DiskFiles, type WorkspaceFolders } from './workspace';
import { listFolder } from './readText';
import { definedNames, settledElsewhere } from './analysis/checks/references';
import { describe, errorMessage } from './analysis/errors';
import {
  hostTraefikFor,
  mayRunTraefik,
  traefikOffer,
  wantsHostTraefik,
  type HostTraefik,
  type TraefikOffer,
} from './analysis/traefik/hostTraefik';
import { workspaceVersion } from './analysis/traefik/version';
import { scanComposeFolders, type ScanLimits } from './workspaceCheck';

export interface ProjectResult {
  /** The project's key: its folder (the folder's default project), or its one compose file. */
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
  /** The project the findings came from: what authoring requests answer from (absent when the core failed). */
  project?: Project;
  /** What the analysis found: the hover explains the ones under the cursor. */
  findings: Finding[];
  /** What the analysis read (fix-all analyses variants of it). */
  input: ProjectInput;
  lines(file: string): LineMap | undefined;
}

/** The parsed project of a compose file and the line maps of the files it read. */
export interface ProjectModel {
  project: Project;
  /** The findings of the analysis the diagnostics show ([] when the checks failed as a whole). */
  findings: Finding[];
  /** What the project was built from (fix-all analyses variants of it). */
  input: ProjectInput;
  lines: (file: string) => LineMap | undefined;
}

/** The docs/codes.md section of a code, the link each diagnostic's code opens. */
export const codeUrl = codeLinks();

/** How many folders above a dynamic file are searched for the project that reads it. */
const MAX_OWNER_DEPTH = 6;

/** How deep below a fragment's base folder, and how many folders, the other fragments are looked for. */
const SIBLING_DEPTH = 6;
const SIBLING_FOLDERS = 300;

/** A compose text that may define a middleware or service by labels (worth a look for other projects). */
const DEFINES = /traefik\.(http|tcp|udp)\.(middlewares|services)\./;

/** The search for a workspace folder's Traefik projects reads this much at most. */
const TRAEFIK_SEARCH: ScanLimits = { directories: 1000, depth: 6, projects: 200 };

/** Stamp of a file the boundary kept out: the memo is cleared when trust or folders change. */
const REFUSED = 'refused';

export interface ProjectsHost {
  analyzer: Analyzer;
  documents: Documents;
  disk: DiskFiles;
  folders: WorkspaceFolders;
  settings: SettingsCache;
  boundary: Boundary;
  log(message: string): void;
}

interface Gathered {
  inputs: Map<string, string | undefined>;
  lines: Map<string, LineMap>;
  versions: Map<string, number>;
  read(file: string, access?: Access): string | undefined;
  input: ProjectInput;
}

let results = 0;

export class Projects {
  private memo = new Map<string, ProjectResult>();
  private queue = new Map<string, Promise<unknown>>();
  /** Refusals already logged, so each is said once. */
  private refusals = new Set<string>();
  /** Compose files of another folder a project loads (its include:, extends: file:): that project's folder. */
  private owners = new Map<string, string>();
  /** Per folder whose Traefik image names a major version: the version and why (for the other projects). */
  private traefikVersions = new Map<string, { version: 'v2' | 'v3'; why: string }>();
  /**
   * Traefik's own files (static configuration, the file provider's files) by the project whose
   * last analysis read them: kept when that project is forgotten, as the role of the file.
   */
  private traefikFiles = new Map<string, string>();
  /**
   * Looks-ups under way of the project loading a just-opened file (Validation.documentOpened):
   * a request for that file waits for it, so it answers from the including project at once.
   */
  private lookups = new Map<string, Promise<unknown>>();
  /** Per project running Traefik: what the projects without one on its Docker host are judged with. */
  private traefikOffers = new Map<string, TraefikOffer>();
  /**
   * Bumped whenever traefikVersions or traefikOffers change: projects judged without a Traefik
   * may now be judged otherwise.
   */
  versionsGeneration = 0;
  /** Per workspace folder: the search for its Traefik projects (findTraefiks), made once. */
  private traefikSearches = new Map<string, Promise<void>>();
  /**
   * Per project: the middlewares and services it defines (definedNames) and its files, for the
   * other projects of its workspace folder (one Docker host), as `check` there settles them.
   */
  private definitions = new Map<string, { files: string[]; middlewares: string[]; services: string[] }>();
  /** Projects whose analysis had a finding another project may settle (settledElsewhere). */
  private hedged = new Set<string>();

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

  /**
   * The project a compose file belongs to: the last analysed project that includes or extends it
   * (compose never runs such a file alone), else its folder's default project when it is one of
   * that project's files, else the file's own project (its path is the key).
   */
  projectOf(file: string): string {
    const owner = this.owners.get(file);
    if (owner !== undefined) return owner;
    const folder = path.dirname(file);
    return this.defaultFiles(folder).includes(file) ? folder : file;
  }

  /** The folder of a project: its key, or the folder of the one file a project alone is keyed by. */
  dirOf(key: string): string {
    return this.isFile(key) ? path.dirname(key) : key;
  }

  private isFile(file: string): boolean {
    return this.host.documents.byPath(file) !== undefined || this.host.disk.stamp(file) !== undefined;
  }

  /**
   * What `docker compose` run in `folder` loads (compose/project/files.ts, as the CLI does with no
   * file argument): COMPOSE_FILE from the folder's .env (the editor knows no shell), else the first
   * default name and its override, in that folder only.
   */
  private defaultFiles(folder: string): string[] {
    const { documents, disk, boundary } = this.host;
    const exists = (f: string): boolean =>
      documents.byPath(f) !== undefined || (boundary.allows(f, 'project') && disk.stamp(f) !== undefined);
    const dotenv = path.join(folder, '.env');
    let values: Map<string, string> | undefined;
    const env = (name: string): string | undefined => {
      if (!values) {
        const text = exists(dotenv) ? (documents.byPath(dotenv)?.getText() ?? disk.read(dotenv)) : undefined;
        values = text === undefined ? new Map() : parseDotenv(dotenv, text).values;
      }
      return values.get(name);
    };
    return folderDefaultFiles(folder, env, exists);
  }

  /** The projects of a folder's compose files: its default project, and each other file's own. */
  async projectsIn(folder: string, settings: Settings): Promise<string[]> {
    const keys = (await this.composeFiles(folder, settings)).length > 0 ? [folder] : [];
    for (const file of await this.listed(folder, settings)) if (this.projectOf(file) === file) keys.push(file);
    return keys;
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
    ownedBy(this.owners, folder, undefined, () => true);
  }

  /** Trust or the workspace folders changed: what may be read changed, so nothing memoised holds. */
  reset(): void {
    for (const folder of [...this.memo.keys()]) this.forget(folder);
    this.refusals.clear();
    this.traefikFiles.clear();
    if (this.traefikOffers.size > 0) this.versionsGeneration++;
    this.traefikOffers.clear();
    this.traefikSearches.clear();
    this.definitions.clear();
    this.hedged.clear();
  }

  /**
   * The file of `uri` when authoring requests answer for it: an open compose document (by
   * language and name), a compose file of the project on disk the boundary lets us read, or a
   * file some project reads as a compose file under another name (`include:` traefik/labels.yml,
   * `extends: file:` common/base.yaml). Anything else (a README, /etc/passwd) gets no answer.
   */
  async composeFileOf(uri: string): Promise<string | undefined> {
    const file = uriToPath(uri);
    if (!file) return undefined;
    const settings = await this.settingsFor(path.dirname(file));
    const document = this.host.documents.get(uri) ?? this.host.documents.byPath(file);
    if (document ? this.host.documents.isCompose(document, settings.files) : isComposeFileName(file, settings.files))
      return document || this.host.boundary.allows(file, 'project') ? file : undefined;
    return (await this.loaderOf(file)) === undefined ? undefined : file;
  }

  /**
   * The key of the project that reads `file` as a compose file though no compose name makes it
   * one (`include:` traefik/labels.yml, `extends: file:` common/base.yaml): the project that
   * loaded it first, else one found by the walk up its folders.
   */
  loaderOf(file: string): Promise<string | undefined> {
    return this.reader(file, (r) => readsAsCompose(r, file));
  }

  /**
   * The key of the default project of a folder at or above `file`'s, up to the workspace folder,
   * that includes or extends it without counting it among its own compose files, as the CLI's
   * cli/owner.ts loadingProject finds it (compose-go loader/include.go: an included file runs in
   * the including project). Analysing it records it as the file's owner, so a compose file opened
   * before its loading project was analysed shows that project's findings from the first publish.
   */
  async ownerOf(file: string): Promise<string | undefined> {
    const root = this.host.folders.folderOf(path.dirname(file))?.path;
    let folder = path.dirname(file);
    for (let depth = 0; root !== undefined && depth < MAX_OWNER_DEPTH; depth++) {
      const known = this.owners.get(file);
      if (known !== undefined) return known;
      const defaults = this.defaultFiles(folder);
      if (defaults.length > 0 && !defaults.includes(file)) {
        const result = await this.analyse(folder);
        if (!result.composeFiles.includes(file) && readsAsCompose(result, file)) return this.owners.get(file) ?? folder;
      }
      if (folder === root || path.dirname(folder) === folder) break;
      folder = path.dirname(folder);
    }
    return this.owners.get(file);
  }

  /** Registers a look-up of the project loading `file` (ownerOf after didOpen): model(file) waits for it. */
  lookingUp(file: string, lookup: Promise<unknown>): void {
    this.lookups.set(file, lookup);
    const done = (): void => {
      if (this.lookups.get(file) === lookup) this.lookups.delete(file);
    };
    lookup.then(done, done);
  }

  /** Whether the last analysis of some project read `file` as its static configuration or a file provider's file. */
  readByTraefik(file: string): boolean {
    return this.traefikFiles.has(file);
  }

  /** The project that loaded `file` when it is no project of its own (an included or extended file), if analysed. */
  loadedBy(file: string): string | undefined {
    return this.owners.get(file);
  }

  /**
   * The compose file of the project whose file provider reads `uri` (a dynamic configuration
   * file, `providers.file.filename` or a file of `providers.file.directory` through the Traefik
   * service's volumes), so authoring requests in it answer from that project.
   */
  async dynamicOwnerOf(uri: string): Promise<string | undefined> {
    const file = uriToPath(uri);
    const key = file && (await this.reader(file, (r) => r.project?.fileProvider.files.some((f) => f.file === file)));
    return key === undefined ? undefined : this.memo.get(key)?.composeFiles[0];
  }

  /**
   * The key of a project that `reads` a file no compose name makes a project's: an analysed
   * project is asked first (the one that loaded it, then any); else the folders above the file that hold compose files, up to the
   * workspace folder (a bounded walk).
   */
  private async reader(file: string, reads: (r: ProjectResult) => boolean | undefined): Promise<string | undefined> {
    const owner = this.memo.get(this.owners.get(file) ?? '');
    if (owner && reads(owner)) return owner.folder;
    for (const result of this.memo.values()) if (reads(result)) return result.folder;
    const root = this.host.folders.folderOf(path.dirname(file))?.path;
    let folder = path.dirname(file);
    for (let depth = 0; root !== undefined && depth < MAX_OWNER_DEPTH; depth++) {
      // A project memoised meanwhile (the listing awaits) is asked, not analysed again.
      for (const key of await this.projectsIn(folder, await this.settingsFor(folder))) {
        const result = this.memo.get(key) ?? (await this.analyse(key));
        if (reads(result)) return key;
      }
      if (folder === root || path.dirname(folder) === folder) break;
      folder = path.dirname(folder);
    }
    return undefined;
  }

  /**
   * The compose files of the project `key`, in merge order, as the CLI's check groups a folder
   * (compose/project/files.ts folderProjects): the folder's default files, less those another
   * project loads; or the one file of a project alone, over the folder's base file when it is an
   * override fragment.
   */
  async composeFiles(key: string, settings: Settings): Promise<string[]> {
    const alone = this.isFile(key);
    const folder = alone ? path.dirname(key) : key;
    if (alone && (this.projectOf(key) !== key || !(await this.listed(folder, settings)).includes(key))) return [];
    const defaults = this.defaultFiles(folder);
    const [project] = folderProjects(
      alone ? [key] : defaults,
      defaults,
      (f) => this.fragment(f),
      (f) => this.servicesOf(f),
    );
    const files = project?.files ?? [];
    // A fragment alone (compose refuses it so): over the nearest default project above, as `check DIR` does.
    const base = files.length === 1 && this.fragment(files[0]) ? this.above(folder) : [];
    if (base.length > 0) return [...base, files[0]];
    return alone ? files : files.filter((f) => (this.owners.get(f) ?? key) === key);
  }

  /** The default project of the nearest folder above `folder`, within its workspace folder (cli/groups.ts). */
  private above(folder: string): string[] {
    return defaultProjectAbove(folder, this.host.folders.folderOf(folder)?.path, (dir) => this.defaultFiles(dir));
  }

  /**
   * The base and the fragment of a project whose compose files are a fragment over a base (the
   * folder's base file, or the default project above), else undefined.
   */
  private fragmentSet(composeFiles: string[]): { base: string[]; fragment: string } | undefined {
    const fragment = composeFiles.at(-1);
    if (composeFiles.length < 2 || fragment === undefined || !this.fragment(fragment)) return undefined;
    const folder = path.dirname(fragment);
    const defaults = this.defaultFiles(folder);
    if (defaults.includes(fragment)) {
      // Its folder's default project alone: over the one above.
      const above = this.above(folder);
      return defaults.length === 1 && above.length === composeFiles.length - 1 ? { base: above, fragment } : undefined;
    }
    const base = composeFiles.slice(0, -1);
    return defaults.length > 0 && base.every((f, i) => f === defaults[i]) ? { base, fragment } : undefined;
  }

  /**
   * The other fragments over the same base as `set` (compose/project/fragments.ts), as the CLI's
   * `check DIR` finds them: a file of the base's folder over its base file, a fragment alone in a
   * folder below going over that base. A bounded walk, breadth first, skipping node_modules and
   * dot-folders as the CLI's walk does.
   */
  private async siblingFragments(set: { base: string[]; fragment: string }, settings: Settings): Promise<string[]> {
    const folders: FolderFiles[] = [];
    let level = [path.dirname(set.base[0])];
    let read = 0;
    for (let depth = 0; level.length > 0 && depth <= SIBLING_DEPTH; depth++) {
      const next: string[] = [];
      for (const dir of level) {
        if (++read > SIBLING_FOLDERS || !this.host.boundary.allows(dir, 'project')) continue;
        folders.push({ folder: dir, listed: await this.listed(dir, settings), defaults: this.defaultFiles(dir) });
        let entries: fs.Dirent[] = [];
        try {
          entries = await fs.promises.readdir(dir, { withFileTypes: true });
        } catch {
          // An unreadable folder holds no fragment we can know.
        }
        for (const e of entries)
          if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
            next.push(path.join(dir, e.name));
      }
      level = next.sort();
    }
    const found = fragmentsOver(
      set.base,
      folders,
      (f) => this.fragment(f),
      (dir) => this.above(dir),
      (f) => this.servicesOf(f),
    );
    return found.filter((f) => f !== set.fragment);
  }

  /** The names of the services a compose file writes. */
  private servicesOf(file: string): string[] {
    return this.parsed(file)?.services.map((s) => s.name) ?? [];
  }

  /** The compose file parsed, undefined when it cannot be (no text, or text that is no string: the analysis reports it). */
  private parsed(file: string): ReturnType<Analyzer['parse']> | undefined {
    const text = this.host.documents.byPath(file)?.getText() ?? this.host.disk.read(file);
    if (typeof text !== 'string') return undefined;
    try {
      return this.host.analyzer.parse({ file, text });
    } catch {
      return undefined;
    }
  }

  /** Whether the file is an override fragment (a service without image, build or extends). */
  private fragment(file: string): boolean {
    const parsed = this.parsed(file);
    return parsed !== undefined && isOverrideFragment(parsed);
  }

  /** Compose files of the folder: compose names on disk, plus open compose documents there. */
  private async listed(folder: string, settings: Settings): Promise<string[]> {
    const { documents, disk, boundary } = this.host;
    const listed = boundary.allows(folder, 'project') ? await disk.list(folder) : [];
    const globs = [...settings.files, ...this.configGlobs(folder)];
    const files = new Set(listed.filter((f) => isComposeFileName(f, globs)));
    for (const document of documents.inFolder(folder)) {
      const file = uriToPath(document.uri);
      if (file && documents.isCompose(document, settings.files)) files.add(file);
    }
    return [...files].filter((f) => path.dirname(f) === folder);
  }

  private stamp(file: string): string | undefined {
    if (isListingKey(file)) return listingStamp(listFolder(file.slice(0, -1)));
    const document = this.host.documents.byPath(file);
    return document ? this.host.documents.stamp(document) : this.host.disk.stamp(file);
  }

  /** Reads what one analysis of the project needs: its files, and what they mount or name. */
  private gather(folder: string, settings: Settings, composeFiles: string[]): Gathered {
    const { documents, disk } = this.host;
    const inputs = new Map<string, string | undefined>();
    const lines = new Map<string, LineMap>();
    const versions = new Map<string, number>();
    const read = (file: string, access: Access = 'mount'): string | undefined => {
      const document = documents.byPath(file);
      // An open compose document's text comes from the editor; anything else crosses the boundary.
      if (!(document && access === 'project') && !this.host.boundary.allows(file, access)) {
        this.refused(file, access);
        inputs.set(file, REFUSED);
        return undefined;
      }
      if (document) {
        inputs.set(file, documents.stamp(document));
        versions.set(document.uri, document.version);
        lines.set(file, document);
        return document.getText();
      }
      const text = disk.read(file);
      inputs.set(file, disk.stamp(file));
      if (text !== undefined) lines.set(file, lineMap(text));
      return text;
    };
    // A directory the file provider reads is an input too: a file added or removed there
    // changes what Traefik loads (its listing is stamped under `<dir>/`).
    const list = (dir: string): ReturnType<typeof listFolder> => {
      if (!this.host.boundary.allows(dir, 'mount')) return undefined;
      const entries = listFolder(dir);
      inputs.set(listingKey(dir), listingStamp(entries));
      return entries;
    };
    const source = (file: string, access: Access): SourceFile[] => {
      const text = read(file, access);
      return text === undefined ? [] : [{ file, text }];
    };

    const files = composeFiles.flatMap((f) => source(f, 'project'));
    // The nearest .gateway-lens.yaml up to the workspace folder; every candidate's stamp is kept,
    // so creating, editing or deleting one re-analyses the project.
    const config = this.configCandidates(folder)
      .map((file) => ({ file, text: read(file, 'project') }))
      .find((c): c is SourceFile => c.text !== undefined);
    const staticFiles: SourceFile[] = [];
    const named = configStaticFile(config && this.host.analyzer.config(config).config);
    if (named) {
      staticFiles.push(...source(named, 'mount'));
      if (staticFiles.length === 0) this.host.log(`traefik.staticConfig in ${config!.file}: cannot read ${named}`);
    } else if (settings.traefik.staticConfig) {
      const base = this.host.folders.folderOf(folder)?.path ?? folder;
      const file = path.resolve(base, settings.traefik.staticConfig);
      staticFiles.push(...source(file, 'setting'));
      if (staticFiles.length === 0) this.host.log(`gatewayLens.traefik.staticConfig: cannot read ${file}`);
    }

    // The project folder's .env, as compose reads it for interpolation (its stamp is kept, so
    // creating, editing or deleting it re-analyses the project). The editor knows no shell.
    const dotenv = source(path.join(folder, '.env'), 'project');

    return {
      inputs,
      lines,
      versions,
      read,
      input: {
        files,
        staticFiles,
        options: analysisOptions(settings),
        readFile: (file) => read(path.normalize(file)),
        refused: (file) => inputs.get(path.normalize(file)) === REFUSED,
        listDir: (dir) => list(path.normalize(dir)),
        runRoot: this.host.folders.folderOf(folder)?.path,
        config,
        // gatewayLens.compose.profiles, else COMPOSE_PROFILES in the project folder's .env.
        profiles: activeProfiles(settings.compose.profiles, (name) =>
          name === 'COMPOSE_PROFILES' ? dotenvValue(read, folder, name) : undefined,
        ),
        environment: { files: dotenv },
      },
    };
  }

  /** Where the config file may be: the folder, then each parent up to the workspace folder. */
  private configCandidates(folder: string): string[] {
    return configCandidates(folder, this.host.folders.folderOf(folder)?.path ?? folder);
  }

  /** The config file's `files` globs, made absolute (they are relative to the config file). */
  private configGlobs(folder: string): string[] {
    const { documents, disk } = this.host;
    for (const file of this.configCandidates(folder)) {
      const text = documents.byPath(file)?.getText() ?? disk.read(file);
      if (text === undefined) continue;
      const config: GatewayLensConfig = this.host.analyzer.config({ file, text }).config;
      const base = path.dirname(file).replace(/\\/g, '/');
      return config.files.map((g) => `${base}/${g.replace(/^\.\//, '')}`);
    }
    return [];
  }

  /**
   * The analysed project of the compose file `file` (see composeFileOf): what completion, hover
   * and navigation answer from. It is the memoised analysis the diagnostics use, so a request
   * after an edit shares that one incremental run instead of building the project again.
   */
  async model(file: string): Promise<ProjectModel | undefined> {
    // Just opened and perhaps included by a project not analysed yet: its owner decides.
    await this.lookups.get(file)?.catch(() => undefined);
    let key = this.projectOf(file);
    let result = await this.analyse(key);
    if (!result.composeFiles.includes(file) && !readsAsCompose(result, file)) {
      // A file read under another name by a project that does not own it (the first to load it does).
      const other = [...this.memo.values()].find((r) => readsAsCompose(r, file));
      if (!other) return undefined;
      key = other.folder;
      result = await this.analyse(key);
      if (!readsAsCompose(result, file)) return undefined;
    }
    if (result.project)
      return { project: result.project, findings: result.findings, input: result.input, lines: result.lines };
    // The checks failed as a whole: the project alone may still build.
    const gathered = this.gather(this.dirOf(key), result.settings, result.composeFiles);
    return {
      project: this.host.analyzer.project(gathered.input),
      findings: [],
      input: gathered.input,
      lines: lineReader(gathered),
    };
  }

  private refused(file: string, access: Access): void {
    const key = `${access}:${file}`;
    if (this.refusals.has(key)) return;
    this.refusals.add(key);
    this.host.log(`Gateway Lens: ${this.host.boundary.refusal(file, access)}.`);
  }

  private async compute(key: string): Promise<ProjectResult> {
    const settings = await this.settingsFor(key);
    const composeFiles = await this.composeFiles(key, settings);
    const memo = this.memo.get(key);
    const workspaceVersion = this.workspaceVersion(key);
    const folder = this.dirOf(key);
    // The host's Traefik as the last analysis of the project decides it (its networks, its own Traefik).
    const host = memo?.project && this.hostTraefik(key, memo.project);
    if (
      memo &&
      memo.settings === settings &&
      sameInputs(memo, composeFiles, (f) => this.stamp(f)) &&
      JSON.stringify(memo.input.options?.workspaceVersion) === JSON.stringify(workspaceVersion) &&
      sameHost(memo.input.options?.traefikElsewhere, host) &&
      JSON.stringify(memo.input.options?.elsewhere) ===
        JSON.stringify(this.hedged.has(key) && memo.project ? this.elsewhereFor(key, memo.project) : undefined)
    )
      return memo;

    const { documents } = this.host;
    // Compose's project directory is the first file's folder: the base's, for a fragment over one above.
    const projectDir = composeFiles.length > 0 ? path.dirname(composeFiles[0]) : folder;
    const { inputs, lines, versions, read, input } = this.gather(projectDir, settings, composeFiles);
    if (workspaceVersion) input.options = { ...input.options, workspaceVersion };
    const { files } = input;
    const staticFiles = input.staticFiles ?? [];
    let findings: Finding[];
    let project: Project | undefined;
    try {
      ({ findings, project } = await this.analyseWithHost(key, input, host));
      // What another project of the workspace folder defines settles "unless another compose
      // project defines it", as in `check` there (cli/elsewhere.ts).
      this.hedged.delete(key);
      if (findings.some(settledElsewhere)) {
        this.hedged.add(key);
        await this.findTraefiks(key);
        const elsewhere = this.elsewhereFor(key, project);
        if (elsewhere) {
          input.options = { ...input.options, elsewhere };
          ({ findings, project } = this.host.analyzer.analyze(input));
        }
      }
      const set = this.fragmentSet(composeFiles);
      const siblings = set ? await this.siblingFragments(set, settings) : [];
      if (set && siblings.length > 0) {
        // What holds with every other fragment over the base too (compose/project/fragments.ts).
        const files = withSiblingFragments(set.base, set.fragment, siblings).flatMap((f) => {
          const text = read(f, 'project');
          return text === undefined ? [] : [{ file: f, text }];
        });
        const merged = this.host.analyzer.analyze({ ...input, files });
        findings = agreedFindings(findings, merged.findings, set.fragment);
      }
    } catch (err) {
      // The core failed as a whole: say so on the project's first file instead of going quiet.
      this.host.log(`Analysis of ${key} failed: ${describe(err)}`);
      findings = files.slice(0, 1).map((first) => ({
        code: 'internal-error',
        severity: 'info',
        message: `Gateway Lens could not analyse this project: ${errorMessage(err)}`,
        explanation: INTERNAL_ERROR,
        file: first.file,
        range: { start: 0, end: 0 },
      }));
    }

    // Another folder's file is this project's; one of this folder when the default project
    // includes or extends it, or when it is no compose file of the folder (an alternative file
    // extending another compose file leaves that one its own).
    const listed = key === folder ? [] : await this.listed(folder, settings);
    const own = (f: string): boolean =>
      composeFiles.includes(f) ||
      (path.dirname(f) === folder && (key !== folder ? listed.includes(f) : this.defaultFiles(folder).includes(f)));
    ownedBy(this.owners, key, project, own);
    // A compose file of another project this one loads (the base under an override fragment, a
    // file an alternative extends) shows that project's findings: two projects never fight over it.
    const foreign = (file: string): boolean =>
      project?.files.some((f) => f.file === file) === true &&
      this.projectOf(file) !== key &&
      (composeFiles.includes(file) || path.dirname(file) === folder);
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const file of [
      ...composeFiles,
      ...(project?.files.map((f) => f.file) ?? []),
      ...staticFiles.map((f) => f.file),
      ...(input.config ? [input.config.file] : []),
    ]) {
      if (lines.has(file) && !foreign(file)) diagnostics.set(documents.uriOf(file), []);
    }
    const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
    const ctx = {
      lines: (file: string): LineMap | undefined =>
        lines.get(file) ?? (read(file) !== undefined ? lines.get(file) : undefined),
      uri: (file: string): string => documents.uriOf(file),
      codeUrl,
    };
    for (const finding of findings) {
      // A suppression comment covers it: the editor shows nothing, as eslint does.
      if (finding.suppressed || foreign(finding.file)) continue;
      const uri = documents.uriOf(finding.file);
      let list = diagnostics.get(uri);
      if (!list) diagnostics.set(uri, (list = []));
      list.push(toDiagnostic(finding, ctx));
      if (finding.severity === 'error') counts.errors++;
      else if (finding.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    const result: ProjectResult = {
      folder: key,
      diagnostics,
      versions,
      counts,
      resultId: `${++results}`,
      inputs,
      composeFiles,
      settings,
      project,
      findings,
      input,
      lines: ctx.lines,
    };
    if (memo) for (const file of memo.inputs.keys()) if (!inputs.has(file)) this.host.analyzer.forget(file);
    this.memo.set(key, result);
    // Either changes how the projects without a Traefik are judged: one new generation.
    if ([this.noteVersion(key, project), this.noteOffer(key, project), this.noteDefined(key, project)].includes(true))
      this.versionsGeneration++;
    for (const [file, owner] of this.traefikFiles) if (owner === key) this.traefikFiles.delete(file);
    for (const f of [...staticFiles, ...(project?.staticFiles ?? []), ...(project?.fileProvider.files ?? [])])
      this.traefikFiles.set(f.file, key);
    return result;
  }

  /** Remembers the major version this project's Traefik image names, for projects without one; true when it changed. */
  private noteVersion(folder: string, project: Project | undefined): boolean {
    const fact = project?.versionFact;
    const before = JSON.stringify(this.traefikVersions.get(folder));
    if (fact?.source === 'image') this.traefikVersions.set(folder, { version: fact.assumed, why: fact.why });
    else this.traefikVersions.delete(folder);
    return JSON.stringify(this.traefikVersions.get(folder)) !== before;
  }

  /**
   * The analysis of `input` judged with the host's Traefik: `host` as the last analysis decided
   * it, again when this analysis decides otherwise (the first one, or new networks).
   */
  private async analyseWithHost(key: string, input: ProjectInput, host: HostTraefik | undefined) {
    const analyzer = this.host.analyzer;
    if (host) input.options = { ...input.options, traefikElsewhere: host };
    const result = analyzer.analyze(input);
    let now = this.hostTraefik(key, result.project);
    // No Traefik known for it yet: the workspace folder's Traefik projects may not have been
    // opened (openFiles), yet `check` from there judges this project by them.
    if (!now && wantsHostTraefik(result.project)) {
      await this.findTraefiks(key);
      now = this.hostTraefik(key, result.project);
    }
    if (sameHost(now, host)) return result;
    input.options = { ...input.options, traefikElsewhere: now };
    return analyzer.analyze(input);
  }

  /**
   * Analyses, once per workspace folder, the projects there whose compose files may start Traefik
   * (mayRunTraefik), so their offers are known (noteOffer) to a project without one, as the CLI
   * run from that folder knows them.
   */
  private async findTraefiks(key: string): Promise<void> {
    const root = this.host.folders.folderOf(this.dirOf(key))?.path;
    if (root === undefined) return;
    let search = this.traefikSearches.get(root);
    if (!search) {
      search = this.searchTraefiks(root, key).catch((err: unknown) =>
        this.host.log(`Looking for Traefik projects in ${root} failed: ${describe(err)}`),
      );
      this.traefikSearches.set(root, search);
    }
    await search;
  }

  private async searchTraefiks(root: string, from: string): Promise<void> {
    const settings = await this.settingsFor(root);
    const scan = await scanComposeFolders(
      [root],
      () => settings.files,
      () => false,
      TRAEFIK_SEARCH,
    );
    for (const folder of scan.folders) {
      for (const key of await this.projectsIn(folder, settings)) {
        if (key === from || this.traefikOffers.has(key) || this.definitions.has(key) || this.memo.has(key)) continue;
        const files = await this.composeFiles(key, settings);
        const texts = files.map((f) => this.host.documents.byPath(f)?.getText() ?? this.host.disk.read(f) ?? '');
        if (files.length === 0 || !texts.some((t) => mayRunTraefik(t) || DEFINES.test(t))) continue;
        // The project as built for its analysis, without the checks (and without its queue, which
        // may be waiting for this search): what its Traefik offers is all that is wanted.
        const project = this.host.analyzer.project(this.gather(path.dirname(files[0]), settings, files).input);
        const changed = [this.noteVersion(key, project), this.noteOffer(key, project), this.noteDefined(key, project)];
        if (changed.includes(true)) this.versionsGeneration++;
      }
    }
  }

  /** Remembers what this project defines for the others of its workspace folder; true when it changed. */
  private noteDefined(key: string, project: Project | undefined): boolean {
    const before = JSON.stringify(this.definitions.get(key));
    if (project) {
      const files = [...project.files, ...project.load.extendsFiles].map((f) => f.file);
      const names = definedNames(project);
      if (names.middlewares.length > 0 || names.services.length > 0) this.definitions.set(key, { files, ...names });
      else this.definitions.delete(key);
    } else this.definitions.delete(key);
    return JSON.stringify(this.definitions.get(key)) !== before;
  }

  /**
   * What the other projects of the workspace folder define (not a variant sharing a compose file
   * with this one), as cli/elsewhere.ts gives it; undefined when they define nothing.
   */
  private elsewhereFor(key: string, project: Project): { middlewares: string[]; services: string[] } | undefined {
    const root = this.host.folders.folderOf(this.dirOf(key))?.path;
    if (root === undefined) return undefined;
    const own = new Set([...project.files, ...project.load.extendsFiles].map((f) => f.file));
    const middlewares = new Set<string>();
    const services = new Set<string>();
    for (const [other, defined] of this.definitions) {
      if (other === key || this.host.folders.folderOf(this.dirOf(other))?.path !== root) continue;
      if (defined.files.some((f) => own.has(f))) continue;
      for (const n of defined.middlewares) middlewares.add(n);
      for (const n of defined.services) services.add(n);
    }
    if (middlewares.size === 0 && services.size === 0) return undefined;
    return { middlewares: [...middlewares].sort(), services: [...services].sort() };
  }

  /** Whether the last analysis of the project had a finding another project may settle. */
  hedges(key: string): boolean {
    return this.hedged.has(key);
  }

  /** Remembers what this project's Traefik offers the projects without one (traefik/hostTraefik.ts); true when it changed. */
  private noteOffer(key: string, project: Project | undefined): boolean {
    const before = this.traefikOffers.get(key);
    const root = this.host.folders.folderOf(key)?.path ?? this.dirOf(key);
    const offer = project && traefikOffer(project, path.relative(root, project.files[0]?.file ?? key));
    if (offer) this.traefikOffers.set(key, offer);
    else this.traefikOffers.delete(key);
    const same =
      offer === before ||
      (offer !== undefined &&
        before !== undefined &&
        sameHost(offer.host, before.host) &&
        JSON.stringify(offer.networks) === JSON.stringify(before.networks));
    return !same;
  }

  /**
   * The Traefik of another project of the same workspace folder (one Docker host) that routes
   * `project`'s containers, when it runs none itself (hostTraefikFor); a variant of the project
   * (one sharing a compose file) is no other project.
   */
  private hostTraefik(key: string, project: Project): HostTraefik | undefined {
    const root = this.host.folders.folderOf(this.dirOf(key))?.path;
    if (root === undefined) return undefined;
    const own = new Set(project.files.map((f) => f.file));
    const offers = [...this.traefikOffers]
      .filter(([other]) => other !== key && this.host.folders.folderOf(this.dirOf(other))?.path === root)
      .filter(([other]) => !this.memo.get(other)?.project?.files.some((f) => own.has(f.file)))
      .map(([, offer]) => offer);
    return hostTraefikFor(project, offers);
  }

  /**
   * The version of the Traefik services in the other projects of the same workspace folder, when
   * they all name the same major (one Traefik serving several compose projects); else none.
   */
  private workspaceVersion(folder: string): { version: 'v2' | 'v3'; why: string } | undefined {
    const root = this.host.folders.folderOf(folder)?.path;
    if (root === undefined) return undefined;
    const others = [...this.traefikVersions].filter(
      ([other]) => other !== folder && this.host.folders.folderOf(other)?.path === root,
    );
    return workspaceVersion(
      others.map(([other, v]) => ({ ...v, where: path.relative(root, this.dirOf(other)) || '.' })),
    );
  }
}

/** The same host Traefik: the same static configuration and file provider view (new ones when its files change). */
function sameHost(a: HostTraefik | undefined, b: HostTraefik | undefined): boolean {
  return a?.staticConfig === b?.staticConfig && a?.where === b?.where && a?.fileProvider === b?.fileProvider;
}

/** Where a directory listing is kept among a project's inputs: the path with a trailing separator. */
export function listingKey(dir: string): string {
  return dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
}

function isListingKey(key: string): boolean {
  return key.endsWith(path.sep);
}

function listingStamp(entries: ReturnType<typeof listFolder>): string | undefined {
  return entries?.map((e) => `${e.name}${e.directory ? '/' : ''}`).join('\n');
}

/**
 * Records which files the project `key` loaded that are no project of its own: those of other
 * folders, and the files of its folder it includes or extends (not `own`: its own files and the
 * folder's default files).
 */
function ownedBy(
  owners: Map<string, string>,
  key: string,
  project: Project | undefined,
  own: (file: string) => boolean,
): void {
  for (const [file, owner] of owners) if (owner === key) owners.delete(file);
  if (!project) return;
  for (const f of [...project.files, ...project.load.extendsFiles]) {
    if (!own(f.file) && !owners.has(f.file)) owners.set(f.file, key);
  }
}

/** Whether the project reads `file` as a compose file: given, included, or read for `extends: file:`. */
export function readsAsCompose(result: ProjectResult, file: string): boolean {
  const project = result.project;
  return project !== undefined && [...project.files, ...project.load.extendsFiles].some((f) => f.file === file);
}

/** One variable of the folder's .env (read as a project file, so editing it re-analyses). */
function dotenvValue(read: Gathered['read'], folder: string, name: string): string | undefined {
  const file = path.join(folder, '.env');
  const text = read(file, 'project');
  return text === undefined ? undefined : parseDotenv(file, text).values.get(name);
}

function lineReader(gathered: Gathered): (file: string) => LineMap | undefined {
  return (f) => gathered.lines.get(f) ?? (gathered.read(f) !== undefined ? gathered.lines.get(f) : undefined);
}

/** The same compose files, and every file read then is unchanged now. */
function sameInputs(memo: ProjectResult, composeFiles: string[], stamp: (file: string) => string | undefined): boolean {
  if (memo.composeFiles.length !== composeFiles.length) return false;
  if (memo.composeFiles.some((f, i) => f !== composeFiles[i])) return false;
  for (const [file, was] of memo.inputs) if (was !== REFUSED && stamp(file) !== was) return false;
  return true;
}
