// A small incremental engine in the manner of salsa (salsa-rs/salsa book/src/overview.md,
// reference/algorithm.md): inputs the outside world sets, each set bumping the revision; derived
// queries memoised per key with the revision they were verified at, the revision their value last
// changed at, and the (query, key) slots they read, recorded through the stack of running queries.
// A read in a later revision first verifies the memo's dependencies bottom-up (a derived one may
// re-run there); only when one changed after the memo was verified does the query run again, and
// a run whose value equals the old one keeps the old changedAt (backdating), so what read it does
// not run. All state is in the Database object: one per workspace, a fresh one per CLI run.
import { structuralEquals } from './equals';

export type Equals<V> = (a: V, b: V) => boolean;

export interface DatabaseOptions {
  /**
   * Off: runs record no dependencies, so a memo, once made, is never re-run. Wrong on purpose:
   * the oracle tests use it to show they notice a dependency that is not recorded.
   */
  recordDependencies?: boolean;
  /** Count runs and verifications under each query's counterOf (the bench's --by-query): slower. */
  countByKey?: boolean;
}

export interface InputOptions<K, V> {
  equals?: Equals<V>;
  /** The value of a key never set; without it, reading such a key throws. */
  default?: (key: K) => V;
  /** Compound keys to a Map key (an array key would otherwise be compared by identity). */
  keyOf?: (key: K) => unknown;
}

export interface QueryOptions<K, V> {
  /**
   * Early cutoff: a re-run whose value equals the old one by this keeps the old changedAt (default
   * structural). It is given the key too, for a query whose keys are compared each their own way.
   */
  equals?: (a: V, b: V, key: K) => boolean;
  keyOf?: (key: K) => unknown;
  /**
   * For the counters only, when the database counts by key: the name a key's runs and
   * verifications are counted under (default: the query's name), so one query holding many kinds
   * of fact can say which of them did the work.
   */
  counterOf?: (key: K) => string;
}

export interface PartitionOptions<K, E> {
  /** When an entry of the map for `key` counts as unchanged for what read it (default structural). */
  equals?: (a: E, b: E, key: K) => boolean;
  keyOf?: (key: K) => unknown;
}

/** A query that reads itself through other queries: the path names every (query, key) on the way. */
export class CycleError extends Error {
  constructor(readonly path: string[]) {
    super(`Query cycle: ${path.join(' -> ')}`);
    this.name = 'CycleError';
  }
}

interface Slot {
  readonly key: unknown;
  /** The revision the value last changed in (0: never set, or never computed). */
  changedAt: number;
}

interface InputSlot extends Slot {
  readonly kind: 'input';
  readonly name: string;
  value: unknown;
  isSet: boolean;
}

/** What the slots of one derived query share (a field of each slot would cost a word per slot for each). */
interface QueryInfo {
  readonly name: string;
  readonly fn: (key: unknown) => unknown;
  readonly equals: (a: unknown, b: unknown, key: unknown) => boolean;
  readonly counterOf: ((key: unknown) => string) | undefined;
  /** A partition's: compares each read entry of the old map with the new one (bumping changed ones). */
  readonly settle?: (slot: DerivedSlot, old: unknown, value: unknown) => void;
}

/**
 * One memo: a slot per key of every query, some 100 000 on the 3000-service file, so it keeps
 * only what differs per key (whether it has a memo: changedAt above 0, set by its first run).
 */
interface DerivedSlot extends Slot {
  /** Set on a partition's whole map: the slots of its entries that something read, by entry key. */
  entries?: Map<unknown, EntrySlot>;
  readonly kind: 'derived';
  readonly query: QueryInfo;
  value: unknown;
  verifiedAt: number;
  deps: readonly Dependency[];
  /** On the stack: running, or verifying its dependencies. */
  active: boolean;
}

/**
 * One entry of a partition's map (Database.partition): what read it depends on this slot alone,
 * whose changedAt moves only when a run of the whole map gave the entry a different value.
 */
interface EntrySlot extends Slot {
  readonly kind: 'entry';
  readonly whole: DerivedSlot;
}

type Dependency = InputSlot | DerivedSlot | EntrySlot;

interface Frame {
  slot: DerivedSlot;
  /** What the running query read; undefined while only its dependencies are verified. */
  reads: Set<Dependency> | undefined;
}

/** Slots by key: primitives (and keyOf's results) in a Map, objects in a WeakMap so they can be freed. */
class Table<S> {
  private readonly byValue = new Map<unknown, S>();
  private readonly byObject = new WeakMap<object, S>();

  get(key: unknown): S | undefined {
    return isObject(key) ? this.byObject.get(key) : this.byValue.get(key);
  }

  set(key: unknown, slot: S): void {
    if (isObject(key)) this.byObject.set(key, slot);
    else this.byValue.set(key, slot);
  }

  delete(key: unknown): void {
    if (isObject(key)) this.byObject.delete(key);
    else this.byValue.delete(key);
  }
}

function isObject(key: unknown): key is object {
  return (typeof key === 'object' && key !== null) || typeof key === 'function';
}

