// `gatewayLens/route`: the route tester for the editor ("Which Router Serves This URL?"), over
// the same parsed project completion uses, with the rule locations in LSP ranges.
import type { Connection } from 'vscode-languageserver';
import { routeRequest, type Candidate } from './analysis';
import { toRange, type LineMap } from './convert';
import { pathToUri } from './documents';
import type { Projects } from './projects';
import { RouteRequest, type RouteAnswer, type RouteCandidate, type RouteLocation, type RouteParams } from './protocol';

export function registerRoute(connection: Connection, projects: Projects, log: (m: string) => void): void {
  connection.onRequest(RouteRequest.method, async (params: RouteParams): Promise<RouteAnswer> => {
    const failed = (note: string): RouteAnswer => ({
      router: null,
      service: null,
      priority: null,
      rule: null,
      entrypoint: null,
      middlewares: [],
      forwardedPath: null,
      candidates: [],
      notes: [note],
    });
    try {
      const file = await projects.composeFileOf(params.uri);
      if (!file) return failed(`${params.uri} is not a compose file of the workspace.`);
      const model = await projects.model(file);
      if (!model) return failed('No compose project was found for this file.');
      const result = routeRequest(model.project, params);
      if (result.error) return failed(result.error);
      const where = (c: Candidate): RouteLocation | undefined => locationOf(c, model.lines);
      const w = result.winner;
      return {
        router: w?.router ?? null,
        service: result.service,
        priority: w?.priority ?? null,
        rule: w?.rule ?? null,
        entrypoint: result.entryPoint,
        middlewares: result.middlewares,
        forwardedPath: result.forwardedPath,
        candidates: result.candidates.map((c): RouteCandidate => ({
          router: c.router,
          priority: c.priority,
          rule: c.rule,
          entryPoint: c.entryPoint,
          location: where(c),
        })),
        notes: result.redirect ? [`Traefik redirects to ${result.redirect}`, ...result.notes] : result.notes,
        location: w ? where(w) : undefined,
      };
    } catch (err) {
      log(`route: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return failed(`The route tester failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

function locationOf(c: Candidate, lines: (file: string) => LineMap | undefined): RouteLocation | undefined {
  if (!c.file || !c.range) return undefined;
  const map = lines(c.file);
  return map ? { uri: pathToUri(c.file), range: toRange(map, c.range) } : undefined;
}
