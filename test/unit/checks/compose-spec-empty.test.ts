// compose-spec on an empty service key (YAML null: `ports:` with only comments under it). compose
// keeps the null unless a file merged before gives the key (compose-go override/merge.go
// MergeYaml), and schema.Validate refuses it ("services.deluge.ports must be a array"): an error
// in the first file defining the service, a warning where an earlier file or `extends` may fill it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const DELUGE = 'services:\n  deluge:\n    image: lscr.io/linuxserver/deluge:2.1.1\n    ports:\n      # - 8112:8112\n';

const cases: { name: string; text: string; others?: Record<string, string>; expect: [string, string][] }[] = [
  { name: 'ports with only comments', text: DELUGE, expect: [['error', 'ports']] },
  {
    name: 'labels with only comments',
    text: 'services:\n  app:\n    image: nginx\n    labels:\n      # - traefik.enable=true\n',
    expect: [['error', 'labels']],
  },
  {
    name: 'in an override file: the base file gives the key',
    text: 'services:\n  deluge:\n    image: nginx\n    ports: ["8112:8112"]\n',
    others: { 'docker-compose.override.yml': 'services:\n  deluge:\n    ports:\n' },
    expect: [['warning', 'ports']],
  },
  {
    name: 'with extends: the base service may give it',
    text: 'services:\n  base:\n    image: nginx\n    ports: ["80:80"]\n  web:\n    extends: base\n    ports:\n',
    expect: [['warning', 'ports']],
  },
  { name: 'an empty list is a list', text: 'services:\n  app:\n    image: nginx\n    ports: []\n', expect: [] },
  {
    name: 'a top-level section with only comments stays a warning',
    text: 'services:\n  app:\n    image: nginx\nvolumes:\n  # data:\n',
    expect: [['warning', 'volumes']],
  },
];

for (const c of cases) {
  test(`compose-spec, empty value: ${c.name}`, () => {
    const found = run('compose-spec', c.text, c.others ? { others: c.others } : {});
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      c.expect,
    );
    for (const f of found.filter((x) => x.severity === 'error')) assert.match(f.explanation, /refuses one that fails/);
  });
}
