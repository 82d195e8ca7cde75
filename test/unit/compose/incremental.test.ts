// An edited file parsed incrementally (only the touched services re-split and re-parsed, the
// others moved) must equal a fresh parse of the new text, whatever the edit does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ComposeParser } from '../../../server/src/analysis/compose/parse';
import { resplit, splitServices } from '../../../server/src/analysis/compose/split';
import { composeFile } from '../../../bench/generate';

const BASE = [
  '# a compose file',
  'name: shop',
  'services:',
  '  # the first service',
  '  a:',
  '    image: nginx',
  '    labels:',
  '      - "traefik.http.routers.a.rule=Host(`a.example.com`)"',
  '',
  '  b:',
  '    image: whoami',
  '    labels:',
  '      traefik.http.routers.b.rule: Host(`b.example.com`)',
  '      traefik.http.services.b.loadbalancer.server.port: "80"',
  '  c:',
  '    image: api',
  '    ports:',
  '      - "8080:80"',
  'networks:',
  '  web: {}',
  '',
].join('\n');

/** Edits as (text to find, replacement); each applies to the result of the one before. */
const cases: { name: string; edits: [string, string][] }[] = [
  { name: 'a character in the middle service', edits: [['image: whoami', 'image: whoamix']] },
  {
    name: 'typing then deleting',
    edits: [
      ['image: api', 'image: apix'],
      ['image: apix', 'image: api'],
    ],
  },
  { name: 'a character in the first service', edits: [['image: nginx', 'image: nginx2']] },
  { name: 'a label value', edits: [['b.example.com', 'bb.example.com']] },
  { name: 'a new service at a boundary', edits: [['  c:\n', '  d:\n    image: d\n  c:\n']] },
  { name: 'a new service at the end', edits: [['      - "8080:80"\n', '      - "8080:80"\n  e:\n    image: e\n']] },
  { name: 'a service deleted', edits: [['  b:\n    image: whoami\n', '']] },
  { name: 'a service renamed', edits: [['  b:', '  bb:']] },
  { name: 'a duplicated service name', edits: [['  c:', '  b:']] },
  { name: 'two lines joined', edits: [['whoami\n', 'whoami']] },
  { name: 'a line dedented to the top level', edits: [['    image: api', 'image: api']] },
  { name: 'a line dedented below the services', edits: [['    image: api', ' image: api']] },
  { name: 'an anchor typed', edits: [['image: api', 'image: &x api']] },
  { name: 'a comment before the first service', edits: [['  # the first service', '  # the 1st service']] },
  { name: 'the header edited', edits: [['name: shop', 'name: shops']] },
  { name: 'the networks edited', edits: [['web: {}', 'webs: {}']] },
  {
    name: 'a YAML error typed and fixed',
    edits: [
      ['image: api', 'image: "api'],
      ['image: "api', 'image: api'],
    ],
  },
  { name: 'a blank line removed between services', edits: [['"\n\n  b:', '"\n  b:']] },
  { name: 'everything deleted', edits: [[BASE, '']] },
];

/** Drops properties that are present but undefined, and object identity. */
function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x));
}

for (const c of cases) {
  test(`compose incremental: ${c.name}`, () => {
    const parser = new ComposeParser();
    let text = BASE;
    parser.parse('/p/c.yml', text);
    for (const [find, replace] of c.edits) {
      assert.ok(text.includes(find), `edit target ${JSON.stringify(find)}`);
      text = text.replace(find, replace);
      const incremental = parser.parse('/p/c.yml', text);
      const fresh = new ComposeParser().parse('/p/c.yml', text);
      assert.deepEqual(plain(incremental), plain(fresh));
    }
  });
}

test('compose incremental: resplit agrees with a whole split and re-scans only the edit', () => {
  const edited = BASE.replace('image: whoami', 'image: whoamix');
  const split = splitServices(BASE);
  assert.ok(split);
  const again = resplit(BASE, split, edited);
  const whole = splitServices(edited);
  assert.ok(again && whole);
  assert.deepEqual(
    again.chunks.map((c) => [c.start, c.end]),
    whole.chunks.map((c) => [c.start, c.end]),
  );
  assert.deepEqual(again.services, whole.services);
  // The first and last services are reused (same text), the middle one is re-scanned.
  assert.deepEqual(
    again.chunks.map((c) => c.was),
    [0, undefined, 2],
  );
});

test('compose incremental: random edits of a generated file agree with a fresh parse', () => {
  // A fixed-seed generator, so a failure is reproducible.
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pieces = ['x', '\n', ' ', '  ', '\n  svcX:\n    image: a\n', '#', ':', '- ', '"', '&a ', '\t', '\n\n'];
  let resplits = 0;
  for (let run = 0; run < 10; run++) {
    let text = composeFile(20);
    const parser = new ComposeParser();
    parser.parse('/p/c.yml', text);
    for (let i = 0; i < 40; i++) {
      const before = text;
      const at = random(text.length);
      text =
        random(3) === 0
          ? text.slice(0, at) + text.slice(at + 1 + random(20))
          : text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
      const split = splitServices(before);
      const again = split && resplit(before, split, text);
      if (again) {
        resplits++;
        assert.deepEqual(
          again.chunks.map((c) => [c.start, c.end]),
          splitServices(text)?.chunks.map((c) => [c.start, c.end]),
        );
      }
      assert.deepEqual(plain(parser.parse('/p/c.yml', text)), plain(new ComposeParser().parse('/p/c.yml', text)));
    }
  }
  assert.ok(resplits > 50, `the incremental split was used (${resplits} times)`);
});
