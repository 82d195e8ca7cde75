// The footprint index: which routers of the same muxer may share a request with a router, found
// without comparing every pair. Traefik builds one muxer per entry point and TLS or not
// (pkg/server/router/router.go BuildHandlers), so routers meet only on the same side and a shared
// entry point; within it, a rule's DNF terms each need a host and a path (rules/footprint.ts),
// and two terms whose hosts or paths cannot coincide never share a request. Routers are bucketed
// by entry point, then required host, then required path (exact, or prefix in sorted order);
// rules too large to expand go to an "anything" bucket that meets every router.
import type { Project } from '../project';
import { termsMeet, type TermFootprint } from '../rules';
import { routingFacts, type RouterFacts } from './facts';

interface Entry {
  router: RouterFacts;
  /** Its place in the project's order. */
  order: number;
}

/** The terms of one host bucket (or of the terms that need no host), by the path they need. */
interface PathBucket {
  all: Entry[];
  noPath: Entry[];
  prefix: Map<string, Entry[]>;
  /** The lengths of the prefixes in `prefix`, ascending: where a path can start with one. */
  prefixLengths: number[];
  exact: Map<string, Entry[]>;
  /** Every term that needs a path, sorted by it: the values starting with a prefix are a run. */
  sorted: { value: string; entry: Entry }[];
}

interface HostBuckets {
  byHost: Map<string, PathBucket>;
  noHost: PathBucket;
}

interface Side {
  all: Entry[];
  /** Rules too large to expand: they may meet anything. */
  anything: Entry[];
  /** By entry point; DEFAULTS: routers on the default entry points, unknown without a static config. */
  byEntryPoint: Map<string, HostBuckets>;
}

export interface RoutingIndex {
  /** Plain routers, then TLS routers: different muxers. */
  sides: readonly [Side, Side];
}

const DEFAULTS = '\u0000defaults';

/** The index of the project's routing facts, made again when one of them changed. */
export function routingIndex(project: Project): RoutingIndex {
  return project.derived.get('routing index', () => indexOf(routingFacts(project)));
}

/**
 * The router and the routers that may share a request with it (same muxer, a shared or unknown
 * entry point, footprints that meet), in the project's order: equal to the last answer unless one
 * of them changed, left or joined. An entry of one map of every router's candidates, so an edit
 * that moves one router re-runs what judged the routers whose candidates it changed, not a fact
 * per router.
 */
export function routerCandidates(project: Project, router: RouterFacts): readonly RouterFacts[] {
  const pairs = project.derived.entry('routing candidates', () => candidatesOfAll(project), router.key, samePairs);
  const mine = pairs?.find(([r]) => r === router);
  // A router the project's routing facts do not hold (the route tester's): asked of the index itself.
  return mine ? mine[1] : candidatesIn(routingIndex(project), router);
}

type Candidates = readonly (readonly [RouterFacts, readonly RouterFacts[]])[];

