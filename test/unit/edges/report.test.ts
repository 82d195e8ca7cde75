// cli/report.ts: findings located, de-duplicated, sorted, and printed as text, JSON, SARIF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/analysis';
import { formatJson, formatSarif, formatText, locate } from '../../../server/src/cli/report';
import { lineMap } from '../../../server/src/convert';

const TEXT: Record<string, string> = {
  '/w/b/compose.yml': 'one\ntwo autth\n',
  '/w/a/compose.yml': 'x: 😀bad\n',
  '/w/traefik.yml': 'entryPoints: {}\n',
};
const sources = {
  shown: (file: string) => file.replace('/w/', ''),
  lines: (file: string) => (TEXT[file] === undefined ? undefined : lineMap(TEXT[file])),
};
const finding = (
  file: string,
  word: string,
  severity: Finding['severity'],
  code: Finding['code'] = 'invalid-value',
): Finding => {
  const start = TEXT[file].indexOf(word);
  return { file, code, severity, message: `about ${word}`, range: { start, end: start + word.length } };
};

const findings: Finding[] = [
  finding('/w/b/compose.yml', 'autth', 'warning', 'undefined-middleware'),
  finding('/w/a/compose.yml', 'bad', 'error', 'invalid-value'),
  finding('/w/traefik.yml', 'entryPoints', 'info', 'ignored-static-config'),
  // The same static-file finding from a second project.
  finding('/w/traefik.yml', 'entryPoints', 'info', 'ignored-static-config'),
];
findings[1].related = [{ file: '/w/b/compose.yml', range: { start: 0, end: 3 }, message: 'see here' }];

test('locate: 1-based UTF-16 positions, sorted by file and position, duplicates dropped', () => {
  const located = locate(findings, sources);
  assert.deepEqual(
    located.map((l) => [l.file, l.line, l.column, l.endLine, l.endColumn, l.code]),
    [
      ['a/compose.yml', 1, 6, 1, 9, 'invalid-value'],
      ['b/compose.yml', 2, 5, 2, 10, 'undefined-middleware'],
      ['traefik.yml', 1, 1, 1, 12, 'ignored-static-config'],
    ],
  );
  assert.deepEqual(located[0].related, [
    { file: 'b/compose.yml', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'see here' },
  ]);
});

test('text: one line per finding, notes for related places, a summary', () => {
  assert.equal(
    formatText(locate(findings, sources), 2),
    [
      'a/compose.yml:1:6: error invalid-value: about bad',
      '  b/compose.yml:1:1: note: see here',
      'b/compose.yml:2:5: warning undefined-middleware: about autth',
      'traefik.yml:1:1: info ignored-static-config: about entryPoints',
      '3 problems (1 error, 1 warning, 1 info) in 2 files.',
      '',
    ].join('\n'),
  );
  assert.equal(formatText([], 1), 'No problems in 1 file.\n');
});

// Real projects pull many images Gateway Lens cannot see, and name many missing env files: the
// text output says "cannot be seen" once for the run and each explanation once (json keeps each).
test('text: unseen images summed up in one line, an explanation printed once', () => {
  const unseen = (compose: string): Finding => ({
    ...finding('/w/b/compose.yml', 'two', 'info', 'missing-port'),
    message: `port unknown: image "${compose}:1" cannot be seen here; set loadbalancer.server.port`,
    explanation: 'Without loadbalancer.server.port Traefik uses the lowest port.',
    data: { service: compose, protocol: 'http', compose, ports: [], unseen: true },
  });
  const envFile = (word: string): Finding => ({
    ...finding('/w/b/compose.yml', word, 'error', 'missing-env-file'),
    explanation: 'compose reads every env_file.',
  });
  const all = [unseen('app'), unseen('api'), unseen('app'), envFile('one'), envFile('autth')];
  assert.equal(
    formatText(locate(all, sources), 1),
    [
      'b/compose.yml:1:1: error missing-env-file: about one',
      '  compose reads every env_file.',
      'b/compose.yml:2:5: error missing-env-file: about autth',
      'info missing-port: 2 services use images Gateway Lens cannot inspect: app, api; their ports are not checked (set loadbalancer.server.port where the image EXPOSEs none; --format json lists each)',
      '3 problems (2 errors, 0 warnings, 1 info) in 1 file.',
      '',
    ].join('\n'),
  );
  assert.equal(JSON.parse(formatJson(locate(all, sources))).length, 4, 'json keeps each (one duplicate dropped)');
  // One such service keeps its own finding.
  assert.match(
    formatText(locate([unseen('app')], sources), 1),
    /^b\/compose\.yml:2:1: info missing-port: port unknown/,
  );
});

