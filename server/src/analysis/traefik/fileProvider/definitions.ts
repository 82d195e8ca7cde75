// The routers, services and middlewares a dynamic file defines: keys `<protocol>.<kind>.<name>`
// (pkg/config/dynamic/config.go: http and tcp have routers, services and middlewares; udp
// routers and services), matched ignoring case as paerser decodes field names.
import type { Kind, Protocol } from '../model';
import type { KeyPart, Setting } from '../staticConfig/setting';
import type { FileDefinition } from './model';

const PROTOCOLS: Record<string, Protocol> = { http: 'http', tcp: 'tcp', udp: 'udp' };
const KINDS: Record<string, Kind> = { routers: 'routers', services: 'services', middlewares: 'middlewares' };

export function fileDefinitions(file: string, keys: KeyPart[][], settings: Setting[]): FileDefinition[] {
  const out = new Map<string, FileDefinition>();
  const id = (path: KeyPart[]): string | undefined => {
    const protocol = PROTOCOLS[path[0]?.text.toLowerCase() ?? ''];
    const kind = KINDS[path[1]?.text.toLowerCase() ?? ''];
    if (!protocol || !kind || path.length < 3 || (protocol === 'udp' && kind === 'middlewares')) return undefined;
    return `${protocol}.${kind}.${path[2].text}`;
  };
  for (const path of keys) {
    const key = id(path);
    if (!key || out.has(key)) continue;
    out.set(key, {
      protocol: PROTOCOLS[path[0].text.toLowerCase()],
      kind: KINDS[path[1].text.toLowerCase()],
      name: path[2].text,
      file,
      nameRange: path[2].range,
      fields: new Map(),
    });
  }
  for (const s of settings) {
    const key = id(s.path);
    const def = key && out.get(key);
    if (def && s.path.length > 3)
      def.fields.set(
        s.path
          .slice(3)
          .map((p) => p.text.toLowerCase())
          .join('.'),
        s,
      );
  }
  return [...out.values()];
}

/** Name -> definition across the provider's files: the first file read wins (Traefik skips later ones). */
export function fileNames(files: { definitions: FileDefinition[] }[], protocol: Protocol, kind: Kind) {
  const names = new Map<string, FileDefinition>();
  for (const f of files)
    for (const d of f.definitions)
      if (d.protocol === protocol && d.kind === kind && !names.has(d.name)) names.set(d.name, d);
  return names;
}
