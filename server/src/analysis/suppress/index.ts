// Applies suppression comments to a project's findings: a finding whose start line a comment of
// its own file covers is marked `suppressed` (kept, so `--format json` and SARIF can show it);
// every code of a comment that covered nothing becomes an `unused-suppression` finding.
// Works on any file with a text, so Traefik's dynamic configuration files join by being listed.
import { nearest } from '../traefik/values';
import type { Finding } from '../types';
import { covers, lineOf, lineStarts, readSuppressions, type Suppression } from './comments';

export { readSuppressions, type Suppression, type SuppressionKind } from './comments';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export interface Suppressible {
  file: string;
  text: string;
}

/** Why an unused suppression is worth a word (eslint's --report-unused-disable-directives). */
const UNUSED =
  'A suppression comment that covers no finding hides nothing today, but would silently hide a real finding of that code later; an unknown code is usually a typo.';

const WHERE: Record<Suppression['kind'], string> = {
  'next-line': 'on the next line',
  line: 'on this line',
  file: 'from this comment to the end of the file',
};

/** Findings with `suppressed: true` where a comment covers them, and the unused comments' findings. */
export function applySuppressions(
  findings: readonly Finding[],
  files: readonly Suppressible[],
  knownCodes: ReadonlySet<string>,
): { findings: Finding[]; unused: Finding[] } {
  const byFile = new Map<string, { starts: number[]; suppressions: Suppression[] }>();
  for (const f of files) {
    if (byFile.has(f.file)) continue;
    const suppressions = readSuppressions(f.text);
    if (suppressions.length > 0) byFile.set(f.file, { starts: lineStarts(f.text), suppressions });
  }
  if (byFile.size === 0) return { findings: [...findings], unused: [] };
  const used = new Set<string>();
  const out = findings.map((finding) => {
    const entry = byFile.get(finding.file);
    if (!entry || finding.code === UNUSED_SUPPRESSION) return finding;
    const line = lineOf(entry.starts, finding.range.start);
    let hit = false;
    for (const s of entry.suppressions) {
      if (!covers(s, line)) continue;
      for (const c of s.codes) {
        if (c.code !== finding.code) continue;
        used.add(`${finding.file}\0${c.range.start}`);
        hit = true;
      }
    }
    return hit ? { ...finding, suppressed: true } : finding;
  });
  const unused: Finding[] = [];
  for (const [file, { suppressions }] of byFile) {
    for (const s of suppressions) {
      const directive = `gateway-lens-disable${s.kind === 'file' ? '' : `-${s.kind}`}`;
      if (s.codes.length === 0) {
        unused.push({
          code: UNUSED_SUPPRESSION,
          severity: 'info',
          message: `this comment names no code: write "# ${directive} <code>"`,
          explanation: UNUSED,
          file,
          range: s.range,
          data: { kind: s.kind },
        });
        continue;
      }
      for (const c of s.codes) {
        if (used.has(`${file}\0${c.range.start}`)) continue;
        const known = knownCodes.has(c.code);
        const suggestion = known ? undefined : nearest(c.code, knownCodes);
        const message = known
          ? `Nothing to suppress: Gateway Lens reports no ${c.code} ${WHERE[s.kind]}. Remove "${c.code}" from the comment.`
          : `"${c.code}" is not a Gateway Lens code${suggestion ? `; did you mean "${suggestion}"?` : ' (gateway-lens check --list lists them).'}`;
        unused.push({
          code: UNUSED_SUPPRESSION,
          severity: 'info',
          message,
          explanation: UNUSED,
          file,
          range: c.range,
          data: { kind: s.kind, name: c.code, ...(suggestion ? { suggestion } : {}) },
        });
      }
    }
  }
  return { findings: out, unused };
}
