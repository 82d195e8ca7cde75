// The scale commands' UI: pick a service, ask for a count, confirm warnings, run with a
// cancellable progress notification and the exact command in the output channel. Every
// decision (validation, refusal, host-port warning, arguments) is made by scale/plan.ts, from the
// language server's plan.
import * as vscode from 'vscode';
import type * as Live from '../../../live';
import type { LiveComposeService } from '../../../live/model';
import type { LiveSession } from '../../../live/session';
import type { Node } from '../../../live/tree';
import type { ComposeCli } from '../../../live/docker/compose';
import type { ScaleDecision, ScaleTarget } from '../../../live/scale/plan';
import type { ScalePlanAnswer, ScalePlanParams } from '../../../server/src/protocol';

export interface ScaleHost {
  /** Loads dist/live.js and the session (lazily). */
  open(): Promise<{ live: typeof Live; session: LiveSession }>;
  readonly output: vscode.OutputChannel;
  /** gatewayLens.docker.host, or '' for DOCKER_HOST / the platform default. */
  dockerHost(): string;
  maxReplicas(): number;
  /** Asks the language server (gatewayLens/scalePlan); undefined while it is not running. */
  plan(params: ScalePlanParams): Promise<ScalePlanAnswer | undefined>;
}

type Decided = Extract<ScaleDecision, { run: unknown }>;

export class Scaler {
  private cli: { host: string; found: Promise<ComposeCli | undefined> } | undefined;

  constructor(private readonly host: ScaleHost) {}

  /** "Gateway Lens: Scale Service..." from the palette (pick one) or a compose row. */
  async scale(node?: Node): Promise<void> {
    if (!trusted()) return;
    const { live, session } = await this.host.open();
    const target = node ? this.targetOf(live, session, node) : await this.pick(live, session);
    if (!target) return;
    const max = this.host.maxReplicas();
    const text = await vscode.window.showInputBox({
      title: `Scale ${target.service}`,
      prompt: `Replicas of "${target.service}" (0 to ${max}; now ${target.current})`,
      value: String(target.current),
      validateInput: (v) => live.replicasError(v, max),
    });
    const replicas = text === undefined ? undefined : live.parseReplicas(text, max);
    if (replicas === undefined) return;
    await this.run(live, session, [await this.decide(live, target, replicas)]);
  }

  /** The +1 / -1 inline actions of a compose row. */
  async step(node: Node | undefined, delta: number): Promise<void> {
    if (!trusted()) return;
    const { live, session } = await this.host.open();
    const target = node && this.targetOf(live, session, node);
    if (!target) return;
    const max = this.host.maxReplicas();
    const replicas = live.stepReplicas(target.current, delta, max);
    if (replicas === undefined) {
      void vscode.window.showWarningMessage(
        `"${target.service}" already has ${target.current} replicas; the range is 0 to ${max} (gatewayLens.scale.maxReplicas).`,
      );
      return;
    }
    await this.run(live, session, [await this.decide(live, target, replicas)]);
  }

  /** Every compose service Traefik balances, to one count. */
  async scaleAllBackends(): Promise<void> {
    if (!trusted()) return;
    const { live, session } = await this.host.open();
    const backends = session.model ? live.backendServices(session.model) : [];
    if (backends.length === 0) {
      void vscode.window.showInformationMessage(
        'No running compose service is balanced by Traefik (Traefik and Docker must both be reachable).',
      );
      return;
    }
    const max = this.host.maxReplicas();
    const text = await vscode.window.showInputBox({
      title: 'Scale All Backend Services',
      prompt: `Replicas for each of ${backends.map((g) => g.service).join(', ')} (0 to ${max})`,
      validateInput: (v) => live.replicasError(v, max),
    });
    const replicas = text === undefined ? undefined : live.parseReplicas(text, max);
    if (replicas === undefined) return;
    const decisions = await Promise.all(backends.map((g) => this.decide(live, live.composeTarget(g), replicas)));
    await this.run(live, session, decisions);
  }

  private targetOf(live: typeof Live, session: LiveSession, node: Node): ScaleTarget | undefined {
    const ref = node.ref;
    if (ref?.kind !== 'composeService') return undefined;
    const group = session.model?.composeServices.find((g) => g.project === ref.project && g.service === ref.service);
    return group && live.composeTarget(group);
  }

