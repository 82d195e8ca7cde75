// The extension parses no compose file: the language server owns parsing (the scale plan comes
// over gatewayLens/scalePlan), so the client imports neither `yaml` nor the core's compose reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FORBIDDEN = /from '(yaml|[./]*server\/src\/analysis\/compose\/[\w/]+)'|\bparseDocument\(/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

test('the pattern catches a compose parser import', () => {
  assert.match("import { ComposeParser } from '../../../server/src/analysis/compose/parse';", FORBIDDEN);
  assert.match("import { parseDocument } from 'yaml';", FORBIDDEN);
  assert.doesNotMatch("import type { ScalePlanAnswer } from '../../../server/src/protocol';", FORBIDDEN);
});

test('no client source imports yaml or the compose reader', () => {
  const bad = sources(path.join(ROOT, 'client/src')).flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
      .filter(({ line }) => FORBIDDEN.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`),
  );
  assert.deepEqual(bad, []);
});
