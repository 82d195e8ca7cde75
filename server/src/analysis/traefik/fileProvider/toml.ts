// A parsed TOML document as the key paths paerser decodes (file/raw_node.go: tables are nodes,
// arrays of tables are indexed elements, arrays of values one comma-joined value). An array
// holding arrays (`[[{a=1}]]`, which paerser's decodeRaw refuses as an "unsupported simple value
// type") is walked as indexed elements too, so its tables still have keys to judge. smol-toml
// keeps no positions, so each key is found in the text after its parent's: the first place it
// is written as a key (`[a.b]`, `b.c =`, `"b" =`); a key not found there takes its parent's range.
import { TomlDate } from 'smol-toml';
import type { KeyPart, Setting } from '../staticConfig/setting';
import type { Range } from '../../types';

type Value = unknown;

export function tomlSettings(file: string, text: string, root: Value): { keys: KeyPart[][]; settings: Setting[] } {
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
