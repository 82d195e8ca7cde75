// One definition's keys (label keys after `traefik.<protocol>.<kind>.<name>.`, or a dynamic
// file's keys after `<protocol>.<kind>.<name>`) decoded into the object Traefik builds, with the
// field names of Traefik's dynamic configuration (pkg/config/dynamic, as in /api/rawdata) and
// typed values: paerser matches field names ignoring case and decodes each value by the field's
// type. Labels write one server as `loadbalancer.server.*` (label-slice-as-struct on
// ServersLoadBalancer.Servers): it is `servers[0]`.
import v2 from '../../../../schemas/traefik-dynamic.v2.json';
import v3 from '../../../../schemas/traefik-dynamic.v3.json';
import type { Kind, Protocol } from '../traefik/model';
import type { MajorVersion } from '../traefik/static';
import { splitIndexes, staticField, type StaticSchema } from '../traefik/staticConfig/schema';
import { parseBool } from '../traefik/values';

const TREES: Record<MajorVersion, StaticSchema> = {
  v2: v2 as unknown as StaticSchema,
  v3: v3 as unknown as StaticSchema,
};

export type Value = string | number | boolean | Value[] | { [key: string]: Value };
export type Tree = { [key: string]: Value };

/** The schema of one router, service or middleware of that protocol and kind. */
function entrySchema(version: MajorVersion, protocol: Protocol, kind: Kind): StaticSchema | undefined {
  const kinds = staticField(TREES[version], protocol)?.schema;
  const map = kinds && staticField(kinds, kind)?.schema;
  return map && typeof map.additionalProperties === 'object' ? map.additionalProperties : undefined;
}

/** Sets one key (its segments as written) to its value in `tree`, as Traefik decodes it. */
export function setField(
  tree: Tree,
  segments: readonly string[],
  value: string | undefined,
  at: { version: MajorVersion; protocol: Protocol; kind: Kind; label: boolean },
): void {
  let node: StaticSchema | undefined = entrySchema(at.version, at.protocol, at.kind);
  let parts = splitIndexes(segments).map((p) => p.text);
  // `loadbalancer.server.port` in a label: the first server (its own `port` and `scheme` make its URL).
  if (at.label && parts.length >= 2 && parts[1].toLowerCase() === 'server' && parts[0].toLowerCase() === 'loadbalancer')
    parts = [parts[0], 'servers', '[0]', ...parts.slice(2)];
  let target: Tree | Value[] = tree;
  for (let i = 0; i < parts.length; i++) {
    const text = parts[i];
    let key: string | number;
    if (text.startsWith('[')) {
      key = Number(text.slice(1, -1)) || 0;
      node = node?.items;
    } else {
      const found = node ? staticField(node, text) : undefined;
      key = found?.name ?? text;
      node = found
        ? found.schema
        : typeof node?.additionalProperties === 'object'
          ? node.additionalProperties
          : undefined;
    }
    const last = i === parts.length - 1;
    const container = target as Record<string | number, Value>;
    if (last) {
      const existing = container[key];
      if (value === undefined || node?.properties) {
        // A key with sub-keys written alone (`compress: {}`), or an allowEmpty struct set by a
        // value (`tls=true` turns TLS on, any other value leaves it off: paerser's allowEmpty).
        const on = value === undefined || value.trim() === '' || parseBool(value.trim()) === true;
        if (on && (typeof existing !== 'object' || existing === null)) container[key] = {};
        return;
      }
      container[key] = typed(value, node);
      return;
    }
    const next = parts[i + 1].startsWith('[');
    const existing = container[key];
    if (typeof existing !== 'object' || existing === null || Array.isArray(existing) !== next)
      container[key] = next ? [] : {};
    target = container[key] as Tree | Value[];
  }
}

/** A value as the field's type reads it; what does not decode stays as written. */
function typed(value: string, node: StaticSchema | undefined): Value {
  const type = node?.['x-type'];
  const text = value.trim();
  if (type === 'bool') return parseBool(text) ?? value;
  if (type === 'number') return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
  if (type === 'list') return text === '' ? [] : text.split(',').map((s) => s.trim());
  return value;
}
