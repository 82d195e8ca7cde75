// The tree of dynamic configuration keys the file provider decodes (schemas/traefik-dynamic.v*.json,
// written by scripts/generate-dynamic-schema.mjs from Traefik's reference file.yaml), looked up as
// paerser decodes a file: field names ignore case, map entries take any name. Where the
// reference lacks a key the docker labels' tree knows (it has its own overlay of the Go structs),
// the key is accepted: a key refused wrongly would hide every name of the file.
import v2 from '../../../../../schemas/traefik-dynamic.v2.json';
import v3 from '../../../../../schemas/traefik-dynamic.v3.json';
import { lookupLabelKey } from '../../schema';
import type { MajorVersion } from '../static';
import { isLeaf, splitIndexes, staticField, type StaticSchema } from '../staticConfig/schema';
import { nearest } from '../values';

const TREES: Record<MajorVersion, StaticSchema> = {
  v2: v2 as unknown as StaticSchema,
  v3: v3 as unknown as StaticSchema,
};

/** The dynamic configuration's top-level keys (http, tcp, udp, tls). */
export const DYNAMIC_ROOT_KEYS: readonly string[] = Object.keys(TREES.v3.properties ?? {});

export interface DynamicKeyLookup {
  /** The node the path leads to, when Traefik knows every segment. */
  node?: StaticSchema;
  /** Index of the first segment Traefik rejects. */
  bad?: number;
  /** `field`: no such field; `leaf`: a sub-key below a value; `index`: `[n]` on a non-list. */
  problem?: 'field' | 'leaf' | 'index';
  /** Closest field name at that place. */
  suggestion?: string;
}

export function lookupDynamicKey(segments: readonly string[], version: MajorVersion): DynamicKeyLookup {
  let node = TREES[version];
  for (const { text, of } of splitIndexes(segments)) {
    if (node['x-raw']) return { node };
    if (text.startsWith('[')) {
      if (node.items) node = node.items;
      else if (node['x-type'] !== 'list') return refused(segments, version, { bad: of, problem: 'index' });
      continue;
    }
    if (isLeaf(node)) return refused(segments, version, { bad: of, problem: 'leaf' });
    const found = staticField(node, text);
    if (found) node = found.schema;
    else if (typeof node.additionalProperties === 'object') node = node.additionalProperties;
    // Unknown top-level keys are skipped by the decoder (the root's additionalProperties: true).
    else if (node.additionalProperties === true) return {};
    else {
      const suggestion = nearest(text, Object.keys(node.properties ?? {}));
      return refused(segments, version, { bad: of, problem: 'field', ...(suggestion ? { suggestion } : {}) });
    }
  }
  return { node };
}

/** The labels' tree knows the key (a field file.yaml omits): accepted, as Traefik's structs do. */
function refused(segments: readonly string[], version: MajorVersion, result: DynamicKeyLookup): DynamicKeyLookup {
  if (segments.some((s) => s.includes('['))) return result;
  const label = lookupLabelKey(['traefik', ...segments], version);
  return label.status === 'unknown' ? result : {};
}
