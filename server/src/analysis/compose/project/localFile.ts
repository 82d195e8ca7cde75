// Whether a missing file is one the project keeps out of git on purpose (a `.env` with secrets):
// a template beside it (`.env.example`, `.sample`, `.template`, `.dist`) or a `.gitignore` that
// names it. A clean clone (CI) lacks such a file by design: creating it is a setup step, not a
// wrong path. `.gitignore` patterns are read as git reads them (gitignore(5)): `#` comments,
// `!` negation, the last matching line wins, a pattern without `/` (but a trailing one) matches a
// name at any depth, one with a `/` is relative to the `.gitignore`'s folder, `*` `?` `**` globs,
// and a file in an ignored folder is ignored. The nearest .gitignore that has a verdict decides.
import * as path from 'path';

const TEMPLATES = ['.example', '.sample', '.template', '.dist'];
/** Folders searched upwards for a .gitignore: a checkout, not a disk. */
const MAX_DEPTH = 12;

export interface LocalFile {
  /** The template beside it, as its name (`.env.example`). */
  template?: string;
  /** The .gitignore that ignores it (absolute path). */
  ignoredBy?: string;
}

/** `file` (absolute) is missing: its template and the .gitignore naming it, up to `root` (inclusive). */
export function localFile(file: string, root: string, read: (file: string) => string | undefined): LocalFile {
  const out: LocalFile = {};
  const template = TEMPLATES.map((t) => file + t).find((t) => read(t) !== undefined);
  if (template) out.template = path.basename(template);
  let dir = path.dirname(file);
  const inside = (d: string): boolean => d === root || d.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const ignore = path.join(dir, '.gitignore');
    const text = read(ignore);
    if (text !== undefined) {
      const verdict = ignores(text, path.relative(dir, file).split(path.sep).join('/'));
      if (verdict !== undefined) {
        if (verdict) out.ignoredBy = ignore;
        break;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir || !inside(parent)) break;
    dir = parent;
  }
  return out;
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
