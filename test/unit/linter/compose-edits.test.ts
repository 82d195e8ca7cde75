// fixAll's edit composition: edits made one after another on a changing text, kept as edits of
// the original text. Seeded random sequences: the composed edits applied to the original must
// give the text the sequence gave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/analysis/authoring/edits';
import { compose } from '../../../server/src/analysis/authoring/fixAll';
import type { TextEdit } from '../../../server/src/analysis/authoring/types';
import { prng } from '../../support/random';

test('composed edits equal the sequence, on 2000 random sequences', () => {
  const random = prng(17);
  const int = (n: number) => Math.floor(random() * n);
  for (let run = 0; run < 2000; run++) {
    const original = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 5 + int(20));
    let current = original;
    let applied: TextEdit[] = [];
    for (let step = 0; step < 1 + int(5); step++) {
      const start = int(current.length + 1);
      const end = start + int(Math.min(4, current.length - start + 1));
      const edit = { range: { start, end }, newText: 'XYZ'.slice(0, int(4)) };
      applied = compose(applied, edit, current);
      current = applyEdits(current, [edit]);
      const ordered = applied.every((a, k) => k === 0 || applied[k - 1].range.end <= a.range.start);
      assert.ok(ordered, JSON.stringify(applied));
      assert.equal(applyEdits(original, applied), current, `run ${run} step ${step}: ${JSON.stringify(applied)}`);
    }
  }
});
