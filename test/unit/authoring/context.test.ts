// Where the cursor is, read from the line's raw text (so half-typed labels work), and a guard
// that completion and hover build the project model only, never running the checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS, complete, hover } from '../../../server/src/analysis';
import { labelContext } from '../../../server/src/analysis/authoring/context';
import { lineStart } from '../../../server/src/analysis/authoring/edits';
import { cursor, FILE, projectOf } from './helpers';

const head = 'services:\n  api:\n    image: nginx\n';

const cases: {
  name: string;
  src: string;
  expect?: { form: string; quote: string; key: string; at: string; segment?: string; value?: string; source?: string };
}[] = [
  {
    name: 'list, double-quoted, unterminated',
    src: `${head}    labels:\n      - "traefik.http.ro|`,
    expect: { form: 'list', quote: '"', key: 'traefik.http.ro', at: 'key', segment: 'ro' },
  },
  {
    name: 'list, single-quoted value',
    src: `${head}    labels:\n      - 'traefik.http.routers.a.rule=Host(\`x|\`)'`,
    expect: { form: 'list', quote: "'", key: 'traefik.http.routers.a.rule', at: 'value', value: 'Host(`x`)' },
  },
  {
    name: 'list at the key indentation, unquoted, comment after',
    src: `${head}    labels:\n    - traefik.enable=tr|ue # on`,
    expect: { form: 'list', quote: '', key: 'traefik.enable', at: 'value', value: 'true ' },
  },
  {
    name: 'map, no colon yet',
    src: `${head}    labels:\n      traefik.enable: "true"\n      traefik.http.routers.api.|`,
    expect: { form: 'map', quote: '', key: 'traefik.http.routers.api.', at: 'key', segment: '' },
  },
  {
    name: 'map, quoted key and value',
    src: `${head}    labels:\n      "traefik.http.routers.api.tls": "tr|ue"`,
    expect: { form: 'map', quote: '"', key: 'traefik.http.routers.api.tls', at: 'value', value: 'true' },
  },
  {
    name: 'deploy.labels',
    src: `${head}    deploy:\n      replicas: 2\n      labels:\n        - traefik.swarm.|`,
    expect: { form: 'list', quote: '', key: 'traefik.swarm.', at: 'key', segment: '', source: 'deploy.labels' },
  },
  { name: 'environment is not labels', src: `${head}    environment:\n      - traefik.|` },
  { name: 'a service key is not a label', src: `${head}    labels:\n      - a=b\n  we|b:\n    image: x` },
  { name: 'labels of something that is not a service', src: `x-common:\n  labels:\n    - traefik.|` },
];

for (const c of cases) {
  test(`labelContext: ${c.name}`, () => {
    const { text, offset } = cursor(c.src);
    const ctx = labelContext(projectOf(text), FILE, offset);
    if (!c.expect) {
      assert.equal(ctx, undefined);
      return;
    }
    assert.ok(ctx);
    assert.equal(ctx.form, c.expect.form);
    assert.equal(ctx.quote, c.expect.quote);
    assert.equal(ctx.key, c.expect.key);
    assert.equal(text.slice(ctx.keyRange.start, ctx.keyRange.end), c.expect.key);
    assert.equal(ctx.cursor.kind, c.expect.at);
    assert.equal(ctx.serviceName, 'api');
    assert.equal(ctx.source, c.expect.source ?? 'labels');
    if (ctx.cursor.kind === 'key') assert.equal(ctx.segments[ctx.cursor.segment].text, c.expect.segment);
    if (c.expect.value !== undefined) {
      assert.ok(ctx.value);
      assert.equal(text.slice(ctx.value.range.start, ctx.value.range.end), c.expect.value);
    }
  });
}

test('complete and hover never run the checks', () => {
  const calls: string[] = [];
  const saved = CHECKS.map((c) => ({ run: c.run, service: c.service }));
  for (const c of CHECKS) {
    if (c.run) c.run = () => void calls.push(c.code);
    if (c.service) c.service = () => void calls.push(c.code);
  }
  try {
    const { text, offset } = cursor(
      `${head}    labels:\n      - "traefik.http.routers.api.rule=PathPrefix(\`/a\`)"\n      - "traefik.http.ro|`,
    );
    const project = projectOf(text);
    assert.ok(complete(project, FILE, offset).length > 0);
    assert.ok(hover(project, FILE, text.indexOf('PathPrefix')));
    assert.deepEqual(calls, []);
  } finally {
    CHECKS.forEach((c, i) => Object.assign(c, saved[i]));
  }
});

// `lineStart` at offset 0 of a text opening with a line break answered 1 (lastIndexOf reads a
// negative position as 0), so yamlPath, walking up from a line of such a file, spun forever at
// offset 1: the edit fuzzer's hang (seed 2026, edit 2391, a completion request).
const lineStarts: { text: string; offset: number; start: number }[] = [
  { text: '\n  a:\n', offset: 0, start: 0 },
  { text: '\n  a:\n', offset: 1, start: 1 },
  { text: '\n  a:\n', offset: 3, start: 1 },
  { text: '\n\nx', offset: 1, start: 1 },
  { text: 'ab\ncd', offset: 0, start: 0 },
  { text: 'ab\ncd', offset: 2, start: 0 },
  { text: 'ab\ncd', offset: 3, start: 3 },
  { text: 'ab\ncd', offset: 5, start: 3 },
];
for (const c of lineStarts) {
  test(`lineStart(${JSON.stringify(c.text)}, ${c.offset}) is ${c.start}`, () => {
    assert.equal(lineStart(c.text, c.offset), c.start);
  });
}

test('labelContext in a file that opens with a blank line answers (no services: key, no context)', () => {
  const { text, offset } = cursor('\n  traefik:\n    labels:\n      - "traefik.en|able=true"\n');
  assert.equal(labelContext(projectOf(text), FILE, offset), undefined);
  const services = cursor('\nservices:\n  traefik:\n    labels:\n      - "traefik.en|able=true"\n');
  assert.equal(labelContext(projectOf(services.text), FILE, services.offset)?.key, 'traefik.enable');
});
