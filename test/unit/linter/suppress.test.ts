// Suppression comments: each form, what they must not cover, unused and unknown codes, the
// quoting rules that keep a `#` inside a label value from being read as a comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, type AnalysisOptions } from '../../../server/src/analysis';
import { readSuppressions } from '../../../server/src/analysis/suppress';
import { yaml } from '../../helpers';

const FILE = '/project/docker-compose.yml';

function check(text: string, options?: AnalysisOptions, staticFile?: { file: string; text: string }) {
  const { findings } = new Analyzer().analyze({
    files: [{ file: FILE, text }],
    options,
    staticFiles: staticFile ? [staticFile] : [],
  });
  const textOf = (file: string) => (file === FILE ? text : (staticFile?.text ?? ''));
  return findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    text: textOf(f.file).slice(f.range.start, f.range.end),
    suppressed: f.suppressed === true,
    message: f.message,
  }));
}

/** Two services without a port: two missing-port warnings on their names. */
const base = (before: string, webLine = '', apiTrail = '') => yaml`
  services:
    ${before}
    web:${webLine}
      image: busybox
      labels:
        - traefik.http.routers.web.rule=Host(\`web.example.com\`)
    api:${apiTrail}
      image: api
      labels:
        - traefik.http.routers.api.rule=Host(\`api.example.com\`)
`;

const missing = (text: string) =>
  check(text)
    .filter((f) => f.code === 'missing-port' || f.code === 'unused-suppression')
    .map((f) => `${f.code}:${f.text}:${f.suppressed ? 'suppressed' : 'shown'}`);

test('disable-next-line covers the next line only', () => {
  const text = base('# gateway-lens-disable-next-line missing-port');
  assert.deepEqual(missing(text), ['missing-port:web:suppressed', 'missing-port:api:shown']);
});

test('disable-next-line does not apply to the next line but one', () => {
  const text = base('# gateway-lens-disable-next-line missing-port\n  # a comment between');
  assert.deepEqual(missing(text), [
    'missing-port:web:shown',
    'missing-port:api:shown',
    'unused-suppression:missing-port:shown',
  ]);
});

test('disable-line covers its own line, at the end of a line', () => {
  const text = base('', '', '  # gateway-lens-disable-line missing-port -- image EXPOSEs 8080');
  assert.deepEqual(missing(text), ['missing-port:web:shown', 'missing-port:api:suppressed']);
});

test('disable covers the rest of the file, not what is above it', () => {
  const text = base('', '').replace('  api:', '  # gateway-lens-disable missing-port\n  api:');
  assert.deepEqual(missing(text), ['missing-port:web:shown', 'missing-port:api:suppressed']);
  const top = '# gateway-lens-disable missing-port\n' + base('');
  assert.deepEqual(missing(top), ['missing-port:web:suppressed', 'missing-port:api:suppressed']);
});

test('several codes, commas and blanks; only the listed codes are covered', () => {
  const text = yaml`
    services:
      web:
        image: busybox
        labels:
          # gateway-lens-disable-next-line unknown-label, invalid-value
          - traefik.http.routers.web.rulle=Host(\`a\`)
          - traefik.http.services.web.loadbalancer.healthcheck.interval=soon # gateway-lens-disable-line unknown-label
  `;
  const got = check(text).filter((f) => f.code !== 'missing-port');
  const seen = got.map((f) => `${f.code}:${f.text}:${f.suppressed}`);
  assert.ok(seen.includes('unknown-label:rulle:true'), seen.join('\n'));
  assert.ok(seen.includes('invalid-value:soon:false'), seen.join('\n'));
  // The unused ones: invalid-value on the first comment, unknown-label on the second.
  assert.deepEqual(
    got.filter((f) => f.code === 'unused-suppression').map((f) => f.text),
    ['invalid-value', 'unknown-label'],
  );
});

test('unused-suppression: an unknown code suggests the known one; no code at all is said', () => {
  const got = check(base('# gateway-lens-disable-next-line missing-prot'));
  const unused = got.filter((f) => f.code === 'unused-suppression');
  assert.equal(unused.length, 1);
  assert.equal(unused[0].severity, 'info');
  assert.equal(unused[0].text, 'missing-prot');
  assert.match(unused[0].message, /not a Gateway Lens code; did you mean "missing-port"\?/);
  const none = check(base('# gateway-lens-disable-next-line')).filter((f) => f.code === 'unused-suppression');
  assert.equal(none.length, 1);
  assert.equal(none[0].text, '# gateway-lens-disable-next-line');
  assert.match(none[0].message, /names no code/);
});

test('a suppressed finding whose code is off still uses the comment; severity applies to the rest', () => {
  const text = base('# gateway-lens-disable-next-line missing-port');
  const got = check(text, { severity: { 'missing-port': 'off' } });
  assert.deepEqual(
    got.filter((f) => f.code === 'missing-port' || f.code === 'unused-suppression'),
    [],
  );
  const raised = check(text, { severity: { 'missing-port': 'error' } }).filter((f) => f.code === 'missing-port');
  assert.deepEqual(
    raised.map((f) => `${f.severity}:${f.suppressed}`),
    ['error:true', 'error:false'],
  );
});

test('comments in the static configuration suppress its findings', () => {
  const staticFile = {
    file: '/project/traefik.yml',
    text: 'entryPoints:\n  web:\n    address: ":80"\n# gateway-lens-disable-next-line unknown-static-key\nprovidrs:\n  docker: {}\n',
  };
  const got = check(base(''), {}, staticFile).filter((f) => f.code === 'unknown-static-key');
  assert.deepEqual(
    got.map((f) => `${f.text}:${f.suppressed}`),
    ['providrs:true'],
  );
});

const readCases: { name: string; text: string; expect: string[] }[] = [
  { name: 'a comment line', text: '# gateway-lens-disable a, b\n', expect: ['file:0:a,b'] },
  { name: 'after a value', text: 'x: 1 # gateway-lens-disable-line a\n', expect: ['line:0:a'] },
  { name: 'no blank before #: not a comment', text: 'x: a#gateway-lens-disable-line a\n', expect: [] },
  { name: 'inside double quotes', text: 'x: "a # gateway-lens-disable-line a"\n', expect: [] },
  { name: 'inside single quotes', text: "- 'it''s # gateway-lens-disable-line a'\n", expect: [] },
  { name: 'after a quoted value', text: '- "a=b" # gateway-lens-disable-line a\n', expect: ['line:0:a'] },
  {
    name: 'a quote inside a plain scalar opens nothing',
    text: 'x: a"b # gateway-lens-disable-line c\n',
    expect: ['line:0:c'],
  },
  { name: 'another tool', text: '# gateway-lens-disabled a\n', expect: [] },
  { name: 'reason after --', text: '# gateway-lens-disable-next-line a -- because b\n', expect: ['next-line:0:a'] },
  { name: 'CRLF', text: 'x: 1\r\n# gateway-lens-disable-next-line a\r\ny: 2\r\n', expect: ['next-line:1:a'] },
];

for (const c of readCases) {
  test(`readSuppressions: ${c.name}`, () => {
    assert.deepEqual(
      readSuppressions(c.text).map((s) => `${s.kind}:${s.line}:${s.codes.map((x) => x.code).join(',')}`),
      c.expect,
    );
  });
}
