// The analyser's engine: each check's findings are queries (per compose service, per container,
// per project) over the tracked project (tracked.ts), so a check is run again exactly when
// something it read changed, and never knows it. Findings are memoised relative to the service
// holding them and placed at the edge (placement.ts).
import type { ComposeService } from '../compose/model';
import { Database, type DatabaseOptions, type Query } from '../engine';
import { judgedServices, type Derived, type Project } from '../project';
import type { Container } from '../traefik/model';
import type { Finding } from '../types';
import { findingOf, runCheck, serviceContext, type Check, type Report } from '../checks/check';
import { routingFacts, type RouterFacts } from '../route/facts';
import { countingJudge, type RouterJudge } from '../route/judge';
import { routerCandidates } from '../route/routingIndex';
import { runForVersion } from '../checks/versions';
import { keep, place, placesOf, type Kept, type Places } from './placement';
import { TrackedProjects } from './tracked';

/**
 * A check's findings as memoised: as made (valid in the revision they were made in) and kept
 * relative to their services (undefined when one cannot be).
 */
interface Memo {
  made: Finding[];
  kept: Kept[] | undefined;
  revision: number;
}

/**
 * The memo of every run that found nothing (most: one per check and container), shared: a
 * memo of its own per run held some 130 bytes each, 15 MB on the 3000-service file. Its
 * findings place as none (placement.ts place), so its revision is never read.
 */
const NOTHING: Memo = Object.freeze({
  made: Object.freeze([]) as unknown as Finding[],
  kept: Object.freeze([]) as unknown as Kept[],
  revision: 0,
});

type Mode = 'project' | 'container' | 'router' | 'service';
type Key = string | Container | RouterFacts | ComposeService;

/** How often checks ran and how often their findings were handed out again (tests and the bench read it). */
export interface CheckCounts {
  /** Check functions run (per service, container, router or project). */
  runs: number;
  /** Findings handed out without a run. */
  reused: number;
}

/** The engine's work since the session began (the bench and gatewayLens/engineCounters read it). */
export interface EngineCounts extends CheckCounts {
  /** Pairwise tests between two routers the routing checks made (route/judge.ts). */
  judgements: number;
  /** The engine's revision: one more for every input an analysis changed. */
  revision: number;
}

/** Query runs and memo verifications, by query name. */
export interface EngineWork {
  executions: Record<string, number>;
  verifications: Record<string, number>;
}

export class Session {
  private readonly db: Database;
  private readonly projects: TrackedProjects;
  private readonly queries = new Map<string, Query<Key, Memo>>();
  /** The analysis being placed, per project id (plain data, read by no query). */
  private readonly current = new Map<string, { project: Project; other?: Project; places: Places }>();
  private readonly counts: CheckCounts & { judgements: number } = { runs: 0, reused: 0, judgements: 0 };
  private readonly judge: RouterJudge;

  /** `tables`: the engine's compiled matchers and label-key lookups, shared by its projects' facts and its router judge. */
  constructor(tables: Pick<Derived, 'matchers' | 'labelKeys'>, options: DatabaseOptions = {}) {
    this.db = new Database(options);
    this.judge = countingJudge((n) => (this.counts.judgements += n), tables.matchers);
    this.projects = new TrackedProjects(
      this.db,
      (id, check) => {
        const now = this.current.get(id)!;
        return this.findings(check, now.project, now.other);
      },
      tables,
    );
  }

  counters(): EngineCounts {
    return { ...this.counts, revision: this.db.revision };
  }

  /** The engine's query runs and verifications since the session began, by query name (the bench reads it). */
  work(): EngineWork {
    return { executions: this.db.counters(), verifications: this.db.verificationCounters() };
  }