/** Every routed router's candidates, by RouterFacts.key (a list: two containers of one service share a key). */
function candidatesOfAll(project: Project): Map<string, Candidates> {
  const index = routingIndex(project);
  const out = new Map<string, [RouterFacts, RouterFacts[]][]>();
  for (const router of routingFacts(project)) {
    const pair: [RouterFacts, RouterFacts[]] = [router, candidatesIn(index, router)];
    const list = out.get(router.key);
    if (list) list.push(pair);
    else out.set(router.key, [pair]);
  }
  return out;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function samePairs(a: Candidates, b: Candidates): boolean {
  return a.length === b.length && a.every(([r, c], i) => r === b[i][0] && sameItems(c, b[i][1]));
}

function pathBucket(): PathBucket {
  return { all: [], noPath: [], prefix: new Map(), prefixLengths: [], exact: new Map(), sorted: [] };
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

export function indexOf(routers: readonly RouterFacts[]): RoutingIndex {
  const side = (): Side => ({ all: [], anything: [], byEntryPoint: new Map() });
  const sides: [Side, Side] = [side(), side()];
  routers.forEach((router, order) => {
    const entry: Entry = { router, order };
    const side = sides[router.tls ? 1 : 0];
    side.all.push(entry);
    if (!router.footprints) return void side.anything.push(entry);
    for (const ep of router.entryPoints ?? [DEFAULTS]) {
      let hosts = side.byEntryPoint.get(ep);
      if (!hosts) side.byEntryPoint.set(ep, (hosts = { byHost: new Map(), noHost: pathBucket() }));
      for (const term of router.footprints) {
        let bucket = hosts.noHost;
        if (term.host !== undefined) {
          bucket = hosts.byHost.get(term.host) ?? pathBucket();
          hosts.byHost.set(term.host, bucket);
        }
        bucket.all.push(entry);
        if (!term.path) bucket.noPath.push(entry);
        else {
          push(term.path.kind === 'prefix' ? bucket.prefix : bucket.exact, term.path.value, entry);
          bucket.sorted.push({ value: term.path.value, entry });
        }
      }
    }
  });
  for (const side of sides)
    for (const hosts of side.byEntryPoint.values())
      for (const bucket of [hosts.noHost, ...hosts.byHost.values()]) {
        bucket.sorted.sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
        bucket.prefixLengths = [...new Set([...bucket.prefix.keys()].map((p) => p.length))].sort((a, b) => a - b);
      }
  return { sides };
}

/** Entries of a bucket whose term may meet a term needing `path`. */
function inBucket(bucket: PathBucket, path: TermFootprint['path'], out: Set<Entry>): void {
  if (!path) {
    for (const e of bucket.all) out.add(e);
    return;
  }
  for (const e of bucket.noPath) out.add(e);
  // Prefixes the path starts with meet it, whatever its kind.
  for (const n of bucket.prefixLengths) {
    if (n > path.value.length) break;
    for (const e of bucket.prefix.get(path.value.slice(0, n)) ?? []) out.add(e);
  }
  if (path.kind === 'eq') {
    for (const e of bucket.exact.get(path.value) ?? []) out.add(e);
    return;
  }
  // A prefix meets every path starting with it: a run of the sorted values.
  const sorted = bucket.sorted;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].value < path.value) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i].value.startsWith(path.value); i++) out.add(sorted[i].entry);
}

/**
 * The routers of the index that may share a request with `router` (itself among them when it is
 * indexed), in the project's order. The buckets only narrow the search: each one found is tested
 * as rules/footprint.ts says, so the answer is exactly the routers whose footprints meet.
 */
export function candidatesIn(index: RoutingIndex, router: RouterFacts): RouterFacts[] {
  const side = index.sides[router.tls ? 1 : 0];
  const found = new Set<Entry>(side.anything);
  if (!router.footprints) for (const e of side.all) found.add(e);
  else {
    const points = router.entryPoints ? [...router.entryPoints, DEFAULTS] : [...side.byEntryPoint.keys()];
    for (const ep of points) {
      const hosts = side.byEntryPoint.get(ep);
      if (!hosts) continue;
      for (const term of router.footprints) {
        const buckets =
          term.host !== undefined
            ? [hosts.byHost.get(term.host), hosts.noHost]
            : [hosts.noHost, ...hosts.byHost.values()];
        for (const bucket of buckets) if (bucket) inBucket(bucket, term.path, found);
      }
    }
  }
  return [...found]
    .filter((e) => mayShareEntryPoint(router, e.router) && meet(router.footprints, e.router.footprints))
    .sort((x, y) => x.order - y.order)
    .map((e) => e.router);
}

/** A shared entry point; unknown (default) entry points may be any (route-shadowed decides per entry point). */
function mayShareEntryPoint(a: Pick<RouterFacts, 'entryPoints'>, b: Pick<RouterFacts, 'entryPoints'>): boolean {
  if (a.entryPoints === undefined || b.entryPoints === undefined) return true;
  return a.entryPoints.some((e) => b.entryPoints!.includes(e));
}

function meet(a: TermFootprint[] | undefined, b: TermFootprint[] | undefined): boolean {
  if (!a || !b) return true;
  return a.some((x) => b.some((y) => termsMeet(x, y)));
}
