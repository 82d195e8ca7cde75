// Tests that run dist/ bundles build them when they are missing or older than the sources
// (`npm test` builds first; this keeps single test files runnable on their own).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

function newest(dir: string): number {
  let max = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return max;
}

/** Path of dist/<bundle>, rebuilt first when stale. */
export function built(bundle: 'cli.js' | 'server.js' | 'client.js' | 'live.js'): string {
  const file = path.join(ROOT, 'dist', bundle);
  const at = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  const sources = Math.max(...['server/src', 'client/src', 'live'].map((d) => newest(path.join(ROOT, d))));
  if (at < sources)
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  return file;
}
