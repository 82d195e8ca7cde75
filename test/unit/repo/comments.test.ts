// Comments cite Traefik's source or docs (github.com/traefik/traefik paths) or compose-spec
// sections, never files outside this repository: the repository must read, build and test alone.
// TypeScript's parser finds the comments, so a string (a test's volume mount) is not one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FOLDERS = ['server', 'client', 'live', 'scripts', 'test', 'bench'];
const SOURCE = /\.(ts|mts|mjs|js)$/;
const SKIP = new Set(['node_modules', 'dist', 'work', 'fixtures', '.git']);

/** A path outside the repository, or the notes file that lived there (its sections, `SEM` + `ANTICS B`). */
const OUTSIDE = [
  /\.\.\/shared\b/,
  /(^|[\s('`])\/work\//,
  /\bshared\/(traefik|corpus|seed|ENVIRONMENT)/,
  /\bSEMANTICS\b/,
  // The project's house style and code reviews live beside the repository, not in it.
  /\bHOUSE-STYLE\b/,
  /\breviews\/[\w-]+\.md\b/,
];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) sources(full, out);
    else if (SOURCE.test(name)) out.push(full);
  }
  return out;
}

/** Every comment of a file with its line: the comment ranges around every token of its syntax tree. */
function comments(text: string): { line: number; text: string }[] {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const seen = new Map<number, string>();
  const visit = (node: ts.Node): void => {
    for (const r of [
      ...(ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.getEnd()) ?? []),
    ])
      seen.set(r.pos, text.slice(r.pos, r.end));
    node.getChildren(file).forEach(visit);
  };
  visit(file);
  return [...seen]
    .sort(([a], [b]) => a - b)
    .map(([pos, comment]) => ({ line: file.getLineAndCharacterOfPosition(pos).line + 1, text: comment }));
}

function offenders(text: string): string[] {
  return comments(text)
    .filter((c) => OUTSIDE.some((re) => re.test(c.text)))
    .map(
      (c) =>
        `${c.line}: ${c.text
          .split('\n')
          .find((l) => OUTSIDE.some((re) => re.test(l)))
          ?.trim()}`,
    );
}

test('the parser finds a comment naming a file outside the repository, and skips strings', () => {
  const text = [
    "const mount = '../shared/traefik.yml:/etc/traefik/traefik.yml';",
    '// routers by priority (pkg/muxer/http/mux.go)',
    '/** as ../shared/traefik/NOTES.md says */',
    '// SEMANTICS B',
    "const s = '// not a comment: /work/x';",
    '// one table per check (HOUSE-STYLE.md)',
    '// see reviews/code-review-2026-12.md',
  ].join('\n');
  assert.deepEqual(offenders(text), [
    '3: /** as ../shared/traefik/NOTES.md says */',
    '4: // SEMANTICS B',
    '6: // one table per check (HOUSE-STYLE.md)',
    '7: // see reviews/code-review-2026-12.md',
  ]);
});

test('no source comment cites a file outside this repository (../shared, /work/, SEMANTICS.md)', () => {
  const files = FOLDERS.flatMap((f) => sources(path.join(ROOT, f)));
  assert.ok(files.length > 100, `only ${files.length} source files found`);
  const bad = files.flatMap((file) =>
    offenders(fs.readFileSync(file, 'utf8')).map((o) => `${path.relative(ROOT, file)}:${o}`),
  );
  assert.deepEqual(bad, [], bad.join('\n'));
});
