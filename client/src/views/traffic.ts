// Traffic next to the routes: reads Traefik's metrics (or a Prometheus server) only while
// something shows them (metrics/poller.ts decides), puts the figures on the Gateway view's rows
// and in a CodeLens above each router's rule label, and keeps the last minutes for the panel.
import * as vscode from 'vscode';
import {
  composeDocumentFilters,
  RouterRulesRequest,
  SETTINGS_SECTION,
  type RouterRule,
  type RouterRulesParams,
} from '../../../server/src/protocol';
import type * as Live from '../../../live';
import type { Node } from '../../../live/tree';
import { MetricsPoller, shouldPoll } from '../../../live/metrics/poller';
import type { MetricsView } from '../../../live/metrics/rates';
import { lensTitle, withFigures } from '../../../live/metrics/rows';
import type { Requester } from './liveView';

/** Settings whose change means a new metrics source. */
const SOURCE_SETTINGS = ['metrics.url', 'metrics.prometheusUrl', 'traefik.apiUrl', 'traefik.apiUser'];
/** How much the panel can draw. */
const KEEP_MS = 10 * 60_000;

export interface TrafficDeps {
  request: Requester;
  /** dist/live.js, loaded on first use. */
  loadLive: () => typeof Live;
  /** The API password for a URL, sent only to the origins it is bound to (liveView.ts). */
  passwordFor: (url: string) => Promise<string>;
  /** The Gateway views that show figures (Routers, Services). */
  views: readonly vscode.TreeView<Node>[];
  /** Redraws the Gateway view's rows with the new figures. */
  redraw: () => void;
  output: vscode.OutputChannel;
}

export type TrafficState =
  | { kind: 'none' }
  | { kind: 'ok'; view: MetricsView; source: string }
  | { kind: 'failed'; message: string; source: string };

export class Traffic implements vscode.CodeLensProvider, vscode.Disposable {
  state: TrafficState = { kind: 'none' };
  /** One view per read, oldest first, for the panel's time series. */
  readonly history: MetricsView[] = [];
  /** Panel (trafficPanel.ts) open: it wants figures too. */
  panelOpen = false;
  private source: Promise<Live.MetricsSource> | undefined;
  private readonly rules = new Map<string, { version: number; rules: RouterRule[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly updated = new vscode.EventEmitter<TrafficState>();
  /** A read finished (the panel redraws). */
  readonly onDidUpdate = this.updated.event;
  private readonly poller: MetricsPoller;
  private readonly disposables: vscode.Disposable[] = [];
  private lastMessage: string | undefined;

  constructor(private readonly deps: TrafficDeps) {
    this.poller = new MetricsPoller({
      read: () => this.read(),
      wanted: () => this.wanted(),
      intervalMs: () => Math.max(1, this.config().get<number>('metrics.refreshInterval', 5)) * 1000,
    });
    const files = this.config().get<string[]>('files', []);
    this.disposables.push(
      this.changed,
      this.updated,
      vscode.languages.registerCodeLensProvider(composeDocumentFilters(Array.isArray(files) ? files : []), this),
      vscode.window.onDidChangeVisibleTextEditors(() => this.wake()),
      vscode.workspace.onDidCloseTextDocument((d) => this.rules.delete(d.uri.toString())),
      ...deps.views.map((v) => v.onDidChangeVisibility(() => this.wake())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const affects = (s: string) => e.affectsConfiguration(`${SETTINGS_SECTION}.${s}`);
        if (SOURCE_SETTINGS.some(affects)) {
          this.source = undefined;
          this.history.length = 0;
          this.state = { kind: 'none' };
          void this.poller.readNow();
        }
        if (affects('metrics.codeLens')) this.changed.fire();
        this.wake();
      }),
    );
    this.wake();
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION);
  }

  /** Visibility changed somewhere: start or stop reading. */
  wake(): void {
    this.poller.wake();
  }

