// One Traefik's view: the compose files of one project (one folder), the static config
// they run with, and every container Traefik's docker provider would build from them.
import type { Environment, ProjectNameSource } from './compose/env';
import type { ComposeFile, ComposeService } from './compose/model';
import type { FileProvider } from './traefik/fileProvider';
import type { LoadedProject } from './compose/project';
import type { Container } from './traefik/model';
import type { MajorVersion, StaticConfig } from './traefik/static';
import type { VersionFact } from './traefik/version';
import type { TraefikService } from './traefik/staticConfig/service';
import type { HostTraefik } from './traefik/hostTraefik';
import type { Check } from './checks/check';
import type { CompiledMatchers } from './rules/compiled';
import type { LabelKeys } from './schema/labelKeys';
import type { Finding, Severity } from './types';

/** A code's severity as a config file sets it; `off` drops its findings. */
export type SeverityLevel = Severity | 'off';

export interface AnalysisOptions {
  /** Force the Traefik major version; default: from the Traefik image tag (traefik/version.ts). */
  version?: MajorVersion;
  /** Who forced `version`, for "assumed because": "the gatewayLens.traefik.version setting". */
  versionSource?: string;
  /** The version a Traefik service elsewhere in the workspace runs, when this project has none. */
  workspaceVersion?: { version: MajorVersion; why: string };
  /** Middleware names other compose projects on the same Docker host define. */
  externalMiddlewares?: string[];
  /** Service names other compose projects on the same Docker host define. */
  externalServices?: string[];
  /**
   * What the other compose projects of the same run (the CLI's, one Docker host) define, as
   * `name@provider`: Traefik's docker provider reads every container of the host, so a name one
   * of them defines exists for this project's routers too. Kept apart from the settings' lists,
   * which the config file replaces.
   */
  elsewhere?: { middlewares: string[]; services: string[] };
  /**
   * The Traefik of another compose project on the same Docker host that routes this project's
   * containers (traefik/hostTraefik.ts hostTraefikFor): a project that runs no Traefik and gives
   * no static file is judged with its static configuration and version.
   */
  traefikElsewhere?: HostTraefik;
  /** Severity per finding code (the config file's `severity`), over each check's default. */
  severity?: Record<string, SeverityLevel>;
}

export interface Project {
  /** The compose project name (top-level `name:`, else the folder name), as compose normalises it. */
  name: string;
  /** What decided `name` (compose/env/projectName.ts). */
  nameSource: ProjectNameSource;
  /** The compose files of the project: the given ones, then the ones they include. */
  files: ComposeFile[];
  /** How compose assembled the project: its services' definitions, includes, load problems. */
  load: LoadedProject;
  staticConfig: StaticConfig;
  /**
   * The same object while the static configuration's content is unchanged (its origins' offsets
   * may still move): what checks key their reused findings on.
   */
  staticKey: object;
  /** Static files (traefik.yml) read for this project, for the static checks. */
  staticFiles: { file: string; text: string }[];
  /**
   * The compose service that runs this project's Traefik (traefik/staticConfig/service.ts
   * findTraefikService, with the Dockerfile of a built one): the one answer to "is this Traefik".
   */
  traefikService: TraefikService | undefined;
  /** The version judged for: versionFact.assumed. */
  version: MajorVersion;
  /** Which version is assumed and why; `source: 'unknown'` makes version-dependent findings say both. */
  versionFact: VersionFact;
  containers: Container[];
  options: AnalysisOptions;
  /** The file provider's dynamic files and what they define (`<name>@file`). */
  fileProvider: FileProvider;
  /** What compose interpolates the files with (`files` are already interpolated). */
  environment: Environment;
  /** What included projects are interpolated with, where their env files add variables (compose/project/environments.ts). */
  includedEnvironments: Environment[];
  /** Facts computed from the whole project (an index, the routed routers), once per analysis. */
  derived: Derived;
}

/**
 * Facts derived from a project by name: `name` alone decides what `compute` computes from the
 * project. In the analyser's engine each is a query whose reads are recorded (session.ts);
 * elsewhere a table of the project's own.
 */
