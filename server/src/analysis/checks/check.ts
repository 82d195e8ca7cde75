// The contract every check follows: one file, one stable code, one default severity. A check
// judges one compose service (`service`), one container against the rest of the project
// (`container`), one HTTP router against the routers that may share a request with it
// (`router`), or the whole project (`run`), and reads the project only through its context.
import { runsTraefikV1 } from '../traefik/v1Labels';
import type { ComposeService } from '../compose/model';
import { judgedServices, type Project } from '../project';
import { routingFacts, type RouterFacts } from '../route/facts';
import { countingJudge, type RouterJudge } from '../route/judge';
import { routerCandidates } from '../route/routingIndex';
import type { LabelKeys } from '../schema/labelKeys';
import type { Container } from '../traefik/model';
import type { MajorVersion } from '../traefik/static';
import type { Effect, Finding, Range, Related, Severity } from '../types';
import type { Code, DataOf } from './codes';

export interface Report<C extends Code = Code> {
  /** The fact and the fix, one short sentence (see Finding.message). */
  message: string;
  /** What Traefik does and why (see Finding.explanation). */
  explanation?: string;
  file: string;
  range: Range;
  /** Overrides the check's default severity when certainty differs (see each check). */
  severity?: Severity;
  related?: Related[];
  data?: DataOf<C>;
  effect?: Effect;
}

export interface CheckContext<C extends Code = Code> {
  project: Project;
  report(r: Report<C>): void;
}

export interface ServiceContext<C extends Code = Code> {
  version: MajorVersion;
  /** The project's Traefik is v1: it reads v1 labels (traefik.frontend.rule, traefik.port). */
  traefikV1: boolean;
  /** What Traefik makes of a label key (the engine's, schema/labelKeys.ts). */
  labelKeys: LabelKeys;
  report(r: Report<C>): void;
}

export interface ContainerContext<C extends Code = Code> {
  project: Project;
  report(r: Report<C>): void;
}

export interface RouterContext<C extends Code = Code> {
  project: Project;
  /**
   * The router and the routers of its muxer that may share a request with it (same TLS side, a
   * shared or unknown entry point, footprints that meet: route/routingIndex.ts), in the project's order.
   */
  routers: readonly RouterFacts[];
  /** The pairwise tests between two routers (rules/overlap.ts). */
  judge: RouterJudge;
  report(r: Report<C>): void;
}

/** A check of code `C`: it reports only the data its code declares (codes.ts). */
export interface Check<C extends Code = Code> {
  /** Stable kebab-case code; part of the public contract (README). */
  code: C;
  severity: Severity;
  /** One line for the README and `gateway-lens check --list`. */
  description: string;
  /** Project-wide checks. */
  run?(ctx: CheckContext<C>): void;
  /** Judges one container (its findings may point anywhere, e.g. at a middleware it uses). */
  container?(container: Container, ctx: ContainerContext<C>): void;
  /** Judges one routed HTTP router (of a container or a dynamic file) against the routers it may meet. */
  router?(router: RouterFacts, ctx: RouterContext<C>): void;
  /** Checks whose findings depend only on one service's text and the Traefik version. */
  service?(service: ComposeService, ctx: ServiceContext<C>): void;
}

/** What a check of one service's text is told about the project. */
export function serviceContext<C extends Code>(project: Project, report: (r: Report<C>) => void): ServiceContext<C> {
  return {
    version: project.version,
    traefikV1: runsTraefikV1(project),
    labelKeys: project.derived.labelKeys,
    report,
  };
}

/** The finding a report makes for `check`. */
export function findingOf<C extends Code>(check: Check<C>, r: Report<C>): Finding<C> {
  return {
    code: check.code,
    severity: r.severity ?? check.severity,
    message: r.message,
    ...(r.explanation ? { explanation: r.explanation } : {}),
    file: r.file,
    range: r.range,
    related: r.related,
    data: r.data,
    ...(r.effect ? { effect: r.effect } : {}),
  };
}

/** Everything `check` finds in `project`, made afresh (tests, the route tester; the analyser runs checks in session/). */
export function runCheck<C extends Code>(check: Check<C>, project: Project): Finding<C>[] {
  const findings: Finding<C>[] = [];
  const report = (r: Report<C>): void => void findings.push(findingOf(check, r));
  if (check.run) check.run({ project, report });
  if (check.container) for (const container of project.containers) check.container(container, { project, report });
  if (check.router) {
    const judge = countingJudge(() => {}, project.derived.matchers);
    for (const router of routingFacts(project))
      check.router(router, { project, routers: routerCandidates(project, router), judge, report });
  }
  if (check.service) {
    for (const service of judgedServices(project)) check.service(service, serviceContext(project, report));
  }
  return findings;
}
