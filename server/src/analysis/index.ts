// The facade of the analysis core: verbs over parsed compose projects, no connection,
// no editor types. The language server, the CLI and the tests all come through here.
import * as path from 'path';
import { ComposeParser } from './compose/parse';
import { fileEnvironments, loadProject } from './compose/project';
import { projectName, readEnvironment, resolvedValue, type Environment, type EnvironmentInput } from './compose/env';
import { interpolateFiles, interpolateGroups, type InterpolationMemo } from './compose/interpolated';
import type { ComposeFile } from './compose/model';
import { otherVersion } from './checks/versions';
import { CHECKS } from './checks/registry';
import { CODES } from './checks/codes';
import { derivedTable, type AnalysisOptions, type Project } from './project';
import { Session, type CheckCounts, type EngineCounts, type EngineWork } from './session';
import type { DatabaseOptions } from './engine';
import { buildContainers, containerMemo } from './traefik/containers';
import { CompiledMatchers } from './rules/compiled';
import { LabelKeys } from './schema/labelKeys';
import type { SourceFile } from './traefik/staticConfig';
import { StaticReader } from './traefik/staticConfig/reader';
import { staticMajorKeys } from './traefik/staticConfig/majorKeys';
import type { DirEntry } from './traefik/fileProvider';
import { FileProviderReader } from './traefik/fileProvider/reader';
import { traefikVersion } from './traefik/version';
import { ConfigValidator, parseConfig, withConfig, type ParsedConfig } from './config';
import { applySuppressions } from './suppress';
import type { Finding } from './types';
import { errorMessage } from './errors';

export type { Finding, Range, Severity, Related } from './types';
export type { AnalysisOptions, Project, SeverityLevel } from './project';
export type { SourceFile } from './traefik/staticConfig';
export type { Environment, EnvironmentInput } from './compose/env';
export {
  CONFIG_FILE_NAMES,
  configCandidates,
  configSchema,
  configStaticFile,
  INVALID_CONFIG,
  withConfig,
  type GatewayLensConfig,
  type ParsedConfig,
} from './config';
export { CHECKS } from './checks/registry';
export { isTraefikConfiguration } from './traefik/configurationFile';
export { explainAt } from './explain';

export interface ProjectInput {
  /** Compose files of one project (one folder), in `-f` order. */
  files: SourceFile[];
  /** Static config files named explicitly (setting or --traefik-config). */
  staticFiles?: SourceFile[];
  options?: AnalysisOptions;
  /** Reads files the compose file points at (a mounted traefik.yml, a build's Dockerfile); absolute path in, text or undefined out. */
  readFile?: (absolutePath: string) => string | undefined;
  /** True for a path readFile was not allowed to read (it may exist): an include or extends file there is not missing. */
  refused?: (absolutePath: string) => boolean;
  /** Lists a folder (the file provider's directory); absolute path in, entries or undefined out. */
  listDir?: (absolutePath: string) => DirEntry[] | undefined;
  /** The project's .gateway-lens.yaml (found by the caller with configCandidates). */
  config?: SourceFile;
  /** Options given for this one run (command-line flags): they win over the config file. */
  override?: AnalysisOptions;
  /** `--project-directory`: where relative include and extends paths resolve (default: the first file's folder). */
  projectDirectory?: string;
  /** The run's root (the CLI's working folder, the editor's workspace folder): a .gitignore above the project counts up to it outside a git repository. */
  runRoot?: string;
  /** The active compose profiles (see compose/project/profiles.ts activeProfiles); none by default. */
  profiles?: string[];
  /** `-p` / `--project-name`: the project name, before COMPOSE_PROJECT_NAME and `name:` (compose/env/projectName.ts). */
  projectName?: string;
  /**
   * What compose interpolates with: the project folder's `.env` (the server and the CLI read it)
   * and, from the CLI, the process environment. Without it no variable is known.
   */
  environment?: EnvironmentInput | Environment;
}

export interface AnalysisResult {
  project: Project;
  findings: Finding[];
}

