// The Gateway view's rows with traffic, from two hand-written scrapes (test/fixtures/metrics):
// figures on routers, services and entry points; what is missing when a label family is off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Node } from '../../../live/tree';
import { MetricsHistory } from '../../../live/metrics/rates';
import { lensTitle, withFigures } from '../../../live/metrics/rows';
import { readScrape } from '../../../live/metrics/traefik';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'metrics');
const read = (name: string, at: number) => readScrape(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), at);

function view(a: string, b: string) {
  const h = new MetricsHistory();
  h.add(read(a, 0));
  h.add(read(b, 10_000));
  return h.view()!;
}

const row = (id: string, contextValue: string, ref?: Node['ref'], children: Node[] = []): Node => ({
  id,
  label: ref?.name ?? id,
  description: 'as before',
  contextValue,
  ref,
  children,
});

const tree = (): Node[] => [
  {
    ...row('ep:web', 'entryPoint', undefined, [
      row('r1', 'router.docker', { kind: 'router', name: 'users@docker' }),
      row('r2', 'router.docker', { kind: 'router', name: 'idle@docker' }),
    ]),
    label: 'web',
  },
  // The TCP group row shares the entry point's context value: no figures.
  row('tcp:routers', 'entryPoint', undefined, []),
  row('s1', 'service.docker', { kind: 'service', name: 'users@docker' }),
  row('t1', 'router', { kind: 'router', name: 'users@docker', protocol: 'tcp' }),
];

const descriptions = (nodes: Node[]): string[] =>
  nodes.flatMap((n) => [`${n.label}: ${n.description}`, ...descriptions(n.children)]);

test('figures on each HTTP router, service and entry point; TCP rows unchanged', () => {
  assert.deepEqual(descriptions(withFigures(tree(), view('v3-a.prom', 'v3-b.prom'))), [
    'web: 6.3 req/s · as before',
    'users@docker: 6.3 req/s · p95 - · 18 5xx/min · as before',
    'idle@docker: no traffic · as before',
    'tcp:routers: as before',
    'users@docker: 6.3 req/s · p95 1027 ms · 18 5xx/min · as before',
    'users@docker: as before',
  ]);
  assert.deepEqual(withFigures(tree(), undefined), tree());
});

test('routers off (addRoutersLabels): router rows say why in the tooltip, services still shown', () => {
  const v = view('v2-services-only.prom', 'v2-services-only.prom');
  const nodes = withFigures(
    [...tree(), row('s2', 'service.docker', { kind: 'service', name: 'userservice@docker' })],
    v,
  );
  const router = nodes[0].children[0];
  assert.equal(router.description, 'as before');
  assert.match(router.tooltip ?? '', /addRoutersLabels is off/);
  // The same scrape twice: no increase, but the service has series (it is not "no traffic").
  assert.match(nodes[4].description ?? '', /^0 req\/s · p95 - · 0 5xx\/min · as before$/);
});

test('the CodeLens title: the router, else its service when router metrics are off, else why', () => {
  const all = view('v3-a.prom', 'v3-b.prom');
  const servicesOnly = view('v2-services-only.prom', 'v2-services-only.prom');
  const table: [ReturnType<typeof view>, string, string, string][] = [
    [all, 'users@docker', 'users@docker', '6.3 req/s · p95 - · 18 5xx/min'],
    [all, 'idle@docker', 'idle@docker', 'no traffic'],
    [
      servicesOnly,
      'userservice@docker',
      'userservice@docker',
      'service userservice@docker: 0 req/s · p95 - · 0 5xx/min',
    ],
    [servicesOnly, 'web@docker', 'web@docker', 'service web@docker: no traffic'],
  ];
  for (const [v, router, service, expected] of table) assert.equal(lensTitle(v, router, service), expected, router);
});
