// Every finding on examples/musicshare-broken that has a quick fix: each of its actions makes
// that finding disappear and creates no other. And every check code is either
// fixable or listed here as having no obvious repair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer, CHECKS, codeActions, FIXABLE_CODES, applyEdits } from '../../../server/src/analysis';

const DIR = path.resolve(__dirname, '..', '..', '..', 'examples', 'musicshare-broken');
const FILE = path.join(DIR, 'docker-compose.yml');
const TEXT = readFileSync(FILE, 'utf8');
const readFile = (p: string): string | undefined => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

/** Codes whose findings have no single obvious repair (the user must choose what was meant). */
const NO_OBVIOUS_REPAIR = [
  'yaml-syntax',
  'route-conflict',
  'nesting-too-deep',
  'compose-spec',
  'ignored-static-config',
  // The value to write in traefik.yml is only the author's to know (or a move to flags).
  'literal-variable',
  // The project loader's: the path or name to write is the user's to choose.
  'missing-compose-file',
  'unknown-extends-service',
  'extends-cycle',
  'include-cycle',
  // Activating a profile or writing required: false is the author's choice.
  'inactive-dependency',
  // Moving to Traefik v2 or v3 rewrites the project's labels: the author's migration.
  'traefik-v1',
  // Repeating the lost labels, or merging a list instead, changes what the author meant: theirs.
  'replaced-labels',
  'undefined-variable',
  'required-variable',
  // The DNS provider (and its credentials) or the HTTP challenge's entry point is the author's to name.
  'missing-challenge',
  'network-unreachable',
  // In a dynamic configuration file, not in the compose project's labels (no fix there yet).
  'unknown-dynamic-key',
  'invalid-dynamic-file',
  // A line of the .env: whether it meant a name, a value or a comment is the author's to say.
  'invalid-env-file',
  // Creating the env file, or making it optional, is the author's choice; a fetched reference needs nothing.
  'missing-env-file',
  'remote-reference',
  // Which name to give each app, the TCP router or the app's HTTP port, a healthcheck the image can run: the user's choice.
  'shared-service',
  'non-http-port',
  'healthcheck-command',
];
/** Codes found in .gateway-lens.yaml, which is not a file of the project (its YAML editor completes keys). */
const NOT_IN_PROJECT_FILES = ['invalid-config'];

function analyze(text: string) {
  return new Analyzer().analyze({ files: [{ file: FILE, text }], readFile });
}

const key = (text: string, f: { code: string; range: { start: number; end: number } }): string =>
  `${f.code}: ${text.slice(f.range.start, f.range.end)}`;

test('every check code has a quick fix or is known to have no obvious repair', () => {
  for (const check of CHECKS) {
    assert.ok(
      FIXABLE_CODES.includes(check.code) ||
        NO_OBVIOUS_REPAIR.includes(check.code) ||
        NOT_IN_PROJECT_FILES.includes(check.code),
      `${check.code}: add a fix or list it in NO_OBVIOUS_REPAIR`,
    );
  }
});

/** Codes reported once per router of a pair: fixing one side settles both findings. */
const PAIRED = ['priority-tie'];

test('musicshare-broken: each fix removes its finding and adds none', () => {
  const { project, findings } = analyze(TEXT);
  const before = findings.map((f) => key(TEXT, f));
  let fixed = 0;
  for (const finding of findings) {
    if (NO_OBVIOUS_REPAIR.includes(finding.code)) continue;
    const actions = codeActions(project, FILE, finding);
    // One side of a pair may have no safe fix (lifting it would shadow the other): the other side must.
    if (actions.length === 0 && PAIRED.includes(finding.code)) {
      const rivals = findings.filter((f) => f !== finding && f.code === finding.code);
      assert.ok(
        rivals.some((f) => codeActions(project, FILE, f).length > 0),
        `a fix for ${key(TEXT, finding)} or its rival`,
      );
      continue;
    }
    assert.ok(actions.length > 0, `a fix for ${key(TEXT, finding)}`);
    for (const chosen of actions) {
      const after = applyEdits(TEXT, chosen.edits[FILE]);
      const left = analyze(after).findings.map((f) => key(after, f));
      assert.ok(!left.includes(key(TEXT, finding)), `${chosen.title} removes ${key(TEXT, finding)}`);
      for (const f of left) assert.ok(before.includes(f), `${chosen.title}: no new finding ${f}`);
      const removed = before.filter((f) => !left.includes(f));
      assert.ok(
        removed.every((f) => f.startsWith(`${finding.code}: `)),
        `${chosen.title} removes only ${finding.code}: ${removed.join('; ')}`,
      );
      assert.equal(removed.length, PAIRED.includes(finding.code) ? 2 : 1, chosen.title);
    }
    fixed++;
  }
  assert.ok(fixed >= 10, `${fixed} findings fixed`);
});