/** Keeps per-file parse caches between calls, so repeated analyses of edited files are cheap. */
export class Analyzer {
  private parsers = new Map<string, ComposeParser>();
  /** Per project (its first compose file): the static configuration's reader. */
  private statics = new Map<string, StaticReader>();
  /** Per project (its first compose file): the file provider's reader. */
  private fileProviders = new Map<string, FileProviderReader>();
  /** The engine: each check's findings, re-made only when what the check read changed. */
  private session: Session;
  /** The last config file parsed, by path, while its text is the same. */
  private configs = new Map<string, { text: string; parsed: ParsedConfig }>();
  private readonly configValidator = new ConfigValidator();
  /** Each parsed service's interpolated copy, and each one's container: kept while unchanged. */
  private readonly interpolated: InterpolationMemo = new WeakMap();
  /** The compiled matchers and Go regexps of every rule, middleware and constraint the engine judges. */
  private readonly matchers = new CompiledMatchers();
  /** What Traefik makes of each label key, per key shape. */
  private readonly labelKeys = new LabelKeys();
  private readonly containerMemo = containerMemo(this.matchers);

  /** `engine`: options of the analyser's engine (tests weaken it on purpose). */
  constructor(engine: DatabaseOptions = {}) {
    this.session = new Session({ matchers: this.matchers, labelKeys: this.labelKeys }, engine);
  }

  /** How often checks ran and how often their findings were reused, since this analyser was made. */
  checkCounts(): CheckCounts {
    const { runs, reused } = this.session.counters();
    return { runs, reused };
  }

  /** The engine's work since this analyser was made: check runs and reuses, router judgements, the revision. */
  engineCounters(): EngineCounts {
    return this.session.counters();
  }

  /** The engine's query runs and memo verifications by query name, since this analyser was made (the bench reads it). */
  engineWork(): EngineWork {
    return this.session.work();
  }

  /** The config file's settings and problems, parsed once per text. */
  config(source: SourceFile): ParsedConfig {
    const last = this.configs.get(source.file);
    if (last && last.text === source.text) return last.parsed;
    const parsed = parseConfig(source.file, source.text, this.configValidator);
    this.configs.set(source.file, { text: source.text, parsed });
    return parsed;
  }

  /** The environment, read again only when one of its texts or variables changed. */
  private env: { key: string; environment: Environment } | undefined;
  private environment(input: EnvironmentInput | Environment | undefined): Environment {
    // One read already (the CLI's, which also chose the files and profiles with it).
    if (input && 'lookup' in input) return input;
    const key = JSON.stringify([input?.files, input?.shell, input?.complete]);
    if (this.env?.key !== key) this.env = { key, environment: readEnvironment(input) };
    return this.env.environment;
  }

  parse(file: SourceFile): ComposeFile {
    // Inputs come from other processes (an LSP client): a text that is not one fails loudly here.
    if (typeof file.text !== 'string')
      throw new TypeError(`${file.file}: the text is a ${typeof file.text}, not a string`);
    let parser = this.parsers.get(file.file);
    if (!parser) {
      parser = new ComposeParser();
      this.parsers.set(file.file, parser);
    }
    return parser.parse(file.file, file.text);
  }

  forget(file: string): void {
    this.parsers.delete(file);
    this.statics.delete(file);
    this.fileProviders.delete(file);
    this.session.forget(file);
  }

