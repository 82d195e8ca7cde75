// The split's scan for what it cannot cut (anchors, aliases, tags, merge keys, document
// markers, tabs) must flag exactly what the one regex it replaced flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unsafe } from '../../../server/src/analysis/compose/split';
import { prng as random } from '../../support/random';

const REFERENCE = /(:[ \t]+|^[ \t]*-[ \t]+|[[,{][ \t]*)[&*!][\w!<]|<<[ \t]*:|^(---|\.\.\.|%)|^\t/m;

const PIECES = [
  '  a:\n',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '-',
  ':',
  '&',
  '*',
  '!',
  'x',
  '<',
  '<<',
  '[',
  ',',
  '{',
  '%',
  '---',
  '...',
  '.',
];

test('unsafe flags what the reference regex flags', async (t) => {
  const table: [string, boolean][] = [
    ['  a: &x 1\n', true],
    ['  a: *x\n', true],
    ['  - !!str x\n', true],
    ['  a: [&x 1]\n', true],
    ['  a: b&x\n', false],
    ['  a: "&&x"\n', false],
    ['  <<: *x\n', true],
    ['---\n', true],
    ['\ta: 1\n', true],
    ['  a:x &y\n', false],
    ['  x- &y\n', false],
  ];
  for (const [text, expected] of table) {
    await t.test(JSON.stringify(text), () => assert.equal(unsafe(text), expected));
  }
  const rnd = random(11);
  let flagged = 0;
  for (let i = 0; i < 50000; i++) {
    let text = '';
    const n = 1 + Math.floor(rnd() * 12);
    for (let k = 0; k < n; k++) text += PIECES[Math.floor(rnd() * PIECES.length)];
    const expected = REFERENCE.test(text);
    if (expected) flagged++;
    assert.equal(unsafe(text), expected, JSON.stringify(text));
  }
  assert.ok(flagged > 5000 && flagged < 45000, `flagged ${flagged}`);
});
