// The table of codes (checks/codes.ts) is the one list of what a finding can be: every check's code
// is in it, and everything in it is a check's code or one the analyser itself reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS } from '../../../server/src/analysis';
import { CODES, isCode } from '../../../server/src/analysis/checks/codes';

const OWN = ['internal-error', 'too-many-findings'];

test('the codes table lists exactly the checks codes and the analysers own', () => {
  assert.deepEqual(Object.keys(CODES).sort(), [...CHECKS.map((c) => c.code), ...OWN].sort());
});

const CASES: [string, boolean][] = [
  ['route-conflict', true],
  ['too-many-findings', true],
  ['route-conflicts', false],
  ['toString', false],
  ['__proto__', false],
  ['', false],
];

for (const [code, known] of CASES)
  test(`isCode(${JSON.stringify(code)}) is ${known}`, () => assert.equal(isCode(code), known));
