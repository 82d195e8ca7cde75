// The text exposition parser on lines as Prometheus' client_golang writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseExposition } from '../../../live/metrics/exposition';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'metrics');

test('a Traefik v3 scrape: every sample, labels and types', () => {
  const e = parseExposition(fs.readFileSync(path.join(FIXTURES, 'v3-a.prom'), 'utf8'));
  assert.deepEqual(e.problems, []);
  assert.equal(e.samples.length, 25);
  assert.equal(e.types.get('traefik_service_request_duration_seconds'), 'histogram');
  const inf = e.samples.find((s) => s.labels.le === '+Inf' && s.labels.code === '502');
  assert.deepEqual(inf, {
    name: 'traefik_service_request_duration_seconds_bucket',
    labels: { code: '502', method: 'GET', protocol: 'http', service: 'users@docker', le: '+Inf' },
    value: 2,
  });
});

const LINES: { line: string; expected: unknown }[] = [
  { line: 'a 1', expected: { name: 'a', labels: {}, value: 1 } },
  { line: 'a{} 1.5e3 1700000000000', expected: { name: 'a', labels: {}, value: 1500 } },
  { line: 'a{x="1",} +Inf', expected: { name: 'a', labels: { x: '1' }, value: Infinity } },
  { line: 'a{x="q\\"uo\\\\te\\nd"} -Inf', expected: { name: 'a', labels: { x: 'q"uo\\te\nd' }, value: -Infinity } },
  { line: 'a{ x = "}", y="," } 2', expected: { name: 'a', labels: { x: '}', y: ',' }, value: 2 } },
];

for (const c of LINES) {
  test(`parses ${c.line}`, () => {
    const e = parseExposition(c.line);
    assert.deepEqual(e.problems, []);
    assert.deepEqual(e.samples, [c.expected]);
  });
}

test('NaN values parse', () => {
  assert.ok(Number.isNaN(parseExposition('a NaN').samples[0].value));
});

const BAD = ['{x="1"} 2', 'a{x=1} 2', 'a{x="1" 2', 'a{x="1"}', 'a{x="1"} two', 'a 1 2 3', 'a{="1"} 1'];
for (const line of BAD) {
  test(`reports "${line}" and keeps the lines around it`, () => {
    const e = parseExposition(`good 1\n${line}\nalso_good{l="v"} 2\n`);
    assert.equal(e.problems.length, 1);
    assert.equal(e.problems[0].line, 2);
    assert.deepEqual(
      e.samples.map((s) => s.name),
      ['good', 'also_good'],
    );
  });
}
