// The repository's TypeScript sources, for tests that read the code itself (what it imports,
// which idioms it writes).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Every .ts file under `dir` (absolute), in name order. */
export function sources(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The lines of the sources under `dirs` (relative to the root) that `keep` keeps, as `file:line: text`. */
export function sourceLines(dirs: string[], keep: (line: string, file: string) => boolean): string[] {
  return dirs
    .flatMap((d) => sources(path.join(ROOT, d)))
    .flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => keep(line, f))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
}
