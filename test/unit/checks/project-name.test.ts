// The compose project name (the default rule's `<service>-<project>` and Traefik's names use
// it): top-level `name:` wherever it stands outside the services, else the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectName } from '../../../server/src/analysis';
import { ComposeParser } from '../../../server/src/analysis/compose/parse';

const cases: [string, string, string][] = [
  ['before the services', 'name: shop\nservices:\n  a:\n    image: x\n', 'shop'],
  ['after the services', 'services:\n  a:\n    image: x\nname: late\n', 'late'],
  ['quoted, upper case', 'name: "My.Shop"\nservices:\n  a:\n    image: x\n', 'myshop'],
  ['a service key named name', 'services:\n  a:\n    image: x\n    name: inner\n', 'dir'],
  ['a label named name', 'x-a: 1\nservices:\n  a:\n    labels:\n      name: y\n', 'dir'],
  ['a variable', 'name: ${PROJECT}\nservices:\n  a:\n    image: x\n', 'dir'],
];

for (const [name, text, want] of cases) {
  test(`project name: ${name}`, () => {
    const file = new ComposeParser().parse('/tmp/Dir/docker-compose.yml', text);
    assert.equal(projectName([file]), want);
  });
}
