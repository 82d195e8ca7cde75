// A string `command:` is split as compose-go splits it (types/command.go ShellCommand ->
// github.com/mattn/go-shellwords v1.0.12 Parse): each row is what that parser returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shellSplit } from '../../../server/src/analysis/compose/shellwords';

const cases: { line: string; words: string[]; refused?: boolean; stoppedAt?: string }[] = [
  { line: '', words: [] },
  { line: '""', words: [''] },
  { line: "''", words: [''] },
  { line: 'traefik --a=b', words: ['traefik', '--a=b'] },
  { line: '--a="b c"', words: ['--a=b c'] },
  { line: '"--a=b c" d', words: ['--a=b c', 'd'] },
  { line: '--a=\'b "c"\'', words: ['--a=b "c"'] },
  { line: '--"a b"', words: ['--a b'] },
  { line: "--a='\\'", words: ['--a=\\'] },
  { line: '"a\\"b" "c\\\\d"', words: ['a"b', 'c\\d'] },
  // Any escape inside double quotes drops the backslash (unlike sh).
  { line: '"a\\nb"', words: ['anb'] },
  { line: 'a\\ b c', words: ['a b', 'c'] },
  { line: 'foo "" bar', words: ['foo', '', 'bar'] },
  // A backtick span stays in one word, backticks and blanks kept.
  { line: '--x=`a b` c', words: ['--x=`a b`', 'c'] },
  {
    line: "--providers.docker.defaultRule='Host(`{{ normalize .Name }}.example.com`)'",
    words: ['--providers.docker.defaultRule=Host(`{{ normalize .Name }}.example.com`)'],
  },
  {
    line: '--providers.docker.defaultRule="Host(`{{ .Name }}.example.com`)" --log.level=DEBUG',
    words: ['--providers.docker.defaultRule=Host(`{{ .Name }}.example.com`)', '--log.level=DEBUG'],
  },
  // A `(` outside quotes and backticks: refused; the words are a best effort.
  {
    line: '--providers.docker --providers.docker.defaultRule=Host(`{{ normalize .Name }}.example.com`)',
    words: ['--providers.docker', '--providers.docker.defaultRule=Host(`{{ normalize .Name }}.example.com`)'],
    refused: true,
  },
  { line: 'echo $(date) x', words: ['echo', '$(date)', 'x'] },
  { line: 'a "b', words: ['a', 'b'], refused: true },
  { line: 'a `b', words: ['a', '`b'], refused: true },
  // Parsing stops at ; & | < > outside quotes: compose drops the rest.
  { line: 'a b | tee x', words: ['a', 'b'], stoppedAt: '| tee x' },
  { line: 'a --b=c;d', words: ['a', '--b=c'], stoppedAt: ';d' },
  { line: 'a 2>/dev/null', words: ['a'], stoppedAt: '>/dev/null' },
  { line: "a 'b|c' `d;e`", words: ['a', 'b|c', '`d;e`'] },
];

for (const c of cases) {
  test(`shellwords: ${c.line || '(empty)'}`, () => {
    const split = shellSplit(c.line);
    assert.deepEqual(
      split.words.map((w) => w.value),
      c.words,
    );
    assert.equal(split.refused !== undefined, c.refused ?? false, `refused: ${JSON.stringify(split.refused)}`);
    assert.equal(split.stoppedAt === undefined ? undefined : c.line.slice(split.stoppedAt), c.stoppedAt);
  });
}

test('shellwords: word offsets cover the source text, quotes included', () => {
  const line = `--a="b c"  d`;
  assert.deepEqual(
    shellSplit(line).words.map((w) => line.slice(w.start, w.end)),
    ['--a="b c"', 'd'],
  );
});
