// The tree of static configuration keys (schemas/traefik-static.v3.json, written by
// scripts/generate-static-schema.mjs) and a lookup that follows paerser's rules: field names match
// case-insensitively (parser/nodes_metadata.go findTypedField), map entries take any name.
import tree from '../../../../../schemas/traefik-static.v3.json';
import type { MajorVersion } from '../static';
import { nearest } from '../values';
import { canonicalField } from '../../schema/tree';

export interface StaticSchema {
  properties?: Record<string, StaticSchema>;
  additionalProperties?: boolean | StaticSchema;
  items?: StaticSchema;
  'x-name'?: string;
  'x-raw'?: boolean;
  'x-type'?: 'bool' | 'duration' | 'list' | 'number' | 'string';
  'x-removed'?: string;
  'x-cite'?: string;
}

export const STATIC_SCHEMA = tree as unknown as StaticSchema;

export type StaticKeyProblem = 'unknown' | 'removed' | 'leaf' | 'index';

export interface StaticKeyLookup {
  /** The node the whole path leads to, when every segment is known. */
  node?: StaticSchema;
  /** Index of the first segment Traefik rejects. */
  bad?: number;
  problem?: StaticKeyProblem;
  /** Closest field name (canonical spelling) for an unknown segment. */
  suggestion?: string;
  /** For a removed v2 key: what replaced it. */
  note?: string;
  /** The path goes on below a node that accepts anything (`node` is that node). */
  below?: boolean;
}

/** Canonical field name and schema of `name` under `node`, ignoring case. */
export function staticField(node: StaticSchema, name: string): { name: string; schema: StaticSchema } | undefined {
  const canonical = canonicalField(node.properties, name);
  return canonical === undefined ? undefined : { name: canonical, schema: node.properties![canonical] };
}

/** A node that takes a value and has no sub-keys. */
export function isLeaf(node: StaticSchema): boolean {
  return node['x-type'] !== undefined;
}

/** Splits `domains[0]` into `domains` and `[0]`, as paerser does for list elements. */
export function splitIndexes(segments: readonly string[]): { text: string; of: number }[] {
  const out: { text: string; of: number }[] = [];
  segments.forEach((segment, of) => {
    const m = /^([^[]+)(\[\d*\])$/.exec(segment);
    if (m) out.push({ text: m[1], of }, { text: m[2], of });
    else out.push({ text: segment, of });
  });
  return out;
}

/**
 * Follows a key path (`entryPoints`, `web`, `address`) through the tree. `bad` indexes the
 * caller's segments. Removed v2 keys are known to v2 and rejected by v3.
 */
export function lookupStaticKey(segments: readonly string[], version: MajorVersion): StaticKeyLookup {
  let node = STATIC_SCHEMA;
  // The segment that led to `node`.
  let at = -1;
  let below = false;
  for (const { text, of } of splitIndexes(segments)) {
    if (node['x-raw']) {
      below = true;
      break;
    }
    if (text.startsWith('[')) {
      if (node.items) node = node.items;
      else if (node['x-type'] !== 'list') return { bad: of, problem: 'index' };
      continue;
    }
    if (isLeaf(node)) return { bad: of, problem: 'leaf' };
    const found = staticField(node, text);
    if (found) node = found.schema;
    else if (typeof node.additionalProperties === 'object') node = node.additionalProperties;
    else {
      const candidates = Object.keys(node.properties ?? {}).filter((n) => !node.properties![n]['x-removed']);
      return { bad: of, problem: 'unknown', suggestion: nearest(text, candidates) };
    }
    at = of;
  }
  if (node['x-removed'] && version === 'v3') return { bad: at, problem: 'removed', note: node['x-removed'] };
  return below ? { node, below } : { node };
}

/**
 * Whether paerser reads `--name` without a value as "true" instead of taking the next word
 * (flag/flagparser.go parseOne: bool fields and pointers to structs). `entryPoints.<name>.http`
 * is the one struct held by value (pkg/config/static/entrypoints.go HTTPConfig).
 */
export function isBoolFlag(segments: readonly string[], version: MajorVersion): boolean {
  const { node, below } = lookupStaticKey(segments, version);
  if (!node || below || node.items) return false;
  if (node['x-type'] !== undefined) return node['x-type'] === 'bool';
  // A removed v2 section was a pointer to a struct; plugin configuration is a map.
  if (node['x-raw']) return node['x-removed'] !== undefined;
  const lower = segments.map((s) => s.toLowerCase());
  if (lower.length === 3 && lower[0] === 'entrypoints' && lower[2] === 'http') return false;
  // Maps themselves (entryPoints, certificatesResolvers) are not pointers.
  return typeof node.additionalProperties !== 'object';
}

/**
 * Whether paerser takes the next word as the value of `--name` written alone: a key this version
 * knows that is neither a bool nor a pointer to a struct. For a key it does not know (or a v2 key
 * v3 refuses), Traefik does not start at all (unknown-static-key); reading such a flag as standing
 * alone keeps the next flag from being taken for its value, so the rest is judged as written.
 */
export function takesValue(segments: readonly string[], version: MajorVersion): boolean {
  const found = lookupStaticKey(segments, version);
  if (!found.node || found.below) return false;
  return !isBoolFlag(segments, version);
}
