// not-enabled, undefined-entrypoint and unknown-static-key over the real-world corpus
// (test/fixtures/corpus), each file alone with its mounted files absent: nothing but the static
// configuration mistakes SOURCES.tsv documents. False positives here are bugs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/analysis';
import { runCheck } from '../../../server/src/analysis/checks/check';
import { check as notEnabled } from '../../../server/src/analysis/checks/not-enabled';
import { check as undefinedEntryPoint } from '../../../server/src/analysis/checks/undefined-entrypoint';
import { check as unknownStaticKey } from '../../../server/src/analysis/checks/unknown-static-key';

const CORPUS = path.resolve(__dirname, '..', '..', 'fixtures', 'corpus');

/** File number -> [code, severity, underlined text] of every expected finding. */
const EXPECTED: Record<string, [string, string, string][]> = {
  // --entryPoints.http.forwardedHeaders.insecure=true: entry points are web/websecure, so this
  // creates a stray entry point "http" without an address.
  '049': [['undefined-entrypoint', 'warning', 'http']],
};

/** Project sets whose files are meant to run together (base + overrides, or one Traefik's stacks). */
const TOGETHER = [
  ['006', '007', '008'],
  ['035', '036', '037'],
  ['012', '013', '014'],
  ['026', '027', '028'],
  ['043', '044'],
];

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yml'));
const byNumber = new Map(files.map((f) => [f.slice(0, 3), f]));

function run(names: string[]): [string, string, string][] {
  const sources = names.map((n) => ({ file: path.join(CORPUS, n), text: readFileSync(path.join(CORPUS, n), 'utf8') }));
  const texts = new Map(sources.map((s) => [s.file, s.text]));
  const project = new Analyzer().project({ files: sources, readFile: () => undefined });
  return [notEnabled, undefinedEntryPoint, unknownStaticKey].flatMap((check) =>
    runCheck(check, project).map((f): [string, string, string] => [
      f.code,
      f.severity,
      (texts.get(f.file) ?? '').slice(f.range.start, f.range.end),
    ]),
  );
}

test('corpus: each file alone, only the documented static mistakes', () => {
  assert.ok(files.length >= 58);
  for (const name of files) assert.deepEqual(run([name]), EXPECTED[name.slice(0, 3)] ?? [], name);
});

test('corpus: files that run together', () => {
  for (const set of TOGETHER) assert.deepEqual(run(set.map((n) => byNumber.get(n)!)), [], set.join('+'));
});

test('corpus: the static configuration is read where the file shows it', () => {
  // Flags in effect (entry points known) vs a mounted traefik.yml we cannot read here.
  const known = (n: string): boolean => {
    const name = byNumber.get(n)!;
    const text = readFileSync(path.join(CORPUS, name), 'utf8');
    return new Analyzer().project({ files: [{ file: path.join(CORPUS, name), text }] }).staticConfig.entryPointsKnown;
  };
  assert.deepEqual(['001', '009', '023', '025', '049', '016', '045', '048', '057', '022'].map(known), [
    true,
    true,
    true,
    true,
    true,
    false,
    false,
    false,
    false,
    false,
  ]);
});