  private wanted(): boolean {
    return shouldPoll({
      gatewayView: this.deps.views.some((v) => v.visible),
      panel: this.panelOpen,
      codeLens: this.config().get<boolean>('metrics.codeLens', true),
      visibleEditors: vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()),
      filesWithRouters: new Set([...this.rules].filter(([, r]) => r.rules.length > 0).map(([uri]) => uri)),
    });
  }

  /** Reads now (Refresh, the panel opening), when something shows the figures. */
  refresh(): Promise<void> {
    return this.poller.readNow();
  }

  private sourceOf(): Promise<Live.MetricsSource> {
    this.source ??= (async () => {
      const live = this.deps.loadLive();
      const config = this.config();
      const apiUrl = config.get<string>('traefik.apiUrl', 'http://localhost:8080');
      const metricsUrl = config.get<string>('metrics.url', '').trim() || live.defaultMetricsUrl(apiUrl);
      const prometheusUrl = config.get<string>('metrics.prometheusUrl', '').trim();
      const user = config.get<string>('traefik.apiUser', '').trim();
      // Traefik's credentials go to Traefik's metrics only (and only to the origins they are bound to).
      const password = user && !prometheusUrl ? await this.deps.passwordFor(metricsUrl) : undefined;
      return new live.MetricsSource({
        metrics: { baseUrl: metricsUrl, username: user || undefined, password },
        prometheus: prometheusUrl ? { baseUrl: prometheusUrl } : undefined,
      });
    })();
    return this.source;
  }

  private async read(): Promise<void> {
    const live = this.deps.loadLive();
    const source = await this.sourceOf();
    const result = await source.read();
    if (result.ok) {
      this.state = { kind: 'ok', view: result.view, source: source.url };
      this.history.push(result.view);
      while (this.history.length > 2 && this.history[0].at < result.view.at - KEEP_MS) this.history.shift();
      this.lastMessage = undefined;
    } else {
      const message = live.describeState(result.state).replace(/^Traefik/, "Traefik's metrics");
      this.state = { kind: 'failed', message, source: source.url };
      if (message !== this.lastMessage) this.deps.output.appendLine(`Gateway Lens: metrics: ${message}`);
      this.lastMessage = message;
    }
    this.deps.redraw();
    this.changed.fire();
    this.updated.fire(this.state);
  }

  /** The Gateway view's rows with the latest figures. */
  decorate(nodes: Node[]): Node[] {
    return withFigures(nodes, this.state.kind === 'ok' ? this.state.view : undefined);
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.config().get<boolean>('metrics.codeLens', true)) return [];
    const rules = await this.rulesOf(document);
    const state = this.state;
    // No lens until figures came: a workspace without a running Traefik gets no line of noise
    // above every rule (the Gateway view and the output say why the metrics do not answer).
    if (state.kind !== 'ok') return [];
    return rules.map((r) => {
      const { start, end } = r.range;
      return new vscode.CodeLens(new vscode.Range(start.line, start.character, end.line, end.character), {
        title: lensTitle(state.view, r.router, r.service),
        tooltip: `${r.router} → ${r.service} (from ${state.source})`,
        command: 'gatewayLens.live.showMetrics',
      });
    });
  }

  /** The file's routers, asked once per document version. */
  private async rulesOf(document: vscode.TextDocument): Promise<RouterRule[]> {
    const uri = document.uri.toString();
    const cached = this.rules.get(uri);
    if (cached && cached.version === document.version) return cached.rules;
    const params: RouterRulesParams = { uri };
    const answer = await this.deps.request(RouterRulesRequest, params);
    // The server not running yet: ask again next time.
    if (answer === undefined) return cached?.rules ?? [];
    const rules = answer;
    const had = (cached?.rules.length ?? 0) > 0;
    this.rules.set(uri, { version: document.version, rules });
    // The first time a shown file turns out to have routers, the figures become wanted.
    if (had !== rules.length > 0) this.wake();
    return rules;
  }

  dispose(): void {
    this.poller.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
