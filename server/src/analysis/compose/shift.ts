// Moves every range of a cached service by `delta`, in place, when the text before it grew or
// shrank. Mutating keeps the service's identity, so caches keyed by the service (its Traefik
// container, its per-service findings) stay valid across edits elsewhere in the file. The list of
// a service's ranges is made once and kept by whoever keeps the service (the parser's entry).
import type { Range } from '../types';
import type { ComposeService } from './model';

/** Moves each range of `ranges` (serviceRanges of one service) by `delta`, in place. */
export function shiftRanges(ranges: readonly Range[], delta: number): void {
  if (delta === 0) return;
  for (const x of ranges) {
    x.start += delta;
    x.end += delta;
  }
}

/** Each range object of a service once. */
export function serviceRanges(s: ComposeService): Range[] {
  // Some ranges are shared (an inexact label's key, value and segments are one object).
  const seen = new Set<Range>();
  const r = (x: Range | undefined): void => {
    if (x) seen.add(x);
  };
  r(s.nameRange);
  r(s.range);
  r(s.image?.range);
  if (s.build)
    for (const x of [s.build, s.build.context, s.build.dockerfile, s.build.inline, s.build.target]) r(x?.range);
  r(s.containerName?.range);
  r(s.networkMode?.range);
  r(s.replicas?.range);
  if (s.extends) for (const x of [s.extends, s.extends.service, s.extends.file]) r(x?.range);
  for (const list of [
    s.command ?? [],
    s.entrypoint ?? [],
    s.networks,
    s.profiles,
    s.dependsOn,
    s.volumes,
    s.envFiles,
    s.healthcheck?.test ?? [],
  ])
    for (const x of list) r(x.range);
  for (const e of s.environment) {
    r(e.nameRange);
    r(e.valueRange);
    r(e.entryRange);
  }
  for (const p of s.ports) r(p.range);
  for (const p of s.expose) r(p.range);
  for (const b of s.labelBlocks) r(b.range);
  for (const p of s.spec) r(p.range);
  for (const t of s.templates ?? []) for (const y of [t.range, t.valueRange]) r(y);
  for (const x of s.replacedLabels) for (const y of [x.range, x.merge, x.merged]) r(y);
  for (const l of s.labels) {
    r(l.keyRange);
    r(l.valueRange);
    r(l.entryRange);
    for (const g of l.segments) r(g.range);
  }
  return [...seen];
}
