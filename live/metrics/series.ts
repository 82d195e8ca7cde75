// The Gateway Metrics panel's time series, from one MetricsView per read (oldest first): the
// seed's four Grafana panels, broken down as its queries are (throughput per entry point, p95
// and 5xx per service, requests per router). Plain data: the webview draws it (webview/panel.ts).
import type { Figures, MetricsView } from './rates';

export interface Chart {
  id: 'entrypoints' | 'p95' | 'errors' | 'routers';
  title: string;
  unit: string;
  series: { name: string; values: (number | null)[] }[];
}

export interface PanelSeries {
  /** Seconds since the epoch, one per read. */
  times: number[];
  charts: Chart[];
  /** What cannot be drawn (label families off), from the latest read. */
  missing: string[];
  source: string;
}

type Rows = (v: MetricsView) => Map<string, Figures>;

export function panelSeries(history: readonly MetricsView[], source: string): PanelSeries {
  // The first read has no rate yet (one scrape): it draws nothing.
  const views = history.filter((v) => v.seconds > 0);
  const chart = (
    id: Chart['id'],
    title: string,
    unit: string,
    rows: Rows,
    pick: (f: Figures) => number | undefined,
  ) => {
    const names = [...new Set(views.flatMap((v) => [...rows(v).keys()]))].sort();
    return {
      id,
      title,
      unit,
      series: names.map((name) => ({
        name,
        values: views.map((v) => {
          const f = rows(v).get(name);
          const value = f ? pick(f) : undefined;
          return value === undefined || !Number.isFinite(value) ? null : value;
        }),
      })),
    };
  };
  return {
    times: views.map((v) => v.at / 1000),
    charts: [
      chart(
        'entrypoints',
        'Throughput per entry point',
        'req/s',
        (v) => v.entryPoints,
        (f) => f.reqPerSec,
      ),
      chart(
        'p95',
        'p95 latency per service',
        'ms',
        (v) => v.services,
        (f) => f.p95Ms,
      ),
      chart(
        'errors',
        '5xx per service',
        '5xx/min',
        (v) => v.services,
        (f) => f.errorsPerMin,
      ),
      chart(
        'routers',
        'Requests per router',
        'req/s',
        (v) => v.routers,
        (f) => f.reqPerSec,
      ),
    ],
    missing: history[history.length - 1]?.missing ?? [],
    source,
  };
}
