// Reads a static configuration file (traefik.yml) into key paths with ranges, the way paerser's
// file loader sees it (github.com/traefik/paerser file/raw_node.go decodeRaw): keys with a null
// value are skipped with everything below them, lists of scalars are one value, lists of maps
// are indexed elements.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Range } from '../../types';
import type { KeyPart, Setting } from './setting';

export interface StaticFileRead {
  /** Every key written in the file, with its path (null values included), for validation. */
  keys: KeyPart[][];
  /** What Traefik reads: leaves, empty maps, and lists. */
  settings: Setting[];
  /** False when the file is not valid YAML (Traefik stops on it). */
  ok: boolean;
}

export function readStaticFile(file: string, text: string): StaticFileRead {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false });
  const out: StaticFileRead = { keys: [], settings: [], ok: doc.errors.length === 0 };
  if (!out.ok || !isMap(doc.contents)) return out;
  walkMap(doc, doc.contents, [], file, out);
  return out;
}

type Walked = Node | null | undefined;

function resolve(doc: Document, node: Walked): Walked {
  if (isAlias(node)) return node.resolve(doc) as Node | undefined;
  return node;
}

function walkMap(doc: Document, map: Node, path: KeyPart[], file: string, out: StaticFileRead): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const value = resolve(doc, pair.value as Walked);
    if (typeof pair.key.value === 'symbol' || pair.key.value === '<<') {
      // Merge key: its maps' keys belong to this map (yaml.v3 merges them too).
      for (const merged of isSeq(value) ? value.items.map((i) => resolve(doc, i as Walked)) : [value]) {
        if (merged) walkMap(doc, merged, path, file, out);
      }
      continue;
    }
    const part = { text: String(pair.key.value), range: rangeOf(pair.key.range) };
    const here = [...path, part];
    out.keys.push(here);
    walkValue(doc, value, here, file, out);
  }
}

function walkValue(doc: Document, value: Walked, path: KeyPart[], file: string, out: StaticFileRead): void {
  // paerser skips keys whose value is null: `docker:` alone does not enable the provider.
  const isNull = value == null || (isScalar(value) && value.value === null);
  const setting = (v: string | undefined): void => {
    if (!isNull) out.settings.push({ file, path, value: v, interpolated: false });
  };
  if (isMap(value)) {
    if (value.items.length === 0) setting(undefined);
    walkMap(doc, value, path, file, out);
    return;
  }
  if (isSeq(value)) {
    const items = value.items.map((i) => resolve(doc, i as Walked));
    if (items.some((i) => isMap(i))) {
      items.forEach((item, i) => {
        const range = item?.range ? rangeOf(item.range) : path[path.length - 1].range;
        walkValue(doc, item, [...path, { text: `[${i}]`, range }], file, out);
      });
    } else {
      setting(items.map((i) => (isScalar(i) ? String(i.value) : '')).join(','));
    }
    return;
  }
  setting(isScalar(value) ? String(value.value) : undefined);
}

function rangeOf(r: [number, number, number]): Range {
  return { start: r[0], end: r[1] };
}