  /**
   * Makes `project` (and `other`, the other version when the version is unknown) the current
   * analysis of its id; once per analysis, before `findings`.
   */
  begin(project: Project, other?: Project): void {
    const places = placesOf(project);
    for (const [p, o] of other
      ? [
          [project, other],
          [other, project],
        ]
      : [[project, undefined]]) {
      const id = idOf(p!);
      this.current.set(id, { project: p!, other: o, places });
      this.projects.set(id, p!);
    }
  }

  /** The check's findings on `project` (and on `other`, the other version, when the version is unknown). */
  findings(check: Check, project: Project, other?: Project): Finding[] {
    return runForVersion(check, project, other, (c, p) => this.run(c, p));
  }

  forget(file: string): void {
    for (const id of this.current.keys()) if (id.endsWith(`|${file}`)) this.current.delete(id);
  }

  private run(check: Check, project: Project): Finding[] {
    const id = idOf(project);
    const now = this.current.get(id);
    // A project this session was not given (the route tester's): judged afresh.
    if (!now || now.project !== project) return runCheck(check, project);
    const out: Finding[] = [];
    const add = (query: Query<Key, Memo>, key: Key, again: () => Finding[]): void => {
      const runs = this.counts.runs;
      const memo = query.get(key);
      const placed = memo.kept && place(now.places, memo.kept);
      if (this.counts.runs === runs) this.counts.reused++;
      const findings = placed ?? (memo.revision === this.db.revision ? memo.made : this.fresh(again));
      for (const f of findings) out.push(f);
    };
    if (check.run) {
      add(this.queryOf(check, 'project', id), id, () => this.made(check, (report) => check.run!({ project, report })));
    }
    if (check.container) {
      const query = this.queryOf(check, 'container', id);
      for (const container of project.containers) {
        add(query, container, () => this.made(check, (report) => check.container!(container, { project, report })));
      }
    }
    if (check.router) {
      const query = this.queryOf(check, 'router', id);
      const view = this.projects.view(id);
      for (const router of routingFacts(view)) {
        add(query, router, () =>
          this.made(check, (report) =>
            check.router!(router, {
              project: view,
              routers: routerCandidates(view, router),
              judge: this.judge,
              report,
            }),
          ),
        );
      }
    }
    if (check.service) {
      const query = this.queryOf(check, 'service', id);
      for (const service of judgedServices(project)) {
        add(query, service, () =>
          this.made(check, (report) => check.service!(service, serviceContext(project, report))),
        );
      }
    }
    return out;
  }

  /** Findings that cannot be placed (a service they point into is gone): made afresh, untracked. */
  private fresh(again: () => Finding[]): Finding[] {
    this.counts.runs++;
    this.counts.reused--;
    return again();
  }

  private made(check: Check, judge: (report: (r: Report) => void) => void): Finding[] {
    const made: Finding[] = [];
    judge((r) => made.push(findingOf(check, r)));
    return made;
  }

  private queryOf(check: Check, mode: Mode, id: string): Query<Key, Memo> {
    const name = `${check.code} per ${mode} of ${id}`;
    let query = this.queries.get(name);
    if (query) return query;
    const project = this.projects.view(id);
    const judge = (key: Key) => (report: (r: Report) => void) => {
      if (mode === 'project') check.run!({ project, report });
      else if (mode === 'container') check.container!(key as Container, { project, report });
      else if (mode === 'router') {
        const router = key as RouterFacts;
        check.router!(router, { project, routers: routerCandidates(project, router), judge: this.judge, report });
      } else check.service!(key as ComposeService, serviceContext(project, report));
    };
    query = this.db.query(
      name,
      (key: Key): Memo => {
        this.counts.runs++;
        const made = this.made(check, judge(key));
        if (made.length === 0) return NOTHING;
        return { made, kept: keep(this.current.get(id)!.places, made), revision: this.db.revision };
      },
      // Nothing reads a check's findings but the session: no comparison needed.
      { equals: () => false },
    );
    this.queries.set(name, query);
    return query;
  }
}

function idOf(project: Project): string {
  return `${project.version}|${project.files[0]?.file ?? ''}`;
}
