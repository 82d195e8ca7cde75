// Moves every range of a cached service by `delta`, in place, when the text before it grew or
// shrank. Mutating keeps the service's identity, so caches keyed by the service (its Traefik
// container, its per-service findings) stay valid across edits elsewhere in the file.
import type { Range } from '../types';
import type { ComposeService } from './model';

export function shiftServiceInPlace(s: ComposeService, delta: number): void {
  if (delta === 0) return;
  // Some ranges are shared (an inexact label's key, value and segments are one object).
  const seen = new Set<Range>();
  const r = (x: Range | undefined): void => {
    if (!x || seen.has(x)) return;
    seen.add(x);
    x.start += delta;
    x.end += delta;
  };
  r(s.nameRange);
  r(s.range);
  r(s.image?.range);
  r(s.containerName?.range);
  r(s.networkMode?.range);
  r(s.replicas?.range);
  for (const list of [s.command ?? [], s.entrypoint ?? [], s.networks, s.profiles, s.volumes])
    for (const x of list) r(x.range);
  for (const p of s.ports) r(p.range);
  for (const p of s.expose) r(p.range);
  for (const b of s.labelBlocks) r(b.range);
  for (const l of s.labels) {
    r(l.keyRange);
    r(l.valueRange);
    r(l.entryRange);
    for (const g of l.segments) r(g.range);
  }
}
