// Where each finding code is documented: docs/codes.md, one `## <code>` section per code, shipped
// in the .vsix and the npm package next to dist/. A diagnostic's codeDescription points at the
// section's line as file:///…/docs/codes.md#L<line>: VS Code opens file links in an editor and
// reads `#L<line>` as the line to reveal (its opener's extractSelection), so the code in
// Problems opens the page there. The package has no public repository to link to.
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** docs/codes.md beside the bundle (dist/ -> ..) or the sources (server/src/ -> ../..). */
export function codesDocPath(from = __dirname): string | undefined {
  for (const up of ['..', path.join('..', '..')]) {
    const file = path.join(from, up, 'docs', 'codes.md');
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The 1-based line of each `## <code>` heading. */
export function codeHeadings(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^## ([a-z0-9-]+)\s*$/.exec(line);
    if (m && !lines.has(m[1])) lines.set(m[1], i + 1);
  });
  return lines;
}

/** The link of each documented code; undefined for a code without a section (or no page). */
export function codeLinks(file = codesDocPath()): (code: string) => string | undefined {
  if (!file) return () => undefined;
  let headings: Map<string, number>;
  try {
    headings = codeHeadings(readFileSync(file, 'utf8'));
  } catch {
    return () => undefined;
  }
  const base = pathToFileURL(file).href;
  return (code) => {
    const line = headings.get(code);
    return line === undefined ? undefined : `${base}#L${line}`;
  };
}