export interface Input<K, V> {
  readonly name: string;
  /** Sets the value; one equal to the current one is stored without a new revision (nothing re-runs). */
  set(key: K, value: V): void;
  /** Makes the key unset again (a closed file, a deleted .env): a new revision if it was set. */
  remove(key: K): void;
  /** The value, recorded as a dependency of the running query. */
  get(key: K): V;
  /** Whether the key is set, recorded as a dependency too. */
  has(key: K): boolean;
}

export interface Query<K, V> {
  readonly name: string;
  /** The value for the current revision, recorded as a dependency of the running query. */
  get(key: K): V;
}

export interface Partition<K, E> {
  readonly name: string;
  /** The entry at `at` of the map for `key` (undefined when it has none), recorded as a dependency on that entry alone. */
  entry(key: K, at: unknown): E | undefined;
}

export class Database {
  private rev = 1;
  private readonly stack: Frame[] = [];
  private readonly names = new Set<string>();
  private readonly runs = new Map<string, number>();
  /** Memos whose dependencies were walked to see whether they still hold, by query name. */
  private readonly checks = new Map<string, number>();
  private readonly recording: boolean;
  private readonly byKey: boolean;

  constructor(options: DatabaseOptions = {}) {
    this.recording = options.recordDependencies ?? true;
    this.byKey = options.countByKey ?? false;
  }

  /** Bumped by every input set that changes a value. */
  get revision(): number {
    return this.rev;
  }

  /** How often each query's function ran, by query name (tests and the bench read it). */
  executions(name?: string): number {
    if (name !== undefined) return this.runs.get(name) ?? 0;
    let total = 0;
    for (const n of this.runs.values()) total += n;
    return total;
  }

  /** How often a memo's dependencies were walked to verify it, by query name (all, without one). */
  verifications(name?: string): number {
    if (name !== undefined) return this.checks.get(name) ?? 0;
    let total = 0;
    for (const n of this.checks.values()) total += n;
    return total;
  }

  /** Every query's verification count, by name. */
  verificationCounters(): Record<string, number> {
    return Object.fromEntries(this.checks);
  }

  /** Every query's run count, by name. */
  counters(): Record<string, number> {
    return Object.fromEntries(this.runs);
  }

  input<K, V>(name: string, options: InputOptions<K, V> = {}): Input<K, V> {
    this.claim(name);
    const table = new Table<InputSlot>();
    const equals = (options.equals ?? structuralEquals) as Equals<unknown>;
    const keyOf = options.keyOf ?? ((k: K): unknown => k);
    const slotOf = (key: K): InputSlot => {
      const k = keyOf(key);
      let slot = table.get(k);
      if (!slot) table.set(k, (slot = { kind: 'input', name, key, changedAt: 0, value: undefined, isSet: false }));
      return slot;
    };
    const read = (key: K): InputSlot => {
      const slot = slotOf(key);
      this.track(slot);
      return slot;
    };
    return {
      name,
      set: (key, value) => {
        this.mutable(name);
        const slot = slotOf(key);
        const same = slot.isSet && equals(slot.value, value);
        // An equal value is still stored (its ranges may have moved), without a new revision.
        slot.value = value;
        slot.isSet = true;
        if (!same) slot.changedAt = ++this.rev;
      },
      remove: (key) => {
        this.mutable(name);
        const slot = table.get(keyOf(key));
        if (!slot?.isSet) return;
        slot.value = undefined;
        slot.isSet = false;
        slot.changedAt = ++this.rev;
      },
      get: (key) => {
        const slot = read(key);
        if (slot.isSet) return slot.value as V;
        if (options.default) return options.default(key);
        throw new Error(`Input ${label(name, key)} was read before it was set`);
      },
      has: (key) => read(key).isSet,
    };
  }

  query<K, V>(name: string, fn: (key: K) => V, options: QueryOptions<K, V> = {}): Query<K, V> {
    const { slot } = this.derived(name, fn, options);
    return {
      name,
      get: (key) => {
        const s = slot(key);
        this.track(s);
        this.refresh(s);
        return s.value as V;
      },
    };
  }

  private derived<K, V>(
    name: string,
    fn: (key: K) => V,
    options: QueryOptions<K, V>,
    settle?: QueryInfo['settle'],
  ): { slot: (key: K) => DerivedSlot } {
    this.claim(name);
    const table = new Table<DerivedSlot>();
    const info: QueryInfo = {
      name,
      fn: fn as QueryInfo['fn'],
      equals: settle ? () => false : ((options.equals ?? structuralEquals) as QueryInfo['equals']),
      counterOf: options.counterOf as QueryInfo['counterOf'],
      settle,
    };
    const keyOf = options.keyOf ?? ((k: K): unknown => k);
    return {
      slot: (key) => {
        const k = keyOf(key);
        let slot = table.get(k);
        if (!slot) {
          slot = {
            kind: 'derived',
            query: info,
            key,
            value: undefined,
            changedAt: 0,
            verifiedAt: 0,
            deps: NO_DEPS,
            active: false,
          };
          table.set(k, slot);
        }
        return slot;
      },
    };
  }

