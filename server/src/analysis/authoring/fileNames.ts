// Router, service and middleware names written in the file provider's dynamic files (YAML and
// TOML): each definition's name key, and each reference in a router's `service` and
// `middlewares` or a chain's `middlewares` (pkg/config/dynamic/http_config.go Router,
// middlewares.go Chain; tcp_config.go TCPRouter). A name without `@` belongs to the file
// provider (pkg/server/provider/provider.go GetQualifiedName), so `whoami@docker` in a file
// points at the labels and `auth@file` on a label points here.
import type { Project } from '../project';
import type { FileDefinition } from '../traefik/fileProvider';
import { qualify } from '../traefik/lookup';
import type { Kind } from '../traefik/model';
import type { Setting } from '../traefik/staticConfig/setting';
import type { Range } from '../types';
import type { NameSymbol } from './names';

export interface FileOccurrence extends NameSymbol {
  role: 'declaration' | 'reference';
  /** The dynamic file. */
  file: string;
  /** The name itself, without `@provider`. */
  range: Range;
  /** The text at `range` is the name as is (no escapes): rename may edit it. */
  exact: boolean;
  explicitProvider: boolean;
  /** The definition it is written in (for a reference: the router or chain that refers). */
  in: FileDefinition;
  /** No compose service or label: it is written in a dynamic file. */
  service?: undefined;
  label?: undefined;
}

/**
 * Every name occurrence in the file provider's files (refused ones too: they are still edited).
 * Walked on each request, not memoised: a few names per file, and no module-level state.
 */
export function fileOccurrences(project: Project): FileOccurrence[] {
  const out: FileOccurrence[] = [];
  const fp = project.fileProvider;
  for (const dynamic of fp.state === 'read' ? fp.files : []) {
    if (dynamic.read.templated) continue;
    for (const def of dynamic.definitions) {
      const { protocol, kind, name } = def;
      const exact = dynamic.text.slice(def.nameRange.start, def.nameRange.end) === name;
      const base = { protocol, file: def.file, in: def, explicitProvider: false };
      out.push({ ...base, kind, name, provider: 'file', role: 'declaration', range: def.nameRange, exact });
      for (const [field, target] of referenceFields(def)) {
        const setting = def.fields.get(field);
        if (!setting) continue;
        const items = itemRanges(dynamic.text, setting);
        for (const item of target === 'services' ? items.slice(0, 1) : items) {
          const ref = qualify(item.value, 'file');
          if (ref.name === '') continue;
          const range = item.exact ? { start: item.range.start, end: item.range.start + ref.name.length } : item.range;
          out.push({
            ...base,
            kind: target,
            name: ref.name,
            provider: ref.provider,
            role: 'reference',
            range,
            exact: item.exact,
            explicitProvider: ref.explicit,
          });
        }
      }
    }
  }
  return out;
}

/** Which fields of a definition name other definitions, and of which kind. */
function referenceFields(def: FileDefinition): [string, Kind][] {
  if (def.kind === 'routers')
    return def.protocol === 'udp'
      ? [['service', 'services']]
      : [
          ['service', 'services'],
          ['middlewares', 'middlewares'],
        ];
  if (def.kind === 'middlewares' && def.protocol === 'http') return [['chain.middlewares', 'middlewares']];
  return [];
}

/**
 * Each item of a setting's value where it is written: found in order inside the value's text
 * (`[a, b]`, a block list, `"a"`), exact when written as is. Items not found there (an escape, a
 * value without a range) stand on the whole value, inexact.
 */
function itemRanges(text: string, setting: Setting): { value: string; range: Range; exact: boolean }[] {
  const whole = setting.valueRange ?? setting.path[setting.path.length - 1].range;
  const values = (setting.value ?? '').split(',').map((v) => v.trim());
  let from = whole.start;
  return values.map((value) => {
    const at = value === '' ? -1 : text.indexOf(value, from);
    if (at < 0 || at + value.length > whole.end) return { value, range: whole, exact: false };
    from = at + value.length;
    return { value, range: { start: at, end: at + value.length }, exact: true };
  });
}
