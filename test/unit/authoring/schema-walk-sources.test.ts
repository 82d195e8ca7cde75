// Completion and unknown-label agree in every place labels are written, not only in container
// labels in list form: service (deploy) labels, where v3's swarm provider reads traefik.swarm.*,
// and map form. Each offered key is checked against the check, and swarm's own keys are reachable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../../server/src/analysis/authoring';
import { childKeys, type LabelVersion } from '../../../server/src/analysis/schema';
import { findings, FILE, projectOf } from './helpers';

type Place = 'labels-list' | 'labels-map' | 'deploy-list' | 'deploy-map';
const PLACES: Place[] = ['labels-list', 'labels-map', 'deploy-list', 'deploy-map'];

/** A one-service file with `keys` (each `=x`) in that place, and `typed` where the cursor is. */
function fileWith(place: Place, keys: string[], typed?: string): { text: string; offset: number } {
  const deploy = place.startsWith('deploy');
  const list = place.endsWith('list');
  const indent = deploy ? '        ' : '      ';
  const head = `services:\n  demo:\n    image: nginx\n${deploy ? '    deploy:\n      labels:\n' : '    labels:\n'}`;
  const entry = (k: string) => (list ? `${indent}- "${k}=x"\n` : `${indent}${k}: x\n`);
  let text = head + keys.map(entry).join('');
  let offset = -1;
  if (typed !== undefined) {
    const open = list ? `${indent}- "${typed}` : `${indent}${typed}`;
    offset = text.length + open.length;
    text += `${open}${list ? '"' : ''}\n`;
  }
  return { text, offset };
}

function offered(place: Place, prefix: string[], version: LabelVersion): string[] {
  const { text, offset } = fileWith(place, [], prefix.length === 0 ? '' : `${prefix.join('.')}.`);
  return complete(projectOf(text, { options: { version } }), FILE, offset)
    .filter((i) => i.kind === 'field' || i.kind === 'name')
    .map((i) => i.label);
}

function flagged(place: Place, keys: string[], version: LabelVersion): string[] {
  const { text } = fileWith(place, keys);
  return findings(text, { options: { version } })
    .filter((f) => f.code === 'unknown-label')
    .map((f) => `${text.slice(f.range.start, f.range.end)}`);
}

/** Prefixes to compare in each place: the roots, and one level under each provider-specific root. */
const PREFIXES: string[][] = [
  ['traefik'],
  ['traefik', 'docker'],
  ['traefik', 'swarm'],
  ['traefik', 'http'],
  ['traefik', 'http', 'routers', 'r'],
];

for (const version of ['v2', 'v3'] as const) {
  for (const place of PLACES) {
    test(`${version} ${place}: no offered key is an unknown label`, () => {
      let judged = 0;
      for (const prefix of PREFIXES) {
        const labels = offered(place, prefix, version);
        const keys = labels.map((l) => [...prefix, l].join('.'));
        assert.deepEqual(flagged(place, keys, version), [], `offered under ${prefix.join('.')}: ${keys.join(', ')}`);
        judged += keys.length;
      }
      assert.ok(judged > 15, `${judged} keys judged`);
    });
  }
}

test('v3: traefik.swarm.* is offered in service (deploy) labels, with its fields, and never in container labels', () => {
  for (const place of ['deploy-list', 'deploy-map'] as const) {
    assert.ok(offered(place, ['traefik'], 'v3').includes('swarm'), place);
    const fields = childKeys(['traefik', 'swarm'], 'v3').map((c) => c.name);
    assert.ok(fields.length >= 2, fields.join(','));
    for (const f of fields) assert.ok(offered(place, ['traefik', 'swarm'], 'v3').includes(f), `${place}: swarm.${f}`);
  }
  for (const place of ['labels-list', 'labels-map'] as const)
    assert.ok(!offered(place, ['traefik'], 'v3').includes('swarm'), place);
});

test('map form offers what list form offers', () => {
  for (const version of ['v2', 'v3'] as const)
    for (const prefix of PREFIXES)
      assert.deepEqual(
        offered('labels-map', prefix, version).sort(),
        offered('labels-list', prefix, version).sort(),
        `${version} ${prefix.join('.')}`,
      );
});
