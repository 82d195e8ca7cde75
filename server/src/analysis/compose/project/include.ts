// The top-level `include:` of a compose file (compose spec 14-include.md): the short form lists
// paths; the long form gives `path` (one file, or a list merged like a `-f` set), and optionally
// `project_directory` and `env_file` (a string or a list).
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Scalar } from '../model';
import { scalar } from '../service';
import type { Range } from '../../types';

export interface IncludeEntry {
  paths: Scalar[];
  projectDirectory?: Scalar;
  envFiles: Scalar[];
  /** The list item. */
  range: Range;
}

const HAS_INCLUDE = /^include[ \t]*:/m;

/** The `include:` entries of a compose file's text ([] when it has none, or YAML cannot read it). */
export function readIncludes(text: string): IncludeEntry[] {
  // A top-level key starts a line: most files have none, and are never parsed again here.
  if (!HAS_INCLUDE.test(text)) return [];
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const root = doc.contents;
  if (!isMap(root)) return [];
  const list = root.get('include', true) as Node | undefined;
  if (!isSeq(list)) return [];
  const out: IncludeEntry[] = [];
  for (const item of list.items as Node[]) {
    if (!item?.range) continue;
    const range = { start: item.range[0], end: item.range[1] };
    const short = scalar(item);
    if (short) {
      out.push({ paths: [short], envFiles: [], range });
      continue;
    }
    if (!isMap(item)) continue;
    const get = (key: string): Node | null => (item.get(key, true) as Node | undefined) ?? null;
    const paths = strings(get('path'));
    if (paths.length === 0) continue;
    out.push({ paths, projectDirectory: scalar(get('project_directory')), envFiles: strings(get('env_file')), range });
  }
  return out;
}

function strings(node: Node | null): Scalar[] {
  if (isScalar(node)) return [scalar(node)].filter((s): s is Scalar => s !== undefined);
  if (!isSeq(node)) return [];
  return (node.items as Node[]).map((n) => scalar(n)).filter((s): s is Scalar => s !== undefined);
}
