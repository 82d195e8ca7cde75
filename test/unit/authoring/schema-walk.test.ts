// Completion and the schema agree: every field the schema has is offered where it goes, and no
// offered key is one unknown-label would flag. Checked by walking the schema (childKeys) and by
// typing every key of Traefik's own reference lists segment by segment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { complete, type CompletionItem } from '../../../server/src/analysis/authoring';
import { childKeys, lookupLabelKey, type LabelVersion } from '../../../server/src/analysis/schema';
import { findings } from './helpers';
import { FILE, projectOf } from './helpers';

// Copies of Traefik's reference files (test/fixtures/traefik/README.md names each upstream path), so the repo stands alone.
const SHARED = path.resolve(__dirname, '..', '..', 'fixtures', 'traefik');

function offered(prefix: string[], version: LabelVersion): CompletionItem[] {
  const head = 'services:\n  demo:\n    image: nginx\n    labels:\n      - "';
  const typed = prefix.length === 0 ? '' : `${prefix.join('.')}.`;
  const text = `${head}${typed}"\n`;
  const items = complete(projectOf(text, { options: { version } }), FILE, head.length + typed.length);
  return items.filter((i) => i.kind === 'field' || i.kind === 'name');
}

/** unknown-label findings on labels `key=x` of one service. */
function flagged(keys: string[], version: LabelVersion): string[] {
  const text = `services:\n  demo:\n    image: nginx\n    labels:\n${keys.map((k) => `      - "${k}=x"\n`).join('')}`;
  return findings(text, { options: { version } })
    .filter((f) => f.code === 'unknown-label')
    .map((f) => text.slice(f.range.start, f.range.end));
}

const PROBE = 'probe-name';

for (const version of ['v2', 'v3'] as const) {
  test(`${version}: every schema field is offered where it goes, and no offered key is an unknown label`, () => {
    let visited = 0;
    let judged = 0;
    const seen = new Set<string>();
    const walk = (prefix: string[]): void => {
      const canonical =
        prefix.length === 0 ? '' : (lookupLabelKey(prefix, version).path?.join('.') ?? prefix.join('.'));
      if (seen.has(canonical)) return;
      seen.add(canonical);
      visited++;
      const items = offered(prefix, version);
      const labels = items.map((i) => i.label);
      const expected =
        prefix.length === 0
          ? ['traefik']
          : childKeys(prefix, version)
              .filter((c) => !(prefix.length === 1 && c.name === 'swarm'))
              .map((c) => (lookupLabelKey([...prefix, c.name], version).list ? `${c.name}[0]` : c.name));
      for (const e of expected) assert.ok(labels.includes(e), `${[...prefix, e].join('.')} offered`);
      const keys = labels.map((l) => [...prefix, l].join('.'));
      if (prefix.length > 0) assert.deepEqual(flagged(keys, version), [], `offered under ${prefix.join('.')}`);
      judged += keys.length;
      for (const item of items) {
        const next = [...prefix, item.label];
        const found = lookupLabelKey(next, version);
        if (found.status !== 'unknown' && !found.leaf) walk(next);
      }
      // A name the user types (header names, plugin names): continue with one.
      const probe = lookupLabelKey([...prefix, PROBE], version);
      if (prefix.length > 0 && probe.status === 'known' && !probe.leaf) walk([...prefix, PROBE]);
    };
    walk([]);
    assert.ok(visited > 80 && judged > 250, `walked ${visited} prefixes, judged ${judged} keys`);
  });

  test(`${version}: every key of Traefik's reference list can be typed segment by segment`, () => {
    const lines = parse(readFileSync(path.join(SHARED, `docker-labels.${version}.yml`), 'utf8')) as string[];
    const cache = new Map<string, string[]>();
    let checked = 0;
    for (const line of lines) {
      const segs = line.slice(0, line.indexOf('=')).split('.');
      if (lookupLabelKey(segs, version).status !== 'known') continue;
      for (let i = 1; i < segs.length; i++) {
        const prefix = segs.slice(0, i);
        const probe = lookupLabelKey([...prefix, PROBE], version);
        if (probe.status === 'known' && probe.path?.[probe.path.length - 1] === '*') continue;
        const id = prefix.join('.').toLowerCase();
        let labels = cache.get(id);
        if (!labels) cache.set(id, (labels = offered(prefix, version).map((x) => x.label.toLowerCase())));
        const want = segs[i].toLowerCase().replace(/\[\d+\]$/, '[0]');
        // `domains.0.main` style elements are reached through `domains[0]`.
        if (/^\d+$/.test(want)) continue;
        assert.ok(labels.includes(want), `${segs.slice(0, i + 1).join('.')}: "${want}" offered after ${id}.`);
        checked++;
      }
    }
    assert.ok(checked > 500, `${checked} segments checked`);
  });
}