  private async pick(live: typeof Live, session: LiveSession): Promise<ScaleTarget | undefined> {
    const model = session.model;
    const items: (vscode.QuickPickItem & { target: ScaleTarget })[] = (model?.composeServices ?? []).map(
      (g: LiveComposeService) => ({
        label: g.service,
        description: `${g.project} · ${g.running}/${g.desired} running`,
        target: live.composeTarget(g),
      }),
    );
    if (model?.docker?.kind === 'connected' && model.docker.swarmManager) {
      const swarm = await session.docker.swarmServices().catch(() => []);
      for (const s of swarm) {
        items.push({
          label: s.name,
          description: `Swarm · ${s.replicas ?? '?'} replicas`,
          target: live.swarmTarget(s),
        });
      }
    }
    if (items.length === 0) {
      void vscode.window.showInformationMessage(
        'No compose service to scale: Docker is unreachable or no compose container exists (see the Gateway view).',
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Scale Service', placeHolder: 'Compose service' });
    return picked?.target;
  }

  private env(): NodeJS.ProcessEnv {
    const host = this.host.dockerHost();
    return host ? { ...process.env, DOCKER_HOST: host } : process.env;
  }

  private composeCli(live: typeof Live): Promise<ComposeCli | undefined> {
    const host = this.host.dockerHost();
    if (this.cli?.host !== host) this.cli = { host, found: live.detectCompose(this.env()) };
    return this.cli.found;
  }

  private async decide(live: typeof Live, target: ScaleTarget, replicas: number): Promise<ScaleDecision> {
    const max = this.host.maxReplicas();
    if (target.kind === 'swarm') return live.decideScale(target, replicas, { max });
    return live.decideScale(target, replicas, {
      max,
      plan: await this.host.plan(live.scalePlanParams(target, replicas, max)),
      cli: await this.composeCli(live),
    });
  }

  private async run(live: typeof Live, session: LiveSession, decisions: ScaleDecision[]): Promise<void> {
    const refused = decisions.filter((d): d is Extract<ScaleDecision, { refuse: string }> => d.refuse !== undefined);
    for (const r of refused) void vscode.window.showErrorMessage(`Cannot scale: ${r.refuse}`);
    const runnable = decisions.filter((d): d is Decided => d.refuse === undefined);
    const warnings = runnable.flatMap((d) => d.warnings.map((w) => `${d.target.service}: ${w}`));
    if (warnings.length > 0) {
      const go = await vscode.window.showWarningMessage(
        'Scale anyway?',
        { modal: true, detail: warnings.join('\n') },
        'Scale Anyway',
      );
      if (go !== 'Scale Anyway') return;
    }
    if (runnable.length === 0) return;
    const failures: string[] = [];
    let cancelled = false;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Gateway Lens', cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          for (const d of runnable) {
            if (controller.signal.aborted) break;
            progress.report({ message: `Scaling ${d.target.service} to ${d.replicas}…` });
            this.expect(session, d);
            this.host.output.appendLine(`$ ${d.run.line}`);
            const outcome = await live.executeScale(d.run, {
              env: this.env(),
              signal: controller.signal,
              onOutput: (t) => this.host.output.append(t),
              docker: session.docker,
            });
            if (outcome.cancelled) cancelled = true;
            else if (!outcome.ok) failures.push(`Scaling "${d.target.service}" failed: ${outcome.error}`);
            this.host.output.appendLine(outcome.ok ? '(done)' : outcome.cancelled ? '(cancelled)' : '(failed)');
            if (!outcome.ok) this.forget(session, d);
          }
        } finally {
          sub.dispose();
        }
      },
    );
    void session.refresh();
    for (const f of failures) {
      void vscode.window.showErrorMessage(f, 'Show Output').then((a) => a && this.host.output.show(true));
    }
    if (cancelled) void vscode.window.showInformationMessage('Scaling cancelled; the tree shows what Docker has now.');
  }

  /** The tree shows the count asked for as "desired" until Docker reports it. */
  private expect(session: LiveSession, d: Decided): void {
    if (d.target.kind !== 'compose') return;
    const key = `${d.target.project}/${d.target.service}`;
    session.desired.set(key, d.replicas);
    const group = session.model?.composeServices.find((g) => `${g.project}/${g.service}` === key);
    session.known.set(key, {
      project: d.target.project,
      service: d.target.service,
      configFiles: d.target.configFiles,
      workingDir: d.target.workingDir,
      traefikServices: group?.traefikServices ?? [],
    });
    session.publish();
  }

  private forget(session: LiveSession, d: Decided): void {
    if (d.target.kind !== 'compose') return;
    session.desired.delete(`${d.target.project}/${d.target.service}`);
    session.publish();
  }
}

function trusted(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(
    'Scaling runs docker compose and is disabled in untrusted workspaces. Trust this workspace to scale.',
  );
  return false;
}
