// Whether a missing file is one the project keeps out of git on purpose (a `.env` with secrets):
// a template beside it (`.env.example`, `.sample`, `.template`, `.dist`) or a `.gitignore` that
// names it. A clean clone (CI) lacks such a file by design: creating it is a setup step, not a
// wrong path. `.gitignore` patterns are read as git reads them (gitignore(5)): `#` comments,
// `!` negation, the last matching line wins, a pattern without `/` (but a trailing one) matches a
// name at any depth, one with a `/` is relative to the `.gitignore`'s folder, `*` `?` `**` globs,
// and a file in an ignored folder is ignored. The nearest .gitignore that has a verdict decides.
import * as path from 'path';

const TEMPLATES = ['.example', '.sample', '.template', '.dist'];
/** Folders searched upwards for the repository root: a checkout, not a disk. */
const MAX_DEPTH = 12;

export interface LocalFile {
  /** The template beside it, as its name (`.env.example`). */
  template?: string;
  /** The .gitignore that ignores it (absolute path). */
  ignoredBy?: string;
}

/**
 * `file` (absolute) is missing: its template and the .gitignore naming it. Every .gitignore from
 * the file's folder up to the repository root counts (gitignore(5): each one covers the paths
 * below its folder), the repository root being the folder with `.git` (a folder, or a file in a
 * worktree or submodule); outside a repository (an exported copy) the search stops at `root`, the
 * run's root (the CLI's working folder, the editor's workspace folder), else at `project`.
 */
export function localFile(
  file: string,
  bounds: { project: string; root?: string },
  read: (file: string) => string | undefined,
): LocalFile {
  const out: LocalFile = {};
  const template = TEMPLATES.map((t) => file + t).find((t) => read(t) !== undefined);
  if (template) out.template = path.basename(template);
  const start = path.dirname(file);
  const last = repositoryRoot(start, read) ?? [bounds.root, bounds.project].find((d) => d && inside(d, start)) ?? start;
  for (let dir = start; inside(last, dir); dir = path.dirname(dir)) {
    const ignore = path.join(dir, '.gitignore');
    const text = read(ignore);
    if (text !== undefined) {
      const verdict = ignores(text, path.relative(dir, file).split(path.sep).join('/'));
      if (verdict !== undefined) {
        if (verdict) out.ignoredBy = ignore;
        break;
      }
    }
    if (dir === last || dir === path.dirname(dir)) break;
  }
  return out;
}

/**
 * Whether a file read is one localFile only looks at to judge a missing file (a `.gitignore`, the
 * repository's `.git`, a template whose file is absent), not a file of the project: the CLI's
 * "in N files" leaves it out. `isRead`: whether a file was read with a text.
 */
export function isLocalFileProbe(file: string, isRead: (file: string) => boolean): boolean {
  if (path.basename(file) === '.gitignore' || file.split(path.sep).includes('.git')) return true;
  const template = TEMPLATES.find((t) => file.endsWith(t));
  return template !== undefined && !isRead(file.slice(0, -template.length));
}

/** The nearest folder at or above `dir` that holds `.git`, within MAX_DEPTH folders. */
function repositoryRoot(dir: string, read: (file: string) => string | undefined): string | undefined {
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (read(path.join(dir, '.git', 'HEAD')) !== undefined || read(path.join(dir, '.git')) !== undefined) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Whether `dir` is `root` or inside it. */
function inside(root: string, dir: string): boolean {
  return dir === root || dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Whether the lines of one .gitignore ignore `relative` (a `/` path): undefined when none matches. */
export function ignores(text: string, relative: string): boolean | undefined {
  let verdict: boolean | undefined;
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    // A trailing `/` matches folders only: one of the file's folders, never the file.
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    const pattern = glob(line.replace(/^\//, '').replace(/^\\/, ''));
    // Ignoring a folder ignores what is in it: an anchored pattern is tried on each leading part of
    // the path, one without `/` on each name in it.
    const parts = relative.split('/');
    const subjects = anchored ? parts.map((_, i) => parts.slice(0, i + 1).join('/')) : parts;
    if (subjects.some((s, i) => (!folderOnly || i < subjects.length - 1) && pattern.test(s))) verdict = !negated;
  }
  return verdict;
}

function glob(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      out += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) out += escape(pattern[++i]);
    else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
