// The compose project name (the default rule's `<service>-<project>` and Traefik's names use
// it): COMPOSE_PROJECT_NAME (shell, then .env), else top-level `name:` wherever it stands outside
// the services (interpolated), else the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';

const FILE = '/tmp/Dir/docker-compose.yml';
const cases: [string, string, string, string?][] = [
  ['before the services', 'name: shop\nservices:\n  a:\n    image: x\n', 'shop'],
  ['after the services', 'services:\n  a:\n    image: x\nname: late\n', 'late'],
  ['quoted, upper case', 'name: "My.Shop"\nservices:\n  a:\n    image: x\n', 'myshop'],
  ['a service key named name', 'services:\n  a:\n    image: x\n    name: inner\n', 'dir'],
  ['a label named name', 'x-a: 1\nservices:\n  a:\n    labels:\n      name: y\n', 'dir'],
  ['an unset variable', 'name: ${PROJECT}\nservices:\n  a:\n    image: x\n', 'dir'],
  ['a variable from .env', 'name: ${PROJECT}\nservices:\n  a:\n    image: x\n', 'fromenv', 'PROJECT=FromEnv\n'],
  ['a defaulted variable', 'name: ${PROJECT:-shop}\nservices:\n  a:\n    image: x\n', 'shop'],
  [
    'COMPOSE_PROJECT_NAME in .env wins',
    'name: shop\nservices:\n  a:\n    image: x\n',
    'gw',
    'COMPOSE_PROJECT_NAME=gw\n',
  ],
];

for (const [name, text, want, dotenv] of cases) {
  test(`project name: ${name}`, () => {
    const project = new Analyzer().project({
      files: [{ file: FILE, text }],
      environment: dotenv === undefined ? undefined : { files: [{ file: '/tmp/Dir/.env', text: dotenv }] },
    });
    assert.equal(project.name, want);
  });
}

test('project name: the shell beats .env', () => {
  const project = new Analyzer().project({
    files: [{ file: FILE, text: 'services:\n  a:\n    image: x\n' }],
    environment: {
      files: [{ file: '/tmp/Dir/.env', text: 'COMPOSE_PROJECT_NAME=a\n' }],
      shell: { COMPOSE_PROJECT_NAME: 'b' },
    },
  });
  assert.equal(project.name, 'b');
});

// compose-go loader/loader.go projectName reads name: from the -f files only; cli/options.go
// withNamePrecedenceLoad falls back to the working directory, which --project-directory sets.
const given: [string, { root: string; included?: string; projectDirectory?: string }, string][] = [
  [
    'an included file names its own project: not this one',
    { root: 'name: edge\ninclude: [apps/c.yaml]\n', included: 'name: apps\n' },
    'edge',
  ],
  [
    'an included name: with none in the given file',
    { root: 'include: [apps/c.yaml]\n', included: 'name: apps\n' },
    'dir',
  ],
  [
    '--project-directory names the folder',
    { root: 'services:\n  a:\n    image: x\n', projectDirectory: '/tmp/Proj' },
    'proj',
  ],
];
for (const [name, setup, want] of given) {
  test(`project name: ${name}`, () => {
    const project = new Analyzer().project({
      files: [{ file: FILE, text: setup.root }],
      readFile: (f) => (f === '/tmp/Dir/apps/c.yaml' ? `${setup.included}services:\n  b:\n    image: y\n` : undefined),
      projectDirectory: setup.projectDirectory,
    });
    assert.equal(project.name, want);
  });
}
