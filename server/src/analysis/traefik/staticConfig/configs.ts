// The service's `configs:` as files in its container: compose creates each attached config at
// its `target` (short syntax and a long entry without one: `/<source>`), from the top-level
// entry's `file:` (resolved from the project directory, compose-go loader/paths.go) or its inline
// `content:`, which compose interpolates like the rest of the compose file (compose spec
// 05-services.md configs, 08-configs.md). An `environment:` or `external:` config is not seen.
import { isMap, isScalar, isSeq, parseDocument, Scalar as YamlScalar, type Node } from 'yaml';
import type { ComposeFile } from '../../compose/model';
import type { Range } from '../../types';
import type { Mount } from './service';

/** An inline `content:` config: the compose file's text with all but the content blanked. */
export interface ConfigContent {
  /** Same length and lines as the compose file; only the content's own lines are kept. */
  text: string;
  /** The compose file that holds it. */
  file: string;
  /** The content's range in that file. */
  range: Range;
  /** The content holds `$`: compose interpolates it, so its text is not what Traefik reads. */
  interpolated: boolean;
}

const KEY = /(^|\n)[ \t]*configs[ \t]*:/;

/** Mounts for the configs the service's entries attach (later entries win, by target). */
export function configMounts(
  name: string,
  parts: readonly { file: ComposeFile }[],
  files: readonly ComposeFile[],
  dirOf: (file: string) => string,
): Mount[] {
  if (!parts.some((p) => KEY.test(p.file.text))) return [];
  const defined = new Map<string, { node: Node; file: ComposeFile }>();
  for (const file of files) {
    if (!KEY.test(file.text)) continue;
    const top = parse(file).get('configs');
    if (isMap(top))
      for (const pair of top.items)
        if (isScalar(pair.key)) defined.set(String(pair.key.value), { node: pair.value as Node, file });
  }
  const mounts = new Map<string, Mount>();
  for (const { file } of parts) {
    if (!KEY.test(file.text)) continue;
    const service = parse(file).getIn(['services', name]);
    const list = isMap(service) ? service.get('configs', true) : undefined;
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const entry = attached(item as Node);
      if (!entry) continue;
      const def = defined.get(entry.source);
      const mount = def && mountOf(entry, def.node, def.file, dirOf);
      if (mount) mounts.set(mount.target, { ...mount, scalar: entry.scalar, file });
    }
  }
  return [...mounts.values()];
}

function parse(file: ComposeFile): { get(key: string): unknown; getIn(path: string[]): unknown } {
  return parseDocument(file.text, { merge: true, uniqueKeys: false });
}

interface Attached {
  source: string;
  target: string;
  scalar: { value: string; range: Range };
}

function attached(item: Node): Attached | undefined {
  const scalarOf = (n: unknown): { value: string; range: Range } | undefined =>
    isScalar(n) && typeof n.value === 'string' && n.range
      ? { value: n.value, range: { start: n.range[0], end: n.range[1] } }
      : undefined;
  const short = scalarOf(item);
  if (short) return { source: short.value, target: `/${short.value}`, scalar: short };
  if (!isMap(item)) return undefined;
  const source = scalarOf(item.get('source', true));
  if (!source) return undefined;
  const target = scalarOf(item.get('target', true))?.value ?? `/${source.value}`;
  if (!target.startsWith('/') || /\$/.test(target + source.value)) return undefined;
  const range = item.range ? { start: item.range[0], end: item.range[1] } : source.range;
  return { source: source.value, target: target.replace(/\/+$/, ''), scalar: { value: source.value, range } };
}

function mountOf(
  entry: Attached,
  def: Node,
  file: ComposeFile,
  dirOf: (file: string) => string,
): Omit<Mount, 'scalar' | 'file'> | undefined {
  if (!isMap(def)) return undefined;
  const fileNode = def.get('file', true);
  if (isScalar(fileNode) && typeof fileNode.value === 'string') {
    const source = fileNode.value.startsWith('/') ? fileNode.value : `./${fileNode.value.replace(/^\.\//, '')}`;
    return { source, target: entry.target, dir: dirOf(file.file) };
  }
  const content = def.get('content', true);
  const out = { source: `config:${entry.source}`, target: entry.target, dir: dirOf(file.file) };
  if (!isScalar(content) || !content.range) return out;
  const kept = keptText(file, content);
  return kept ? { ...out, content: kept } : out;
}

/**
 * A literal block (`|`) or a one-line plain value keeps its text in place, so what Traefik reads
 * can be read from the compose file's own offsets; a folded or escaped value cannot.
 */
function keptText(file: ComposeFile, node: YamlScalar): ConfigContent | undefined {
  const { text } = file;
  const [start, end] = node.range!;
  let from = start;
  if (node.type === YamlScalar.BLOCK_LITERAL) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return undefined;
    from = newline + 1;
  } else if (node.type !== YamlScalar.PLAIN || text.slice(start, end).includes('\n')) return undefined;
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  const body = text.slice(from, end);
  return {
    text: blank(text.slice(0, from)) + body + blank(text.slice(end)),
    file: file.file,
    range: { start: from, end },
    interpolated: body.includes('$'),
  };
}
