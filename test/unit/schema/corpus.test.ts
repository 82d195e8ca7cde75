// unknown-label and invalid-value over the real-world corpus (test/fixtures/corpus): no
// finding except the mistakes SOURCES.tsv documents. False positives here are bugs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/analysis';
import { runCheck } from '../../../server/src/analysis/checks/check';
import { check as invalidValue } from '../../../server/src/analysis/checks/invalid-value';
import { check as unknownLabel } from '../../../server/src/analysis/checks/unknown-label';

// Real-world compose files, copied unmodified (test/fixtures/corpus/README.md and SOURCES.tsv say from where).
const CORPUS = path.resolve(__dirname, '..', '..', 'fixtures', 'corpus');

/** File number -> [code, severity, underlined text] of every expected finding. */
const EXPECTED: Record<string, [string, string, string][]> = {
  // Traefik v1 fixture (traefik:1.7): its v1 labels are right for the Traefik that runs.
  '005': [],
  // Buffering fields on a router: "field not found", the container is dropped; routers.traefik=true.
  '016': [
    ['unknown-label', 'error', 'maxResponseBodyBytes'],
    ['unknown-label', 'error', 'maxRequestBodyBytes'],
    ['invalid-value', 'warning', 'true'],
  ],
  // traefik.port is a v1 label.
  '034': [
    ['unknown-label', 'warning', 'traefik.port'],
    ['unknown-label', 'warning', 'traefik.port'],
  ],
  // traefik.port and traefik.frontend.redirect.permanent are v1 labels.
  '054': [
    ['unknown-label', 'warning', 'traefik.port'],
    ['unknown-label', 'warning', 'traefik.frontend.redirect.permanent'],
  ],
  // loadbalancer.sticky=true without sticky.cookie: no stickiness.
  '044': [['invalid-value', 'warning', 'true']],
  // traefik.http.routers.traefik=true only declares an empty router.
  '057': [['invalid-value', 'warning', 'true']],
};

/** The Traefik versions a corpus file is written for, from the notes in SOURCES.tsv. */
function versionsOf(): Map<string, ('v2' | 'v3')[]> {
  const out = new Map<string, ('v2' | 'v3')[]>();
  for (const line of readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, , , , notes = ''] = line.split('\t');
    if (!file) continue;
    out.set(file, notes.startsWith('v2/v3-neutral') ? ['v2', 'v3'] : notes.startsWith('v2') ? ['v2'] : ['v3']);
  }
  return out;
}

test('corpus: only the documented mistakes are found', () => {
  const versions = versionsOf();
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yml'));
  assert.ok(files.length >= 58);
  for (const name of files) {
    const text = readFileSync(path.join(CORPUS, name), 'utf8');
    const found = versions.get(name);
    assert.ok(found, `${name} is not in SOURCES.tsv`);
    for (const version of found) {
      const project = new Analyzer().project({
        files: [{ file: path.join(CORPUS, name), text }],
        options: { version },
      });
      const got = [...runCheck(unknownLabel, project), ...runCheck(invalidValue, project)].map((f) => [
        f.code,
        f.severity,
        text.slice(f.range.start, f.range.end),
      ]);
      assert.deepEqual(got, EXPECTED[name.slice(0, 3)] ?? [], `${name} (${version})`);
    }
  }
});
