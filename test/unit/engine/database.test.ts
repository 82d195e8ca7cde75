// The incremental engine (server/src/analysis/engine): which queries run again after which input
// sets, step by step. Each step either sets inputs or reads a query, and says the value it reads
// and exactly which query functions ran for it (by name, how often).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CycleError, Database, structuralEquals, type Input, type Query } from '../../../server/src/analysis/engine';

type Step =
  | { set: Record<string, unknown>; revisionBumps?: number }
  | { remove: string }
  | { read: string; key?: unknown; value: unknown; runs: Record<string, number> };

interface Case {
  name: string;
  /** Inputs (all keyed by `key`, default 0) and queries, built on a fresh database. */
  build(db: Database): {
    inputs: Record<string, Input<unknown, unknown>>;
    queries: Record<string, Query<unknown, unknown>>;
  };
  steps: Step[];
  options?: ConstructorParameters<typeof Database>[0];
}

/** Inputs named `names`, keyed by a number. */
function inputs(db: Database, ...names: string[]): Record<string, Input<unknown, unknown>> {
  return Object.fromEntries(names.map((n) => [n, db.input<unknown, unknown>(n)]));
}

const diamond = (db: Database): ReturnType<Case['build']> => {
  const i = inputs(db, 'a');
  const b = db.query('b', (k: unknown) => (i.a.get(k) as number) + 1);
  const c = db.query('c', (k: unknown) => (i.a.get(k) as number) * 2);
  const d = db.query('d', (k: unknown) => b.get(k) + c.get(k));
  return { inputs: i, queries: { b, c, d } as Record<string, Query<unknown, unknown>> };
};

/** A partition of input `names` (an object of numbers) by name, and a reader of each of three entries. */
const byName = (db: Database): ReturnType<Case['build']> => {
  const i = inputs(db, 'names');
  const part = db.partition('byName', (k: unknown) => new Map(Object.entries(i.names.get(k) as object)));
  const reader = (at: string): Query<unknown, unknown> => db.query(`read ${at}`, (k: unknown) => part.entry(k, at));
  return { inputs: i, queries: { a: reader('a'), b: reader('b'), c: reader('c') } };
};

