// The Gateway view container: four trees over one live session, its status, the settings and
// secret it reads, Reveal in Compose File, and live diagnostics. dist/live.js (dockerode, the
// Traefik API client) is required only when a view opens or a live command runs.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-jsonrpc';
import {
  COMPOSE_FILE_GLOBS,
  DefinitionsRequest,
  LocateRequest,
  normalizeGlob,
  ScalePlanRequest,
  SETTINGS_SECTION,
  type FileDefinition,
  type LocateParams,
  type RouteLocation,
} from '../../../server/src/protocol';
import type * as Live from '../../../live';
import {
  inClear,
  originOf,
  parseStoredPassword,
  passwordDecision,
  storePassword,
} from '../../../live/traefik/credentials';
import type { LiveModel } from '../../../live/model';
import type { Placed } from '../../../live/attach';
import type { LiveProblem } from '../../../live/problems';
import type { LiveSession } from '../../../live/session';
import type { Node } from '../../../live/tree';
import { GatewayTreeProvider } from './gatewayTree';
import type { LiveCommandContext } from '../commands';
import { LIVE_VIEWS } from './liveViews';
import { LiveDiagnostics } from './liveDiagnostics';
import { Scaler } from './scale';
import { askSettingsTarget, TraefikStatusItem } from './liveStatus';
import { testLoadBalancing } from './loadTest';
import { Traffic } from './traffic';
import { TrafficPanel } from './trafficPanel';
import { errorMessage } from '../../../server/src/analysis/errors';

/** Sends a request to the language server; undefined while it is not running. */
export type Requester = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R | undefined>;

const PASSWORD_KEY = 'gatewayLens.traefik.apiPassword';
/** Settings whose change means a new session (new URL, credentials, engine or period). */
const SESSION_SETTINGS = ['traefik.apiUrl', 'traefik.apiUser', 'docker.host', 'live.refreshInterval'];

