// `gatewayLens/route`: the route tester for the editor ("Which Router Serves This URL?"), over
// the same parsed project completion uses, with the rule locations in LSP ranges.
import type { Connection } from 'vscode-languageserver';
import { routeRequest, type Candidate } from './analysis';
import { toRange, type LineMap } from './convert';
import { pathToUri } from './documents';
import type { Projects } from './projects';
import {
  RouteRequest,
  type RouteAnswer,
  type RouteCandidate,
  type RouteLocation,
  type RouteParams,
  type RouteUnloaded,
} from './protocol';
import { describe, errorMessage } from './analysis/errors';

export function registerRoute(connection: Connection, projects: Projects, log: (m: string) => void): void {
  connection.onRequest(RouteRequest, async (params: RouteParams): Promise<RouteAnswer> => {
    const failed = (note: string, entryPointChoices?: RouteAnswer['entryPointChoices']): RouteAnswer => ({
      router: null,
      service: null,
      priority: null,
      rule: null,
      entrypoint: null,
      middlewares: [],
      forwardedPath: null,
      candidates: [],
      unloaded: [],
      redirect: null,
      depends: { headers: [], clientIP: false },
      ...(entryPointChoices ? { entryPointChoices } : {}),
      notes: [note],
    });
    try {
      const file = await projects.composeFileOf(params.uri);
      if (!file) return failed(`${params.uri} is not a compose file of the workspace.`);
      const model = await projects.model(file);
      if (!model) return failed('No compose project was found for this file.');
      const result = routeRequest(model.project, params);
      if (result.error) return failed(result.error, result.entryPointChoices);
      const where = (c: Candidate): RouteLocation | undefined => locationOf(c, model.lines);
      const w = result.winner;
      return {
        router: w?.router ?? null,
        service: result.service,
        priority: w?.priorityText ?? null,
        rule: w?.rule ?? null,
        entrypoint: result.entryPoint,
        middlewares: result.middlewares,
        forwardedPath: result.forwardedPath,
        candidates: result.candidates.map((c): RouteCandidate => ({
          router: c.router,
          priority: c.priorityText,
          rule: c.rule,
          entryPoint: c.entryPoint,
          location: where(c),
        })),
        unloaded: result.unloaded.map((u): RouteUnloaded => ({
          router: u.router,
          priority: u.priorityText,
          rule: u.rule,
          entryPoint: u.entryPoint,
          location: where(u),
          reason: u.reason,
          ...(u.unless ? { unless: u.unless } : {}),
          code: u.code,
          finding: locationOf({ ...u, file: u.findingFile, range: u.findingRange }, model.lines),
        })),
        redirect: result.redirect ?? null,
        depends: result.depends,
        notes: result.notes,
        location: w ? where(w) : undefined,
      };
    } catch (err) {
      log(`route: ${describe(err)}`);
      return failed(`The route tester failed: ${errorMessage(err)}`);
    }
  });
}

function locationOf(c: Candidate, lines: (file: string) => LineMap | undefined): RouteLocation | undefined {
  if (!c.file || !c.range) return undefined;
  const map = lines(c.file);
  return map ? { uri: pathToUri(c.file), range: toRange(map, c.range) } : undefined;
}
