// The "Gateway Metrics" panel: a webview with the last minutes of traffic (metrics/series.ts)
// and the last load test's spread, drawn by dist/panel.js (webview/panel.ts, uPlot). A strict
// Content-Security-Policy: only the extension's own script (by nonce) and styles, nothing remote.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LoadTestReport } from '../../../live/loadtest/report';
import { panelSeries } from '../../../live/metrics/series';
import type { PanelMessage } from '../webview/panel';
import type { Traffic } from './traffic';

export class TrafficPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private report: LoadTestReport | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly traffic: Traffic,
  ) {
    this.subscription = traffic.onDidUpdate(() => this.postSeries());
  }

  show(): void {
    if (this.panel) return this.panel.reveal(undefined, true);
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(
      'gatewayLens.metrics',
      'Gateway Metrics',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: true },
    );
    this.panel = panel;
    this.ready = false;
    panel.webview.html = html(panel.webview, dist);
    panel.webview.onDidReceiveMessage((m: { type?: string }) => {
      if (m?.type !== 'ready') return;
      this.ready = true;
      this.postSeries();
      if (this.report) this.post({ type: 'report', report: this.report });
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.traffic.panelOpen = false;
      this.traffic.wake();
    });
    this.traffic.panelOpen = true;
    void this.traffic.refresh();
  }

  showReport(report: LoadTestReport): void {
    this.report = report;
    this.show();
    if (this.ready) this.post({ type: 'report', report });
  }

  private postSeries(): void {
    const state = this.traffic.state;
    const source =
      state.kind === 'none' ? '' : state.kind === 'ok' ? state.source : `${state.source}: ${state.message}`;
    this.post({ type: 'series', data: panelSeries(this.traffic.history, source) });
  }

  private post(message: PanelMessage): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

function html(webview: vscode.Webview, dist: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'panel.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'panel.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
  h1 { font-size: 1.2em; } h2 { font-size: 1em; font-weight: 600; margin: 1em 0 0.3em; }
  .u-legend { color: var(--vscode-foreground); } .note { color: var(--vscode-descriptionForeground); }
</style>
<title>Gateway Metrics</title>
</head>
<body>
<h1>Gateway Metrics</h1>
<p id="source" class="note">Reading metrics…</p>
<p id="missing" class="note"></p>
<div id="loadtest"></div>
<div id="charts"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