export class LiveView implements LiveCommandContext, vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Gateway Lens Live');
  private live: typeof Live | undefined;
  private session: Promise<LiveSession> | undefined;
  private readonly providers = {
    // Empty until Traefik (or Docker) answers: the views' welcome content then says why.
    routers: new GatewayTreeProvider((m) =>
      this.connected(m)
        ? this.traffic.decorate([
            this.live!.statusNode(m),
            ...this.live!.routerNodes(m),
            ...this.live!.layer4RouterNodes(m),
          ])
        : [],
    ),
    services: new GatewayTreeProvider((m) =>
      this.connected(m)
        ? this.traffic.decorate([...this.live!.serviceNodes(m), ...this.live!.layer4ServiceNodes(m)])
        : [],
    ),
    compose: new GatewayTreeProvider((m) => (m.docker?.kind === 'connected' ? this.live!.composeNodes(m) : [])),
    middlewares: new GatewayTreeProvider((m) => (this.connected(m) ? this.live!.middlewareNodes(m) : [])),
    // The files' definitions arrive from the language server (updateDrift) before the view is rebuilt.
    drift: new GatewayTreeProvider((m) =>
      this.connected(m) && this.defined ? this.live!.driftNodes(this.live!.drift(m, this.defined)) : [],
    ),
  };
  /** The routers and services the workspace's files define; undefined until the server answered. */
  private defined: FileDefinition[] | undefined;
  private readonly views: Record<keyof typeof LIVE_VIEWS, vscode.TreeView<Node>>;
  private readonly diagnostics = new LiveDiagnostics(
    (model, problem) => this.placeProblem(model, problem),
    (message) => this.output.appendLine(message),
  );
  private readonly scaler = new Scaler({
    open: () => this.open(),
    output: this.output,
    dockerHost: () => this.config().get<string>('docker.host', '').trim(),
    maxReplicas: () => Math.max(0, Math.floor(this.config().get<number>('scale.maxReplicas', 10))),
    plan: (params) => this.request(ScalePlanRequest, params),
  });
  private readonly disposables: vscode.Disposable[] = [];
  /** The live Traefik state; shown once a session has started. */
  private readonly statusItem = new TraefikStatusItem();
  /** Traefik's metrics on the rows, in the CodeLens and the panel. */
  readonly traffic: Traffic;
  private readonly panel: TrafficPanel;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly request: Requester,
  ) {
    const make = (key: keyof typeof LIVE_VIEWS): vscode.TreeView<Node> =>
      vscode.window.createTreeView(LIVE_VIEWS[key], { treeDataProvider: this.providers[key], showCollapseAll: true });
    this.views = {
      routers: make('routers'),
      services: make('services'),
      compose: make('compose'),
      middlewares: make('middlewares'),
      drift: make('drift'),
    };
    this.traffic = new Traffic({
      request,
      loadLive: () => this.loadLive(),
      passwordFor: (url) => this.passwordFor(url),
      views: [this.views.routers, this.views.services],
      redraw: () => {
        this.providers.routers.redraw();
        this.providers.services.redraw();
      },
      output: this.output,
    });
    this.panel = new TrafficPanel(extension.extensionUri, this.traffic);
    for (const view of Object.values(this.views)) {
      this.disposables.push(
        view,
        view.onDidChangeVisibility((e) => {
          if (!e.visible) return;
          void this.open()
            .then(({ session }) => session.model && this.updateDrift(session.model))
            .catch(() => undefined);
        }),
      );
      if (view.visible) void this.open().catch(() => undefined);
    }
    this.disposables.push(
      this.output,
      this.traffic,
      this.panel,
      this.statusItem,
      this.diagnostics,
      ...Object.values(this.providers),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (SESSION_SETTINGS.some((s) => e.affectsConfiguration(`${SETTINGS_SECTION}.${s}`))) void this.restart();
      }),
      extension.secrets.onDidChange((e) => {
        if (e.key === PASSWORD_KEY) void this.restart();
      }),
      // Saved compose files move labels: put the live errors where they are now.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.languageId === 'dockercompose' || d.languageId === 'yaml') void this.updateDiagnostics(true);
      }),
    );
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION);
  }

  private connected(m: LiveModel): boolean {
    return m.traefik.kind === 'connected';
  }

  /** Loads dist/live.js and starts the session once; later calls share it. */
  private open(): Promise<{ live: typeof Live; session: LiveSession }> {
    this.session ??= this.startSession().catch((err: unknown) => {
      this.session = undefined;
      const message = errorMessage(err);
      this.output.appendLine(`Gateway Lens: the live view could not start: ${message}`);
      void this.setContext('traefik', 'failed');
      throw err;
    });
    return this.session.then((session) => ({ live: this.live!, session }));
  }

  private loadLive(): typeof Live {
    // A runtime path, so esbuild leaves the bundle out of dist/client.js.
    const bundle = path.join(this.extension.extensionPath, 'dist', 'live.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.live ??= require(bundle) as typeof Live;
    return this.live;
  }

  private async startSession(): Promise<LiveSession> {
    const live = this.loadLive();
    const config = this.config();
    const session = new live.LiveSession({
      api: await this.apiOptions(),
      dockerHost: config.get<string>('docker.host', '').trim() || undefined,
      intervalMs: Math.max(0, config.get<number>('live.refreshInterval', 10)) * 1000,
      active: () => Object.values(this.views).some((v) => v.visible),
    });
    session.onChange((m) => this.show(m));
    this.showLoading(config.get<string>('traefik.apiUrl', 'http://localhost:8080'));
    await this.progress(session.refresh());
    void session.start();
    return session;
  }

  /** Traefik's API URL and credentials (the password only for the origins it is bound to). */
  private async apiOptions(): Promise<Live.ApiOptions> {
    const config = this.config();
    const user = config.get<string>('traefik.apiUser', '').trim();
    const baseUrl = config.get<string>('traefik.apiUrl', 'http://localhost:8080');
    return { baseUrl, username: user || undefined, password: user ? await this.passwordFor(baseUrl) : undefined };
  }

  private async restart(): Promise<void> {
    const old = this.session;
    if (!old) return;
    this.session = undefined;
    (await old.catch(() => undefined))?.dispose();
    this.diagnostics.clear();
    await this.open().catch(() => undefined);
  }

  /** A new URL is being tried: nothing of the old Traefik stays under "Connected". */
  private showLoading(url: string): void {
    for (const p of Object.values(this.providers)) p.update(undefined);
    void this.setContext('traefik', 'loading');
    this.views.routers.description = `Connecting to ${url}…`;
    this.statusItem.render(this.live!.traefikStatusView({ kind: 'loading', url }));
  }

  private progress<T>(work: Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: { viewId: LIVE_VIEWS.routers } }, () => work);
  }

  private setContext(key: 'traefik' | 'docker', value: string): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', `gatewayLens.live.${key}`, value);
  }

  private show(m: LiveModel): void {
    const live = this.live!;
    for (const p of Object.values(this.providers)) p.update(m);
    void this.updateDrift(m);
    void this.setContext('traefik', m.traefik.kind);
    void this.setContext('docker', m.docker?.kind ?? 'unknown');
    this.statusItem.render(live.traefikStatusView(m.traefik, m));
    // The status line: the Routers view's first row when connected, the view descriptions always.
    this.views.routers.description =
      m.traefik.kind === 'connected' ? `Traefik ${m.traefik.version}` : live.describeState(m.traefik);
    this.views.compose.description =
      m.docker?.kind === 'connected'
        ? `Docker ${m.docker.version}`
        : m.docker
          ? `Docker unreachable at ${m.docker.host}`
          : undefined;
    void this.updateDiagnostics(false);
  }

  /** Asks the server for the files' definitions while the drift view is shown, then redraws it. */
  private async updateDrift(m: LiveModel): Promise<void> {
    if (!this.views.drift.visible || !this.connected(m)) return;
    const files = await this.composeFiles();
    const defined = await this.request(DefinitionsRequest, { files });
    if (defined === undefined) return;
    this.defined = defined;
    const d = this.live!.drift(m, defined);
    this.views.drift.description = `${d.notRunning.length} not running · ${d.notInFiles.length} in no file`;
    this.providers.drift.update(m);
  }

  private async updateDiagnostics(force: boolean): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    if (session?.model && this.live) await this.diagnostics.update(session.model, this.live, force);
  }

  async refresh(): Promise<void> {
    const fresh = this.session === undefined;
    void this.traffic.refresh();
    const { session } = await this.open();
    if (!fresh) await this.progress(session.refresh());
  }

  async setApiUrl(): Promise<void> {
    const config = this.config();
    const url = await vscode.window.showInputBox({
      title: 'Traefik API URL',
      prompt: "Where Traefik's API answers (api.insecure on :8080, or a router to api@internal)",
      value: config.get<string>('traefik.apiUrl', 'http://localhost:8080'),
      validateInput: (v) => (/^https?:\/\/[^\s/]+/.test(v.trim()) ? undefined : 'An http:// or https:// URL'),
    });
    if (url === undefined) return;
    const target = await askSettingsTarget(this.config().inspect<string>('traefik.apiUrl')?.workspaceValue);
    if (target === undefined) return;
    await config.update('traefik.apiUrl', url.trim(), target);
  }

  /**
   * The password for `url`: sent only to the origins it was entered for or the user allowed
   * since (asked here, modal); '' when it stays home, so Traefik answers 401 and the view says so.
   */
  private async passwordFor(url: string): Promise<string> {
    const stored = parseStoredPassword(await this.extension.secrets.get(PASSWORD_KEY));
    const decision = passwordDecision(stored, url);
    if (decision.kind === 'send') return decision.password;
    if (decision.kind === 'none' || !stored) return '';
    const send = 'Send the Password';
    const answer = await vscode.window.showWarningMessage(decision.question, { modal: true }, send);
    if (answer !== send) {
      this.output.appendLine(`Gateway Lens: the Traefik API password was not sent to ${decision.origin}.`);
      return '';
    }
    await this.extension.secrets.store(
      PASSWORD_KEY,
      storePassword({ ...stored, origins: [...stored.origins, decision.origin] }),
    );
    return stored.password;
  }

  async setApiPassword(): Promise<void> {
    const url = this.config().get<string>('traefik.apiUrl', 'http://localhost:8080');
    const origin = originOf(url);
    if (!origin) {
      void vscode.window.showErrorMessage(`gatewayLens.traefik.apiUrl is not an http(s) URL; set it first.`);
      return;
    }
    const password = await vscode.window.showInputBox({
      title: 'Traefik API Password',
      prompt: `Basic-auth password for user "${this.config().get<string>('traefik.apiUser', '')}" at ${origin}, sent only there (kept in VS Code's secret storage; empty removes it)`,
      password: true,
    });
    if (password === undefined) return;
    if (password !== '' && inClear(url)) {
      const send = 'Use It over HTTP';
      const answer = await vscode.window.showWarningMessage(
        `${origin} is plain HTTP to another machine: the password would cross the network readable by anyone on the way. Use it anyway?`,
        { modal: true },
        send,
      );
      if (answer !== send) return;
    }
    if (password === '') await this.extension.secrets.delete(PASSWORD_KEY);
    else await this.extension.secrets.store(PASSWORD_KEY, storePassword({ password, origins: [origin] }));
    if (!this.config().get<string>('traefik.apiUser', '').trim()) {
      void vscode.window.showInformationMessage(
        'Set gatewayLens.traefik.apiUser too: the password is sent only with a user name.',
      );
    }
  }

  /** Compose files the locate request searches: the containers' own, then the workspace's. */
  private async composeFiles(): Promise<string[]> {
    const session = await this.session?.catch(() => undefined);
    const fromLabels = (session?.model?.composeServices ?? [])
      .flatMap((g) => g.configFiles)
      .filter((f) => fs.existsSync(f));
    const extra = this.config()
      .get<string[]>('files', [])
      .filter((g) => g.trim() !== '')
      .map(normalizeGlob);
    const found = await Promise.all(
      [...COMPOSE_FILE_GLOBS, ...extra].map((g) => vscode.workspace.findFiles(g, '**/node_modules/**', 200)),
    );
    return [...new Set([...fromLabels.map((f) => pathToFileURL(f).href), ...found.flat().map((u) => u.toString())])];
  }

  /** Undefined while the language server is not running. */
  private async locate(params: Omit<LocateParams, 'files'>): Promise<RouteLocation[] | undefined> {
    const files = await this.composeFiles();
    if (files.length === 0) return [];
    return this.request(LocateRequest, { ...params, files });
  }

  /** Live errors go on the labels of the project Traefik runs (live/attach.ts). */
  private async placeProblem(model: LiveModel, problem: LiveProblem): Promise<Placed | undefined> {
    const files = await this.composeFiles();
    return this.live!.placeProblem(model, problem, files, (params) => this.request(LocateRequest, params));
  }

  async reveal(node?: Node): Promise<void> {
    const ref = node?.ref;
    if (!ref) return;
    const params =
      ref.kind === 'composeService'
        ? { name: ref.service ?? ref.name, kind: ref.kind, project: ref.project }
        : { name: ref.name, kind: ref.kind, protocol: ref.protocol };
    const found = await this.locate(params);
    if (!found || found.length === 0) {
      void vscode.window.showInformationMessage(
        found
          ? `"${ref.name}" is not defined in a compose file of this workspace.`
          : 'The Gateway Lens language server is not running; Reveal in Compose File needs it.',
      );
      return;
    }
    let target = found[0];
    if (found.length > 1) {
      const picked = await vscode.window.showQuickPick(
        found.map((l) => ({
          label: vscode.workspace.asRelativePath(vscode.Uri.parse(l.uri)),
          description: `line ${l.range.start.line + 1}`,
          l,
        })),
        { title: `Reveal "${ref.name}"` },
      );
      if (!picked) return;
      target = picked.l;
    }
    const r = target.range;
    await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), {
      selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    });
  }

  scale(node?: Node): Promise<void> {
    return this.scaler.scale(node);
  }

  step(node: Node | undefined, delta: number): Promise<void> {
    return this.scaler.step(node, delta);
  }

  scaleAllBackends(): Promise<void> {
    return this.scaler.scaleAllBackends();
  }

  showMetrics(): void {
    this.panel.show();
  }

  testLoadBalancing(node?: Node): Promise<void> {
    return testLoadBalancing(
      {
        loadLive: () => this.loadLive(),
        model: async () => (await this.open()).session.model,
        apiOptions: () => this.apiOptions(),
        output: this.output,
        showReport: (report) => this.panel.showReport(report),
      },
      node,
    );
  }

  dispose(): void {
    void this.session?.then((s) => s.dispose()).catch(() => undefined);
    this.session = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
