// Which label keys Traefik decodes and what it makes of them: the prefix filters of
// pkg/config/label/label.go DecodeConfiguration and pkg/provider/docker/shared_labels.go
// extractDockerLabels / extractSwarmLabels, then paerser's walk of the key (parser/labels_decode.go
// DecodeToNode, parser/nodes_metadata.go findTypedField).
import { nearest } from '../traefik/values';
import { field, fieldNames, isLeaf, LabelSchema, LabelVersion, nameSchema, ownValue, traefikSchema } from './tree';

/** Why a decoded key is wrong, for the message. */
export type KeyProblem =
  /** first segment is not literally `traefik` ("invalid label root") */
  | 'root'
  /** `a..b` ("invalid element") */
  | 'empty'
  /** a segment starting with `[`, or an index on something that is not a list */
  | 'bracket'
  /** no such field ("field not found") */
  | 'field'
  /** a sub-key below a field that takes a value */
  | 'leaf';

export interface KeyLookup {
  /** `ignored`: outside the prefixes Traefik decodes, or a field it never reads from labels. */
  status: 'known' | 'unknown' | 'ignored';
  /** Index of the first wrong segment when unknown. */
  badSegment?: number;
  /** Nearest valid segment at that position (keeps a `[N]` suffix). */
  suggestion?: string;
  problem?: KeyProblem;
  /** Why Traefik ignores the key, when the schema says (TLS options, serversTransports, ...). */
  note?: string;
  /**
   * Canonical lower-case field path, `*` for a user-chosen name and `[]` for a list element:
   * `traefik.http.routers.Api.tls.domains[0].main` -> traefik http routers * tls domains [] main.
   */
  path?: readonly string[];
  /** Schema of the value the key takes (a leaf, or an allowEmpty object such as `tls`). */
  schema?: LabelSchema;
  /** True when the key names a field that takes a value and has no sub-keys. */
  leaf?: boolean;
  /** True when the key ends at a user-chosen name or list element (`traefik.http.routers.api`). */
  entry?: boolean;
  /** True when the key names a list of entries (`tls.domains`), written with `[N]` sub-keys. */
  list?: boolean;
}

/** Prefixes of keys the dynamic-configuration decoder reads (label.go DecodeConfiguration). */
const DYNAMIC_PREFIXES = ['traefik.http', 'traefik.tcp', 'traefik.udp', 'traefik.tls.stores.default'];
/** Prefixes the providers' own decoders read; `traefik.swarm.` only in v3's swarm provider. */
const PROVIDER_PREFIXES: Record<LabelVersion, string[]> = {
  v2: ['traefik.docker.', 'traefik.enable'],
  v3: ['traefik.docker.', 'traefik.enable', 'traefik.swarm.'],
};

/** Whether Traefik decodes the key at all: a raw, case-insensitive prefix test (paerser sortKeys). */
export function isDecoded(key: string, version: LabelVersion): boolean {
  const lower = key.toLowerCase();
  return (
    DYNAMIC_PREFIXES.some((p) => lower.startsWith(p)) || PROVIDER_PREFIXES[version].some((p) => lower.startsWith(p))
  );
}

const INDEXED = /^(.*?)(\[[^\]]*\])$/;

/** Walks the schema along the key like paerser does, without the prefix filters. */
function walk(segments: readonly string[], version: LabelVersion): KeyLookup {
  return descend(segments, version).result;
}

