// Files an attacker writes: alias bombs, deep nesting, deep rules, a label naming 120,000
// middlewares. Each ends in a finding within a time bound, and no other finding is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FINDINGS_PER_FILE } from '../../../server/src/analysis';
import { readStaticFile } from '../../../server/src/analysis/traefik/staticConfig';
import { runAll } from '../../helpers';

/**
 * Runs f and asserts it used less than `ms` of this process's CPU time. CPU time, not wall time:
 * other work on the machine stretches the wall clock (a 3 s run took 25 s at load average 26),
 * while an unbounded expansion (the 669-byte bomb ran for minutes) exceeds any CPU bound.
 */
function quickly<T>(f: () => T, ms = 5000): T {
  const start = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(start);
  const cpuMs = (used.user + used.system) / 1000;
  assert.ok(cpuMs < ms, `${Math.round(cpuMs)} ms of CPU`);
  return out;
}

/** 9 maps of 9 aliases of the one before: 9^9 nodes once expanded, in about 700 bytes. */
function bomb(): string {
  const lines = ['x0: &x0 {a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1}'];
  for (let i = 1; i < 9; i++)
    lines.push(`x${i}: &x${i} {${[...'abcdefghi'].map((k) => `${k}: *x${i - 1}`).join(', ')}}`);
  return lines.join('\n') + '\n';
}

const BROKEN = '  other:\n    image: x\n    labels:\n      - traefik.http.routers.o.rulle=x\n';
const codes = (seen: { code: string }[]) => [...new Set(seen.map((s) => s.code))].sort();

test('an alias bomb in a mounted traefik.yml is refused as yaml.v3 refuses it, at once', () => {
  const text = `${bomb()}log: {level: *x8}\n`;
  assert.ok(text.length < 800);
  const read = quickly(() => readStaticFile('/p/traefik.yml', text));
  assert.equal(read.ok, false);
  assert.equal(read.refused, 'document contains excessive aliasing');
  const compose = `services:\n  traefik:\n    image: traefik:v3.4\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml\n${BROKEN}`;
  const seen = quickly(() => runAll(compose, { mounted: { '/project/traefik.yml': text } }));
  assert.ok(codes(seen).includes('unknown-label'));
});

test('an alias bomb in a compose file is a yaml-syntax error; the other services are still checked', () => {
  const text = `${bomb()}services:\n  a:\n    image: x\n    labels: *x8\n${BROKEN}`;
  const seen = quickly(() => runAll(text));
  const refused = seen.filter((s) => s.code === 'yaml-syntax');
  assert.equal(refused.length, 1);
  assert.match(refused[0].message, /excessive aliasing/);
  assert.ok(codes(seen).includes('unknown-label'));
});

test('labels through an alias and a << merge key are read as compose reads them', () => {
  const text = [
    'x-labels: &labels',
    '  traefik.http.routers.a.rulle: x',
    '  traefik.http.routers.a.rule: Host(`a.com`)',
    'services:',
    '  a:',
    '    image: x',
    '    labels: *labels',
    '  b:',
    '    image: x',
    '    labels:',
    '      <<: *labels',
    '      traefik.http.routers.a.rule: Host(`b.com`)',
    '',
  ].join('\n');
  const unknown = runAll(text).filter((s) => s.code === 'unknown-label');
  // The anchor's label, once for each service that uses it; b's own rule overrides the merged one.
  assert.deepEqual(
    unknown.map((s) => s.text),
    ['rulle', 'rulle'],
  );
  // Both services define router a, each with its own rule: Traefik removes it.
  const conflict = runAll(text).filter((s) => s.code === 'route-conflict');
  assert.equal(conflict.length, 2);
});

test('block maps nested 3000 deep: nesting-too-deep, not a crash, and the other findings stay', () => {
  const deep = ['  b:', '    image: x', '    x-deep:'];
  for (let i = 0; i < 3000; i++) deep.push(`${'  '.repeat(i + 3)}k${i}:`);
  deep.push(`${'  '.repeat(3003)}v`);
  const text = `services:\n${BROKEN}${deep.join('\n')}\n${BROKEN.replace('other', 'third').replace('.o.', '.t.')}`;
  const seen = quickly(() => runAll(text));
  assert.ok(codes(seen).includes('nesting-too-deep'), JSON.stringify(codes(seen)));
  assert.ok(!codes(seen).includes('yaml-syntax'));
  assert.equal(seen.filter((s) => s.code === 'unknown-label').length, 2);
});

test('rules nested or joined beyond what is checked: a rule-syntax warning, never internal-error', () => {
  const rules = [
    `${'('.repeat(5000)}Host(\`a\`)${')'.repeat(5000)}`,
    `${'!'.repeat(5000)}Host(\`a\`)`,
    Array(5000).fill('Host(`a`)').join(' && '),
  ];
  for (const rule of rules) {
    const seen = quickly(() =>
      runAll(`services:\n  a:\n    image: x\n    labels:\n      - traefik.http.routers.a.rule=${rule}\n${BROKEN}`),
    );
    assert.ok(!codes(seen).includes('internal-error'), JSON.stringify(seen.filter((s) => s.code === 'internal-error')));
    const deep = seen.filter((s) => s.code === 'rule-syntax');
    assert.equal(deep.length, 1);
    assert.equal(deep[0].severity, 'warning');
    assert.ok(codes(seen).includes('unknown-label'));
  }
  const fine = `${'('.repeat(150)}Host(\`a\`)${')'.repeat(150)}`;
  assert.deepEqual(
    runAll(`services:\n  a:\n    image: x\n    labels:\n      - traefik.http.routers.a.rule=${fine}\n`).filter(
      (s) => s.code === 'rule-syntax',
    ),
    [],
  );
});

test('one label naming 120,000 middlewares: the findings of the file are capped with a summary', () => {
  const names = Array.from({ length: 120_000 }, (_, i) => `m${i}`).join(',');
  const text = `services:\n  a:\n    image: x\n    labels:\n      - traefik.http.routers.a.rule=Host(\`a\`)\n      - traefik.http.routers.a.middlewares=${names}\n      - traefik.http.routers.a.rulle=x\n`;
  const seen = quickly(() => runAll(text), 15000);
  assert.equal(seen.length, MAX_FINDINGS_PER_FILE + 1);
  const summary = seen.filter((s) => s.code === 'too-many-findings');
  assert.equal(summary.length, 1);
  assert.equal(summary[0].message, `${120_002 - MAX_FINDINGS_PER_FILE} more findings are not shown: fix these first`);
  assert.match(
    summary[0].explanation,
    new RegExp(`not shown: ${120_001 - MAX_FINDINGS_PER_FILE} undefined-middleware`),
  );
  // The error is among those kept: the most severe come first.
  assert.ok(seen.some((s) => s.code === 'unknown-label'));
});
