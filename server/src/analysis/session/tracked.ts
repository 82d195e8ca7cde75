// The project as the engine's queries see it: every field an input (per project and version),
// read through a getter, so what a check reads of the project is recorded as it reads it, and
// each derived fact (project.derived) a query of its own. Each field says when a new analysis
// changed it; an equal field is no new revision, and what read only equal fields is not re-run.
import type { ComposeFile } from '../compose/model';
import { Database, structuralEquals, type Equals, type Input, type Partition, type Query } from '../engine';
import type { Check } from '../checks/check';
import type { TraefikService } from '../traefik/staticConfig/service';
import { textFacts, type Derived, type Project } from '../project';
import type { Finding } from '../types';

type Field = Exclude<keyof Project, 'derived'>;

/** Same items, compared as objects (services and containers keep their identity while unchanged). */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Same files with the same texts and the same (interpolated) services. */
function sameFiles(a: ComposeFile[], b: ComposeFile[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => f.file === b[i].file && f.text === b[i].text && sameItems(f.services, b[i].services))
  );
}

function sameSources(a: Project['staticFiles'], b: Project['staticFiles']): boolean {
  return a.length === b.length && a.every((f, i) => f.file === b[i].file && f.text === b[i].text);
}

/**
 * The same Traefik service: its compose parts (kept objects while unchanged, their ranges moved in
 * place) and what its Dockerfile and mounts made of it, compared by value without the files' texts.
 */
function sameTraefik(a: TraefikService | undefined, b: TraefikService | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.name !== b.name || !sameItems(a.parts, b.parts)) return false;
  return structuralEquals(traefikSummary(a), traefikSummary(b));
}

function traefikSummary(s: TraefikService): unknown {
  return {
    image: s.image?.value,
    imageWritten: s.imageWritten,
    version: s.version,
    command: s.command && { file: s.command.file.file, words: s.command.words },
    script: s.script?.value,
    mounts: s.mounts.map((m) => [m.source, m.target, m.dir, m.unseen, m.file.file, m.content]),
    baked: s.baked,
    imageArgs: s.imageArgs,
  };
}

/** When a field of the next analysis counts as unchanged (an equal value is still stored, database.ts). */
const EQUALS: { readonly [F in Field]: Equals<Project[F]> } = Object.freeze({
  name: Object.is,
  nameSource: Object.is,
  files: sameFiles,
  load: Object.is,
  // Its origins' offsets may move while its content stays: it changes with its reader's token (below).
  staticConfig: () => false,
  staticKey: Object.is,
  staticFiles: sameSources,
  traefikService: sameTraefik,
  version: Object.is,
  versionFact: structuralEquals,
  containers: sameItems,
  options: structuralEquals,
  fileProvider: Object.is,
  environment: Object.is,
  includedEnvironments: sameItems,
});

const FIELDS = Object.freeze(Object.keys(EQUALS) as Field[]);

export class TrackedProjects {
  private readonly fields: { [F in Field]: Input<string, Project[F]> };
  private readonly views = new Map<string, Project>();
  /**
   * Every derived fact of every project, one query keyed by fact and project (factKey): a query
   * of its own per fact cost some 900 bytes each (its tables, its name), and there is a fact per
   * referenced name (traefik/lookup.ts definitionsNamed), 13 MB on the 3000-service file.
   */
  private readonly derivedFacts: Query<string, unknown>;
  /** Per fact key: its compute, and its equals when not the default, as last passed (any one computes the same). */
  private readonly computes = new Map<string, () => unknown>();
  private readonly equalities = new Map<string, Equals<unknown>>();
  /** Per project and name: each keyed fact's compute, by its key (Derived.of). */
  private readonly keyedComputes = new Map<string, WeakMap<object, () => unknown>>();
  private readonly keyedQueries = new Map<string, Query<object, unknown>>();
  /** Every map-valued fact (Derived.entry) of every project, by factKey; its compute and entry equals as for derivedFacts. */
  private readonly mapFacts: Partition<string, unknown>;
  private readonly mapComputes = new Map<string, () => ReadonlyMap<string, unknown>>();
  private readonly entryEqualities = new Map<string, Equals<unknown>>();

  /** Values of texts alone (Derived.byText), shared by every project: they read no input. */
  private readonly texts = textFacts();

  /** Each static configuration's token (Project.staticKey): a new one whenever its content changes. */
  private readonly tokens = new WeakMap<object, object>();

