// One error-description helper (server/src/analysis/errors.ts) for the core, the language
// server, the CLI and the extension: what it says of each kind of thrown value, and that no
// source writes the `instanceof Error ? … : String(…)` idiom itself again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, errorMessage } from '../../../server/src/analysis/errors';
import { ROOT, sourceLines } from '../../support/sources';

test('errorMessage and describe, per thrown value', () => {
  const stackless = new Error('no stack');
  stackless.stack = undefined;
  const cases: [unknown, string, RegExp][] = [
    [new Error('port is missing'), 'port is missing', /^Error: port is missing\n\s+at /],
    [new TypeError('x is not a function'), 'x is not a function', /^TypeError: x is not a function\n/],
    [stackless, 'no stack', /^no stack$/],
    ['a rejected string', 'a rejected string', /^a rejected string$/],
    [42, '42', /^42$/],
    [undefined, 'undefined', /^undefined$/],
  ];
  for (const [thrown, message, described] of cases) {
    assert.equal(errorMessage(thrown), message);
    assert.match(describe(thrown), described);
  }
});

test('no client or server source describes an error by hand', () => {
  const helper = path.join(ROOT, 'server/src/analysis/errors.ts');
  const bad = sourceLines(
    ['client/src', 'live', 'server/src'],
    (line, file) => file !== helper && /instanceof Error \?|\$\{String\(err\)\}/.test(line),
  );
  assert.deepEqual(bad, []);
});
