// `gateway-lens check` without files: the compose files under the working directory, by the
// default names (docker-compose*.yml, compose*.yml) and the config file's `files` globs
// (relative to the config file's folder). node_modules and dot-folders are not entered.
import * as fs from 'fs';
import * as path from 'path';
import { globMatcher, isComposeFileName } from '../workspace';

const SKIP = new Set(['node_modules']);
/** A bound on the walk: a checkout is searched, not a whole disk. */
const MAX_ENTRIES = 20000;

export function discoverComposeFiles(cwd: string, configFile: string | undefined, globs: string[]): string[] {
  const base = configFile ? path.dirname(configFile) : cwd;
  const patterns = globs.map((g) => globMatcher(g.trim().replace(/\\/g, '/').replace(/^\.\//, '')));
  const out: string[] = [];
  let seen = 0;
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP.has(e.name)) walk(full);
      } else if (e.isFile()) {
        const relative = path.relative(base, full).split(path.sep).join('/');
        if (isComposeFileName(full) || patterns.some((match) => match(relative))) out.push(full);
      }
    }
  };
  walk(cwd);
  return out.map((f) => path.relative(cwd, f) || f);
}
