// Rates, 5xx per minute and p95 from successive scrapes of hand-written expositions
// (test/fixtures/metrics/README.md says what each holds); expected figures computed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { MetricsHistory } from '../../../live/metrics/rates';
import { figuresLine } from '../../../live/metrics/render';
import { readScrape } from '../../../live/metrics/traefik';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'metrics');
const read = (name: string, at: number) => readScrape(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), at);
const close = (a: number | undefined, b: number) =>
  assert.ok(a !== undefined && Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('two scrapes 10 s apart: req/s, 5xx per minute and p95 per entry point, router and service', () => {
  const h = new MetricsHistory();
  h.add(read('v3-a.prom', 0));
  h.add(read('v3-b.prom', 10_000));
  const v = h.view()!;
  assert.equal(v.version, 'v3');
  assert.equal(v.seconds, 10);
  assert.deepEqual(v.missing, []);
  // web: 200 +60, 502 +3 in 10 s
  const web = v.entryPoints.get('web')!;
  close(web.reqPerSec, 6.3);
  close(web.errorsPerMin, 18);
  assert.equal(web.openConnections, 4);
  close(v.entryPoints.get('traefik')!.reqPerSec, 0);
  // buckets summed over code: 0.1:40 0.3:55 1.2:61 5:63 +Inf:63; rank 59.85 -> 0.3 + 0.9 * 4.85 / 6 s
  const users = v.services.get('users@docker')!;
  close(users.reqPerSec, 6.3);
  close(users.p95Ms, 1027.5);
  const router = v.routers.get('users@docker')!;
  close(router.reqPerSec, 6.3);
  assert.equal(router.service, 'users@docker');
  assert.equal(router.p95Ms, undefined, 'the fixture has no router histogram');
  assert.equal(figuresLine(users), '6.3 req/s · p95 1027 ms · 18 5xx/min');
});

test('one scrape: no rates yet, said so', () => {
  const h = new MetricsHistory();
  h.add(read('v3-a.prom', 0));
  const v = h.view()!;
  assert.equal(v.seconds, 0);
  assert.equal(v.services.get('users@docker')!.reqPerSec, 0);
});

test('a counter reset (Traefik restarted) counts the new value as the increase', () => {
  const h = new MetricsHistory();
  h.add(read('v3-a.prom', 0));
  h.add(read('v3-b.prom', 10_000));
  h.add(read('v3-restart.prom', 20_000));
  // a->b +63, b->c: 160 -> 10 is a reset: +10 (the 502 series is gone: nothing added)
  const v = h.view()!;
  close(v.entryPoints.get('web')!.reqPerSec, 73 / 20);
  close(v.services.get('users@docker')!.errorsPerMin, (3 / 20) * 60);
  // A naive difference of sums would say (10 - 165) / 20 < 0.
  assert.ok(v.routers.get('users@docker')!.reqPerSec > 0);
});

test('a series missing from the earlier scrape counts from 0 (Traefik creates it at its first request)', () => {
  const h = new MetricsHistory();
  h.add(
    readScrape('traefik_service_requests_total{code="200",method="GET",protocol="http",service="s@docker"} 4\n', 0),
  );
  h.add(
    readScrape(
      'traefik_service_requests_total{code="200",method="GET",protocol="http",service="s@docker"} 6\n' +
        'traefik_service_requests_total{code="504",method="GET",protocol="http",service="s@docker"} 1\n',
      2000,
    ),
  );
  const s = h.view()!.services.get('s@docker')!;
  close(s.reqPerSec, 1.5);
  close(s.errorsPerMin, 30);
});

test('the rate window is the last minute; p95 looks back 5 minutes', () => {
  const h = new MetricsHistory();
  const svc = (n: number, le01: number) =>
    `traefik_service_requests_total{code="200",method="GET",protocol="http",service="s@docker"} ${n}\n` +
    `traefik_service_request_duration_seconds_bucket{code="200",method="GET",protocol="http",service="s@docker",le="0.1"} ${le01}\n` +
    `traefik_service_request_duration_seconds_bucket{code="200",method="GET",protocol="http",service="s@docker",le="+Inf"} ${n}\n`;
  h.add(readScrape(svc(0, 0), 0));
  h.add(readScrape(svc(100, 0), 120_000)); // 100 slow requests, 2 minutes ago
  h.add(readScrape(svc(130, 30), 180_000)); // then 30 fast ones
  h.add(readScrape(svc(160, 60), 240_000)); // and 30 more
  const s = h.view()!.services.get('s@docker')!;
  close(s.reqPerSec, 30 / 60);
  // 5 min: 0.1:60, +Inf:160; rank 152 is in +Inf -> 0.1 s
  close(s.p95Ms, 100);
});

test('Traefik v2 names, routers off (the seed): v2 open connections, and what is missing is said', () => {
  const h = new MetricsHistory();
  h.add(read('v2-services-only.prom', 0));
  const v = h.view()!;
  assert.equal(v.version, 'v2');
  assert.equal(v.entryPoints.get('websecure')!.openConnections, 3);
  assert.ok(v.services.has('userservice@docker'));
  assert.equal(v.routers.size, 0);
  assert.equal(v.missing.length, 1);
  assert.match(v.missing[0], /addRoutersLabels/);
});

test('nothing at all: no request metrics yet, and why', () => {
  const h = new MetricsHistory();
  h.add(readScrape('# TYPE traefik_config_reloads_total counter\ntraefik_config_reloads_total 1\n', 0));
  assert.match(h.view()!.missing.join(), /no request metrics yet/);
});

test('old scrapes are dropped past the kept span', () => {
  const h = new MetricsHistory(60_000);
  for (let i = 0; i <= 10; i++) h.add(readScrape('traefik_config_reloads_total 1\n', i * 20_000));
  assert.ok(h.all.length <= 5, String(h.all.length));
});