/** The walk, also giving the schema node a known key ends at. */
function descend(segments: readonly string[], version: LabelVersion): { result: KeyLookup; node?: LabelSchema } {
  if (segments[0] !== 'traefik') {
    return { result: { status: 'unknown', badSegment: 0, suggestion: 'traefik', problem: 'root' } };
  }
  let node = traefikSchema(version);
  let entry = false;
  const path = ['traefik'];
  const unknown = (i: number, problem: KeyProblem, suggestion?: string) => ({
    result: { status: 'unknown' as const, badSegment: i, problem, ...(suggestion === undefined ? {} : { suggestion }) },
  });
  const ignored = (note: string) => ({ result: { status: 'ignored' as const, note, path } });
  for (let i = 1; i < segments.length; i++) {
    if (node['x-ignored']) return ignored(node['x-ignored']);
    if (node['x-raw']) {
      path.push(...segments.slice(i).map(() => '*'));
      return { result: { status: 'known', path, schema: ownValue(node), leaf: true }, node };
    }
    const segment = segments[i];
    if (segment === '') return unknown(i, 'empty');
    if (segment.startsWith('[')) return unknown(i, 'bracket');
    if (isLeaf(node)) return unknown(i, 'leaf');
    const indexed = INDEXED.exec(segment);
    const name = indexed ? indexed[1] : segment;
    // paerser makes every child of a list an element, so `domains.0.main` works like `domains[0].main`.
    if (node.items && !indexed) {
      node = node.items;
      path.push('[]');
      entry = true;
      continue;
    }
    const found = field(node, name);
    const names = nameSchema(node);
    let next: LabelSchema;
    if (found) {
      next = found.schema;
      path.push(found.name);
      entry = node['x-name'] !== undefined;
    } else if (names) {
      next = names;
      path.push('*');
      entry = true;
    } else {
      const near = nearest(name, fieldNames(node));
      return unknown(i, 'field', near === undefined ? undefined : near + (indexed ? indexed[2] : ''));
    }
    if (indexed) {
      if (!next.items) return unknown(i, 'bracket');
      next = next.items;
      path.push('[]');
      entry = true;
    }
    node = next;
  }
  if (node['x-ignored']) return ignored(node['x-ignored']);
  const result: KeyLookup = {
    status: 'known',
    path,
    schema: ownValue(node),
    leaf: isLeaf(node),
    ...(entry ? { entry } : {}),
    ...(node.items ? { list: true } : {}),
  };
  return { result, node };
}

/**
 * What Traefik makes of a label key split on `.`, walked afresh on every call (what checks every
 * label reads it through the engine's LabelKeys, labelKeys.ts). The result is frozen.
 * Field names match case-insensitively; user-chosen names keep their case.
 */
export function lookupLabelKey(segments: readonly string[], version: LabelVersion): KeyLookup {
  return freeze(classify(segments, version));
}

/**
 * The first `count` segments of a key as part of that key (a hover on `docker` in
 * `traefik.docker.network`): where Traefik decodes the whole key, its prefix is a field of the
 * schema even when the prefix alone, as a key of its own, is not decoded (`traefik.docker`).
 */
export function lookupKeyPrefix(segments: readonly string[], count: number, version: LabelVersion): KeyLookup {
  const prefix = segments.slice(0, count);
  if (count >= segments.length || !isDecoded(segments.join('.'), version)) return lookupLabelKey(prefix, version);
  return freeze(walk(prefix, version));
}

/** The key as its lookup depends on it: only the root's case matters ("invalid label root"). */
export function fullId(segments: readonly string[]): string {
  return `${segments[0]}.${segments.slice(1).join('.').toLowerCase()}`;
}

const NAMED_KINDS = /^(http|tcp|udp)\.(routers|services|middlewares)$/;

/** `traefik.http.routers.*.rule` for `traefik.http.routers.<a plain name>.rule`; else undefined. */
export function namedId(segments: readonly string[]): string | undefined {
  if (segments.length < 4 || segments[0] !== 'traefik') return undefined;
  const kind = `${segments[1]}.${segments[2]}`.toLowerCase();
  const name = segments[3];
  if (!NAMED_KINDS.test(kind) || name === '' || name.includes('[') || name.includes(']')) return undefined;
  return `traefik.${kind}.\u0000.${segments.slice(4).join('.').toLowerCase()}`;
}

function classify(segments: readonly string[], version: LabelVersion): KeyLookup {
  if (isDecoded(segments.join('.'), version)) return walk(segments, version);
  // Not decoded: say why when the schema knows (traefik.tls.options, v2's traefik.swarm, ...).
  if (segments[0].toLowerCase() !== 'traefik') return { status: 'ignored' };
  const found = walk(['traefik', ...segments.slice(1)], version);
  return found.status === 'ignored' ? found : { status: 'ignored' };
}

function freeze(result: KeyLookup): KeyLookup {
  if (result.path) Object.freeze(result.path);
  return Object.freeze(result);
}

/** Fields below a key (for completion); empty where the user chooses a name or a value. */
export function childKeys(
  pathSoFar: readonly string[],
  version: LabelVersion,
): { name: string; description?: string; leaf: boolean }[] {
  if (pathSoFar.length === 0) {
    return [{ name: 'traefik', description: traefikSchema(version).description, leaf: false }];
  }
  const { node } = descend(pathSoFar, version);
  if (!node || node.items || node['x-raw']) return [];
  const out: { name: string; description?: string; leaf: boolean }[] = [];
  for (const name of fieldNames(node)) {
    const child = node.properties![name];
    if (child['x-ignored']) continue;
    out.push({ name, ...(child.description ? { description: child.description } : {}), leaf: isLeaf(child) });
  }
  return out;
}
