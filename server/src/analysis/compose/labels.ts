// Reads a service's `labels` (list form `- "k=v"` or map form `k: v`) into Label records
// with exact ranges for the key, the value and every dot-separated key segment.
import { isMap, isPair, isScalar, isSeq, Node, Pair, Scalar as YamlScalar, type YAMLMap } from 'yaml';
import type { Range } from '../types';
import type { AliasBudget } from './aliases';
import type { KeySegment, Label, LabelBlock, QuoteStyle } from './model';
import { mapScalar, sourceAt, SourceMap } from './scalar';

type Source = Label['source'];

export function readLabels(
  node: Node | null,
  text: string,
  source: Source,
  out: Label[],
  file: string,
  aliases?: AliasBudget,
): LabelBlock | undefined {
  if (!node || !node.range) return undefined;
  const range = { start: node.range[0], end: node.range[1] };
  if (isSeq(node)) {
    for (const entry of node.items) {
      const item = aliases ? aliases.resolve(entry) : entry;
      aliases?.visit();
      if (isScalar(item)) {
        const label = fromListItem(item, text, source, file);
        if (label) out.push(label);
      }
    }
    return { source, form: 'list', range, indent: node.flow ? -1 : columnOf(text, range.start) };
  }
  if (isMap(node)) {
    const own = new Set<unknown>();
    mapLabels(node, text, source, file, out, own, aliases);
    return { source, form: 'map', range, indent: node.flow ? -1 : columnOf(text, range.start) };
  }
  return undefined;
}

/**
 * The pairs of a map-form `labels:`, then those its `<<` merge keys bring in that it does not
 * set itself (a label from an anchor keeps the anchor's range: that is where it is written).
 */
function mapLabels(
  node: YAMLMap<unknown, unknown>,
  text: string,
  source: Source,
  file: string,
  out: Label[],
  seen: Set<unknown>,
  aliases?: AliasBudget,
  merged = false,
): void {
  const set: unknown[] = [];
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    aliases?.visit();
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (aliases && key === '<<') continue;
    // A label written twice in one map stays twice (duplicate-label); a merged one yields.
    if (merged && seen.has(key)) continue;
    set.push(key);
    const value = aliases ? aliases.resolve(pair.value) : pair.value;
    const label = fromPair({ key: pair.key, value } as Pair<unknown, unknown>, text, source, file);
    if (label) out.push(label);
  }
  for (const key of set) seen.add(key);
  if (aliases) for (const map of aliases.merged(node)) mapLabels(map, text, source, file, out, seen, aliases, true);
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

function quoteOf(node: YamlScalar): QuoteStyle {
  if (node.type === 'QUOTE_DOUBLE') return '"';
  if (node.type === 'QUOTE_SINGLE') return "'";
  return '';
}

function scalarText(node: YamlScalar): string {
  if (node.value === null || node.value === undefined) return '';
  // Plain scalars keep their source text: `true`, `1.0`, `0x10` are strings to compose.
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return String(node.value);
}

/** Compose interpolation (`${VAR}`, `$VAR`); `$$` is an escaped dollar sign. */
export function hasInterpolation(s: string): boolean {
  if (!s.includes('$')) return false; // nearly every value: no copy, no regex
  return /\$\{|\$[A-Za-z_]/.test(s.replace(/\$\$/g, ''));
}

function fromListItem(node: YamlScalar, text: string, source: Source, file: string): Label | undefined {
  if (!node.range) return undefined;
  const whole = { start: node.range[0], end: node.range[1] };
  const item = scalarText(node);
  const eq = item.indexOf('=');
  const key = eq < 0 ? item : item.slice(0, eq);
  const value = eq < 0 ? '' : item.slice(eq + 1);
  const map = mapScalar(node, text);
  const keyRange = map ? { start: sourceAt(map, 0), end: sourceAt(map, key.length) } : whole;
  const valueRange = !map
    ? whole
    : eq < 0
      ? { start: keyRange.end, end: keyRange.end }
      : { start: sourceAt(map, eq + 1), end: sourceAt(map, item.length) };
  return {
    file,
    key,
    value,
    keyRange,
    valueRange,
    entryRange: { start: dashBefore(text, whole.start), end: whole.end },
    segments: segmentsOf(key, map, 0, whole),
    exact: map !== null,
    form: 'list',
    quote: quoteOf(node),
    source,
    interpolated: hasInterpolation(value),
  };
}

function dashBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? i : offset;
}

function fromPair(pair: Pair<unknown, unknown>, text: string, source: Source, file: string): Label | undefined {
  const keyNode = pair.key;
  if (!isScalar(keyNode) || !keyNode.range) return undefined;
  const key = scalarText(keyNode);
  const keyWhole = { start: keyNode.range[0], end: keyNode.range[1] };
  const keyMap = mapScalar(keyNode, text);
  const keyRange = keyMap ? { start: sourceAt(keyMap, 0), end: sourceAt(keyMap, key.length) } : keyWhole;
  const valueNode = pair.value;
  let value = '';
  let valueRange: Range = { start: keyWhole.end + 1, end: keyWhole.end + 1 };
  let valueExact = true;
  let end = keyWhole.end;
  if (isScalar(valueNode) && valueNode.range) {
    value = scalarText(valueNode);
    const valueMap = mapScalar(valueNode, text);
    const whole = { start: valueNode.range[0], end: valueNode.range[1] };
    valueRange = valueMap ? { start: sourceAt(valueMap, 0), end: sourceAt(valueMap, value.length) } : whole;
    valueExact = valueMap !== null;
    end = whole.end;
  } else if (valueNode && (valueNode as Node).range) {
    const r = (valueNode as Node).range!;
    value = text.slice(r[0], r[1]);
    valueRange = { start: r[0], end: r[1] };
    valueExact = false;
    end = r[1];
  } else {
    // `key:` with no value: an empty label value; put the empty range right after the colon.
    const colon = text.indexOf(':', keyWhole.end);
    if (colon >= 0) valueRange = { start: colon + 1, end: colon + 1 };
  }
  return {
    file,
    key,
    value,
    keyRange,
    valueRange,
    entryRange: { start: keyWhole.start, end },
    segments: segmentsOf(key, keyMap, 0, keyWhole),
    exact: keyMap !== null && valueExact,
    form: 'map',
    quote: quoteOf(keyNode),
    source,
    interpolated: hasInterpolation(value),
  };
}

function segmentsOf(key: string, map: SourceMap | null, base: number, whole: Range): KeySegment[] {
  const segments: KeySegment[] = [];
  let from = 0;
  for (const text of key.split('.')) {
    const to = from + text.length;
    const range = map ? { start: sourceAt(map, base + from), end: sourceAt(map, base + to) } : whole;
    segments.push({ text, range });
    from = to + 1;
  }
  return segments;
}
