// One `gateway-lens check` run is one Docker host: Traefik's docker provider reads the labels of
// every container on it, whichever compose project started it (pkg/provider/docker/pdocker.go
// lists all containers; a name without `@` is the router's provider's, pkg/server/provider
// GetQualifiedName). So a middleware or service that another project of the run defines exists
// for this project's routers: the hedged undefined-middleware / undefined-service ("unless
// another compose project defines it") is settled by it. And a project that runs no Traefik is
// routed by the run's one Traefik that shares a network with it (traefik/hostTraefik.ts), under
// that Traefik's static configuration; one that runs none and shares no network with one is
// judged for the major all the run's other Traefik images name (workspaceVersion, as the editor
// does for its workspace folder). Projects that share a file (a base file under two
// override sets) are variants of one project, not neighbours on the host.
import * as path from 'node:path';
import type { Analyzer, AnalysisResult, ProjectInput } from '../analysis';
import { definedNames, settledElsewhere } from '../analysis/checks/references';
import { hostTraefikFor, traefikOffer, type TraefikOffer } from '../analysis/traefik/hostTraefik';
import { workspaceVersion } from '../analysis/traefik/version';

/**
 * Each project's result, analysed again with what the other projects settle: the host's Traefik
 * for a project without one, what the others define where that may settle a finding.
 * `shown`: a file as the run names it, for messages.
 */
export function withOtherProjects(
  analyzer: Analyzer,
  given: ProjectInput[],
  first: AnalysisResult[],
  shown: (file: string) => string = (f) => f,
): { inputs: ProjectInput[]; results: AnalysisResult[] } {
  if (given.length < 2) return { inputs: given, results: first };
  const files = first.map((r) => new Set(r.project.files.map((f) => f.file)));
  /** The other projects of the run: not `i`, nor a variant of it. */
  const others = (i: number): number[] =>
    first.map((_, j) => j).filter((j) => j !== i && ![...files[j]].some((f) => files[i].has(f)));
  const versioned = withWorkspaceVersion(analyzer, given, first, others, shown);
  const { inputs, results } = withHostTraefik(analyzer, versioned.inputs, versioned.results, others, shown);
  const defined = results.map((r) => definedNames(r.project));
  const settled = results.map((result, i) => {
    const hedged = result.findings.some(settledElsewhere);
    if (!hedged) return result;
    const middlewares = new Set<string>();
    const services = new Set<string>();
    for (const j of others(i)) {
      for (const n of defined[j].middlewares) middlewares.add(n);
      for (const n of defined[j].services) services.add(n);
    }
    if (middlewares.size === 0 && services.size === 0) return result;
    const options = {
      ...inputs[i].options,
      elsewhere: { middlewares: [...middlewares].sort(), services: [...services].sort() },
    };
    inputs[i] = { ...inputs[i], options };
    return analyzer.analyze(inputs[i]);
  });
  return { inputs, results: settled };
}

/**
 * Each project whose own files name no Traefik version analysed again with the version the
 * other projects' Traefik images all name (traefik/version.ts workspaceVersion): set on every
 * such input, as the editor sets it, so a host Traefik found next still wins (analysis/index.ts).
 */
function withWorkspaceVersion(
  analyzer: Analyzer,
  inputs: ProjectInput[],
  results: AnalysisResult[],
  others: (i: number) => number[],
  shown: (file: string) => string,
): { inputs: ProjectInput[]; results: AnalysisResult[] } {
  const out = { inputs: [...inputs], results: [...results] };
  for (const [i, result] of results.entries()) {
    const fact = result.project.versionFact;
    if (fact.source === 'image' || fact.source === 'setting' || inputs[i].options?.workspaceVersion) continue;
    const version = workspaceVersion(
      others(i).flatMap((j) => {
        const other = results[j].project;
        if (other.versionFact.source !== 'image') return [];
        const where = path.dirname(shown(other.files[0]?.file ?? '')) || '.';
        return [{ version: other.versionFact.assumed, why: other.versionFact.why, where }];
      }),
    );
    if (!version) continue;
    out.inputs[i] = { ...inputs[i], options: { ...inputs[i].options, workspaceVersion: version } };
    out.results[i] = analyzer.analyze(out.inputs[i]);
  }
  return out;
}

/** Each project without a Traefik of its own analysed again with the host's, where one is found. */
function withHostTraefik(
  analyzer: Analyzer,
  inputs: ProjectInput[],
  results: AnalysisResult[],
  others: (i: number) => number[],
  shown: (file: string) => string,
): { inputs: ProjectInput[]; results: AnalysisResult[] } {
  const offers: (TraefikOffer | undefined)[] = results.map((r) =>
    traefikOffer(r.project, shown(r.project.files[0]?.file ?? '')),
  );
  const out = { inputs: [...inputs], results: [...results] };
  for (const [i, result] of results.entries()) {
    const host = hostTraefikFor(
      result.project,
      others(i).flatMap((j) => offers[j] ?? []),
    );
    if (!host) continue;
    out.inputs[i] = { ...inputs[i], options: { ...inputs[i].options, traefikElsewhere: host } };
    out.results[i] = analyzer.analyze(out.inputs[i]);
  }
  return out;
}
