// The generated label schemas (schemas/*.json, written by scripts/generate-schemas.mjs from
// Traefik's docker-labels.yml) and a case-insensitive index over their fields.
import v2 from '../../../../schemas/traefik-labels.v2.json';
import v3 from '../../../../schemas/traefik-labels.v3.json';

export type LabelVersion = 'v2' | 'v3';

/** How a label value is read; see the header of scripts/generate-schemas.mjs. */
export type ValueType = 'bool' | 'int' | 'duration' | 'string' | 'list' | 'int-list' | 'enum' | 'enable' | 'port';

/** The part of JSON Schema the generator writes, with its custom `x-` keywords. */
export interface LabelSchema {
  type?: string;
  description?: string;
  properties?: Record<string, LabelSchema>;
  additionalProperties?: boolean | LabelSchema;
  items?: LabelSchema;
  pattern?: string;
  enum?: string[];
  'x-type'?: ValueType;
  'x-value'?: LabelSchema;
  'x-soft'?: boolean;
  'x-fallback'?: string;
  'x-enum'?: string[];
  'x-name'?: string;
  'x-raw'?: boolean;
  'x-ignored'?: string;
  'x-doc'?: string;
}

/** The custom keywords, for an Ajv that compiles the whole schema (`ajv.addVocabulary`). */
export const CUSTOM_KEYWORDS = [
  'x-type',
  'x-value',
  'x-soft',
  'x-fallback',
  'x-enum',
  'x-name',
  'x-raw',
  'x-ignored',
  'x-doc',
] as const;

export const LABEL_SCHEMAS: Record<LabelVersion, LabelSchema> = {
  v2: v2 as unknown as LabelSchema,
  v3: v3 as unknown as LabelSchema,
};

/** The schema of the `traefik` root. */
export function traefikSchema(version: LabelVersion): LabelSchema {
  return LABEL_SCHEMAS[version].properties!.traefik;
}

/** Any value at all: what lies below a free-form plugin configuration. */
export const ANY_VALUE: LabelSchema = Object.freeze({ type: 'string', 'x-type': 'string' as const });

/** Every node of the label schemas, each once. */
export function schemaNodes(roots: readonly LabelSchema[]): LabelSchema[] {
  const seen = new Set<LabelSchema>();
  const walk = (node: LabelSchema | boolean | undefined): void => {
    if (typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const child of Object.values(node.properties ?? {})) walk(child);
    walk(node.additionalProperties);
    walk(node.items);
    walk(node['x-value']);
  };
  roots.forEach(walk);
  return [...seen];
}

/**
 * The spelling in `properties` of the field `name`, matched ignoring case as paerser matches it
 * (parser/nodes_metadata.go findTypedField). The generated label schemas spell every field in
 * lower case, so a label field is one property look-up; the static schema's camelCase fields
 * (looked up a few dozen times per project) are searched. No two fields of a node differ only in case.
 */
export function canonicalField(properties: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!properties) return undefined;
  const lower = name.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(properties, lower)) return lower;
  return Object.keys(properties).find((n) => n.toLowerCase() === lower);
}

export function field(node: LabelSchema, name: string): { name: string; schema: LabelSchema } | undefined {
  const canonical = canonicalField(node.properties, name);
  return canonical === undefined ? undefined : { name: canonical, schema: node.properties![canonical] };
}

export function fieldNames(node: LabelSchema): string[] {
  return Object.keys(node.properties ?? {});
}

/** The schema of user-chosen names below a map node (routers, headers, ...), if it is one. */
export function nameSchema(node: LabelSchema): LabelSchema | undefined {
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

/** A field that takes a value and has no sub-keys. */
export function isLeaf(node: LabelSchema): boolean {
  return node['x-type'] !== undefined || node['x-raw'] === true;
}

/** The schema of the value the node takes itself: a leaf's, or an allowEmpty object's `x-value`. */
export function ownValue(node: LabelSchema): LabelSchema | undefined {
  if (node['x-raw']) return ANY_VALUE;
  return node['x-type'] !== undefined ? node : node['x-value'];
}
