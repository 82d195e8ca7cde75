// The hover half of a finding: its message is the short fact-and-fix the Problems panel shows;
// its explanation (what Traefik does, and where Traefik says so) is shown here, for every
// finding under the cursor.
import { codeSpan, escapeMarkdown } from './authoring/markdown';
import type { Finding } from './types';

/**
 * Markdown for the findings of `file` whose range holds `offset` and that explain themselves,
 * each led by its code (a link when `link` knows a page for it); undefined when none does.
 */
export function explainAt(
  findings: readonly Finding[],
  file: string,
  offset: number,
  link?: (code: string) => string | undefined,
): { markdown: string; range: Finding['range'] } | undefined {
  const here = findings.filter(
    (f) => !f.suppressed && f.explanation && f.file === file && f.range.start <= offset && offset <= f.range.end,
  );
  if (here.length === 0) return undefined;
  const parts = here.map((f) => {
    const url = link?.(f.code);
    const code = url ? `[${codeSpan(f.code)}](${url})` : codeSpan(f.code);
    return `${code}: ${escapeMarkdown(f.explanation!)}`;
  });
  // The narrowest finding's range: the hover stays while the cursor is on what it explains.
  const range = here.reduce((a, b) => (b.range.end - b.range.start < a.range.end - a.range.start ? b : a)).range;
  return { markdown: parts.join('\n\n'), range };
}