  project(input: ProjectInput): Project {
    const readFile = input.readFile;
    const environment = this.environment(input.environment);
    const load = loadProject({
      files: input.files.map((f) => this.parse(f)),
      projectDirectory: input.projectDirectory,
      read: (file) => {
        const text = readFile?.(file);
        return text === undefined ? undefined : this.parse({ file, text });
      },
      refused: input.refused,
      profiles: input.profiles ?? [],
      environment,
      readText: readFile,
      runRoot: input.runRoot,
    });
    const environments = fileEnvironments(load, environment);
    const files = interpolateFiles(load.files, environments.of, this.interpolated);
    const options = {
      ...withConfig(input.options ?? {}, input.config && this.config(input.config).config),
      ...input.override,
    };
    const first = input.files[0]?.file ?? '';
    let reader = this.statics.get(first);
    if (!reader) this.statics.set(first, (reader = new StaticReader()));
    // Every service, started or not (the Traefik service is found among all, as before profiles).
    const services = interpolateGroups(
      load.services,
      [...load.files, ...load.extendsFiles],
      environments.of,
      this.interpolated,
    );
    const traefikProject = {
      directoryOf: load.directoryOf,
      services,
      extendsFiles: load.extendsFiles,
      resolve: (file: string, text: string) => resolvedValue(text, environments.of(file).lookup),
    };
    // A version an option or the workspace sets reads the static configuration of a Traefik whose image names none.
    const setVersion = options.version ?? options.workspaceVersion?.version;
    const own = reader.read({
      files,
      explicit: input.staticFiles ?? [],
      readFile: input.readFile,
      project: traefikProject,
      ...(setVersion ? { version: setVersion } : {}),
    });
    const traefik = own.service;
    // No Traefik here: the host's Traefik (another project's) judges these containers.
    const host = !traefik && !own.config.found ? options.traefikElsewhere : undefined;
    const { config, staticFiles, token } = host
      ? { config: host.staticConfig, staticFiles: [], token: host.staticKey }
      : own;
    const versionFact = traefikVersion({
      forced: options.version && { version: options.version, by: options.versionSource ?? 'an option' },
      service: traefik,
      staticKeys: () => staticMajorKeys(config, staticFiles, traefik),
      workspace: host?.version ?? options.workspaceVersion,
    });
    let fileReader = this.fileProviders.get(first);
    if (!fileReader) this.fileProviders.set(first, (fileReader = new FileProviderReader()));
    // The version every other check uses; unknown: the files are judged for both.
    const fileVersion = versionFact.source === 'unknown' ? undefined : versionFact.assumed;
    // The host's Traefik reads its own file provider, mounted in its project (pkg/provider/file).
    const fileProvider = host?.fileProvider ?? fileReader.read(config, token, traefik, input, fileVersion);
    const version = versionFact.assumed;
    const given = new Set(input.files.map((f) => f.file));
    const name = composeProjectName(
      load.files.filter((f) => given.has(f.file)),
      environment,
      input.projectDirectory,
      input.projectName,
    );
    const started = services.filter((s) => s.started);
    const containers = buildContainers(
      files,
      config,
      name.name,
      this.containerMemo,
      input.readFile,
      started,
      load.directoryOf,
    );
    const project = {
      name: name.name,
      nameSource: name.source,
      files,
      load,
      staticConfig: config,
      staticKey: token,
      staticFiles,
      traefikService: traefik,
      version,
      versionFact,
      containers,
      options,
      environment,
      includedEnvironments: environments.included,
    };
    return { ...project, fileProvider, derived: derivedTable({ matchers: this.matchers, labelKeys: this.labelKeys }) };
  }

  analyze(input: ProjectInput): AnalysisResult {
    const project = this.project(input);
    const findings: Finding[] = input.config ? [...this.config(input.config).findings] : [];
    const other = project.versionFact.source === 'unknown' ? otherVersion(project) : undefined;
    this.session.begin(project, other);
    for (const check of CHECKS) {
      try {
        findings.push(...this.session.findings(check, project, other));
      } catch (err) {
        // One failing check never hides the others' findings.
        const file = project.files[0]?.file ?? '';
        findings.push({
          code: 'internal-error',
          severity: 'info',
          message: `Gateway Lens check "${check.code}" failed: ${errorMessage(err)}`,
          explanation: INTERNAL_ERROR,
          file,
          range: { start: 0, end: 0 },
        });
      }
    }
    return { project, findings: capPerFile(finish(project, withoutHostFindings(project, findings))) };
  }
}

/** Findings in the files of the host's Traefik project are that project's own, not this one's. */
function withoutHostFindings(project: Project, findings: Finding[]): Finding[] {
  const host = project.options.traefikElsewhere;
  if (!host || project.staticConfig !== host.staticConfig) return findings;
  const theirs = new Set(host.files);
  return findings.filter((f) => !theirs.has(f.file));
}

/** A failure of Gateway Lens itself, not of the file (the explanation of every internal-error). */
export const INTERNAL_ERROR =
  'A bug in Gateway Lens, not a mistake in the file: the other checks still ran. The language server log (Gateway Lens: Show Output) has the stack; please report it with the file.';

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(CODES));

/**
 * Suppression comments first (a comment covering a finding whose code is `off` is still used),
 * then each code's configured severity.
 */
function finish(project: Project, findings: Finding[]): Finding[] {
  const files = [...project.files, ...project.load.extendsFiles, ...project.staticFiles];
  // Config problems sit in the config file; its comments are not suppressions.
  const { findings: marked, unused } = applySuppressions(withAliasUses(project, findings), files, KNOWN_CODES);
  const severity = project.options.severity;
  const all = [...marked, ...unused];
  if (!severity) return all;
  return all.flatMap((f) => {
    const level = severity[f.code];
    if (level === undefined) return [f];
    return level === 'off' ? [] : [{ ...f, severity: level }];
  });
}

/**
 * A finding on text written under a YAML anchor gets related information at each alias that
 * brings that text into a service, naming the service (compose reads the anchor there).
 */