  /**
   * A map-valued query read one entry at a time: `entry(key, at)` is the map's value at `at`, and
   * what reads it depends on that entry only. The whole map is run again when something it read
   * changed, as a query is; each entry read so far is then compared with the last map's (by
   * `equals`) and counts as changed only when it differs, so an edit that changes one entry of
   * a map of thousands re-runs what read that entry, not what read the others (salsa keys such a
   * fact by name; here one run still makes the whole map, and the lookups stay cheap).
   */
  partition<K, E>(
    name: string,
    fn: (key: K) => ReadonlyMap<unknown, E>,
    options: PartitionOptions<K, E> = {},
  ): Partition<K, E> {
    const equals = (options.equals ?? structuralEquals) as (a: unknown, b: unknown, key: unknown) => boolean;
    const settle = (slot: DerivedSlot, old: unknown, value: unknown): void => {
      if (!slot.entries) return;
      const before = old as ReadonlyMap<unknown, unknown>;
      const after = value as ReadonlyMap<unknown, unknown>;
      for (const [at, entry] of slot.entries) {
        const a = before.get(at);
        const b = after.get(at);
        const same = a === undefined || b === undefined ? a === b : equals(a, b, slot.key);
        if (!same) entry.changedAt = this.rev;
      }
    };
    const whole = this.derived<K, ReadonlyMap<unknown, E>>(name, fn, { keyOf: options.keyOf }, settle);
    return {
      name,
      entry: (key, at) => {
        const slot = whole.slot(key);
        this.refresh(slot);
        const entries = (slot.entries ??= new Map());
        let entry = entries.get(at);
        // Read first in this revision: what reads it now runs now, after any change it could see.
        if (!entry) entries.set(at, (entry = { kind: 'entry', key: at, changedAt: this.rev, whole: slot }));
        this.track(entry);
        return (slot.value as ReadonlyMap<unknown, E>).get(at);
      },
    };
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`Query or input "${name}" is defined twice`);
    this.names.add(name);
  }

  private mutable(name: string): void {
    // salsa forbids it too: a query's value would depend on when it ran.
    const running = this.stack.find((f) => f.reads);
    if (running)
      throw new Error(`Input ${name} set while query ${label(running.slot.query.name, running.slot.key)} runs`);
  }

  private track(slot: Dependency): void {
    const top = this.stack[this.stack.length - 1];
    top?.reads?.add(slot);
  }

  /** Brings a memo up to the current revision: verified when nothing it read changed, else run. */
  private refresh(slot: DerivedSlot): void {
    if (slot.active)
      throw new CycleError([
        ...this.stack.map((f) => label(f.slot.query.name, f.slot.key)),
        label(slot.query.name, slot.key),
      ]);
    const memo = slot.changedAt > 0;
    if (memo && slot.verifiedAt === this.rev) return;
    if (memo && this.unchanged(slot)) {
      slot.verifiedAt = this.rev;
      return;
    }
    this.execute(slot);
  }

  /** Whether every dependency last changed no later than the memo was verified (derived ones refreshed first). */
  private unchanged(slot: DerivedSlot): boolean {
    count(this.checks, slot, this.byKey);
    this.push(slot, undefined);
    try {
      for (const dep of slot.deps) {
        if (dep.kind === 'derived') this.refresh(dep);
        else if (dep.kind === 'entry') this.refresh(dep.whole);
        if (dep.changedAt > slot.verifiedAt) return false;
      }
      return true;
    } finally {
      this.pop(slot);
    }
  }

  private execute(slot: DerivedSlot): void {
    const reads = new Set<Dependency>();
    this.push(slot, reads);
    count(this.runs, slot, this.byKey);
    let value: unknown;
    try {
      value = slot.query.fn(slot.key);
    } finally {
      this.pop(slot);
    }
    slot.deps = this.recording && reads.size > 0 ? [...reads] : NO_DEPS;
    slot.verifiedAt = this.rev;
    if (slot.query.settle && slot.changedAt > 0) slot.query.settle(slot, slot.value, value);
    if (slot.changedAt > 0 && slot.query.equals(slot.value, value, slot.key)) return;
    slot.value = value;
    slot.changedAt = this.rev;
  }

  private push(slot: DerivedSlot, reads: Frame['reads']): void {
    slot.active = true;
    this.stack.push({ slot, reads });
  }

  private pop(slot: DerivedSlot): void {
    slot.active = false;
    this.stack.pop();
  }
}

function count(counts: Map<string, number>, slot: DerivedSlot, byKey: boolean): void {
  const name = byKey && slot.query.counterOf ? slot.query.counterOf(slot.key) : slot.query.name;
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

const NO_DEPS: readonly Dependency[] = Object.freeze([]);

function label(name: string, key: unknown): string {
  return `${name}(${typeof key === 'string' ? JSON.stringify(key) : isObject(key) ? '{…}' : String(key)})`;
}
