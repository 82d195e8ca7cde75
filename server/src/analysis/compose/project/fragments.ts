// Where a compose fragment runs. Compose refuses a fragment alone ("has neither an image nor a
// build context", "refers to undefined network": compose-go loader/validate.go), so it only runs
// inside a `-f` set that nobody wrote down: `docker compose -f base -f fragment`, or one set with
// every fragment over that base (`-f compose.yaml -f services/a/compose.yaml -f services/b/...`).
// The CLI (cli/groups.ts) and the editor (projects.ts) both judge it over the base below, and
// keep only what holds with and without the other fragments over the same base: another fragment
// may attach Traefik or the service to a network, or define the middleware a router names.
import * as path from 'path';
import type { Finding } from '../../types';
import { folderProjects } from './files';

/**
 * The default project of the nearest folder above `folder` (compose files in merge order), up to
 * and including `top`; [] when none, or when `folder` is not inside `top`.
 */
export function defaultProjectAbove(
  folder: string,
  top: string | undefined,
  defaultsOf: (folder: string) => string[],
): string[] {
  if (top === undefined || !within(top, folder)) return [];
  for (let dir = folder; dir !== top;) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const defaults = defaultsOf(dir);
    if (defaults.length > 0) return defaults;
  }
  return [];
}

/** The `-f` set with every fragment over the same base: the base, the others in path order, this fragment last (its values win). */
export function withSiblingFragments(base: string[], fragment: string, siblings: string[]): string[] {
  const others = [...new Set(siblings)].filter((f) => f !== fragment && !base.includes(f)).sort();
  return [...base, ...others, fragment];
}

/** One folder's compose files, as a walk found them, and its default project. */
export interface FolderFiles {
  folder: string;
  listed: string[];
  defaults: string[];
}

/**
 * The fragments over `base` among `folders`: a file of a folder over that folder's base file
 * (folderProjects), a fragment alone in its folder going over the default project above it
 * (`aboveOf`). `top` is the base's folder, whose own files are over it, not above.
 */
export function fragmentsOver(
  base: string[],
  folders: Iterable<FolderFiles>,
  isFragment: (file: string) => boolean,
  aboveOf: (folder: string) => string[],
  servicesOf?: (file: string) => readonly string[],
): string[] {
  const top = path.dirname(base[0] ?? '');
  const same = (files: string[]): boolean => files.length === base.length && files.every((f, i) => f === base[i]);
  const out: string[] = [];
  for (const { folder, listed, defaults } of folders) {
    for (const project of folderProjects(listed, defaults, isFragment, servicesOf)) {
      const [first] = project.files;
      if (project.only !== undefined) {
        if (same(project.files.filter((f) => f !== project.only))) out.push(project.only);
      } else if (folder !== top && project.files.length === 1 && isFragment(first) && same(aboveOf(folder))) {
        out.push(first);
      }
    }
  }
  return out;
}

/**
 * The findings of `alone` (the fragment over its base) in `file` that the analysis with every
 * sibling fragment (`merged`) also makes, at the same place: a finding another fragment of the set
 * may settle is left out. Findings in other files are kept as they are.
 */
export function agreedFindings(alone: Finding[], merged: Finding[], file: string): Finding[] {
  const key = (f: Finding): string => `${f.code}\0${f.file}\0${f.range.start}\0${f.range.end}`;
  const there = new Set(merged.filter((f) => f.file === file).map(key));
  return alone.filter((f) => f.file !== file || there.has(key(f)));
}

function within(root: string, dir: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
