// The fast reader of the plain YAML subset must build exactly the ComposeService that `yaml`
// builds (every range included) whenever it answers, answer only where `yaml` reports no
// problem, and actually answer for the files compose users write (else this proves nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainYaml } from '../../../server/src/analysis/compose/fastRead';
import { parseWhole } from '../../../server/src/analysis/compose/parse';
import { readSliceFast, readSliceYaml, type SliceRead } from '../../../server/src/analysis/compose/slice';
import { splitServices } from '../../../server/src/analysis/compose/split';
import { composeFile } from '../../../bench/generate';
import { prng as random } from '../../support/random';
import { composeFiles, crlf, inFile, mutate, slicesOf, type Slice } from './slices';

function fast(s: Slice): SliceRead | undefined {
  return readSliceFast('/p/docker-compose.yml', s.text, s.start, s.end);
}

function byYaml(s: Slice): SliceRead {
  return readSliceYaml('/p/docker-compose.yml', s.text.slice(s.start, s.end), s.start);
}

/** Asserts the fast reader agrees with `yaml` on `s`; returns whether it answered. */
function agrees(s: Slice, name: string): boolean {
  const answer = fast(s);
  if (!answer) return false;
  const expected = byYaml(s);
  assert.deepEqual(expected.problems, [], `${name}: answered where yaml reports a problem`);
  assert.deepEqual(answer, expected, name);
  return true;
}

const slice = (...lines: string[]): string => lines.join('\n') + '\n';

const answers: { name: string; text: string }[] = [
  {
    name: 'list labels, quoted and plain',
    text: slice(
      '  api:',
      '    image: api:1',
      '    labels:',
      '      - "traefik.enable=true"',
      "      - 'a.b=c''d'",
      '      - x.y=z',
    ),
  },
  {
    name: 'map labels, quoted keys and values',
    text: slice('  api:', '    labels:', '      traefik.enable: "true"', "      'a.b': 'c'", '      "c.d": e f'),
  },
  {
    name: 'escapes in double quotes',
    text: slice(
      '  api:',
      '    labels:',
      '      - "a.rule=Host(`x`) && Path(`/\\\\d+`)"',
      '      - "b.x=\\u00e9\\x41\\t\\"q\\""',
    ),
  },
  { name: 'CRLF line endings', text: crlf(slice('  api:', '    image: x', '    labels:', '      - "a=b"', '')) },
  {
    name: 'comments everywhere',
    text: slice(
      '  api: # the api',
      '    # image first',
      '    image: x # pinned',
      '      # deeper, after a value',
      '    labels: # list',
      '      - "a=b"',
      '      # - "c=d"',
      '    # a comment at the key indent',
      '# at column 0',
      '',
    ),
  },
  {
    name: 'comments after the last label, deeper then shallower',
    text: slice('  api:', '    labels:', '      - a=b', '        # deeper', '', '  # shallow', '   # between'),
  },
  { name: 'empty values and null', text: slice('  api:', '    image:', '    labels:', '      a.b:', '      c.d: ~') },
  {
    name: 'long-syntax ports and volumes',
    text: slice(
      '  api:',
      '    ports:',
      '      - target: 80',
      '        published: 8080',
      '      - "443:443/udp"',
      '    volumes:',
      '      - type: bind',
      '        source: ./data',
      '        target: /data',
    ),
  },
  { name: 'a sequence at its key indent', text: slice('  api:', '    command:', '    - --api', '    - --log') },
  {
    name: 'trailing spaces and unicode',
    text: slice('  api:   ', '    image: café😀  ', '    labels:', '      - "é=ü"   '),
  },
  {
    name: 'deploy labels and replicas',
    text: slice('  api:', '    deploy:', '      replicas: 2', '      labels:', '        a: b'),
  },
  { name: 'command as one string', text: slice('  api:', '    command: serve --port 80 "a b"') },
  { name: 'a service with no body', text: slice('  api:') },
  {
    name: 'a list under a key of a list item',
    text: slice('  api:', '    volumes:', '      - type: bind', '        bind:', '        - a', '      - b'),
  },
  {
    name: 'empty flow collections',
    text: slice('  api:', '    labels: {}', '    ports: []  # none', '      # deeper'),
  },
  { name: 'no newline at the end', text: '  api:\n    image: x' },
];

const declines: { name: string; text: string }[] = [
  { name: 'anchor', text: slice('  api: &base', '    image: x') },
  { name: 'alias', text: slice('  api:', '    image: *img') },
  { name: 'tag', text: slice('  api:', '    image: !!str x') },
  { name: 'flow sequence', text: slice('  api:', '    command: ["a", "b"]') },
  { name: 'flow map', text: slice('  api:', '    labels: {a: b}') },
  { name: 'literal block scalar', text: slice('  api:', '    command: |', '      a') },
  { name: 'folded block scalar', text: slice('  api:', '    command: >-', '      a') },
  { name: 'multi-line plain scalar', text: slice('  api:', '    image: a', '      b') },
  { name: 'multi-line quoted scalar', text: slice('  api:', '    image: "a', '      b"') },
  { name: 'tab indentation', text: slice('  api:', '\timage: x') },
  { name: 'duplicate key', text: slice('  api:', '    image: x', '    image: y') },
  { name: 'duplicate key, quoted and plain', text: slice('  api:', '    labels:', '      a: x', '      "a": y') },
  { name: 'complex key', text: slice('  api:', '    ? image', '    : x') },
  { name: 'document marker', text: slice('---', '  api:') },
  { name: 'invalid escape', text: slice('  api:', '    image: "\\q"') },
  { name: 'nested map in a compact one', text: slice('  api:', '    image: a: b') },
  { name: 'comment glued to a quote', text: slice('  api:', '    image: "x"# c') },
  { name: 'empty value with a comment', text: slice('  api:', '    image: # none') },
  { name: 'reserved first character', text: slice('  api:', '    image: @x') },
  { name: 'merge key', text: slice('  api:', '    <<: x') },
  { name: 'key yaml reads as a number', text: slice('  api:', '    environment:', '      1: x') },
  { name: 'empty sequence item', text: slice('  api:', '    command:', '      -', '      - a') },
  { name: 'bad indentation', text: slice('  api:', '    image: x', '     labels: y') },
  { name: 'a lone carriage return', text: '  api:\r    image: x\n' },
  { name: 'a Unicode line separator', text: slice('  api:', '    image: a\u2028b') },
  { name: 'a flow sequence with items', text: slice('  api:', '    ports: [80]') },
  { name: 'a YAML error', text: slice('  api:', '    image: "x') },
];

