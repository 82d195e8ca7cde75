import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolate, interpolates, sourceRange } from '../../../server/src/analysis/compose/env';

const env: Record<string, string> = { DOMAIN: 'example.com', EMPTY: '', PORT: '8080', SUB: 'api' };
const lookup = (name: string): string | undefined => env[name];

const cases: { text: string; value: string; unresolved?: string[]; problem?: string; uses?: string[] }[] = [
  { text: 'Host(`${DOMAIN}`)', value: 'Host(`example.com`)', uses: ['DOMAIN'] },
  { text: 'Host(`$DOMAIN`)', value: 'Host(`example.com`)' },
  { text: '$DOMAIN.x', value: 'example.com.x' },
  { text: '${NOPE}', value: '', unresolved: ['NOPE'] },
  { text: '$NOPE/x', value: '/x', unresolved: ['NOPE'] },
  { text: '${NOPE:-fallback}', value: 'fallback' },
  { text: '${EMPTY:-fallback}', value: 'fallback' },
  { text: '${EMPTY-fallback}', value: '' },
  { text: '${NOPE-fallback}', value: 'fallback' },
  { text: '${DOMAIN:-fallback}', value: 'example.com' },
  { text: '${DOMAIN:+alt}', value: 'alt' },
  { text: '${EMPTY:+alt}', value: '' },
  { text: '${EMPTY+alt}', value: 'alt' },
  { text: '${NOPE+alt}', value: '' },
  {
    text: '${NOPE:?set NOPE}',
    value: '',
    unresolved: ['NOPE'],
    problem: 'required variable NOPE is missing a value: set NOPE',
  },
  { text: '${EMPTY:?}', value: '', unresolved: ['EMPTY'], problem: 'required variable EMPTY is missing a value' },
  { text: '${EMPTY?x}', value: '' },
  { text: '${NOPE:-${SUB}.${DOMAIN}}', value: 'api.example.com', uses: ['NOPE', 'SUB', 'DOMAIN'] },
  { text: '${NOPE:-${ALSO:-deep}}', value: 'deep' },
  { text: '${DOMAIN:-${NOPE}}', value: 'example.com', uses: ['DOMAIN'] },
  { text: '$$DOMAIN', value: '$DOMAIN', uses: [] },
  { text: '$${DOMAIN}', value: '${DOMAIN}', uses: [] },
  { text: 'user:$$apr1$$x', value: 'user:$apr1$x', uses: [] },
  { text: 'a$', value: 'a$' },
  { text: '$2y$10', value: '$2y$10', uses: [] },
  { text: 'price: 5$ each', value: 'price: 5$ each' },
  { text: '${1}', value: '', problem: 'invalid interpolation format "${1}"' },
  { text: '${DOMAIN', value: '', problem: 'invalid interpolation format "${DOMAIN"' },
  { text: '${DOMAIN x}', value: '', problem: 'invalid interpolation format "${DOMAIN x}"' },
  { text: '${a-b-c}', value: 'b-c' },
  { text: '${DOMAIN}${PORT}', value: 'example.com8080' },
];

for (const c of cases) {
  test(`interpolate ${c.text}`, () => {
    const r = interpolate(c.text, lookup);
    assert.equal(r.value, c.value);
    assert.deepEqual(
      r.unresolved.map((u) => u.name),
      c.unresolved ?? [],
    );
    assert.equal(r.problems[0]?.message, c.problem);
    if (c.uses)
      assert.deepEqual(
        r.variables.map((u) => u.name),
        c.uses,
      );
  });
}

test('interpolates: only what compose acts on', () => {
  assert.equal(interpolates('Host(`${DOMAIN}`)'), true);
  assert.equal(interpolates('$$apr1$$x'), false);
  assert.equal(interpolates('$2y$10$'), false);
  assert.equal(interpolates('${1}'), true);
});

test('variable uses carry their source ranges', () => {
  const text = 'Host(`${DOMAIN:-x.org}`)';
  const [use] = interpolate(text, lookup).variables;
  assert.equal(text.slice(use.range.start, use.range.end), '${DOMAIN:-x.org}');
  assert.equal(text.slice(use.nameRange.start, use.nameRange.end), 'DOMAIN');
  assert.equal(text.slice(use.argRange!.start, use.argRange!.end), 'x.org');
  assert.equal(use.operator, ':-');
});

test('a sub-range of the value maps back onto the source', () => {
  const text = 'Host(`${DOMAIN}`) && PathPrefix(`/api`)';
  const r = interpolate(text, lookup);
  const at = (s: string): string => {
    const i = r.value.indexOf(s);
    const range = sourceRange(r, i, i + s.length)!;
    return text.slice(range.start, range.end);
  };
  assert.equal(at('/api'), '/api');
  assert.equal(at('example'), '${DOMAIN}');
  assert.equal(at('`example.com`'), '`${DOMAIN}`');
  assert.equal(at('PathPrefix'), 'PathPrefix');
});

test('a default used maps character by character into its text', () => {
  const text = '${NOPE:-a.org}/x';
  const r = interpolate(text, lookup);
  const range = sourceRange(r, 2, 5)!;
  assert.equal(text.slice(range.start, range.end), 'org');
});

test('ranges inside a slice of a larger text', () => {
  const text = 'key=${DOMAIN}!';
  const r = interpolate(text, lookup, 4, text.length);
  assert.equal(r.value, 'example.com!');
  assert.equal(text.slice(r.variables[0].range.start, r.variables[0].range.end), '${DOMAIN}');
});

test('deep nesting stays bounded', () => {
  const text = '${A:-'.repeat(5000) + 'x' + '}'.repeat(5000);
  const r = interpolate(text, () => undefined);
  assert.ok(r.problems.length > 0);
});
