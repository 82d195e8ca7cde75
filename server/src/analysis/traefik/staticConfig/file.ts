// Reads a static configuration file (traefik.yml) into key paths with ranges, the way paerser's
// file loader sees it (github.com/traefik/paerser file/raw_node.go decodeRaw): keys with a null
// value are skipped with everything below them, lists of scalars are one value, lists of maps
// are indexed elements.
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Document } from 'yaml';
import type { Node } from 'yaml';
import { AliasBudget, ExcessiveAliasing } from '../../compose/aliases';
import type { Range } from '../../types';
import type { KeyPart, Setting } from './setting';
import { readToml, type TomlRead } from '../toml';

export interface StaticFileRead {
  /** Every key written in the file, with its path (null values included), for validation. */
  keys: KeyPart[][];
  /** What Traefik reads: leaves, empty maps, and lists. */
  settings: Setting[];
  /** False when the file is not valid YAML (Traefik stops on it). */
  ok: boolean;
  /** Why Traefik's YAML decoder refuses a file that parses (an alias bomb). */
  refused?: string;
}

/** A static configuration file as Traefik decodes it by its extension: `.toml` as TOML, else YAML. */
export function readStaticText(file: string, text: string): TomlRead {
  return isToml(file) ? readToml(file, text) : readStaticFile(file, text);
}

export function isToml(file: string): boolean {
  return /\.toml$/i.test(file);
}

/**
 * The first YAML document of a file, as Traefik reads it: paerser decodes YAML with yaml.v3's
 * Unmarshal (paerser file/file.go), which decodes the first document and leaves the others.
 */
export function firstDocument(text: string): Document {
  const options = { merge: true, uniqueKeys: false } as const;
  const docs = parseAllDocuments(text, options);
  return Array.isArray(docs) && docs.length > 0 ? docs[0] : parseDocument(text, options);
}

/** `partial`: walk what parses of a file with errors too (what a refused dynamic file meant to define). */
export function readStaticFile(file: string, text: string, partial = false): StaticFileRead {
  const doc = firstDocument(text);
  const out: StaticFileRead = { keys: [], settings: [], ok: doc.errors.length === 0 };
  if ((!out.ok && !partial) || !isMap(doc.contents)) return out;
  try {
    walkMap(new AliasBudget(doc), doc.contents, [], file, out);
  } catch (e) {
    if (!(e instanceof ExcessiveAliasing)) throw e;
    return { keys: [], settings: [], ok: false, refused: e.message };
  }
  return out;
}

type Walked = Node | null | undefined;

function walkMap(doc: AliasBudget, map: Node, path: KeyPart[], file: string, out: StaticFileRead): void {
  if (!isMap(map)) return;
  doc.visit();
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const key = pair.key;
    doc.expand(pair.value, (value) => {
      if (typeof key.value === 'symbol' || key.value === '<<') {
        // Merge key: its maps' keys belong to this map (yaml.v3 merges them too).
        if (!isSeq(value)) return value && walkMap(doc, value, path, file, out);
        for (const item of value.items) doc.expand(item, (merged) => merged && walkMap(doc, merged, path, file, out));
        return;
      }
      const part = { text: String(key.value), range: rangeOf(key.range!) };
      const here = [...path, part];
      out.keys.push(here);
      walkValue(doc, value, here, file, out);
    });
  }
}

function walkValue(doc: AliasBudget, value: Walked, path: KeyPart[], file: string, out: StaticFileRead): void {
  doc.visit();
  // paerser skips keys whose value is null: `docker:` alone does not enable the provider.
  const isNull = value == null || (isScalar(value) && value.value === null);
  const setting = (v: string | undefined): void => {
    if (isNull) return;
    const written = value && !isMap(value) && value.range ? { valueRange: unquoted(value) } : {};
    out.settings.push({ file, path, value: v, interpolated: false, ...written });
  };
  if (isMap(value)) {
    if (value.items.length === 0) setting(undefined);
    walkMap(doc, value, path, file, out);
    return;
  }
  if (isSeq(value)) {
    const items = value.items.map((i) => doc.expand(i, (item) => item));
    if (items.some((i) => isMap(i))) {
      value.items.forEach((alias, i) =>
        doc.expand(alias, (item) => {
          const range = item?.range ? rangeOf(item.range) : path[path.length - 1].range;
          walkValue(doc, item, [...path, { text: `[${i}]`, range }], file, out);
        }),
      );
    } else if (!isNull) {
      const ranges = items.map((i) => (isScalar(i) && i.range ? unquoted(i) : undefined));
      const known = ranges.every((r) => r !== undefined);
      out.settings.push({
        file,
        path,
        value: items.map((i) => (isScalar(i) ? String(i.value) : '')).join(','),
        interpolated: false,
        ...(value.range ? { valueRange: unquoted(value) } : {}),
        ...(known && ranges.length > 0 ? { itemRanges: ranges as Range[] } : {}),
      });
    }
    return;
  }
  setting(isScalar(value) ? String(value.value) : undefined);
}

/** A scalar's text without its quotes; a list's whole text. */
function unquoted(value: Node): Range {
  const r = rangeOf(value.range!);
  const quoted = isScalar(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE');
  return quoted && r.end - r.start >= 2 ? { start: r.start + 1, end: r.end - 1 } : r;
}

function rangeOf(r: [number, number, number]): Range {
  return { start: r[0], end: r[1] };
}