test('the fast reader answers for the plain subset, equal to yaml', async (t) => {
  for (const c of answers) {
    await t.test(c.name, () => assert.ok(agrees(inFile(c.text), c.name), `${c.name}: declined`));
  }
});

test('the fast reader declines outside the subset', async (t) => {
  for (const c of declines) {
    await t.test(c.name, () => assert.equal(fast(inFile(c.text)), undefined));
  }
});

const GENERATED = [1, 7, 60, 250];

test('the fast reader answers for every service of the generated bench files and the examples', () => {
  const files = [
    ...GENERATED.map((n) => ({ name: `generated ${n}`, text: composeFile(n) })),
    ...composeFiles().filter((f) => /^examples\/musicshare(-broken)?\/docker-compose\.yml$/.test(f.name)),
  ];
  assert.equal(files.length, GENERATED.length + 2);
  for (const f of files) {
    const slices = slicesOf(f.text);
    assert.ok(slices.length > 0, f.name);
    for (const s of slices) assert.ok(agrees(s, f.name), `${f.name}: declined ${s.text.slice(s.start, s.start + 40)}`);
  }
});

test('the fast reader equals yaml on every slice of the repo files, their CRLF twins and seeded mutations', (t) => {
  const files = [...composeFiles(), ...GENERATED.map((n) => ({ name: `generated ${n}`, text: composeFile(n) }))];
  const cases: { name: string; slice: Slice }[] = [];
  for (const f of files) {
    for (const s of slicesOf(f.text)) cases.push({ name: f.name, slice: s });
    for (const s of slicesOf(crlf(f.text))) cases.push({ name: `${f.name} (CRLF)`, slice: s });
  }
  const originals = cases.length;
  const rnd = random(7);
  for (let i = 0; i < originals; i++) {
    const { name, slice: s } = cases[i];
    for (let k = 0; k < 12; k++) {
      const seed = `${i}.${k}`;
      let text = s.text.slice(s.start, s.end);
      const edits = 1 + Math.floor(rnd() * 3);
      for (let e = 0; e < edits; e++) text = mutate(text, rnd);
      cases.push({ name: `${name}, mutation ${seed}: ${JSON.stringify(text)}`, slice: inFile(text) });
    }
  }
  let answered = 0;
  for (const c of cases) if (agrees(c.slice, c.name)) answered++;
  t.diagnostic(`${originals} slices from files, ${cases.length} with mutations; the fast reader answered ${answered}`);
  // Both branches must be exercised for the comparison to mean something.
  assert.ok(originals > 1000, `only ${originals} slices from files`);
  assert.ok(answered > cases.length / 3, `answered ${answered} of ${cases.length}`);
  assert.ok(answered < cases.length - 1000, `declined only ${cases.length - answered} of ${cases.length}`);
});

test('a whole file (or the part around its services) read fast equals the yaml read', (t) => {
  const rnd = random(9);
  const texts: { name: string; text: string }[] = [];
  for (const f of [...composeFiles(), { name: 'generated 3', text: composeFile(3) }]) {
    for (const [name, text] of [
      [f.name, f.text],
      [`${f.name} (CRLF)`, crlf(f.text)],
    ]) {
      texts.push({ name, text });
      const split = splitServices(text);
      if (split) {
        texts.push({ name: `${name}, before its services`, text: text.slice(0, split.services.start) });
        texts.push({ name: `${name}, after its services`, text: text.slice(split.services.end) });
      }
      for (let k = 0; k < 12; k++) {
        let m = text;
        const edits = 1 + Math.floor(rnd() * 3);
        for (let e = 0; e < edits; e++) m = mutate(m, rnd);
        texts.push({ name: `${name}, mutation ${k}: ${JSON.stringify(m)}`, text: m });
      }
    }
  }
  let answered = 0;
  for (const { name, text } of texts) {
    if (readPlainYaml(text) === undefined) continue;
    answered++;
    const expected = parseWhole('/p/docker-compose.yml', text, false);
    assert.deepEqual(expected.problems, [], `${name}: answered where yaml reports a problem`);
    assert.deepEqual(parseWhole('/p/docker-compose.yml', text), expected, name);
  }
  t.diagnostic(`${texts.length} texts; the fast reader answered ${answered}`);
  assert.ok(answered > texts.length / 5, `answered ${answered} of ${texts.length}`);
});