export interface Derived {
  /** `equals`: when a new value counts as unchanged for what read the old one (default: the same object). */
  get<T>(name: string, compute: () => T, equals?: (a: T, b: T) => boolean): T;
  /**
   * One entry of a map-valued fact, by name: `compute` makes the whole map (from the project),
   * `at` picks the entry. What reads it depends on that entry alone: after an edit that changed
   * the map but left this entry equal (by `equals`, default the same object), it is not run
   * again, so a fact per name (a router's, a service's) costs one map per edit, not one run each.
   */
  entry<T>(
    name: string,
    compute: () => ReadonlyMap<string, T>,
    at: string,
    equals?: (a: T, b: T) => boolean,
  ): T | undefined;
  /**
   * A check's findings on the project as the engine memoises them (per service or container), so a
   * fact made of other checks' findings re-runs only the checks whose inputs changed; absent
   * outside the engine, where the check runs afresh.
   */
  findings?(check: Check): Finding[];
  /**
   * A fact of one model object (a router's definition), by name: `key`'s identity and what
   * `compute` reads decide it, so an object kept from one analysis to the next keeps its fact.
   */
  of<K extends object, T>(name: string, key: K, compute: () => T, equals?: (a: T, b: T) => boolean): T;
  /**
   * A value computed from `text` alone (a rule's parse), by name: `compute` reads nothing of the
   * project. Kept by whoever keeps the project's facts (the analyser's engine, for every project it
   * judges), at most TEXT_FACTS per name: typing makes a new text at every keystroke.
   */
  byText<T>(name: string, text: string, compute: () => T): T;
  /**
   * The engine's compiled matchers and Go regexps (rules/compiled.ts): what evaluating a rule, a
   * middleware's regexp or a constraint compiles once, shared by every project the engine judges.
   */
  matchers: CompiledMatchers;
  /** The engine's label-key lookups (schema/labelKeys.ts), shared likewise. */
  labelKeys: LabelKeys;
}

/** How many values of one name Derived.byText keeps; past it they are dropped and made again. */
export const TEXT_FACTS = 5000;

/** A table of values by name and text, holding at most TEXT_FACTS per name (cleared when full). */
export function textFacts(): Derived['byText'] {
  const tables = new Map<string, Map<string, unknown>>();
  return <T>(name: string, text: string, compute: () => T): T => {
    let table = tables.get(name);
    if (!table) tables.set(name, (table = new Map()));
    if (table.has(text)) return table.get(text) as T;
    if (table.size >= TEXT_FACTS) table.clear();
    const value = compute();
    table.set(text, value);
    return value;
  };
}

/** A project's own table: each fact computed on first use; `matchers` and `labelKeys`: the engine's. */
export function derivedTable({ matchers, labelKeys }: Pick<Derived, 'matchers' | 'labelKeys'>): Derived {
  const values = new Map<string, unknown>();
  const keyed = new Map<string, WeakMap<object, unknown>>();
  const get = <T>(name: string, compute: () => T): T => {
    if (values.has(name)) return values.get(name) as T;
    const value = compute();
    values.set(name, value);
    return value;
  };
  return {
    byText: textFacts(),
    matchers,
    labelKeys,
    of<K extends object, T>(name: string, key: K, compute: () => T): T {
      let table = keyed.get(name);
      if (!table) keyed.set(name, (table = new WeakMap()));
      if (table.has(key)) return table.get(key) as T;
      const value = compute();
      table.set(key, value);
      return value;
    },
    get,
    entry: <T>(name: string, compute: () => ReadonlyMap<string, T>, at: string): T | undefined =>
      get(name, compute).get(at),
  };
}

/**
 * Every compose service a check of one service's text judges: the services of the project's
 * compose files, and those of files read only for `extends: file:` that a service of the project
 * extends (their labels become that service's: compose spec 05-services.md extends). A base no
 * service extends is not part of the project.
 */
export function judgedServices(project: Project): ComposeService[] {
  const out = project.files.flatMap((f) => f.services);
  // Most projects extend nothing from other files: no set of every service's parts to build (on each check's every run).
  if (project.load.extendsFiles.length === 0) return out;
  const extended = new Set(project.load.services.flatMap((g) => g.parts));
  for (const file of project.load.extendsFiles)
    for (const service of file.services) if (extended.has(service)) out.push(service);
  return out;
}
