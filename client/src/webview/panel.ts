/// <reference lib="dom" />
// The Gateway Metrics panel's page (dist/panel.js, a browser bundle): draws the time series
// and the load test's spread with uPlot, in VS Code's theme colours (the --vscode-* CSS
// variables the webview is given). Data arrives by postMessage from views/trafficPanel.ts.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LoadTestReport } from '../../../live/loadtest/report';
import type { Chart, PanelSeries } from '../../../live/metrics/series';

export type PanelMessage = { type: 'series'; data: PanelSeries } | { type: 'report'; report: LoadTestReport };

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const PALETTE = ['blue', 'green', 'orange', 'purple', 'red', 'yellow'];
const plots = new Map<string, uPlot>();

function css(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function colour(i: number): string {
  return css(`--vscode-charts-${PALETTE[i % PALETTE.length]}`, '#3794ff');
}

function axes(unit: string, time: boolean): uPlot.Axis[] {
  const stroke = css('--vscode-foreground', '#ccc');
  const grid = { stroke: css('--vscode-editorWidget-border', '#444'), width: 1 };
  return [
    { stroke, grid, ticks: grid, ...(time ? {} : { values: (_u: uPlot, ticks: number[]) => ticks.map(String) }) },
    { stroke, grid, ticks: grid, label: unit, size: 60 },
  ];
}

function width(): number {
  return Math.max(300, document.body.clientWidth - 40);
}

function section(id: string, title: string): HTMLElement {
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement('section');
    el.id = id;
    const h = document.createElement('h2');
    h.textContent = title;
    el.appendChild(h);
    document.getElementById(id.startsWith('chart-loadtest') ? 'loadtest' : 'charts')!.appendChild(el);
  }
  return el;
}

function drawChart(chart: Chart, times: number[]): void {
  const id = `chart-${chart.id}`;
  const el = section(id, `${chart.title} (${chart.unit})`);
  const empty = el.querySelector('.empty') ?? el.appendChild(document.createElement('p'));
  empty.className = 'empty';
  empty.textContent = chart.series.length === 0 ? 'No series yet.' : '';
  const data = [times, ...chart.series.map((s) => s.values)] as uPlot.AlignedData;
  const key = `${chart.id}:${chart.series.map((s) => s.name).join('|')}`;
  const old = plots.get(chart.id);
  if (old && (old as uPlot & { key?: string }).key === key) return old.setData(data);
  old?.destroy();
  const plot = new uPlot(
    {
      width: width(),
      height: 180,
      series: [{}, ...chart.series.map((s, i) => ({ label: s.name, stroke: colour(i), width: 2, spanGaps: false }))],
      axes: axes(chart.unit, true),
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    },
    data,
    el,
  );
  (plot as uPlot & { key?: string }).key = key;
  plots.set(chart.id, plot);
}

function drawSeries(data: PanelSeries): void {
  document.getElementById('source')!.textContent = `From ${data.source}`;
  document.getElementById('missing')!.textContent = data.missing.join('; ');
  for (const chart of data.charts) drawChart(chart, data.times);
  document.body.dataset.charts = String(plots.size - (plots.has('loadtest') ? 1 : 0));
  document.body.dataset.points = String(data.times.length);
}

function drawReport(report: LoadTestReport): void {
  const el = section('chart-loadtest', 'Load test: requests per replica');
  const summary = el.querySelector('.summary') ?? el.appendChild(document.createElement('p'));
  summary.className = 'summary';
  const t = report.times;
  const ms = (n: number) => Math.round(n);
  const times = t ? ` · min ${ms(t.min)} / avg ${ms(t.avg)} / p95 ${ms(t.p95)} / max ${ms(t.max)} ms` : '';
  summary.textContent = `${report.router}: ${report.sent} request(s) to ${report.target}${times}. ${report.source}`;
  const list = el.querySelector('ul') ?? el.appendChild(document.createElement('ul'));
  list.replaceChildren(
    ...[
      ...report.spread.map((s) => `${s.container ?? s.server}: ${s.requests} (${Math.round(s.percent)}%)`),
      ...report.warnings.map((w) => `warning: ${w}`),
    ].map((t) => Object.assign(document.createElement('li'), { textContent: t })),
  );
  plots.get('loadtest')?.destroy();
  // Bar labels without the scheme: three addresses side by side fit the panel.
  const names = report.spread.map((s) => s.container ?? s.server.replace(/^https?:\/\//, ''));
  if (names.length === 0) return;
  const bars = uPlot.paths.bars!({ size: [0.6, 80] });
  const plot = new uPlot(
    {
      width: width(),
      height: 200,
      series: [{}, { label: 'requests', stroke: colour(0), fill: colour(0), paths: bars, points: { show: false } }],
      axes: [
        {
          ...axes('', false)[0],
          values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (names[t] ?? '') : '')),
        },
        axes('requests', false)[1],
      ],
      scales: { x: { time: false, range: [-0.5, names.length - 0.5] }, y: { range: (_u, _m, max) => [0, max + 1] } },
      legend: { show: false },
    },
    [names.map((_, i) => i), report.spread.map((s) => s.requests)],
    el,
  );
  plots.set('loadtest', plot);
  document.body.dataset.bars = String(names.length);
}

window.addEventListener('message', (e: MessageEvent<PanelMessage>) => {
  if (e.data.type === 'series') drawSeries(e.data.data);
  else if (e.data.type === 'report') drawReport(e.data.report);
});
window.addEventListener('resize', () => {
  for (const p of plots.values()) p.setSize({ width: width(), height: p.height });
});
vscode.postMessage({ type: 'ready' });
