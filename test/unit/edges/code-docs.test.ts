// docs/codes.md: the page each diagnostic's code links to (codeDescription), and the hover
// that shows a finding's explanation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, explainAt, TOO_MANY_FINDINGS, type Finding } from '../../../server/src/analysis';
import { codeDocs, codeHeadings, codeLinks, codeSections, codesDocPath } from '../../../server/src/codeDocs';
import { lineMap, toDiagnostic } from '../../../server/src/convert';
import { LIVE_KINDS, liveCode } from '../../../live/problems';

const DOC = path.resolve(__dirname, '..', '..', '..', 'docs', 'codes.md');

test('the page is found beside the sources and beside the bundle', () => {
  assert.equal(codesDocPath(path.resolve(__dirname, '..', '..', '..', 'server', 'src')), DOC);
  assert.equal(codesDocPath(path.resolve(__dirname, '..', '..', '..', 'dist')), DOC);
  assert.equal(codesDocPath('/nowhere/at/all'), undefined);
});

test('a code links to the line of its heading in docs/codes.md; an undocumented code to nothing', () => {
  const link = codeLinks(DOC);
  const href = link('undefined-middleware')!;
  const [file, fragment] = href.split('#');
  assert.equal(fileURLToPath(file), DOC);
  const line = Number(/^L(\d+)$/.exec(fragment)![1]);
  assert.equal(readFileSync(DOC, 'utf8').split('\n')[line - 1], '## undefined-middleware');
  assert.equal(link('no-such-code'), undefined);
  assert.equal(codeLinks('/nowhere/codes.md')('undefined-middleware'), undefined);
  assert.deepEqual(
    [...codeHeadings('# t\n## a-b\ntext\n## Not a code\n## c\n')],
    [
      ['a-b', 2],
      ['c', 5],
    ],
  );
});

test('a section runs to the next heading; a # line in a fenced block is YAML, not a heading', () => {
  const text =
    '# t\nintro\n## a-b\n**What.** [x](http://u) `k`\n```yaml\n# comment\n## not-a-code\n```\n### sub\n## c\nlast\n';
  const sections = codeSections(text);
  assert.deepEqual([...sections.keys()], ['a-b', 'c']);
  assert.equal(
    sections.get('a-b')!.markdown,
    '**What.** [x](http://u) `k`\n```yaml\n# comment\n## not-a-code\n```\n### sub',
  );
  assert.equal(sections.get('c')!.markdown, 'last');
  const doc = codeDocs(DOC)('undefined-service')!;
  assert.match(doc.text, /^What it means\. A router's service label names a service/);
  assert.doesNotMatch(doc.text, /\*\*|`/);
  assert.equal(doc.href, codeLinks(DOC)('undefined-service'));
  assert.equal(codeDocs('/nowhere/codes.md')('undefined-service'), undefined);
});

const finding: Finding = {
  code: 'undefined-middleware',
  severity: 'error',
  message: 'middleware "autth" is not defined: did you mean "auth"?',
  explanation: 'Traefik disables router "api" with the error middleware "autth@docker" does not exist.',
  file: '/p/compose.yml',
  range: { start: 4, end: 9 },
};

test('the diagnostic keeps the short message and links its code', () => {
  const d = toDiagnostic(finding, {
    lines: () => lineMap('x: [autth]\n'),
    uri: (f) => `file://${f}`,
    codeUrl: (code) => `file:///ext/docs/codes.md#L${code.length}`,
  });
  assert.equal(d.message, finding.message);
  assert.deepEqual(d.codeDescription, { href: 'file:///ext/docs/codes.md#L20' });
  const plain = toDiagnostic(finding, { lines: () => lineMap('x'), uri: (f) => f });
  assert.equal('codeDescription' in plain, false);
});

test('the hover explains the findings under the cursor, led by the linked code', () => {
  const other: Finding = {
    ...finding,
    code: 'route-conflict',
    range: { start: 0, end: 20 },
    explanation: 'Wider [x](y).',
  };
  const quiet: Finding = { ...finding, explanation: undefined };
  const hidden: Finding = { ...finding, suppressed: true };
  const all = [other, finding, quiet, hidden];
  const h = explainAt(all, '/p/compose.yml', 6, (code) => (code === 'route-conflict' ? undefined : `file:///d#L1`))!;
  assert.deepEqual(h.range, finding.range, 'the narrowest range');
  const [wide, narrow, ...rest] = h.markdown.split('\n\n');
  assert.equal(rest.length, 0, 'unexplained and suppressed findings add nothing');
  assert.match(wide, /^`route-conflict`: Wider \\\[x\\\]\\\(y\\\)\\\.$/, 'free text is escaped');
  assert.match(narrow, /^\[`undefined-middleware`\]\(file:\/\/\/d#L1\): Traefik disables router/);
  assert.equal(explainAt(all, '/p/compose.yml', 30), undefined);
  assert.equal(explainAt(all, '/p/other.yml', 6), undefined);
});

/** Every `code: '<kebab-case>'` literal in the server's, client's and live clients' sources (findings made outside a check). */
function literalCodes(): string[] {
  const root = path.resolve(__dirname, '..', '..', '..');
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts'))
        for (const m of readFileSync(file, 'utf8').matchAll(/\bcode: '([a-z]+(?:-[a-z]+)+)'/g)) found.add(m[1]);
    }
  };
  walk(path.join(root, 'server', 'src'));
  walk(path.join(root, 'client', 'src'));
  walk(path.join(root, 'live'));
  return [...found];
}

test('every code a finding can carry has a docs/codes.md section with each part, and a codeDescription', () => {
  const codes = new Set([
    ...CHECKS.map((c) => c.code),
    TOO_MANY_FINDINGS.code,
    ...literalCodes(),
    // client/src/views/liveDiagnostics.ts links these through the same codeLinks.
    ...LIVE_KINDS.map(liveCode),
  ]);
  assert.ok(codes.has('internal-error') && codes.has('yaml-syntax'), [...codes].join());
  const docs = codeDocs(DOC);
  const url = codeLinks(DOC);
  for (const code of codes) {
    const doc = docs(code);
    assert.ok(doc, `docs/codes.md has no "## ${code}" section`);
    for (const part of ['**What it means.**', '**Example.**', '**Fix.**', '**Suppress.**'])
      assert.ok(doc.markdown.includes(part), `${code}: no ${part}`);
    assert.match(
      doc.markdown,
      /\*\*What (Traefik|compose|Compose|Gateway Lens) does\.\*\*|\*\*What it costs\.\*\*/,
      code,
    );
    // The live view's codes are the client's own (not findings), linked through the same table.
    const d = toDiagnostic(
      { ...finding, code: code as Finding['code'] },
      { lines: () => lineMap('x: [autth]\n'), uri: (f) => f, codeUrl: url },
    );
    assert.equal(d.codeDescription?.href, doc.href, code);
  }
});