const CASES: Case[] = [
  {
    name: 'a partition: what read one entry runs again when that entry changed, not when another did',
    build: byName,
    steps: [
      { set: { names: { a: 1, b: 2 } } },
      { read: 'a', value: 1, runs: { byName: 1, 'read a': 1 } },
      { read: 'b', value: 2, runs: { 'read b': 1 } },
      { read: 'c', value: undefined, runs: { 'read c': 1 } },
      { set: { names: { a: 1, b: 3 } } },
      { read: 'a', value: 1, runs: { byName: 1 } },
      { read: 'b', value: 3, runs: { 'read b': 1 } },
      { read: 'c', value: undefined, runs: {} },
      // An entry that appears, and one that goes.
      { set: { names: { b: 3, c: 5 } } },
      { read: 'c', value: 5, runs: { byName: 1, 'read c': 1 } },
      { read: 'b', value: 3, runs: {} },
      { read: 'a', value: undefined, runs: { 'read a': 1 } },
    ],
  },
  {
    name: 'a partition without dependency recording: its readers never run again (wrong on purpose)',
    build: byName,
    options: { recordDependencies: false },
    steps: [
      { set: { names: { a: 1 } } },
      { read: 'a', value: 1, runs: { byName: 1, 'read a': 1 } },
      { set: { names: { a: 2 } } },
      { read: 'a', value: 1, runs: {} },
    ],
  },
  {
    name: 'diamond: each query runs once per change, the shared input read twice',
    build: diamond,
    steps: [
      { set: { a: 1 } },
      { read: 'd', value: 4, runs: { b: 1, c: 1, d: 1 } },
      { read: 'd', value: 4, runs: {} },
      { set: { a: 5 } },
      { read: 'd', value: 16, runs: { b: 1, c: 1, d: 1 } },
      { read: 'b', value: 6, runs: {} },
    ],
  },
  {
    name: 'setting an input to an equal value: no new revision, nothing runs',
    build: diamond,
    steps: [
      { set: { a: 3 } },
      { read: 'd', value: 10, runs: { b: 1, c: 1, d: 1 } },
      { set: { a: 3 }, revisionBumps: 0 },
      { read: 'd', value: 10, runs: {} },
    ],
  },
  {
    name: 'early cutoff: a re-run with an equal value keeps its dependents',
    build: (db) => {
      const i = inputs(db, 'text');
      const length = db.query('length', (k: unknown) => (i.text.get(k) as string).length);
      const wide = db.query('wide', (k: unknown) => length.get(k) > 3);
      const label = db.query('label', (k: unknown) => (wide.get(k) ? 'wide' : 'narrow'));
      return { inputs: i, queries: { length, wide, label } as Record<string, Query<unknown, unknown>> };
    },
    steps: [
      { set: { text: 'abcd' } },
      { read: 'label', value: 'wide', runs: { length: 1, wide: 1, label: 1 } },
      // Same length: length runs, nothing above it does.
      { set: { text: 'wxyz' } },
      { read: 'label', value: 'wide', runs: { length: 1 } },
      // Another length, still wide: the cutoff is one level up.
      { set: { text: 'abcdefgh' } },
      { read: 'label', value: 'wide', runs: { length: 1, wide: 1 } },
      { set: { text: 'ab' } },
      { read: 'label', value: 'narrow', runs: { length: 1, wide: 1, label: 1 } },
    ],
  },
  {
    name: 'structural equality cuts off on equal arrays and objects, not only the same object',
    build: (db) => {
      const i = inputs(db, 'csv');
      const fields = db.query('fields', (k: unknown) => ({
        names: (i.csv.get(k) as string).split(',').map((s) => s.trim()),
      }));
      const count = db.query('count', (k: unknown) => fields.get(k).names.length);
      return { inputs: i, queries: { fields, count } as Record<string, Query<unknown, unknown>> };
    },
    steps: [
      { set: { csv: 'a,b' } },
      { read: 'count', value: 2, runs: { fields: 1, count: 1 } },
      { set: { csv: 'a , b' } },
      { read: 'count', value: 2, runs: { fields: 1 } },
    ],
  },
  {
    name: 'dependencies are per key: another key of the input changes nothing',
    build: (db) => {
      const i = inputs(db, 'a');
      const twice = db.query('twice', (k: unknown) => (i.a.get(k) as number) * 2);
      return { inputs: i, queries: { twice } as Record<string, Query<unknown, unknown>> };
    },
    steps: [
      { set: { a: 1 } },
      { read: 'twice', key: 0, value: 2, runs: { twice: 1 } },
      { set: { 'a#1': 7 } },
      { read: 'twice', key: 0, value: 2, runs: {} },
      { read: 'twice', key: 1, value: 14, runs: { twice: 1 } },
      { set: { 'a#1': 8 } },
      { read: 'twice', key: 0, value: 2, runs: {} },
      { read: 'twice', key: 1, value: 16, runs: { twice: 1 } },
    ],
  },
  {
    name: 'dependencies are what the last run read: the branch not taken is not one',
    build: (db) => {
      const i = inputs(db, 'flag', 'x', 'y');
      const pick = db.query('pick', (k: unknown) => (i.flag.get(k) ? i.x.get(k) : i.y.get(k)));
      return { inputs: i, queries: { pick } as Record<string, Query<unknown, unknown>> };
    },
    steps: [
      { set: { flag: true, x: 'x1', y: 'y1' } },
      { read: 'pick', value: 'x1', runs: { pick: 1 } },
      { set: { y: 'y2' } },
      { read: 'pick', value: 'x1', runs: {} },
      { set: { flag: false } },
      { read: 'pick', value: 'y2', runs: { pick: 1 } },
      { set: { x: 'x2' } },
      { read: 'pick', value: 'y2', runs: {} },
    ],
  },
  {
    name: 'a long chain is verified bottom-up: the cutoff at its foot spares the other 49',
    build: (db) => {
      const i = inputs(db, 'n');
      const queries: Record<string, Query<unknown, unknown>> = {};
      const parity = db.query('parity', (k: unknown) => (i.n.get(k) as number) % 2);
      queries.parity = parity;
      let below: Query<unknown, number> = parity;
      for (let level = 1; level < 50; level++) {
        const under = below;
        below = db.query(`level${level}`, (k: unknown) => under.get(k) + 1);
        queries[`level${level}`] = below;
      }
      return { inputs: i, queries };
    },
    steps: [
      { set: { n: 3 } },
      {
        read: 'level49',
        value: 50,
        runs: Object.fromEntries([['parity', 1], ...Array.from({ length: 49 }, (_, l) => [`level${l + 1}`, 1])]),
      },
      { set: { n: 5 } },
      { read: 'level49', value: 50, runs: { parity: 1 } },
    ],
  },
  {
    name: 'a removed input is unset again: what read it runs and sees the default',
    build: (db) => {
      const env = db.input<unknown, string>('env', { default: () => '' });
      const i = { env } as Record<string, Input<unknown, unknown>>;
      const words = db.query('words', (k: unknown) => env.get(k).split(' ').filter(Boolean).length);
      return { inputs: i, queries: { words } as Record<string, Query<unknown, unknown>> };
    },
    steps: [
      { read: 'words', value: 0, runs: { words: 1 } },
      { set: { env: 'A=1 B=2' } },
      { read: 'words', value: 2, runs: { words: 1 } },
      { remove: 'env' },
      { read: 'words', value: 0, runs: { words: 1 } },
    ],
  },
  {
    name: 'without recorded dependencies the memo goes stale (what the oracle tests must catch)',
    options: { recordDependencies: false },
    build: diamond,
    steps: [
      { set: { a: 1 } },
      { read: 'd', value: 4, runs: { b: 1, c: 1, d: 1 } },
      { set: { a: 5 } },
      { read: 'd', value: 4, runs: {} },
    ],
  },
];

