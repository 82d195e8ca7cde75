// `gatewayLens.check: workspace`: every compose project of the workspace is checked, not only
// those with an open file. A bounded walk finds the folders holding compose files; they are
// then analysed one at a time at the lowest priority: before each one the check yields to the
// event loop and waits until no edit, pull or open-file analysis is pending, so an open file's
// diagnostics wait at most for the one project being analysed. A new start (settings or
// workspace folders changed) or shutdown cancels the walk and the queue.
import * as fs from 'fs';
import * as path from 'path';
import type { Settings } from './settings';
import { isComposeFileName, type WorkspaceFolders } from './workspace';
import { describe } from './analysis/errors';

/** Folders never walked: dependencies and version control, where compose files are not the user's. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ScanLimits {
  /** Directories read at most, over all workspace folders. */
  directories: number;
  /** Nesting below a workspace folder. */
  depth: number;
  /** Compose projects (folders) kept at most. */
  projects: number;
}

export const SCAN_LIMITS: ScanLimits = { directories: 5000, depth: 12, projects: 500 };

export interface Scan {
  folders: string[];
  /** Which limit stopped the walk, if one did. */
  truncated?: keyof ScanLimits;
}

/** Whether a path lies under a skipped folder (a compose file in node_modules is not a project). */
export function inSkippedFolder(file: string): boolean {
  return file.split(/[\\/]/).some((part) => SKIPPED.has(part));
}

/** Breadth first, so the limits cut the deepest folders. Symbolic links to folders are not followed. */
export async function scanComposeFolders(
  roots: string[],
  extraGlobs: (root: string) => readonly string[],
  cancelled: () => boolean,
  limits: ScanLimits = SCAN_LIMITS,
): Promise<Scan> {
  const folders: string[] = [];
  let read = 0;
  for (const root of roots) {
    let level = [root];
    for (let depth = 0; level.length > 0; depth++) {
      if (depth > limits.depth) return { folders, truncated: 'depth' };
      const next: string[] = [];
      for (const dir of level) {
        if (cancelled()) return { folders };
        if (++read > limits.directories) return { folders, truncated: 'directories' };
        let entries: fs.Dirent[];
        try {
          entries = await fs.promises.readdir(dir, { withFileTypes: true });
        } catch {
          continue;
        }
        const globs = extraGlobs(root);
        if (entries.some((e) => e.isFile() && isComposeFileName(path.join(dir, e.name), globs))) {
          if (folders.length >= limits.projects) return { folders, truncated: 'projects' };
          folders.push(dir);
        }
        for (const e of entries) if (e.isDirectory() && !SKIPPED.has(e.name)) next.push(path.join(dir, e.name));
      }
      level = next;
    }
  }
  return { folders };
}

export interface BackgroundHost {
  folders: WorkspaceFolders;
  settingsFor(folderUri: string): Promise<Settings>;
  /** Resolves once no edit, pull or open-file analysis is pending. */
  idle(): Promise<void>;
  /** Analyses and shows one project (Validation.check). */
  check(folder: string): Promise<void>;
  log(message: string): void;
}

export class WorkspaceCheck {
  private generation = 0;
  /** Resolves when the current round ends (tests and the workspace pull wait on it). */
  done: Promise<void> = Promise.resolve();

  constructor(private readonly host: BackgroundHost) {}

  /** Whether `folder`'s project is shown although none of its files is open. */
  covers(folder: string, settings: Settings): boolean {
    return (
      settings.check === 'workspace' && this.host.folders.folderOf(folder) !== undefined && !inSkippedFolder(folder)
    );
  }

  /** (Re)starts the round over every workspace folder whose setting says `workspace`. */
  start(): void {
    const generation = ++this.generation;
    const cancelled = (): boolean => generation !== this.generation;
    this.done = this.round(cancelled).catch((err: unknown) =>
      this.host.log(`Workspace check failed: ${describe(err)}`),
    );
  }

  cancel(): void {
    this.generation++;
  }

  private async round(cancelled: () => boolean): Promise<void> {
    const roots: { path: string; settings: Settings }[] = [];
    for (const f of this.host.folders.all()) {
      const settings = await this.host.settingsFor(f.uri);
      if (settings.check === 'workspace') roots.push({ path: f.path, settings });
    }
    if (roots.length === 0 || cancelled()) return;
    const globs = (root: string): readonly string[] => roots.find((r) => r.path === root)?.settings.files ?? [];
    // Nested workspace folders would be walked twice: each folder once, by its innermost root.
    const scan = await scanComposeFolders(
      roots.map((r) => r.path),
      globs,
      cancelled,
    );
    const unique = [...new Set(scan.folders)].filter((f) =>
      roots.some((r) => this.host.folders.folderOf(f)?.path === r.path),
    );
    if (scan.truncated) {
      this.host.log(
        `Workspace check: stopped at the ${scan.truncated} limit; ${unique.length} compose projects are checked, open other files to check them.`,
      );
    }
    for (const folder of unique) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.host.idle();
      if (cancelled()) return;
      await this.host.check(folder);
    }
  }
}
