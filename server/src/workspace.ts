// Files on disk as the server sees them: which names are compose files, which workspace
// folder a file belongs to, and a read cache that notices when a file changed on disk.
import * as fs from 'fs';
import * as path from 'path';
import { Minimatch } from 'minimatch';
import { COMPOSE_FILE_GLOBS, normalizeGlob } from './protocol';
import { readProblem, readRegularFile } from './readText';

/**
 * A glob as VS Code writes them (`**`, `*`, `?`, `{a,b}`, `[...]`, dot files included) as a
 * test on a path with forward slashes. minimatch matches `*` runs without backtracking and caps
 * brace expansion, so a crafted `*a*a...*aX` or `{a,b}{a,b}...` setting cannot stall the server;
 * a glob it refuses matches nothing.
 */
export function globMatcher(glob: string): (file: string) => boolean {
  try {
    const m = new Minimatch(glob, { ...GLOB_OPTIONS });
    return (file) => m.match(file);
  } catch {
    return () => false;
  }
}

// VS Code's glob has no negation, comments or extglobs: they stay literal text.
const GLOB_OPTIONS = { dot: true, nonegate: true, nocomment: true, noext: true, braceExpandMax: 64 } as const;

function slashed(file: string): string {
  return file.replace(/\\/g, '/');
}

const compiled = new Map<string, ((file: string) => boolean)[]>();

/** Whether the file's name makes it a compose file: the default names, or an extra glob. */
export function isComposeFileName(file: string, extraGlobs: readonly string[] = []): boolean {
  const key = extraGlobs.join('\n');
  let patterns = compiled.get(key);
  if (!patterns) {
    patterns = [...COMPOSE_FILE_GLOBS, ...extraGlobs.map(normalizeGlob)].map(globMatcher);
    compiled.set(key, patterns);
  }
  const p = slashed(file);
  return patterns.some((match) => match(p));
}

/** A file's text without the byte order mark editors hide, so offsets match the editor's. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface WorkspaceFolder {
  uri: string;
  path: string;
}

/** The workspace folders; a file belongs to the innermost folder that contains it. */
export class WorkspaceFolders {
  private folders: WorkspaceFolder[] = [];

  set(folders: WorkspaceFolder[]): void {
    this.folders = [...folders].sort((a, b) => b.path.length - a.path.length);
  }

  all(): readonly WorkspaceFolder[] {
    return this.folders;
  }

  folderOf(file: string): WorkspaceFolder | undefined {
    return this.folders.find(
      (f) => file === f.path || file.startsWith(f.path.endsWith(path.sep) ? f.path : f.path + path.sep),
    );
  }
}

interface Cached {
  stamp: string;
  text: string | undefined;
}

function tryReason(file: string): string {
  try {
    readRegularFile(file, 0);
    return 'empty';
  } catch (err) {
    return readProblem(err);
  }
}

/** Reads files from disk, re-reading only when their modification time or size changed. */
export class DiskFiles {
  private cache = new Map<string, Cached>();
  /** Folder listings, kept while the folder's mtime (changed by any add, remove or rename) is the same. */
  private listings = new Map<string, { mtimeMs: number; files: string[] }>();

  /** `problem` hears why a file that exists was not read (a device, a FIFO, too large); a folder is no problem. */
  constructor(private readonly problem: (file: string, reason: string) => void = () => undefined) {}

  /** mtime and size, or undefined when the file cannot be read. */
  stamp(file: string): string | undefined {
    try {
      const st = fs.statSync(file);
      return st.isFile() ? `${st.mtimeMs}:${st.size}` : undefined;
    } catch {
      return undefined;
    }
  }

  read(file: string): string | undefined {
    const stamp = this.stamp(file);
    if (stamp === undefined) {
      this.cache.delete(file);
      // Something that is not a regular file: say what (opening it non-blocking is harmless). A
      // folder is ordinary: mounts and COPY lines name folders and files alike.
      if (fs.existsSync(file) && !isFolder(file)) this.problem(file, tryReason(file));
      return undefined;
    }
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached.text;
    let text: string | undefined;
    try {
      text = stripBom(readRegularFile(file));
    } catch (err) {
      text = undefined;
      this.problem(file, readProblem(err));
    }
    this.cache.set(file, { stamp, text });
    return text;
  }

  /** The regular files directly in `folder` (absolute paths); [] when it cannot be listed. */
  async list(folder: string): Promise<string[]> {
    try {
      // One stat instead of a listing on every edit of a file in the folder.
      const { mtimeMs } = fs.statSync(folder);
      const known = this.listings.get(folder);
      if (known && known.mtimeMs === mtimeMs) return [...known.files];
      const entries = await fs.promises.readdir(folder, { withFileTypes: true });
      const files = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => path.join(folder, e.name));
      // A folder changed within the last second may change again under the same mtime: list it again next time.
      if (Date.now() - mtimeMs > 1000) this.listings.set(folder, { mtimeMs, files });
      else this.listings.delete(folder);
      return [...files];
    } catch {
      this.listings.delete(folder);
      return [];
    }
  }

  forget(file: string): void {
    this.cache.delete(file);
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