/** `a` is key 0 of input a, `a#1` key 1. */
function target(name: string): [string, number] {
  const [input, key] = name.split('#');
  return [input, key === undefined ? 0 : Number(key)];
}

for (const c of CASES) {
  test(`engine: ${c.name}`, () => {
    const db = new Database(c.options);
    const { inputs: ins, queries } = c.build(db);
    let before = db.counters();
    c.steps.forEach((step, i) => {
      const at = `step ${i + 1}`;
      if ('set' in step) {
        const revision = db.revision;
        for (const [name, value] of Object.entries(step.set)) {
          const [input, key] = target(name);
          ins[input].set(key, value);
        }
        if (step.revisionBumps !== undefined) assert.equal(db.revision - revision, step.revisionBumps, at);
        else assert.ok(db.revision > revision, `${at}: a new revision`);
      } else if ('remove' in step) {
        const [input, key] = target(step.remove);
        ins[input].remove(key);
      } else {
        assert.deepEqual(queries[step.read].get(step.key ?? 0), step.value, at);
        const after = db.counters();
        const ran = Object.fromEntries(
          Object.keys(after)
            .map((name) => [name, after[name] - (before[name] ?? 0)] as const)
            .filter(([, n]) => n > 0),
        );
        assert.deepEqual(ran, step.runs, `${at}: what ran`);
        before = after;
      }
    });
  });
}

test('engine: a cycle is an error naming the path, and the engine still answers afterwards', () => {
  const db = new Database();
  const loop = db.input<string, boolean>('loop');
  const a: Query<string, number> = db.query('a', (k: string) => (loop.get(k) ? b.get(k) : 1));
  const b: Query<string, number> = db.query('b', (k: string) => a.get(k) + 1);
  loop.set('x', true);
  assert.throws(
    () => b.get('x'),
    (err: unknown) => err instanceof CycleError && err.message === 'Query cycle: b("x") -> a("x") -> b("x")',
  );
  loop.set('x', false);
  assert.equal(b.get('x'), 2);
  assert.equal(a.get('x'), 1);
});

test('engine: an input set while a query runs is refused; a throwing query is not memoised', () => {
  const db = new Database();
  const text = db.input<number, string>('text');
  const other = db.input<number, string>('other');
  const bad = db.query('bad', (k: number) => {
    other.set(k, 'x');
    return text.get(k);
  });
  text.set(0, 'a');
  assert.throws(() => bad.get(0), /Input other set while query bad\(0\) runs/);
  const parsed = db.query('parsed', (k: number) => JSON.parse(text.get(k)) as unknown);
  text.set(0, '{');
  assert.throws(() => parsed.get(0), SyntaxError);
  assert.throws(() => parsed.get(0), SyntaxError);
  assert.equal(db.executions('parsed'), 2);
  text.set(0, '[1]');
  assert.deepEqual(parsed.get(0), [1]);
});

test('engine: an input read before it was set throws, naming it; names are unique per database', () => {
  const db = new Database();
  const text = db.input<string, string>('text');
  const upper = db.query('upper', (k: string) => text.get(k).toUpperCase());
  assert.throws(() => upper.get('compose.yml'), /Input text\("compose.yml"\) was read before it was set/);
  text.set('compose.yml', 'services:');
  assert.equal(upper.get('compose.yml'), 'SERVICES:');
  assert.throws(() => db.query('text', () => 1), /"text" is defined twice/);
});

test('engine: object keys are held weakly, compound keys through keyOf', () => {
  const db = new Database();
  const base = db.input<string, number>('base');
  const sum = db.query('sum', (k: [string, number]) => base.get(k[0]) + k[1], { keyOf: (k) => k.join('|') });
  base.set('a', 1);
  assert.equal(sum.get(['a', 2]), 3);
  assert.equal(sum.get(['a', 2]), 3);
  assert.equal(db.executions('sum'), 1);
  const service = { name: 'web' };
  const named = db.query('named', (s: { name: string }) => `${s.name}:${base.get('a')}`);
  assert.equal(named.get(service), 'web:1');
  assert.equal(named.get({ name: 'web' }), 'web:1');
  assert.equal(db.executions('named'), 2);
});

const EQUAL: [string, unknown, unknown, boolean][] = [
  ['numbers', 1, 1, true],
  ['NaN', NaN, NaN, true],
  ['nested arrays', [1, [2, { a: 3 }]], [1, [2, { a: 3 }]], true],
  ['array lengths', [1], [1, 2], false],
  ['objects with another key', { a: 1 }, { b: 1 }, false],
  ['undefined member and missing member', { a: undefined }, {}, false],
  ['maps', new Map([['a', [1]]]), new Map([['a', [1]]]), true],
  ['maps by value', new Map([['a', 1]]), new Map([['a', 2]]), false],
  ['sets', new Set([1, 2]), new Set([2, 1]), true],
  ['array and object', [], {}, false],
  ['class instances by identity only', /a/, /a/, false],
];

for (const [name, a, b, equal] of EQUAL) {
  test(`engine: structuralEquals, ${name}`, () => assert.equal(structuralEquals(a, b), equal));
}
