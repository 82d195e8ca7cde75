// `gatewayLens/routerRules`: the HTTP routers whose `rule` label is written in one compose file,
// with their Traefik names and services, so the editor can show each router's traffic (from
// Traefik's metrics, labelled `router="<name>@docker"`, `service="<name>@docker"`) above its rule.
import type { Connection } from 'vscode-languageserver';
import type { Project } from './analysis';
import { serviceOf } from './analysis/route/outcome';
import { index } from './analysis/traefik/lookup';
import { toRange } from './convert';
import type { Projects } from './projects';
import { RouterRulesRequest, type RouterRule, type RouterRulesParams } from './protocol';
import { describe } from './analysis/errors';

export interface RuleLabel {
  router: string;
  service: string;
  range: { start: number; end: number };
}

/** Routers Traefik is given (containers it keeps) whose rule label is in `file`. */
export function routerRulesIn(project: Project, file: string): RuleLabel[] {
  const out: RuleLabel[] = [];
  for (const d of index(project, 'http', 'routers').all) {
    const rule = d.fields.get('rule');
    if (!d.container.enabled || !rule || rule.file !== file) continue;
    out.push({ router: `${d.name}@${d.container.provider}`, service: serviceOf(d), range: rule.keyRange });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

export function registerRouterRules(connection: Connection, projects: Projects, log: (m: string) => void): void {
  connection.onRequest(RouterRulesRequest, async (params: RouterRulesParams): Promise<RouterRule[]> => {
    try {
      const file = await projects.composeFileOf(params.uri);
      const model = file ? await projects.model(file) : undefined;
      const lines = file ? model?.lines(file) : undefined;
      if (!file || !model || !lines) return [];
      return routerRulesIn(model.project, file).map((r) => ({ ...r, range: toRange(lines, r.range) }));
    } catch (err) {
      log(`routerRules failed: ${describe(err)}`);
      return [];
    }
  });
}
