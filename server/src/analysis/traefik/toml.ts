// TOML as Traefik reads it, for its static configuration (traefik.toml) and the file provider's
// dynamic files alike: paerser's file loader decodes .toml with a TOML parser into the same raw
// map it makes of YAML (github.com/traefik/paerser file/file.go DecodeContent, file/raw_node.go
// decodeRaw), so the key paths are those of the YAML walk. Tables are nodes, arrays of tables
// indexed elements, arrays of values one comma-joined value. An array holding arrays (`[[{a=1}]]`,
// which paerser's decodeRaw refuses as an "unsupported simple value type") is walked as indexed
// elements too, so its tables still have keys to judge. smol-toml parses; it keeps no positions,
// so each key is found in the text after its parent's: the first place it is written as a key
// (`[a.b]`, `b.c =`, `"b" =`); a key not found there takes its parent's range.
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { errorMessage } from '../errors';
import type { StaticFileRead } from './staticConfig/file';
import type { KeyPart, Setting } from './staticConfig/setting';
import type { Range } from '../types';

export interface TomlRead extends StaticFileRead {
  /** Why the TOML parser stops, and where (Traefik does not start: "failed to decode configuration from file"). */
  error?: { message: string; range: Range };
  /** The file parses but could not be walked here (a shape this reader does not know): nothing in it is judged. */
  unread?: string;
}

export function readToml(file: string, text: string): TomlRead {
  try {
    const { keys, settings } = tomlSettings(file, text, parseToml(text));
    return { keys, settings, ok: true };
  } catch (e) {
    if (!(e instanceof TomlError)) return { keys: [], settings: [], ok: false, unread: errorMessage(e) };
    const offset = offsetAt(text, e.line, e.column);
    return {
      keys: [],
      settings: [],
      ok: false,
      error: { message: e.message.split('\n')[0], range: { start: offset, end: offset } },
    };
  }
}

/** smol-toml's 1-based line and column as an offset into the text. */
function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

type Value = unknown;

function tomlSettings(file: string, text: string, root: Value): { keys: KeyPart[][]; settings: Setting[] } {
  const keys: KeyPart[][] = [];
  const settings: Setting[] = [];
  const whole: Range = { start: 0, end: 0 };
  const walk = (value: Value, path: KeyPart[], from: number): void => {
    if (isTable(value)) {
      const entries = Object.entries(value);
      if (entries.length === 0 && path.length > 0) settings.push({ file, path, interpolated: false });
      for (const [key, child] of entries) {
        const range = findKey(text, key, from) ?? path[path.length - 1]?.range ?? whole;
        const here = [...path, { text: key, range }];
        keys.push(here);
        walk(child, here, range.start);
      }
      return;
    }
    if (Array.isArray(value)) {
      if (value.some((item) => isTable(item) || Array.isArray(item))) {
        value.forEach((item, i) => walk(item, [...path, { text: `[${i}]`, range: path[path.length - 1].range }], from));
        return;
      }
      settings.push({ file, path, value: value.map(scalar).join(','), interpolated: false, ...valueAt(text, path) });
      return;
    }
    settings.push({ file, path, value: scalar(value), interpolated: false, ...valueAt(text, path) });
  };
  walk(root, [], 0);
  return { keys, settings };
}

/** A basic or literal string, an array on one line, or a bare value, after `key =`. */
const VALUE = /^[ \t]*=[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\[[^\]\n]*\]|[^\s#,\]}]+)/;

/** Where the value of the key last in `path` is written (inside its quotes), when written as `key = value`. */
function valueAt(text: string, path: KeyPart[]): { valueRange?: Range } {
  const key = path[path.length - 1]?.range;
  if (!key || key.end <= key.start) return {};
  const rest = text.slice(key.end + (text[key.end] === '"' || text[key.end] === "'" ? 1 : 0));
  const m = VALUE.exec(rest);
  if (!m) return {};
  const start = text.length - rest.length + m[0].length - m[1].length;
  const quoted = /^["']/.test(m[1]) ? 1 : 0;
  return { valueRange: { start: start + quoted, end: start + m[1].length - quoted } };
}

function isTable(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof TomlDate);
}

/** smol-toml's tables have no prototype, so String() would throw on one; only scalars reach here. */
function scalar(v: Value): string {
  if (v instanceof TomlDate) return v.toISOString();
  return typeof v === 'object' && v !== null ? '' : String(v);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `key` is first written as a key at or after `from`: bare or quoted, before `.`, `]` or `=`. */
function findKey(text: string, key: string, from: number): Range | undefined {
  const k = escape(key);
  const re = new RegExp(`(^|[\\s.\\[])(${k}|"${k}"|'${k}')[ \\t]*(?=[.\\]=])`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return from > 0 ? findKey(text, key, 0) : undefined;
  const start = m.index + m[1].length;
  const quoted = m[2].length !== key.length;
  return { start: start + (quoted ? 1 : 0), end: start + (quoted ? 1 : 0) + key.length };
}
