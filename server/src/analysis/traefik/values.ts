// Reading label values the way paerser decodes them, keeping a range per list item.
import { valueSpan } from '../compose/interpolated';
import type { Label } from '../compose/model';
import type { Range } from '../types';
import { editDistance } from '../spelling';

export interface ListItem {
  value: string;
  range: Range;
  /** The item is written in the file as is (not from a variable, quoting or escapes). */
  literal: boolean;
}

/** Items of a comma-separated label value, trimmed, each with its own range when the label is exact. */
export function listItems(label: Label): ListItem[] {
  const out: ListItem[] = [];
  if (label.value.trim() === '') return out;
  let from = 0;
  for (const part of label.value.split(',')) {
    const lead = part.length - part.trimStart().length;
    const value = part.trim();
    const span = valueSpan(label, from + lead, from + lead + value.length);
    out.push({ value, ...span });
    from += part.length + 1;
  }
  return out;
}

/** Go's strconv.ParseBool, which paerser uses for bool labels. */
export function parseBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** The closest candidate within a distance that scales with the name's length, if any. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase(), limit);
    if (d < bestDistance && d <= limit) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
