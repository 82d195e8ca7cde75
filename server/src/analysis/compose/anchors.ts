// Where a file's YAML anchors are used: each `&name` node with the aliases (`*name`, `<<: *name`)
// that copy it into a service, directly or through another anchor. A finding on text written
// under an anchor concerns every service that reads it there (issue 11: related information at
// each alias).
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Range } from '../types';

export interface AnchorUse {
  name: string;
  /** The anchored node. */
  range: Range;
  /** The aliases that bring it into a service, with that service's name. */
  uses: { range: Range; service: string; alias: string }[];
}

/** The anchors of `doc` that some service reads through an alias; empty when none. */
export function anchorUses(doc: Document): AnchorUse[] {
  const anchors = new Map<string, { range: Range; node: Node }>();
  // Alias -> where it sits: a service, or (inside an anchored node outside services) that anchor.
  const aliases: { name: string; range: Range; service?: string; inAnchor?: string }[] = [];
  const walk = (node: unknown, service: string | undefined, anchor: string | undefined, depth: number): void => {
    if (depth > 64 || !node || typeof node !== 'object') return;
    if (isAlias(node)) {
      if (node.range) aliases.push({ name: node.source, range: rangeOf(node.range), service, inAnchor: anchor });
      return;
    }
    const n = node as Node;
    let inside = anchor;
    if (n.anchor && n.range) {
      if (!anchors.has(n.anchor)) anchors.set(n.anchor, { range: rangeOf(n.range), node: n });
      inside = n.anchor;
    }
    if (isMap(n))
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        walk(pair.key, service, inside, depth + 1);
        walk(pair.value, service, inside, depth + 1);
      }
    else if (isSeq(n)) for (const item of n.items) walk(item, service, inside, depth + 1);
  };
  const root = doc.contents;
  if (!isMap(root)) return [];
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const services = isScalar(pair.key) && pair.key.value === 'services' ? pair.value : undefined;
    if (isMap(services)) {
      for (const s of services.items)
        if (isPair(s) && isScalar(s.key)) {
          walk(s.key, undefined, undefined, 0);
          walk(s.value, String(s.key.value), undefined, 0);
        }
    } else walk(pair.value, undefined, undefined, 0);
  }
  const out: AnchorUse[] = [];
  for (const [name, { range }] of anchors) {
    const uses: AnchorUse['uses'] = [];
    const seen = new Set<string>([name]);
    // The anchor's aliases in services, then those of the anchors that alias it (transitively).
    let names = [name];
    while (names.length > 0) {
      const next: string[] = [];
      for (const a of aliases.filter((x) => names.includes(x.name))) {
        if (a.service !== undefined) uses.push({ range: a.range, service: a.service, alias: a.name });
        if (a.inAnchor && !seen.has(a.inAnchor)) {
          seen.add(a.inAnchor);
          next.push(a.inAnchor);
        }
      }
      names = next;
    }
    if (uses.length > 0) out.push({ name, range, uses });
  }
  return out;
}

function rangeOf(r: [number, number, number?]): Range {
  return { start: r[0], end: r[1] };
}
