// The schema node behind a label key and the Traefik documentation page that explains it.
import { LABEL_SCHEMAS, lookupLabelKey, type LabelSchema, type LabelVersion } from '../schema';

/** The documentation version each major links to: the last minor release of it. */
const DOC_VERSION: Record<LabelVersion, string> = { v2: 'v2.11', v3: 'v3.7' };

/** Pages for keys whose schema names none: the Docker provider's routing page. */
const FALLBACK_DOC: Record<LabelVersion, string> = {
  v2: 'docs/content/routing/providers/docker.md',
  v3: 'docs/content/reference/routing-configuration/other-providers/docker.md',
};

/** The schema node at a canonical lookup path (`*` for names, `[]` for list elements). */
export function schemaAt(path: readonly string[], version: LabelVersion): LabelSchema | undefined {
  let node: LabelSchema | undefined = LABEL_SCHEMAS[version];
  for (const part of path) {
    if (!node) return undefined;
    if (part === '*') node = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    else if (part === '[]') node = node.items;
    else node = node.properties?.[part];
  }
  return node;
}

/** The schema node a (possibly partial) key ends at, with its canonical path. */
export function schemaForKey(
  segments: readonly string[],
  version: LabelVersion,
): { path: readonly string[]; node: LabelSchema } | undefined {
  const found = lookupLabelKey(segments, version);
  if (found.status !== 'known' || !found.path) return undefined;
  const node = schemaAt(found.path, version);
  return node ? { path: found.path, node } : undefined;
}

/**
 * `docs/content/routing/routers/index.md` -> https://doc.traefik.io/traefik/v2.11/routing/routers/
 * (the site is built by mkdocs from Traefik's docs/content folder).
 */
export function docUrl(xDoc: string | undefined, version: LabelVersion): string {
  const page = (xDoc ?? FALLBACK_DOC[version])
    .replace(/^docs\/content\//, '')
    .replace(/(^|\/)index\.md$/, '$1')
    .replace(/\.md$/, '/');
  return `https://doc.traefik.io/traefik/${DOC_VERSION[version]}/${page}`;
}

const TYPE_NAMES: Record<string, string> = {
  bool: 'boolean',
  int: 'integer',
  duration: 'duration',
  string: 'string',
  list: 'comma-separated list',
  'int-list': 'comma-separated list of integers',
  enum: 'one of a fixed set',
  enable: '`true` / `false`, or sub-keys',
  port: 'port (1-65535)',
};

/** A short type line: `boolean`, `one of: wrr, p2c`. */
export function typeText(node: LabelSchema): string | undefined {
  const type = node['x-type'] ?? node['x-value']?.['x-type'];
  if (!type) return undefined;
  const values = node.enum ?? node['x-enum'];
  if (type === 'enum' && values) return `one of: ${values.join(', ')}`;
  return TYPE_NAMES[type];
}
