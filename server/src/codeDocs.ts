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

/** Each `## <code>` section: its heading's 1-based line and its Markdown up to the next heading. */
export function codeSections(text: string): Map<string, { line: number; markdown: string }> {
  const sections = new Map<string, { line: number; markdown: string }>();
  const lines = text.split(/\r?\n/);
  let open: { code: string; line: number; from: number } | undefined;
  const close = (to: number): void => {
    if (open && !sections.has(open.code))
      sections.set(open.code, { line: open.line, markdown: lines.slice(open.from, to).join('\n').trim() });
    open = undefined;
  };
  let fenced = false;
  lines.forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    // A heading ends the section; `# ...` inside a fenced block is a YAML comment.
    if (fenced || !/^#{1,2} /.test(line)) return;
    close(i);
    const m = /^## ([a-z0-9-]+)\s*$/.exec(line);
    if (m) open = { code: m[1], line: i + 1, from: i + 1 };
  });
  close(lines.length);
  return sections;
}

/** The 1-based line of each `## <code>` heading. */
export function codeHeadings(text: string): Map<string, number> {
  return new Map([...codeSections(text)].map(([code, s]) => [code, s.line]));
}

export interface CodeDoc {
  /** file:///…/docs/codes.md#L<line> */
  href: string;
  markdown: string;
  /** The Markdown without emphasis, code spans and link targets (SARIF's help.text). */
  text: string;
}

/** The page section of each documented code; undefined for a code without one (or no page). */
export function codeDocs(file = codesDocPath()): (code: string) => CodeDoc | undefined {
  if (!file) return () => undefined;
  let sections: ReturnType<typeof codeSections>;
  try {
    sections = codeSections(readFileSync(file, 'utf8'));
  } catch {
    return () => undefined;
  }
  const base = pathToFileURL(file).href;
  return (code) => {
    const s = sections.get(code);
    return s && { href: `${base}#L${s.line}`, markdown: s.markdown, text: plainText(s.markdown) };
  };
}

/** The link of each documented code; undefined for a code without a section (or no page). */
export function codeLinks(file = codesDocPath()): (code: string) => string | undefined {
  const docs = codeDocs(file);
  return (code) => docs(code)?.href;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/^```\w*$/gm, '')
    .replace(/`([^`]*)`/g, '$1');
}
