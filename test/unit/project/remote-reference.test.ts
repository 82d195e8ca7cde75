// remote-reference: an include: or extends: file: that compose fetches (oci://, a git URL) is
// not read; an information on the reference says so, in the editor as on the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { analyseFiles, seen } from './helpers';

test('remote-reference: an information on each remote include and extends file', () => {
  const r = analyseFiles({
    'compose.yaml': yaml`
      include:
        - oci://docker.io/example/monitoring:1.0
        - path: https://github.com/example/stack.git#main:compose.yaml
      services:
        web:
          extends:
            file: git@github.com:example/base.git
            service: web
    `,
  });
  assert.deepEqual(seen(r, ['remote-reference']), [
    'remote-reference compose.yaml: oci://docker.io/example/monitoring:1.0',
    'remote-reference compose.yaml: https://github.com/example/stack.git#main:compose.yaml',
    'remote-reference compose.yaml: git@github.com:example/base.git',
  ]);
  const notes = r.findings.filter((f) => f.code === 'remote-reference');
  assert.deepEqual(
    notes.map((f) => [f.severity, f.message]),
    [
      ['info', 'remote include: not read; findings may be incomplete.'],
      ['info', 'remote include: not read; findings may be incomplete.'],
      ['info', 'remote extends file: not read; findings may be incomplete.'],
    ],
  );
  assert.ok(notes.every((f) => f.explanation?.includes('fetches')));
});

test('remote-reference: a local include is not one', () => {
  const r = analyseFiles({
    'compose.yaml': 'include:\n  - sub/compose.yaml\n',
    'sub/compose.yaml': 'services:\n  web:\n    image: nginx\n',
  });
  assert.deepEqual(seen(r, ['remote-reference']), []);
});
