// What the server may read from disk. A repository chosen by someone else must not make it read
// the user's files: in an untrusted workspace (VS Code's Restricted Mode) nothing outside the
// workspace folders is read, whatever its compose file mounts (`/:/host`), its `--configFile`
// names or its settings say, and a symlink inside a folder counts where it points. In a trusted
// workspace a file outside the folders is read only when the project mounts it (or it is a
// compose file of an open document's folder), never because a setting names it.
import * as fs from 'fs';
import * as path from 'path';
import type { WorkspaceFolders } from './workspace';

/** Why a file is read: a compose file of the project, a file it mounts, a file a setting names. */
export type Access = 'project' | 'mount' | 'setting';

export class Boundary {
  /** Clients without workspace trust (every editor but VS Code) are trusted, as before. */
  trusted = true;

  constructor(private readonly folders: WorkspaceFolders) {}

  allows(file: string, access: Access): boolean {
    if (this.inside(file)) return true;
    return this.trusted && access !== 'setting';
  }

  /** Why `allows` said no, for the log. */
  refusal(file: string, access: Access): string {
    const why =
      access === 'setting' && this.trusted
        ? 'a setting cannot name a file outside the workspace folders'
        : 'Restricted Mode: outside the workspace folders';
    return `not reading ${file} (${why})`;
  }

  private inside(file: string): boolean {
    if (this.folders.folderOf(file) === undefined) return false;
    if (this.trusted) return true;
    // Where a symlink (or a symlinked folder on the way) really points.
    const real = realpath(file);
    return this.folders.all().some((f) => {
      const root = realpath(f.path);
      return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    });
  }
}

function realpath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    // A file that does not exist is not read either; its parent may still be a link out.
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realpath(parent), path.basename(file));
  }
}
