// Every check on the 58 real-world compose files (test/fixtures/corpus, their
// origins in its SOURCES.tsv): the genuine mistakes SOURCES.tsv documents are found
// (expected.tsv), and nothing else is an error. False positives here are bugs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeProject, CHECKS } from '../../server/src/analysis';

const CORPUS = path.resolve(__dirname, '..', 'fixtures', 'corpus');
const RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };

interface Expected {
  file: string;
  code: string;
  text: string;
  severityMin: string;
}

function expected(): Expected[] {
  return readFileSync(path.join(CORPUS, 'expected.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [file, code, text, severityMin] = l.split('\t');
      return { file, code, text, severityMin };
    });
}

/** Version per file from SOURCES.tsv notes: v2 files are checked as v2 (their Traefik is 2.x). */
function versions(): Map<string, 'v2' | 'v3' | undefined> {
  const out = new Map<string, 'v2' | 'v3' | undefined>();
  for (const line of readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, , , , notes = ''] = line.split('\t');
    // "v2 (traefik:2.x ...)": pinned to v2; "v2 syntax on traefik:latest" runs on v3 and is checked as such.
    if (file) out.set(file, notes.startsWith('v2 (') ? 'v2' : undefined);
  }
  return out;
}

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yml'));
const rows = expected();
const codes = new Set<string>(CHECKS.map((c) => c.code));

test('corpus: every expected code is a registered check', () => {
  for (const row of rows)
    if (row.code !== 'none') assert.ok(codes.has(row.code), `${row.file}: no check "${row.code}"`);
});

const byVersion = versions();
for (const name of files) {
  test(`corpus: ${name}`, () => {
    const text = readFileSync(path.join(CORPUS, name), 'utf8');
    const version = byVersion.get(name);
    const { findings } = analyzeProject({
      files: [{ file: path.join(CORPUS, name), text }],
      options: version ? { version } : {},
    });
    const seen = findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      text: text.slice(f.range.start, f.range.end),
      message: f.message,
    }));
    const mine = rows.filter((r) => r.file === name && r.code !== 'none');
    // Every documented mistake is found, at least as severe as noted.
    const unmatched = [...seen];
    for (const row of mine) {
      const i = unmatched.findIndex(
        (f) => f.code === row.code && f.text === row.text && RANK[f.severity] >= RANK[row.severityMin],
      );
      assert.ok(
        i >= 0,
        `${name}: expected ${row.code} on "${row.text}" (${row.severityMin}+), got ${JSON.stringify(seen.map((f) => [f.code, f.severity, f.text]))}`,
      );
      unmatched.splice(i, 1);
    }
    // No other error.
    const errors = unmatched.filter((f) => f.severity === 'error');
    assert.deepEqual(errors, [], `${name}: unexpected errors`);
  });
}
