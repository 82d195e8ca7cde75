// yaml-syntax and scale-container-name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

test('yaml-syntax: error at the parser position, other services still read', () => {
  const text = 'services:\n  a:\n    image: [x\n  b:\n    image: y\n';
  const got = run('yaml-syntax', text);
  assert.ok(got.length >= 1);
  assert.equal(got[0].severity, 'error');
});

test('yaml-syntax: a valid file has none', () => {
  assert.deepEqual(run('yaml-syntax', 'services:\n  a:\n    image: x\n'), []);
});

const scale = (replicas: string, containerName = 'container_name: my-api') => yaml`
  services:
    api:
      image: app
      ${containerName}
      deploy:
        replicas: ${replicas}
`;

const cases = [
  { name: 'replicas 2 with container_name', text: scale('2'), expect: ['my-api'] },
  { name: 'replicas 1 with container_name', text: scale('1'), expect: [] },
  { name: 'replicas 3 without container_name', text: scale('3', ''), expect: [] },
  { name: 'replicas from a variable', text: scale('${REPLICAS}'), expect: [] },
];

for (const c of cases) {
  test(`scale-container-name: ${c.name}`, () => {
    assert.deepEqual(
      run('scale-container-name', c.text).map((f) => f.text),
      c.expect,
    );
  });
}
