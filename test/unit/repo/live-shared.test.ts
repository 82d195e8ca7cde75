// The live clients (Traefik API, metrics, Docker, load test, scale) live in one place, live/, that
// the extension (dist/live.js, loaded when a Gateway view opens) and the CLI (`live`, `metrics`,
// `loadtest`) both import statically: no source reaches them through a dynamic import(), which
// the import graph cannot see, and live/ depends on nothing of the extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, sourceLines } from '../../support/sources';

const DYNAMIC = /\bimport\(\s*['"][./]*(live|client\/src)\b[^'"]*['"]\s*\)/;
const EXTENSION = /from '[./]*client\/src\//;

const lines = (dirs: string[], pattern: RegExp): string[] => sourceLines(dirs, (line) => pattern.test(line));

test('the patterns catch a dynamic import of the live clients and an import of the extension', () => {
  assert.match("const live = await import('../../../live');", DYNAMIC);
  assert.match("const live = await import('../../../client/src/live');", DYNAMIC);
  assert.doesNotMatch("import * as live from '../../../live';", DYNAMIC);
  assert.match("import { Ctx } from '../../client/src/ctx';", EXTENSION);
  assert.doesNotMatch("import { errorMessage } from '../server/src/analysis/errors';", EXTENSION);
});

test('the CLI and the extension import live/ statically', () => {
  assert.deepEqual(lines(['server/src', 'client/src', 'live'], DYNAMIC), []);
  const cli = ['live', 'metrics', 'loadtest'].map((c) =>
    fs.readFileSync(path.join(ROOT, 'server/src/cli', `${c}.ts`), 'utf8'),
  );
  for (const text of cli) assert.match(text, /^import \* as live from '\.\.\/\.\.\/\.\.\/live';$/m);
});

test('live/ imports nothing of the extension', () => {
  assert.deepEqual(lines(['live'], EXTENSION), []);
});
