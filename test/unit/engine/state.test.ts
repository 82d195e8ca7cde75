// The analysis core keeps no module-level mutable state (issue 13): what is remembered between
// analyses belongs to the analyser's engine, one per workspace. This scans server/src/analysis
// for top-level `let`, top-level Maps, WeakMaps and Sets that are written to after they are made,
// and top-level objects or arrays whose members are assigned. Constant tables (a Set of names
// filled where it is made and never written) pass; anything else fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '../../../server/src/analysis');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const escape = (s: string): string => s.replace(/[$]/g, '\\$');

/** The module-level state of one source file, by name. */
export function moduleState(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/^(?:export )?let ([\w$]+)/gm)) found.add(m[1]);
  for (const m of text.matchAll(/^(?:export )?const ([\w$]+)(?:: [^=]+)? = new (Map|WeakMap|Set)\b/gm)) {
    const name = escape(m[1]);
    const written = new RegExp(`\\b${name}\\.(set|add|delete|clear)\\(`).test(text);
    if (written || m[2] === 'WeakMap') found.add(m[1]);
  }
  for (const m of text.matchAll(/^(?:export )?const ([\w$]+)(?:: [^=]+)? = (\{|\[)/gm)) {
    const name = escape(m[1]);
    const assigned = new RegExp(`\\b${name}(\\.[\\w$]+|\\[[^\\]]+\\])+\\s*(\\+\\+|--|[-+*/]?=(?!=))`).test(text);
    const pushed = m[2] === '[' && new RegExp(`\\b${name}\\.(push|pop|shift|unshift|splice)\\(`).test(text);
    // A table of collections made empty (`{ v2: new Map(), v3: new Map() }`): filled later, through a member or an alias.
    const filled = /new (Map|WeakMap|Set)\b(<[^>]*>)?\(\)/.test(
      m[0] + text.slice(m.index! + m[0].length).split('\n')[0],
    );
    if (assigned || pushed || filled) found.add(m[1]);
  }
  return [...found];
}

test('the analysis core has no module-level mutable state', () => {
  const state = sources(CORE).flatMap((file) =>
    moduleState(fs.readFileSync(file, 'utf8')).map((name) => `${path.relative(CORE, file)}: ${name}`),
  );
  assert.deepEqual(state, [], 'module-level state: keep it in the engine (one per workspace), not in a module');
});

const CASES: [string, string, string[]][] = [
  ['a let', 'let next = 1;\nexport function f() { return next++; }', ['next']],
  ['a WeakMap memo', 'const cache = new WeakMap<object, string>();', ['cache']],
  ['a Map written to', 'const seen = new Map();\nfunction f(k) { seen.set(k, 1); }', ['seen']],
  ['a constant Set of names', "const KINDS = new Set(['routers', 'services']);\nKINDS.has('x');", []],
  ['a counter object', 'export const counts = { made: 0 };\nfunction f() { counts.made++; }', ['counts']],
  ['a frozen table read only', "const OTHER = { v2: 'v3', v3: 'v2' };\nOTHER.v2 === 'v3';", []],
  [
    'a table of Maps written through an alias',
    'const cache = { v2: new Map(), v3: new Map() };\nfunction f(v, k) { cache[v].set(k, 1); }',
    ['cache'],
  ],
  ['a table of Sets read only', "const NAMES = { v2: new Set(['a']) };\nNAMES.v2.has('a');", []],
  ['an array pushed to', 'const log = [];\nfunction f(x) { log.push(x); }', ['log']],
  ['a local let is not module state', 'function f() {\n  let x = 1;\n  return x;\n}', []],
];

for (const [name, text, state] of CASES) {
  test(`module state scan: ${name}`, () => assert.deepEqual(moduleState(text), state));
}

const CHECKS_DIR = path.join(CORE, 'checks');

/** Words of caching, keys and reuse: a check reads the project through queries and never knows it is reused. */
const REUSE_WORDS = /cach|reus|memo|invalidat|epoch|projectKey|droppedKey|\bscope\s*:|\bkey\s*:\s*\(/i;

/** `file:line: text` of each line of a check file that speaks of caching, keys or reuse. */
export function reuseMentions(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => REUSE_WORDS.test(line))
    .map(({ i }) => `${file}:${i + 1}: ${text.split('\n')[i].trim()}`);
}

test('no check file mentions caching, keys or reuse', () => {
  const files = fs.readdirSync(CHECKS_DIR).filter((n) => n.endsWith('.ts'));
  assert.ok(files.length > 30, `checks found in ${CHECKS_DIR}`);
  const found = files.flatMap((n) => reuseMentions(n, fs.readFileSync(path.join(CHECKS_DIR, n), 'utf8')));
  assert.deepEqual(found, [], 'a check reads the project through queries: reuse is the engine’s job (session/)');
});

const MENTIONS: [string, string, number][] = [
  ['a hand-written key', 'scope: (project) => ({ key: projectKey(project) }),', 1],
  ['a key function', '  key: (project) => [project.environment],', 1],
  ['a module cache', 'const cache = new WeakMap();', 1],
  ['reuse in a comment', '// reused while the labels are unchanged', 1],
  ['a label key is a domain word', 'data: { key: label.key, value: label.value },', 0],
  ['the rule parser', "import { parseRuleIn } from '../rules';", 0],
];

for (const [name, text, count] of MENTIONS) {
  test(`reuse words: ${name}`, () => assert.equal(reuseMentions('x.ts', text).length, count));
}
