// duplicate-label: a key set twice in one service's list-form labels (compose keeps the later
// item); its quick fix removes the earlier one. Map form: a YAML error on the repeated key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, codeActions } from '../../../server/src/analysis';
import { run, yaml } from '../../helpers';
import { applyFile, FILE, projectOf } from '../authoring/helpers';

const twice = yaml`
  services:
    web:
      image: nginx
      labels:
        - traefik.enable=true
        - "traefik.http.routers.web.rule=PathPrefix(\`/a\`) || PathPrefix(\`/b\`)"
        - traefik.http.routers.web.entrypoints=web
        - traefik.http.routers.web.rule=Host(\`x\`)
    other:
      image: nginx
      labels:
        - traefik.http.routers.web.rule=Host(\`y\`)
      deploy:
        labels:
          - traefik.http.routers.web.rule=Host(\`z\`)
`;

const cases: { name: string; text: string; expect: string[] }[] = [
  { name: 'a rule set twice: the earlier key, once', text: twice, expect: ['traefik.http.routers.web.rule'] },
  {
    name: 'three times: both earlier ones',
    text: yaml`
      services:
        web:
          image: nginx
          labels:
            - a=1
            - a=2
            - a=3
    `,
    expect: ['a', 'a'],
  },
  {
    name: 'case differs: two labels for compose (Traefik may still merge them, not ours to say)',
    text: yaml`
      services:
        web:
          image: nginx
          labels:
            - traefik.http.routers.web.rule=Host(\`a\`)
            - traefik.http.routers.web.Rule=Host(\`b\`)
    `,
    expect: [],
  },
  {
    name: 'map form is a YAML error, not this check',
    text: 'services:\n  web:\n    image: nginx\n    labels:\n      a: "1"\n      a: "2"\n',
    expect: [],
  },
];

for (const c of cases) {
  test(`duplicate-label: ${c.name}`, () => {
    const got = run('duplicate-label', c.text);
    assert.deepEqual(
      got.map((f) => f.text),
      c.expect,
    );
    for (const f of got) assert.equal(f.severity, 'warning');
  });
}

test('duplicate-label: related information points at the value that counts', () => {
  const [f] = new Analyzer()
    .analyze({ files: [{ file: FILE, text: twice }] })
    .findings.filter((x) => x.code === 'duplicate-label');
  assert.equal(f.related?.length, 1);
  assert.equal(
    twice.slice(f.related![0].range.start, f.related![0].range.end),
    '- traefik.http.routers.web.rule=Host(`x`)',
  );
  assert.ok(f.message.length < 100, f.message);
});

test('duplicate-label: the quick fix removes the earlier item, nothing else', () => {
  const project = projectOf(twice);
  const [f] = new Analyzer()
    .analyze({ files: [{ file: FILE, text: twice }] })
    .findings.filter((x) => x.code === 'duplicate-label');
  const [fix] = codeActions(project, FILE, f);
  assert.match(fix.title, /Remove/);
  const fixed = applyFile(twice, fix.edits);
  assert.equal(
    fixed,
    twice
      .split('\n')
      .filter((l) => !l.includes('PathPrefix(`/a`)'))
      .join('\n'),
  );
  assert.deepEqual(run('duplicate-label', fixed), []);
});

test('map form: the repeated key is a yaml-syntax error on that exact key', () => {
  const text =
    'services:\n  web:\n    image: nginx\n    labels:\n      traefik.enable: "true"\n      traefik.enable: "false"\n';
  const got = run('yaml-syntax', text);
  assert.equal(got.length, 1);
  assert.equal(got[0].severity, 'error');
  assert.equal(got[0].text, 'traefik.enable');
});

test('corpus 012: the rule set twice is found', () => {
  const dir = path.resolve(__dirname, '../../fixtures/corpus');
  const name = fs.readdirSync(dir).find((f) => f.startsWith('012'));
  assert.ok(name, 'corpus file 012');
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  assert.deepEqual(
    run('duplicate-label', text).map((f) => f.text),
    ['traefik.http.routers.traefik.rule'],
  );
});
