// The distance behind every "did you mean": a swap of two neighbouring letters is one edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance } from '../../server/src/analysis/spelling';
import { nearest } from '../../server/src/analysis/traefik/values';

const DISTANCES: [string, string, number][] = [
  ['port', 'port', 0],
  ['prot', 'port', 1],
  ['sever', 'server', 1],
  ['middelwares', 'middlewares', 1],
  ['rulle', 'rule', 1],
  ['entrypionts', 'entrypoints', 1],
  ['ca', 'abc', 3],
  ['', 'abc', 3],
  ['kitten', 'sitting', 3],
];

for (const [a, b, d] of DISTANCES) {
  test(`editDistance(${JSON.stringify(a)}, ${JSON.stringify(b)}) = ${d}`, () => {
    assert.equal(editDistance(a, b), d);
    assert.equal(editDistance(b, a), d);
  });
}

test('editDistance with a limit stops above it', () => {
  assert.equal(editDistance('kitten', 'sitting', 1), 2);
  assert.equal(editDistance('prot', 'port', 1), 1);
});

const NEAREST: [string, string[], string | undefined][] = [
  ['prot', ['port', 'scheme', 'url'], 'port'],
  ['sheme', ['port', 'scheme', 'url'], 'scheme'],
  ['xyz', ['port', 'scheme'], undefined],
];

for (const [name, candidates, want] of NEAREST) {
  test(`nearest(${JSON.stringify(name)}) = ${want}`, () => assert.equal(nearest(name, candidates), want));
}
