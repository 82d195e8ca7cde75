// The compose projects `check` forms from files found under a folder (or one given alone). A
// folder where docker compose finds a project is that project, loaded as `cd folder && check`
// loads it (COMPOSE_FILE, else the default names with the override; compose-go cli/options.go);
// the other files are grouped as the editor groups a folder (compose/project/files.ts
// folderProjects). A file that a project of the run already loads (include:, extends: file:,
// COMPOSE_FILE) is checked there, not again alone (compose never runs it so).
import * as path from 'path';
import type { Analyzer, SourceFile } from '../analysis';
import {
  defaultProjectAbove,
  folderDefaultFiles,
  folderProjects,
  fragmentsOver,
  isOverrideFragment,
} from '../analysis/compose/project';
import { discoverComposeFiles } from './discover';
import type { Io } from './command';
import type { Inputs } from './inputs';
import { projectOfFile } from './owner';
import { composeEnvironment } from './project';

/** One project to check; `only` the file whose findings it reports. */
export interface Group {
  folder: string;
  files: SourceFile[];
  only?: string;
  /** Formed from files found under a folder (not given): dropped when another project loads them. */
  found?: boolean;
  /** A fragment over a base (`only`): the base files it was put over. */
  base?: string[];
  /**
   * The other fragments found over the same base: `only`'s findings are those that also hold with
   * them all in the set (compose/project/fragments.ts agreedFindings).
   */
  siblings?: string[];
}

/**
 * Files found under the folders `walked` (`found`), or given alone: the projects docker compose
 * loads from them. A folder's default project (COMPOSE_FILE, else the default names with the
 * override) is one; any other file is a project of its own, over its folder's base file when it
 * only overrides services. A fragment with no base in its folder (compose refuses it alone), even
 * under a default name, goes over the nearest default project above it within the folder walked
 * (`docker compose -f base -f fragment`: a homelab's services/x/compose.yml joining the root's
 * network). Several files given in one folder stay one project, in their order (like -f).
 */
export function regroup(inputs: Inputs, found: Set<string>, walked: string[], io: Io, analyzer: Analyzer): Group[] {
  /** The files with their texts, those that cannot be read left out. */
  const sourcesOf = (names: string[]): SourceFile[] =>
    names.flatMap((file) => {
      const text = inputs.readFile(file);
      return text === undefined ? [] : [{ file, text }];
    });
  const exists = (f: string): boolean => inputs.readFile(f) !== undefined;
  const defaultsOf = (folder: string): string[] =>
    folderDefaultFiles(folder, composeEnvironment(io, folder).lookup, exists);
  const fragment = (file: string): boolean =>
    isOverrideFragment(analyzer.parse({ file, text: inputs.readFile(file) ?? '' }));
  const servicesOf = (file: string): string[] =>
    analyzer.parse({ file, text: inputs.readFile(file) ?? '' }).services.map((s) => s.name);
  /** The default project of the nearest folder above `folder`, within the folder walked. */
  const above = (folder: string): string[] => {
    const top = walked.filter((w) => within(w, folder)).sort((a, b) => a.length - b.length)[0];
    return defaultProjectAbove(folder, top, defaultsOf);
  };
  const out: Group[] = [];
  for (const [folder, files] of inputs.projects) {
    const given = files.some((f) => !found.has(f.file));
    if (given && files.length > 1) {
      out.push({ folder, files });
      continue;
    }
    if (given && files.length === 1) {
      const project = projectOfFile(files[0].file, io, inputs.readFile, analyzer);
      const siblings =
        project.base && project.only ? siblingsOf(project.base, project.only, io, inputs, fragment, servicesOf) : [];
      out.push({
        folder: project.folder,
        files: sourcesOf(project.files),
        only: project.only,
        ...(siblings.length > 0 ? { base: project.base, siblings } : {}),
      });
      continue;
    }
    const defaults = defaultsOf(folder);
    // What compose loads there, even when COMPOSE_FILE names files the search did not find.
    const names = [...new Set([...defaults, ...files.map((f) => f.file)])];
    for (const project of folderProjects(names, defaults, fragment, servicesOf)) {
      const [file] = project.files;
      // A fragment alone (compose refuses it so): over the nearest project above that may run it.
      const alone = project.only === undefined && project.files.length === 1;
      const base = alone && fragment(file) ? above(folder) : [];
      if (base.length > 0)
        out.push({ folder: path.dirname(base[0]), files: sourcesOf([...base, file]), only: file, found: true, base });
      else {
        const over = project.only === undefined ? undefined : project.files.filter((f) => f !== project.only);
        out.push({ folder, files: sourcesOf(project.files), only: project.only, found: true, base: over });
      }
    }
  }
  return withSiblings(out);
}

/**
 * The other fragments over `base` of a fragment given alone: those a walk of the base's folder
 * finds (the walk `check` makes there), grouped as regroup groups them.
 */
function siblingsOf(
  base: string[],
  fragment: string,
  io: Io,
  inputs: Inputs,
  isFragment: (file: string) => boolean,
  servicesOf: (file: string) => string[],
): string[] {
  const top = path.dirname(base[0]);
  const exists = (f: string): boolean => inputs.readFile(f) !== undefined;
  const defaultsOf = (folder: string): string[] =>
    folderDefaultFiles(folder, composeEnvironment(io, folder).lookup, exists);
  const byFolder = new Map<string, string[]>();
  for (const f of discoverComposeFiles(top, undefined, [])) {
    const file = path.resolve(top, f);
    byFolder.set(path.dirname(file), [...(byFolder.get(path.dirname(file)) ?? []), file]);
  }
  const folders = [...byFolder].map(([folder, listed]) => ({ folder, listed, defaults: defaultsOf(folder) }));
  const above = (folder: string): string[] => defaultProjectAbove(folder, io.cwd, defaultsOf);
  return fragmentsOver(base, folders, isFragment, above, servicesOf).filter((f) => f !== fragment);
}

/** Each found fragment group with the other found fragments over the same base files. */
function withSiblings(groups: Group[]): Group[] {
  const key = (g: Group): string | undefined => (g.found && g.base && g.only ? JSON.stringify(g.base) : undefined);
  const byBase = new Map<string, string[]>();
  for (const g of groups) {
    const k = key(g);
    if (k !== undefined) byBase.set(k, [...(byBase.get(k) ?? []), g.only!]);
  }
  return groups.map((g) => {
    const k = key(g);
    const siblings = k === undefined ? [] : byBase.get(k)!.filter((f) => f !== g.only);
    return siblings.length > 0 ? { ...g, siblings } : g;
  });
}

/**
 * The groups to drop: found ones whose reported files another kept project loads (its files,
 * what they include, the files its services extend) while not the other way round, so each file
 * is checked where compose runs it, once.
 */
export function loadedElsewhere(groups: Group[], loaded: Set<string>[]): Set<number> {
  const reported = groups.map((g) => (g.only ? [g.only] : g.files.map((f) => f.file)));
  const dropped = new Set<number>();
  for (const [i, group] of groups.entries()) {
    if (!group.found) continue;
    // A project reporting one file (a variant over a base) loads the others only as its base.
    const elsewhere = loaded.some(
      (files, j) =>
        j !== i &&
        !dropped.has(j) &&
        groups[j].only === undefined &&
        reported[i].every((f) => files.has(f)) &&
        !reported[j].every((f) => loaded[i].has(f)),
    );
    if (elsewhere) dropped.add(i);
  }
  return dropped;
}

function within(root: string, dir: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
