// The panel's time series from successive reads of hand-written scrapes (test/fixtures/metrics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { MetricsHistory } from '../../../live/metrics/rates';
import { panelSeries } from '../../../live/metrics/series';
import { readScrape } from '../../../live/metrics/traefik';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'metrics');
const read = (name: string, at: number) => readScrape(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), at);

test('one point per read after the first; a series per entry point, service and router', () => {
  const h = new MetricsHistory();
  const views = [];
  for (const [name, at] of [
    ['v3-a.prom', 0],
    ['v3-b.prom', 10_000],
    ['v3-b.prom', 20_000],
  ] as const) {
    h.add(read(name, at));
    views.push(h.view({ rateMs: 10_000, quantileMs: 10_000 })!);
  }
  const s = panelSeries(views, 'http://127.0.0.1:8080/metrics');
  assert.deepEqual(s.times, [10, 20]);
  const byId = Object.fromEntries(s.charts.map((c) => [c.id, c.series]));
  assert.deepEqual(byId.entrypoints, [
    { name: 'traefik', values: [0, 0] },
    { name: 'web', values: [6.3, 0] },
  ]);
  assert.deepEqual(byId.errors, [{ name: 'users@docker', values: [18, 0] }]);
  // No request in the last 10 s: no p95 to draw (a gap, not 0 ms).
  assert.deepEqual(
    byId.p95.map((x) => ({ ...x, values: x.values.map((v) => (v === null ? null : Math.round(v * 10) / 10)) })),
    [{ name: 'users@docker', values: [1027.5, null] }],
  );
  assert.deepEqual(byId.routers, [{ name: 'users@docker', values: [6.3, 0] }]);
  assert.deepEqual(
    panelSeries([], '').charts.map((c) => c.series.length),
    [0, 0, 0, 0],
  );
});