function withAliasUses(project: Project, findings: Finding[]): Finding[] {
  const anchored = new Map(project.files.filter((f) => f.anchors).map((f) => [f.file, f.anchors!]));
  if (anchored.size === 0) return findings;
  return findings.map((f) => {
    const anchors = anchored.get(f.file)?.filter((a) => a.range.start <= f.range.start && f.range.end <= a.range.end);
    if (!anchors?.length) return f;
    const related = [...(f.related ?? [])];
    for (const a of anchors)
      for (const use of a.uses) {
        if (related.some((r) => r.file === f.file && r.range.start === use.range.start)) continue;
        related.push({
          file: f.file,
          range: use.range,
          message: `service "${use.service}" reads this through *${use.alias}`,
        });
      }
    return related.length === (f.related?.length ?? 0) ? f : { ...f, related };
  });
}

/** At most this many findings per file reach the editor and the CLI; a summary tells the rest. */
export const MAX_FINDINGS_PER_FILE = 5000;

/** The summary finding's entry in `check --list` (no check reports it: the cap does). */
export const TOO_MANY_FINDINGS = {
  code: 'too-many-findings',
  severity: 'warning',
  description: `More than ${MAX_FINDINGS_PER_FILE} findings in one file: the most severe are shown, this one counts the rest by code.`,
} as const;

const RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/**
 * One label naming 120,000 middlewares gave as many diagnostics (and a 13 s pull). Past the
 * cap, the most severe findings of the file are kept, in their order, and one
 * `too-many-findings` finding counts the others by code.
 */
function capPerFile(findings: Finding[]): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  if ([...byFile.values()].every((l) => l.length <= MAX_FINDINGS_PER_FILE)) return findings;
  const out: Finding[] = [];
  for (const [file, list] of byFile) {
    if (list.length <= MAX_FINDINGS_PER_FILE) {
      out.push(...list);
      continue;
    }
    const ranked = list.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i);
    const kept = new Set(ranked.slice(0, MAX_FINDINGS_PER_FILE).map((r) => r.i));
    const dropped = new Map<string, number>();
    let first: Finding | undefined;
    list.forEach((f, i) => {
      if (kept.has(i)) return out.push(f);
      first ??= f;
      dropped.set(f.code, (dropped.get(f.code) ?? 0) + 1);
    });
    const counts = [...dropped].map(([code, n]) => `${n} ${code}`).join(', ');
    out.push({
      code: TOO_MANY_FINDINGS.code,
      severity: TOO_MANY_FINDINGS.severity,
      message: `${list.length - MAX_FINDINGS_PER_FILE} more findings are not shown: fix these first`,
      explanation: `At most ${MAX_FINDINGS_PER_FILE} findings per file reach the editor and the CLI, the most severe first; not shown: ${counts}.`,
      file,
      range: first!.range,
    });
  }
  return out;
}

/**
 * Compose's project name (compose/env projectName: -p, then COMPOSE_PROJECT_NAME, then the last given
 * file's top-level `name:` interpolated, then the project directory's name). Only the `-f` files
 * count: compose-go loader/loader.go projectName reads `name:` from details.ConfigFiles, never
 * from an included file, and cli/options.go withNamePrecedenceLoad falls back to the base name
 * of the working directory, which --project-directory sets (default: the first file's folder).
 */
function composeProjectName(
  files: ComposeFile[],
  environment: Environment,
  projectDirectory: string | undefined,
  flag: string | undefined,
): ReturnType<typeof projectName> {
  const names = files.map((f) => {
    // A top-level key: never inside the services block, whose lines are all indented.
    const range = f.servicesRange;
    const head = range ? f.text.slice(0, range.start) + '\n' + f.text.slice(range.end) : f.text;
    const m = /^name[ \t]*:[ \t]*["']?([^"'#\s]+)/m.exec(head);
    if (!m) return undefined;
    return resolvedValue(m[1], environment.lookup);
  });
  const folder = projectDirectory ?? (files[0] ? path.dirname(path.resolve(files[0].file)) : 'default');
  return projectName({ flag, environment: environment.lookup, names, folder });
}

/** Analyses one project in one call (CLI and tests). */
export function analyzeProject(input: ProjectInput): AnalysisResult {
  return new Analyzer().analyze(input);
}
export * from './authoring';
export * from './route';
export { rawData, type RawData, type RawEntry } from './rawdata';
export { exactJson, rawDataJson, rawDataText, type Link, type Place } from './rawdata/text';
