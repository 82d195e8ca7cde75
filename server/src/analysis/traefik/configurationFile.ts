// Whether a YAML text is Traefik's own configuration rather than a compose file, by its top-level
// keys: the static configuration's (pkg/config/static/static_config.go Configuration: entryPoints,
// providers, api, log, ...) or the file provider's dynamic configuration's (pkg/config/dynamic
// config.go Configuration: http, tcp, udp, tls). paerser matches field names ignoring case
// (parser/nodes_metadata.go findTypedField). None of them is a compose top-level key (the
// compose spec's compose-spec.json: version, name, include, services, networks, volumes, secrets,
// configs, models, x-*), so a file written with only those keys is no compose file whatever
// language the editor gave it.
import { STATIC_SCHEMA } from './staticConfig/schema';
import { DYNAMIC_ROOT_KEYS } from './fileProvider/schema';

const TRAEFIK_ROOT_KEYS = new Set(
  [...Object.keys(STATIC_SCHEMA.properties ?? {}), ...DYNAMIC_ROOT_KEYS].map((k) => k.toLowerCase()),
);

/** A key at column 0 (`key:`, `"key":`, `'key':`), followed by a value, a comment or nothing. */
const ROOT_KEY = /^(["']?)([^\s:#"'[\]{},&*!|>%@`-][^\s:#"']*)\1[ \t]*:(?:[ \t]|$)/;

/**
 * Whether every top-level key of `text` is one of Traefik's configuration keys (at least one
 * key). Undecided text (a half-typed key, flow or list at the top, nothing yet) is not.
 */
export function isTraefikConfiguration(text: string): boolean {
  let keys = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || /^[ \t]/.test(line) || line.startsWith('#') || line === '---' || line === '...') continue;
    const key = ROOT_KEY.exec(line)?.[2];
    if (key === undefined || !TRAEFIK_ROOT_KEYS.has(key.toLowerCase())) return false;
    keys++;
  }
  return keys > 0;
}
