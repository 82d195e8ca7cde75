// convert.ts: the only offset -> line/character conversion. UTF-16 code units (as LSP and
// the core count), CRLF line ends, out-of-range offsets, and the diagnostic it builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/analysis';
import { lineMap, toDiagnostic, toLineColumn, toRange, toOffset } from '../../../server/src/convert';

const at = (text: string, offset: number) => lineMap(text).positionAt(offset);

test('positions count UTF-16 code units: an emoji is two characters', () => {
  const text = 'a: 😀x\nb: é😀y';
  assert.deepEqual(at(text, text.indexOf('x')), { line: 0, character: 5 });
  assert.deepEqual(at(text, text.indexOf('y')), { line: 1, character: 6 });
  const lines = lineMap(text);
  assert.equal(toOffset(lines, { line: 1, character: 6 }), text.indexOf('y'));
});

test('CRLF: \\r\\n is one line break, columns restart after it', () => {
  const text = 'services:\r\n  web:\r\n    image: a\r\n';
  assert.deepEqual(at(text, text.indexOf('web')), { line: 1, character: 2 });
  assert.deepEqual(at(text, text.indexOf('image')), { line: 2, character: 4 });
  // The end of a line is before its \r.
  assert.deepEqual(at(text, text.indexOf('\r')), { line: 0, character: 9 });
  assert.deepEqual(toLineColumn(lineMap(text), { start: text.indexOf('a\r'), end: text.indexOf('a\r') + 1 }), {
    line: 3,
    column: 12,
    endLine: 3,
    endColumn: 13,
  });
});

test('1-based, end-exclusive line:column, across lines', () => {
  const text = 'ab\ncd\n';
  assert.deepEqual(toLineColumn(lineMap(text), { start: 1, end: 4 }), { line: 1, column: 2, endLine: 2, endColumn: 2 });
  assert.deepEqual(toLineColumn(lineMap(text), { start: 0, end: 0 }), { line: 1, column: 1, endLine: 1, endColumn: 1 });
});

test('offsets out of bounds or out of order are clamped', () => {
  const lines = lineMap('ab\ncd');
  assert.deepEqual(toRange(lines, { start: -3, end: 99 }), {
    start: { line: 0, character: 0 },
    end: { line: 1, character: 2 },
  });
  assert.deepEqual(toRange(lines, { start: 4, end: 1 }), {
    start: { line: 1, character: 1 },
    end: { line: 1, character: 1 },
  });
});

test('a finding becomes a diagnostic with code, source, severity, data and related locations', () => {
  const compose = 'x: 😀autth\r\n';
  const other = 'one\ntwo auth\n';
  const finding: Finding = {
    code: 'undefined-middleware',
    severity: 'warning',
    message: 'Middleware "autth" is not defined',
    file: '/p/docker-compose.yml',
    range: { start: compose.indexOf('autth'), end: compose.indexOf('autth') + 5 },
    related: [
      {
        file: '/p/other.yml',
        range: { start: other.indexOf('auth'), end: other.indexOf('auth') + 4 },
        message: 'defined here',
      },
      { file: '/unknown.yml', range: { start: 3, end: 5 }, message: 'text unknown' },
    ],
    // A data field named `code` (no code declares one) must not replace the finding's code.
    data: { name: 'autth', code: 'not-the-code' } as Finding['data'],
  };
  const texts: Record<string, string> = { '/p/docker-compose.yml': compose, '/p/other.yml': other };
  const d = toDiagnostic(finding, {
    lines: (file) => (texts[file] === undefined ? undefined : lineMap(texts[file])),
    uri: (file) => `file://${file}`,
  });
  assert.deepEqual(d.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 10 } });
  assert.equal(d.severity, 2);
  assert.equal(d.code, 'undefined-middleware');
  assert.equal(d.source, 'gateway-lens');
  // The finding's code wins over a `code` inside its data.
  assert.deepEqual(d.data, { name: 'autth', code: 'undefined-middleware' });
  assert.deepEqual(d.relatedInformation, [
    {
      location: {
        uri: 'file:///p/other.yml',
        range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } },
      },
      message: 'defined here',
    },
    {
      location: {
        uri: 'file:///unknown.yml',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
      message: 'text unknown',
    },
  ]);
});

test('severities map to LSP numbers; no related information when there is none', () => {
  const lines = () => lineMap('x');
  const make = (severity: Finding['severity']) =>
    toDiagnostic(
      { code: 'yaml-syntax', severity, message: 'm', file: 'f', range: { start: 0, end: 1 } },
      { lines, uri: (f) => f },
    );
  assert.deepEqual(
    (['error', 'warning', 'info'] as const).map((s) => make(s).severity),
    [1, 2, 3],
  );
  assert.equal('relatedInformation' in make('error'), false);
});
