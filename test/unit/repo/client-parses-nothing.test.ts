// The extension parses no compose file: the language server owns parsing (the scale plan comes
// over gatewayLens/scalePlan), so the client (with the live clients it bundles) imports neither
// `yaml` nor the core's compose reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceLines } from '../../support/sources';

const FORBIDDEN = /from '(yaml|[./]*server\/src\/analysis\/compose\/[\w/]+)'|\bparseDocument\(/;

test('the pattern catches a compose parser import', () => {
  assert.match("import { ComposeParser } from '../../../server/src/analysis/compose/parse';", FORBIDDEN);
  assert.match("import { parseDocument } from 'yaml';", FORBIDDEN);
  assert.doesNotMatch("import type { ScalePlanAnswer } from '../../../server/src/protocol';", FORBIDDEN);
});

test('no client source imports yaml or the compose reader', () => {
  const bad = sourceLines(['client/src', 'live'], (line) => FORBIDDEN.test(line));
  assert.deepEqual(bad, []);
});
