// The providers' constraints expression over a container's labels (traefik/constraints.ts), as
// pkg/provider/constraints/constraints_labels.go MatchLabels decides it; 'unknown' where this
// reader cannot tell, so no container is judged pruned on a guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchConstraints } from '../../../server/src/analysis/traefik/constraints';
import { CompiledMatchers } from '../../../server/src/analysis/rules';

/** The matchers a test compiles: one table for the file, as an engine keeps one. */
const compiled = new CompiledMatchers();

const LABELS: Record<string, string | undefined> = { hello: 'world', foo: 'bar', later: undefined };
const label = (key: string): string | undefined => (key in LABELS ? LABELS[key] : '');

const cases: [expr: string, expected: boolean | 'unknown'][] = [
  ['', true],
  ['Label("hello", "world")', true],
  ['Label(`hello`, `world`)', true],
  ['Label("hello", "worlds")', false],
  ['Label("hi", "world")', false],
  ['Label("hi", "")', true],
  ['!Label("hello", "world")', false],
  ['Label("hello", "world") && Label("foo", "bar")', true],
  ['Label("hello", "worlds") && Label("foo", "bar")', false],
  ['Label("hello", "world") && !Label("foo", "bar")', false],
  ['Label("hello", "worlds") || Label("foo", "bar")', true],
  ['Label("hello", "world") || !Label("foo", "bar")', true],
  ['!(Label("hello", "world") || Label("foo", "x"))', false],
  ['LabelRegex("hello", "w\\\\w+")', true],
  ['LabelRegex(`hello`, `w\\w+s`)', false],
  ['LabelRegex("hello", "or")', true],
  ['LabelRegex("hi", "w\\\\w+")', false],
  ['LabelRegex("hello", "w(\\\\w+")', false],
  // A label whose value compose interpolation leaves unknown: only what does not depend on it.
  ['Label("later", "x")', 'unknown'],
  ['Label("later", "x") || Label("foo", "bar")', true],
  ['Label("later", "x") && Label("foo", "baz")', false],
  // What this reader does not take, and what Traefik refuses (it then drops every container,
  // with a log line): left unknown.
  ['Label("hello")', 'unknown'],
  ['Foo("hello")', 'unknown'],
  ['MarathonConstraint("a:b:c")', 'unknown'],
  ['Label("hello", "world") &&', 'unknown'],
  ['Label("hello", "world"))', 'unknown'],
];

for (const [expr, expected] of cases) {
  test(`constraints: ${expr || '(empty)'} -> ${expected}`, () => {
    assert.equal(matchConstraints(expr, label, compiled), expected);
  });
}

test('constraints: every prefix of an expression answers without throwing', () => {
  const expr = '!(Label("a", "b") || LabelRegex(`c`, `^d+$`)) && Label("e", "f")';
  for (let end = 0; end <= expr.length; end++)
    assert.doesNotThrow(() => matchConstraints(expr.slice(0, end), label, compiled));
});
