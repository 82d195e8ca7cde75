// "Gateway Lens: Test Load Balancing...": the CLI's load test (live/loadtest, the same
// code as `gateway-lens loadtest`) run from the palette or a router / compose service row, with
// progress and cancel; the report in the output channel and as a bar chart in the panel.
// Requests go only to gatewayLens.loadtest.host.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../../server/src/protocol';
import type * as Live from '../../../live';
import type { LiveModel } from '../../../live/model';
import type { Node } from '../../../live/tree';

export interface LoadTestDeps {
  loadLive: () => typeof Live;
  /** The session's model once Traefik answered (opens the session if needed). */
  model: () => Promise<LiveModel | undefined>;
  /** Traefik's API URL and credentials, as the Gateway view uses them. */
  apiOptions: () => Promise<Live.ApiOptions>;
  output: vscode.OutputChannel;
  /** Draws the spread in the Gateway Metrics panel. */
  showReport: (report: Live.LoadTestReport) => void;
}

export async function testLoadBalancing(deps: LoadTestDeps, node?: Node): Promise<void> {
  const live = deps.loadLive();
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const router = await pickRouter(await deps.model(), node);
  if (!router) return;
  const requests = await askNumber(
    `Requests to send through ${router} (1 to ${live.MAX_REQUESTS})`,
    '20',
    1,
    live.MAX_REQUESTS,
  );
  if (requests === undefined) return;
  const delayMs = await askNumber('Pause between requests, in milliseconds', '500', 0, 60_000);
  if (delayMs === undefined) return;
  const gatewayHost = config.get<string>('loadtest.host', 'localhost').trim() || 'localhost';
  const api = await deps.apiOptions();
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Testing load balancing of ${router}`, cancellable: true },
    (progress, token) =>
      live.loadTestRouter({
        api,
        router,
        gatewayHost,
        requests,
        delayMs,
        dockerHost: config.get<string>('docker.host', '').trim() || undefined,
        accessLogFile: config.get<string>('loadtest.accessLogFile', '').trim() || undefined,
        replicaHeader: config.get<string>('loadtest.replicaHeader', '').trim() || undefined,
        isCancelled: () => token.isCancellationRequested,
        onPlan: (plan) => {
          deps.output.appendLine(
            `Load test: ${plan.requests} x ${plan.method} ${plan.tls ? 'https' : 'http'}://${plan.host}:${plan.port}${plan.path} (Host: ${plan.hostHeader})`,
          );
          for (const n of plan.notes) deps.output.appendLine(`  note: ${n}`);
        },
        onResult: (r, done, total) =>
          progress.report({
            increment: 100 / total,
            message: `${done}/${total}: ${r.status || 'no answer'} in ${Math.round(r.ms)} ms`,
          }),
      }),
  );
  deps.output.appendLine(live.renderReportText(report));
  deps.output.show(true);
  deps.showReport(report);
  const spread = report.spread.map((s) => `${s.container ?? s.server} ${Math.round(s.percent)}%`).join(', ');
  const summary = `${report.router}: ${report.sent} request(s)${spread ? `, ${spread}` : ''}`;
  if (report.warnings.length) void vscode.window.showWarningMessage(`${summary}. ${report.warnings[0]}`);
  else void vscode.window.showInformationMessage(summary);
}

/** The router of the row, one of the compose service's routers, or one the user picks. */
async function pickRouter(model: LiveModel | undefined, node?: Node): Promise<string | undefined> {
  if (node?.ref?.kind === 'router' && !node.ref.protocol) return node.ref.name;
  const routers = model && model.traefik.kind === 'connected' ? [...model.routersByEntryPoint.values()].flat() : [];
  let candidates = [...new Map(routers.map((r) => [r.name, r])).values()];
  if (node?.ref?.kind === 'composeService') {
    const group = model?.composeServices.find((g) => `${g.project}/${g.service}` === node.ref?.name);
    const services = new Set(group?.traefikServices ?? []);
    candidates = candidates.filter(
      (r) => r.service && (services.has(r.service) || services.has(`${r.service}@${r.provider}`)),
    );
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(`No HTTP router of Traefik sends requests to ${node.label}.`);
      return undefined;
    }
  }
  if (candidates.length === 1) return candidates[0].name;
  if (candidates.length === 0) {
    void vscode.window.showErrorMessage(
      model?.traefik.kind === 'connected'
        ? 'Traefik reports no HTTP router to test.'
        : "Traefik's API does not answer: the load test needs its routers (see the Gateway view).",
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((r) => ({ label: r.name, description: r.rule, detail: r.service ? `→ ${r.service}` : undefined })),
    { title: 'Test Load Balancing: which router?' },
  );
  return picked?.label;
}

async function askNumber(prompt: string, value: string, min: number, max: number): Promise<number | undefined> {
  const answer = await vscode.window.showInputBox({
    title: 'Test Load Balancing',
    prompt,
    value,
    validateInput: (v) => {
      const n = Number(v.trim());
      return Number.isInteger(n) && n >= min && n <= max ? undefined : `A whole number from ${min} to ${max}`;
    },
  });
  return answer === undefined ? undefined : Number(answer.trim());
}
