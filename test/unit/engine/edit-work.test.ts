// What one label edit costs the engine in its own terms (issue 13): the query runs a keystroke in
// one service's labels causes on a generated file, steadier than milliseconds on a loaded machine.
// Facts read by name (a middleware's definitions, a service's networks, the routers with a rule,
// a router's candidates) are entries of one map per project (engine partition): an edit re-runs
// what read the entries it changed, not one fact per name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { EDIT_KINDS, editPoint, middleService, type EditKind } from '../../../bench/edits';
import { composeFile } from '../../../bench/generate';

const SIZE = 200;
const file = '/bench/docker-compose.yml';

function runsPerEdit(kind: EditKind): number {
  const base = composeFile(SIZE);
  const analyzer = new Analyzer();
  analyzer.analyze({ files: [{ file, text: base }] });
  const total = (): number => Object.values(analyzer.engineWork().executions).reduce((a, b) => a + b, 0);
  const at = editPoint(base, kind, middleService(SIZE));
  const typed = base.slice(0, at.offset) + at.char + base.slice(at.offset);
  const before = total();
  for (const text of [typed, base]) analyzer.analyze({ files: [{ file, text }] });
  return (total() - before) / 2;
}

// Before the map facts, a label edit ran some 6 queries per service (3 definitionsNamed facts per
// name among them), and 2.4 with them but a candidates fact per router. One per service still
// runs (the routing facts of a service, route/facts.ts: compared by offset, they must see a
// service that moved), so the bound is linear still.
const MAX_PER_SERVICE = 1.5;

for (const kind of EDIT_KINDS) {
  test(`a ${kind} edit in one of ${SIZE} services runs at most ${MAX_PER_SERVICE} queries per service`, () => {
    const runs = runsPerEdit(kind);
    assert.ok(runs <= MAX_PER_SERVICE * SIZE, `${runs} runs per edit`);
  });
}
