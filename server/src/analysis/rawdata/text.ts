// The assembled configuration written out: as JSON in the shape of Traefik's /api/rawdata (with
// where each item came from under `gatewayLens`), and as YAML-like text whose comments say where
// each item is written (file:line) and which values are Traefik's defaults. The text also gives
// the span of each file:line, so the editor can link it.
import type { Range } from '../types';
import type { Value } from './fields';
import { BIG } from './internal';
import { SECTIONS, type RawData, type RawEntry } from './index';

/** How to name a file and turn an offset into a 1-based line and column. */
export interface Place {
  shown(file: string): string;
  position(file: string, offset: number): { line: number; column: number } | undefined;
}

export interface Link {
  /** 0-based line of the generated text, and the span of `file:line` on it. */
  line: number;
  start: number;
  end: number;
  file: string;
  range: Range;
}

export function rawDataJson(data: RawData, place: Place): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const origins: Record<string, Record<string, unknown>> = {};
  const defaults: Record<string, Record<string, unknown>> = {};
  for (const section of SECTIONS) {
    const entries = [...data.sections[section].values()];
    if (entries.length === 0) continue;
    out[section] = Object.fromEntries(entries.map((e) => [e.name, rawItem(e)]));
    origins[section] = Object.fromEntries(
      entries.filter((e) => e.origin).map((e) => [e.name, where(e.origin!.file, e.origin!.range.start, place)]),
    );
    const filled = entries.filter((e) => Object.keys(e.defaults).length > 0);
    if (filled.length > 0) defaults[section] = Object.fromEntries(filled.map((e) => [e.name, e.defaults]));
  }
  out.gatewayLens = {
    origins,
    defaults,
    absent: data.absent.map((a) => ({ what: a.what, why: a.why, ...where(a.file, a.range.start, place) })),
    notes: data.notes,
  };
  return out;
}

function rawItem(e: RawEntry): Record<string, unknown> {
  return {
    ...e.config,
    status: e.status,
    ...(e.error ? { error: [e.error] } : {}),
    ...(e.usedBy ? { usedBy: e.usedBy } : {}),
  };
}

function where(file: string, offset: number, place: Place): Record<string, unknown> {
  const at = place.position(file, offset);
  return { file: place.shown(file), ...(at ? { line: at.line, column: at.column } : {}) };
}

/** JSON with Traefik's own priorities near 2^63 printed digit for digit. */
export function exactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

const HEADER = [
  "# Traefik's dynamic configuration as Gateway Lens assembles it from this project's providers,",
  '# before anything runs (the shape of /api/rawdata). "# file:line" says where an item is written,',
  '# "# default: ..." what Traefik fills in. Server addresses use the compose service name where',
  "# Traefik uses the container's IP.",
];

export function rawDataText(data: RawData, place: Place): { text: string; links: Link[] } {
  const lines: string[] = [...HEADER];
  const links: Link[] = [];
  const comment = (line: string, note: string, file?: string, range?: Range): string => {
    const at = file && range ? place.position(file, range.start) : undefined;
    const text = file && at ? `${place.shown(file)}:${at.line}` : '';
    const prefix = `${line}  # `;
    if (file && range && at)
      links.push({ line: lines.length, start: prefix.length, end: prefix.length + text.length, file, range });
    return `${prefix}${[text, note].filter(Boolean).join(' ')}`;
  };
  for (const section of SECTIONS) {
    const entries = [...data.sections[section].values()];
    if (entries.length === 0) continue;
    lines.push(`${section}:`);
    for (const e of entries) {
      const status = e.status === 'disabled' ? `disabled (${e.error ?? ''})` : '';
      const empty = Object.keys(e.config).length === 0 && !e.usedBy;
      lines.push(comment(`  ${key(e.name)}:${empty ? ' {}' : ''}`, status, e.origin?.file, e.origin?.range));
      emit(e.config, 4, '', e.defaults, lines);
      if (e.usedBy) lines.push(`    usedBy: ${flow(e.usedBy)}`);
    }
  }
  if (data.absent.length > 0) {
    lines.push('', '# Not in the configuration:');
    for (const a of data.absent) lines.push(comment(`#   ${a.what}`, a.why, a.file, a.range));
  }
  for (const n of data.notes) lines.push(`# note: ${n}`);
  return { text: lines.join('\n') + '\n', links };
}

function emit(
  tree: Record<string, Value>,
  indent: number,
  path: string,
  defaults: Record<string, string>,
  lines: string[],
): void {
  const pad = ' '.repeat(indent);
  for (const [k, v] of Object.entries(tree)) {
    const here = path ? `${path}.${k}` : k;
    const note = defaults[here] !== undefined ? `  # default: ${defaults[here]}` : '';
    if (Array.isArray(v) && v.some((x) => typeof x === 'object')) {
      lines.push(`${pad}${key(k)}:${note}`);
      for (const item of v) {
        if (typeof item !== 'object' || Array.isArray(item)) {
          lines.push(`${pad}  - ${scalar(item)}`);
          continue;
        }
        const sub: string[] = [];
        emit(item, indent + 4, `${here}[]`, defaults, sub);
        if (sub.length === 0) sub.push(`${pad}    {}`);
        lines.push(`${pad}  - ${sub[0].trimStart()}`, ...sub.slice(1));
      }
    } else if (typeof v === 'object' && !Array.isArray(v)) {
      if (Object.keys(v).length === 0) lines.push(`${pad}${key(k)}: {}${note}`);
      else {
        lines.push(`${pad}${key(k)}:${note}`);
        emit(v, indent + 2, here, defaults, lines);
      }
    } else lines.push(`${pad}${key(k)}: ${Array.isArray(v) ? flow(v) : scalar(v)}${note}`);
  }
}

function flow(items: Value[]): string {
  return `[${items.map(scalar).join(', ')}]`;
}

function key(k: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.@-]*$/.test(k) ? k : JSON.stringify(k);
}

function scalar(v: Value): string {
  if (typeof v === 'string' && v.startsWith(BIG)) return v.slice(BIG.length);
  if (typeof v !== 'string') return typeof v === 'object' ? JSON.stringify(v) : String(v);
  const plain =
    /^[A-Za-z0-9/_.(][^#,[\]{}]*$/.test(v) && !/: |:$/.test(v) && !/^(true|false|null|~|[+-]?\d[\d.]*)$/i.test(v);
  return plain && v.trim() === v ? v : JSON.stringify(v);
}
