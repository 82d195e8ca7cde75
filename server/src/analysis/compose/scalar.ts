// Maps characters of a YAML scalar's value back to offsets in the source text, so a
// finding can underline one key segment or one character inside a quoted label.
import { Scalar as YamlScalar } from 'yaml';

export interface SourceMap {
  /** Source offset of value character 0 when there is no table (one source character per value character). */
  start: number;
  /** table[i] = source offset of value character i; table[value.length] = end of value. */
  table: number[] | null;
}

/** Source offset of value character `i` (`i` = value length: the end of the value). */
export function sourceAt(map: SourceMap, i: number): number {
  return map.table ? map.table[i] : map.start + i;
}

/** Builds the value->source offset table for a scalar node; `null` when it cannot be exact. */
export function mapScalar(node: YamlScalar, text: string): SourceMap | null {
  const range = node.range;
  if (!range) return null;
  const start = range[0];
  const end = range[1];
  const raw = text.slice(start, end);
  const value = String(node.source ?? node.value ?? '');
  switch (node.type) {
    case 'PLAIN':
      if (raw !== value) return null; // folded over several lines
      return identity(start);
    case 'QUOTE_SINGLE':
      // Most labels have no escapes: one character per character (no table to build).
      if (!raw.includes('\n') && raw.length === value.length + 2 && !raw.slice(1, -1).includes("'"))
        return identity(start + 1);
      return table(mapSingleQuoted(raw, start, value));
    case 'QUOTE_DOUBLE':
      if (!raw.includes('\n') && raw.length === value.length + 2 && !raw.includes('\\')) return identity(start + 1);
      return table(mapDoubleQuoted(raw, start, value));
    default:
      return null; // block scalars: indentation and folding make a map uncertain
  }
}

// Plain objects, not closures: a big file maps tens of thousands of scalars on a cold open.
function identity(start: number): SourceMap {
  return { start, table: null };
}

function table(offsets: number[] | null): SourceMap | null {
  return offsets && { start: 0, table: offsets };
}

function mapSingleQuoted(raw: string, start: number, value: string): number[] | null {
  if (raw.includes('\n')) return null;
  const offsets: number[] = [];
  let i = 1;
  while (i < raw.length - 1) {
    offsets.push(start + i);
    i += raw[i] === "'" && raw[i + 1] === "'" ? 2 : 1;
  }
  offsets.push(start + raw.length - 1);
  return offsets.length === value.length + 1 ? offsets : null;
}

const ESCAPE_WIDTH: Record<string, number> = { x: 4, u: 6, U: 10 };

function mapDoubleQuoted(raw: string, start: number, value: string): number[] | null {
  if (raw.includes('\n')) return null;
  const offsets: number[] = [];
  let i = 1;
  while (i < raw.length - 1) {
    offsets.push(start + i);
    if (raw[i] === '\\') {
      const width = ESCAPE_WIDTH[raw[i + 1]] ?? 2;
      // \u escapes of astral characters decode to two UTF-16 units
      if (width > 2) {
        const code = parseInt(raw.slice(i + 2, i + width), 16);
        if (code > 0xffff) offsets.push(start + i);
      }
      i += width;
    } else {
      i += 1;
    }
  }
  offsets.push(start + raw.length - 1);
  return offsets.length === value.length + 1 ? offsets : null;
}
