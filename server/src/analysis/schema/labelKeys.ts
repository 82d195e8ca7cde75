// What Traefik makes of each label key (lookup.ts lookupLabelKey), walked once per key shape and
// kept by the engine (one per workspace: the Analyzer's, reached through project.derived.labelKeys
// or a service check's context), never by a module. A gateway of 1000 services has 10,000 labels
// and a dozen distinct keys once router, service and middleware names are set aside.
import { fullId, lookupLabelKey, namedId, type KeyLookup } from './lookup';
import type { LabelVersion } from './tree';

/** How many key shapes one version keeps; past it they are dropped and walked again. */
const MAX_KEYS = 20000;

export class LabelKeys {
  private readonly byVersion: Record<LabelVersion, Map<string, KeyLookup>> = { v2: new Map(), v3: new Map() };

  /** lookupLabelKey(segments, version); results are shared between calls: do not mutate. */
  lookup(segments: readonly string[], version: LabelVersion): KeyLookup {
    const table = this.byVersion[version];
    // Most keys name a router, service or middleware at the fourth segment: one entry serves every name.
    const named = namedId(segments);
    const hit = (named !== undefined ? table.get(named) : undefined) ?? table.get(fullId(segments));
    if (hit) return hit;
    if (table.size >= MAX_KEYS) table.clear();
    const result = lookupLabelKey(segments, version);
    // Shared only when the walk took the fourth segment for a name (`*`), as for any other name.
    table.set(named !== undefined && result.path?.[3] === '*' ? named : fullId(segments), result);
    return result;
  }
}