  /** `findingsOf`: a check's findings on project `id` as the session memoises them (Derived.findings); `tables`: the engine's (Derived.matchers, Derived.labelKeys). */
  constructor(
    private readonly db: Database,
    private readonly findingsOf: (id: string, check: Check) => Finding[],
    private readonly tables: Pick<Derived, 'matchers' | 'labelKeys'>,
  ) {
    const fields = {} as Record<Field, Input<string, unknown>>;
    const sameToken = (a: object, b: object): boolean => this.tokens.get(a) === this.tokens.get(b);
    for (const f of FIELDS) {
      const equals = f === 'staticConfig' ? sameToken : (EQUALS[f] as Equals<unknown>);
      fields[f] = db.input<string, unknown>(`project ${f}`, { equals: equals as Equals<unknown> });
    }
    this.fields = fields as unknown as TrackedProjects['fields'];
    this.mapFacts = db.partition('derived map', (key: string) => this.mapComputes.get(key)!(), {
      equals: (a, b, key) => (this.entryEqualities.get(key) ?? Object.is)(a, b),
    });
    // Derived facts hold model objects: unless they say otherwise, a new value is a change.
    this.derivedFacts = db.query('derived', (key: string) => this.computes.get(key)!(), {
      equals: (a, b, key) => (this.equalities.get(key) ?? Object.is)(a, b),
      // Counted by fact, a quoted name (definitionsNamed's) as any name.
      counterOf: (key) => `derived ${key.slice(key.indexOf('\n') + 1).replace(/"(?:[^"\\]|\\.)*"/g, '*')}`,
    });
  }

  /** Sets the inputs of project `id` from an analysis; fields equal to the last ones change nothing. */
  set(id: string, project: Project): void {
    this.tokens.set(project.staticConfig, project.staticKey);
    for (const f of FIELDS) (this.fields[f] as Input<string, unknown>).set(id, project[f]);
  }

  /** Project `id` read through the inputs: one object per project, its getters always current. */
  view(id: string): Project {
    let view = this.views.get(id);
    if (view) return view;
    const read = <F extends Field>(f: F): Project[F] => this.fields[f].get(id);
    const derived: Derived = {
      get: <T>(name: string, compute: () => T, equals?: (a: T, b: T) => boolean): T => {
        const key = factKey(name, id);
        this.computes.set(key, compute);
        if (equals) this.equalities.set(key, equals as Equals<unknown>);
        return this.derivedFacts.get(key) as T;
      },
      entry: <T>(
        name: string,
        compute: () => ReadonlyMap<string, T>,
        at: string,
        equals?: (a: T, b: T) => boolean,
      ): T | undefined => {
        const key = factKey(name, id);
        this.mapComputes.set(key, compute);
        if (equals) this.entryEqualities.set(key, equals as Equals<unknown>);
        return this.mapFacts.entry(key, at) as T | undefined;
      },
      of: <K extends object, T>(name: string, key: K, compute: () => T, equals?: (a: T, b: T) => boolean): T => {
        const full = `${name} of ${id}`;
        let table = this.keyedComputes.get(full);
        if (!table) this.keyedComputes.set(full, (table = new WeakMap()));
        table.set(key, compute);
        return this.keyedQuery(full, equals as Equals<unknown> | undefined).get(key) as T;
      },
      byText: this.texts,
      matchers: this.tables.matchers,
      labelKeys: this.tables.labelKeys,
      findings: (check) => {
        // Placed at the services' current offsets: a new text is a new answer.
        read('files');
        read('containers');
        return this.findingsOf(id, check);
      },
    };
    view = {
      get name() {
        return read('name');
      },
      get nameSource() {
        return read('nameSource');
      },
      get files() {
        return read('files');
      },
      get load() {
        return read('load');
      },
      get staticConfig() {
        return read('staticConfig');
      },
      get staticKey() {
        return read('staticKey');
      },
      get staticFiles() {
        return read('staticFiles');
      },
      get traefikService() {
        return read('traefikService');
      },
      get version() {
        return read('version');
      },
      get versionFact() {
        return read('versionFact');
      },
      get containers() {
        return read('containers');
      },
      get options() {
        return read('options');
      },
      get fileProvider() {
        return read('fileProvider');
      },
      get environment() {
        return read('environment');
      },
      get includedEnvironments() {
        return read('includedEnvironments');
      },
      derived,
    };
    this.views.set(id, view);
    return view;
  }

  private keyedQuery(name: string, equals: Equals<unknown> = Object.is): Query<object, unknown> {
    let query = this.keyedQueries.get(name);
    if (!query) {
      const computes = this.keyedComputes.get(name)!;
      query = this.db.query(`keyed ${name}`, (key: object) => computes.get(key)!(), { equals });
      this.keyedQueries.set(name, query);
    }
    return query;
  }
}

/** A derived fact's key: its name and its project's id (a name holds no newline; JSON.stringify escapes one). */
function factKey(name: string, id: string): string {
  return `${id}\n${name}`;
}
