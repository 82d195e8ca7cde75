// One `gateway-lens check` run is one Docker host: Traefik's docker provider reads the labels of
// every container on it, whichever compose project started it (pkg/provider/docker/pdocker.go
// lists all containers; a name without `@` is the router's provider's, pkg/server/provider
// GetQualifiedName). So a middleware or service that another project of the run defines exists
// for this project's routers: the hedged undefined-middleware / undefined-service ("unless
// another compose project defines it") is settled by it. Projects that share a file (a base file
// under two override sets) are variants of one project, not neighbours on the host.
import type { Analyzer, AnalysisResult, ProjectInput } from '../analysis';
import { definedNames } from '../analysis/checks/references';

const HEDGED = new Set(['undefined-middleware', 'undefined-service']);

/** Each project's result, analysed again with what the other projects define where that may settle a finding. */
export function withOtherProjects(
  analyzer: Analyzer,
  inputs: ProjectInput[],
  results: AnalysisResult[],
): AnalysisResult[] {
  if (inputs.length < 2) return results;
  const files = results.map((r) => new Set(r.project.files.map((f) => f.file)));
  const defined = results.map((r) => definedNames(r.project));
  return results.map((result, i) => {
    const hedged = result.findings.some((f) => HEDGED.has(f.code) && f.effect?.drops === 'router' && f.effect.unless);
    if (!hedged) return result;
    const middlewares = new Set<string>();
    const services = new Set<string>();
    for (let j = 0; j < results.length; j++) {
      if (j === i || [...files[j]].some((f) => files[i].has(f))) continue;
      for (const n of defined[j].middlewares) middlewares.add(n);
      for (const n of defined[j].services) services.add(n);
    }
    if (middlewares.size === 0 && services.size === 0) return result;
    const options = {
      ...inputs[i].options,
      elsewhere: { middlewares: [...middlewares].sort(), services: [...services].sort() },
    };
    return analyzer.analyze({ ...inputs[i], options });
  });
}