test('json: the nine fields when there is nothing to explain or relate', () => {
  const rows = JSON.parse(formatJson(locate(findings.slice(0, 1), sources)));
  assert.deepEqual(rows, [
    {
      file: 'b/compose.yml',
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 10,
      severity: 'warning',
      code: 'undefined-middleware',
      message: 'about autth',
      suppressed: false,
    },
  ]);
});

test('sarif: levels, rule indexes (unknown codes get a rule), relative and absolute artifacts', () => {
  const rules = [{ code: 'invalid-value', severity: 'error' as const, description: 'A value Traefik cannot decode.' }];
  const located = locate(findings, {
    ...sources,
    shown: (f: string) => (f === '/w/traefik.yml' ? '/elsewhere/traefik.yml' : sources.shown(f)),
  });
  const log = JSON.parse(formatSarif(located, rules, '1.2.3', '/w'));
  const run = log.runs[0];
  assert.equal(run.tool.driver.version, '1.2.3');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(
    run.tool.driver.rules.map((r: { id: string; defaultConfiguration: { level: string } }) => [
      r.id,
      r.defaultConfiguration.level,
    ]),
    [
      ['invalid-value', 'error'],
      ['ignored-static-config', 'note'],
      ['undefined-middleware', 'warning'],
    ],
  );
  assert.deepEqual(
    run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
    [
      ['ignored-static-config', 1, 'note'],
      ['invalid-value', 0, 'error'],
      ['undefined-middleware', 2, 'warning'],
    ],
  );
  const first = run.results[1];
  assert.deepEqual(first.locations[0].physicalLocation, {
    artifactLocation: { uri: 'a/compose.yml', uriBaseId: 'SRCROOT' },
    region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 9 },
  });
  assert.equal(first.relatedLocations[0].message.text, 'see here');
  assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///elsewhere/traefik.yml');
});

test('explanation: an indented second line in text, a field in JSON, a property in SARIF', () => {
  const explained: Finding = { ...findings[1], explanation: 'Traefik drops the container.' };
  const located = locate([explained], sources);
  assert.equal(
    formatText(located, 1).split('\n').slice(0, 3).join('\n'),
    [
      'a/compose.yml:1:6: error invalid-value: about bad',
      '  Traefik drops the container.',
      '  b/compose.yml:1:1: note: see here',
    ].join('\n'),
  );
  const [row] = JSON.parse(formatJson(located));
  assert.equal(row.explanation, 'Traefik drops the container.');
  assert.deepEqual(row.related, [
    { file: 'b/compose.yml', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'see here' },
  ]);
  const sarif = JSON.parse(formatSarif(located, [], '0.0.0', '/w'));
  assert.deepEqual(sarif.runs[0].results[0].properties, { explanation: 'Traefik drops the container.' });
  const doc = { href: 'file:///d/codes.md#L3', text: 'What it means.', markdown: '**What it means.**' };
  const helped = JSON.parse(formatSarif(located, [], '0.0.0', '/w', (c) => (c === 'invalid-value' ? doc : undefined)));
  const [rule] = helped.runs[0].tool.driver.rules;
  assert.equal(rule.helpUri, doc.href);
  assert.deepEqual(rule.help, { text: doc.text, markdown: doc.markdown });
  assert.equal('helpUri' in sarif.runs[0].tool.driver.rules[0], false, 'no page, no helpUri');
  assert.equal(sarif.runs[0].results[0].message.text, 'about bad');
});
