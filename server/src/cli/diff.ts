// A unified diff (diff -u, 3 lines of context) of a file and its edits, for --fix-dry-run.
import type { TextEdit } from '../analysis';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return line;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const CONTEXT = 3;

interface Span {
  /** First and last old line the edits touch. */
  first: number;
  last: number;
  /** The new text of those lines. */
  added: string[];
}

/** `edits` must not overlap; the diff shows whole lines, `---`/`+++` named `name`. */
export function unifiedDiff(name: string, text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return '';
  const starts = lineStarts(text);
  const old = splitLines(text);
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  // Edits on shared lines become one span of whole lines.
  const groups: TextEdit[][] = [];
  let lastLine = -1;
  for (const e of sorted) {
    const first = lineAt(starts, e.range.start);
    const last = lineAt(starts, Math.max(e.range.start, e.range.end - 1));
    if (groups.length > 0 && first <= lastLine) groups[groups.length - 1].push(e);
    else groups.push([e]);
    lastLine = Math.max(lastLine, e.range.end > e.range.start ? last : first);
  }
  const spans: Span[] = groups.map((g) => {
    const first = lineAt(starts, g[0].range.start);
    const end = Math.max(...g.map((e) => e.range.end));
    const last = Math.max(first, lineAt(starts, Math.max(g[0].range.start, end - 1)));
    const from = starts[first];
    const to = last + 1 < starts.length ? starts[last + 1] : text.length;
    let replaced = '';
    let at = from;
    for (const e of g) {
      replaced += text.slice(at, e.range.start) + e.newText;
      at = e.range.end;
    }
    return { first, last, added: splitLines(replaced + text.slice(at, to)) };
  });
  const hunks: Span[][] = [];
  for (const s of spans) {
    const h = hunks[hunks.length - 1];
    if (h && s.first <= h[h.length - 1].last + 2 * CONTEXT + 1) h.push(s);
    else hunks.push([s]);
  }
  const shown = (side: string) => (name.startsWith('/') ? name : `${side}/${name}`);
  const out = [`--- ${shown('a')}`, `+++ ${shown('b')}`];
  let shift = 0;
  for (const h of hunks) {
    const lo = Math.max(0, h[0].first - CONTEXT);
    const hi = Math.min(old.length, h[h.length - 1].last + 1 + CONTEXT);
    const body: string[] = [];
    let line = lo;
    let added = 0;
    let removed = 0;
    for (const s of h) {
      for (; line < s.first; line++) body.push(` ${old[line]}`);
      for (; line <= s.last; line++, removed++) body.push(`-${old[line]}`);
      for (const l of s.added) body.push(`+${l}`);
      added += s.added.length;
    }
    for (; line < hi; line++) body.push(` ${old[line]}`);
    const context = hi - lo - removed;
    out.push(`@@ -${lo + 1},${hi - lo} +${lo + 1 + shift},${context + added} @@`, ...body);
    shift += added - removed;
  }
  return out.join('\n') + '\n';
}
