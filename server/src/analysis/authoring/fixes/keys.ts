// Fixes for label keys and values: unknown-label (the suggested segment or key, or an empty
// segment removed) and invalid-value (a value Traefik can decode that says what was meant).
import { checkValue, childKeys, lookupLabelKey } from '../../schema';
import { nearest } from '../../traefik/values';
import { lineStart, nextLineStart, replace } from '../edits';
import type { CodeAction } from '../types';
import { action, type FixContext, rewriteKey, rewriteValue, str, textAt } from './common';

export function unknownLabel(ctx: FixContext<'unknown-label'>): CodeAction[] {
  const { file, finding, label } = ctx;
  if (!label) return [];
  const raw = finding.data?.segmentIndex;
  const index = typeof raw === 'number' ? raw : -1;
  const suggestion = str(finding.data, 'suggestion') ?? closeField(ctx, index);
  const replacement = str(finding.data, 'replacement');
  const segment = label.segments[index];
  if (segment && segment.text === '' && suggestion === undefined) {
    // `a..b` or a trailing `.`: the finding covers the dots around the empty segment.
    const raw = textAt(file, finding.range);
    if (!/^\.+$/.test(raw)) return [];
    const keep = index < label.segments.length - 1 ? '.' : '';
    return [action('Remove the empty key segment', file.file, [replace(finding.range, keep)], true)];
  }
  if (segment && suggestion !== undefined && textAt(file, finding.range) === segment.text && label.exact) {
    return [
      action(`Change "${segment.text}" to "${suggestion}"`, file.file, [replace(finding.range, suggestion)], true),
    ];
  }
  if (replacement !== undefined) {
    return [action(`Change the key to ${replacement}`, file.file, [rewriteKey(file, label, replacement)], true)];
  }
  return [];
}

/**
 * The check suggests only within a small edit distance; swapped letters (`nmae`) count twice
 * there. Here a swap counts once (optimal string alignment), among the fields at that position.
 */
function closeField(ctx: FixContext, index: number): string | undefined {
  const label = ctx.label;
  if (!label || index < 1 || index >= label.segments.length) return undefined;
  const texts = label.segments.map((s) => s.text);
  const found = lookupLabelKey(texts, ctx.project.version);
  if (found.status !== 'unknown' || found.badSegment !== index || found.problem !== 'field') return undefined;
  const written = texts[index].toLowerCase().replace(/\[.*$/, '');
  const fields = childKeys(texts.slice(0, index), ctx.project.version).map((c) => c.name);
  const scored = fields.map((f) => ({ f, d: swapDistance(written, f) })).filter((x) => x.d <= 2);
  scored.sort((a, b) => a.d - b.d);
  if (scored.length === 0 || (scored.length > 1 && scored[1].d === scored[0].d)) return undefined;
  return scored[0].f + (/\[.*$/.exec(texts[index])?.[0] ?? '');
}

/** Edit distance where swapping two neighbouring letters is one edit. */
function swapDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const TRUE = /^(y|yes|on|enable|enabled|1|t|true)$/i;
const FALSE = /^(n|no|off|disable|disabled|0|f|false)$/i;
const UNITS: [RegExp, string][] = [
  [/^(ns|nanoseconds?)$/i, 'ns'],
  [/^(us|µs|microseconds?)$/i, 'us'],
  [/^(ms|millis|milliseconds?)$/i, 'ms'],
  [/^(s|secs?|seconds?)$/i, 's'],
  [/^(m|mins?|minutes?)$/i, 'm'],
  [/^(h|hrs?|hours?)$/i, 'h'],
];

/** The value the writer obviously meant, for the field's type; undefined when there is no obvious one. */
function meant(type: string | undefined, value: string, values: readonly string[] | undefined): string | undefined {
  const v = value.trim();
  switch (type) {
    case 'bool':
    case 'enable':
      return TRUE.test(v) ? 'true' : FALSE.test(v) ? 'false' : undefined;
    case 'int': {
      const m = /^([+-]?\d+)(\.0+)?(\/(tcp|udp))?$/i.exec(v.replace(/^["']|["']$/g, ''));
      return m ? m[1] : undefined;
    }
    case 'duration': {
      const parts = [...v.matchAll(/(\d+(?:\.\d+)?)\s*([a-zµ]+)/gi)];
      if (
        parts.length === 0 ||
        parts
          .map((p) => p[0])
          .join('')
          .replace(/\s/g, '') !== v.replace(/[\s,]|and/g, '')
      ) {
        return undefined;
      }
      let out = '';
      for (const [, n, unit] of parts) {
        const u = UNITS.find(([re]) => re.test(unit));
        if (!u) return undefined;
        out += n + u[1];
      }
      return out;
    }
    case 'enum':
      return values ? nearest(v, values) : undefined;
    default:
      return v !== value ? v : undefined;
  }
}

export function invalidValue(ctx: FixContext<'invalid-value'>): CodeAction[] {
  const { file, finding, label, project } = ctx;
  if (!label) return [];
  const replacementKey = str(finding.data, 'replacementKey');
  if (replacementKey !== undefined) {
    return [action(`Change the key to ${replacementKey}`, file.file, [rewriteKey(file, label, replacementKey)], true)];
  }
  const found = lookupLabelKey(
    label.segments.map((s) => s.text),
    project.version,
  );
  const schema = found.schema;
  if (!schema) return [];
  const value = meant(schema['x-type'], label.value, schema.enum ?? schema['x-enum']);
  if (value === undefined || value === label.value || checkValue(schema, value, 'value')) return [];
  return [action(`Change the value to "${value}"`, file.file, [rewriteValue(file, label, value)], true)];
}

/** duplicate-label: remove the earlier item, whose value compose drops anyway (nothing changes for Traefik). */
export function duplicateLabel(ctx: FixContext<'duplicate-label'>): CodeAction[] {
  const { file, label } = ctx;
  if (!label || label.form !== 'list') return [];
  const start = lineStart(file.text, label.entryRange.start);
  const end = nextLineStart(file.text, label.entryRange.end);
  // Only a label alone on its lines can go without touching its neighbours (not `[a=1, a=2]`).
  if (file.text.slice(start, label.entryRange.start).trim() !== '') return [];
  if (file.text.slice(label.entryRange.end, end).trim().replace(/^#.*/, '') !== '') return [];
  return [action(`Remove this "${label.key}" (the later one counts)`, file.file, [replace({ start, end }, '')], true)];
}
