// Which files compose loads together (compose-go cli/options.go): -f, COMPOSE_FILE with
// COMPOSE_PATH_SEPARATOR, the default names and their override sibling, up the parent folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import {
  folderDefaultFiles,
  folderProjects,
  isOverrideFragment,
  selectComposeFiles,
} from '../../../server/src/analysis/compose/project';
import { Analyzer } from '../../../server/src/analysis';

const cases: {
  name: string;
  exist: string[];
  files?: string[];
  env?: Record<string, string>;
  cwd?: string;
  projectDirectory?: string;
  expect: string[] | undefined;
  source?: string;
  notes?: number;
}[] = [
  { name: 'docker-compose.yml alone', exist: ['/w/docker-compose.yml'], expect: ['/w/docker-compose.yml'] },
  {
    name: 'compose.yaml wins over docker-compose.yml, and compose says so',
    exist: ['/w/docker-compose.yml', '/w/compose.yaml'],
    expect: ['/w/compose.yaml'],
    notes: 1,
  },
  {
    name: 'compose.yml before docker-compose.yml',
    exist: ['/w/compose.yml', '/w/docker-compose.yml'],
    expect: ['/w/compose.yml'],
    notes: 1,
  },
  {
    name: 'docker-compose.yml before docker-compose.yaml',
    exist: ['/w/docker-compose.yaml', '/w/docker-compose.yml'],
    expect: ['/w/docker-compose.yml'],
    notes: 1,
  },
  {
    name: 'the override sibling is added after the base',
    exist: ['/w/docker-compose.yml', '/w/docker-compose.override.yml'],
    expect: ['/w/docker-compose.yml', '/w/docker-compose.override.yml'],
  },
  {
    name: 'any override name goes with any base name (compose.override.yml first)',
    exist: ['/w/docker-compose.yml', '/w/compose.override.yml', '/w/docker-compose.override.yaml'],
    expect: ['/w/docker-compose.yml', '/w/compose.override.yml'],
    notes: 1,
  },
  { name: 'an override alone is not a project', exist: ['/w/docker-compose.override.yml'], expect: undefined },
  { name: 'other names are not found', exist: ['/w/docker-compose.prod.yml'], expect: undefined },
  {
    name: 'found in a parent folder',
    exist: ['/compose.yaml'],
    cwd: '/w/sub',
    expect: ['/compose.yaml'],
  },
  {
    name: '-f as given, relative to the working directory, defaults ignored',
    exist: ['/w/compose.yaml', '/w/compose.override.yml'],
    files: ['a.yml', '../b.yml'],
    expect: ['/w/a.yml', '/b.yml'],
    source: 'flag',
  },
  {
    name: 'COMPOSE_FILE split on the OS separator',
    exist: ['/w/compose.yaml'],
    env: { COMPOSE_FILE: 'base.yml:dash.yml' },
    expect: ['/w/base.yml', '/w/dash.yml'],
    source: 'COMPOSE_FILE',
  },
  {
    name: 'COMPOSE_PATH_SEPARATOR',
    exist: [],
    env: { COMPOSE_FILE: 'base.yml,dash.yml', COMPOSE_PATH_SEPARATOR: ',' },
    expect: ['/w/base.yml', '/w/dash.yml'],
  },
  {
    name: '-f wins over COMPOSE_FILE',
    exist: [],
    files: ['x.yml'],
    env: { COMPOSE_FILE: 'base.yml' },
    expect: ['/w/x.yml'],
  },
  {
    name: '--project-directory is where the default names are looked for',
    exist: ['/w/compose.yaml', '/other/docker-compose.yml'],
    projectDirectory: '/other',
    expect: ['/other/docker-compose.yml'],
  },
];

for (const c of cases) {
  test(`files: ${c.name}`, () => {
    const exist = new Set(c.exist);
    const got = selectComposeFiles({
      cwd: c.cwd ?? '/w',
      files: c.files,
      projectDirectory: c.projectDirectory,
      env: (n) => c.env?.[n],
      exists: (f) => exist.has(f),
      delimiter: ':',
    });
    assert.deepEqual(got?.files, c.expect);
    if (c.source) assert.equal(got?.source, c.source);
    if (got) assert.equal(got.notes.length, c.notes ?? 0, got.notes.join('; '));
  });
}

test('files: the project directory is the first file’s folder unless given', () => {
  const got = selectComposeFiles({ cwd: '/w', files: ['sub/a.yml', 'b.yml'], exists: () => false });
  assert.equal(got?.projectDirectory, '/w/sub');
  const given = selectComposeFiles({ cwd: '/w', files: ['sub/a.yml'], projectDirectory: '.', exists: () => false });
  assert.equal(given?.projectDirectory, '/w');
});

// The editor's grouping of a folder (trial P13, P2): the default project is what `docker compose`
// loads there; an alternative file (docker-compose.traefik.yml, docker-compose.prod.yml) is not in it.
const folders: { name: string; exist: string[]; env?: Record<string, string>; expect: string[] }[] = [
  {
    name: 'base, override and an alternative file',
    exist: ['/w/docker-compose.yml', '/w/docker-compose.override.yml', '/w/docker-compose.traefik.yml'],
    expect: ['/w/docker-compose.yml', '/w/docker-compose.override.yml'],
  },
  { name: 'only an alternative file: no default project', exist: ['/w/docker-compose.prod.yml'], expect: [] },
  { name: 'a default name in a parent folder is not looked for', exist: ['/compose.yaml'], expect: [] },
  {
    name: 'COMPOSE_FILE names the set',
    exist: ['/w/docker-compose.yml', '/w/docker-compose.prod.yml'],
    env: { COMPOSE_FILE: `docker-compose.yml${path.delimiter}docker-compose.prod.yml` },
    expect: ['/w/docker-compose.yml', '/w/docker-compose.prod.yml'],
  },
];
for (const c of folders) {
  test(`files: folder default project: ${c.name}`, () => {
    const exist = new Set(c.exist);
    assert.deepEqual(
      folderDefaultFiles(
        '/w',
        (n) => c.env?.[n],
        (f) => exist.has(f),
      ),
      c.expect,
    );
  });
}

const FRAGMENTS: [string, string, boolean][] = [
  ['a whole service', 'services:\n  web:\n    image: nginx\n', false],
  ['a service with neither image nor build', 'services:\n  web:\n    ports: ["80:80"]\n', true],
  ['a service extending another', 'services:\n  web:\n    extends: { file: base.yml, service: app }\n', false],
  [
    'a network the file defines',
    'services:\n  web:\n    image: nginx\n    networks: [proxy]\nnetworks:\n  proxy: {}\n',
    false,
  ],
  ['compose’s own default network', 'services:\n  web:\n    image: nginx\n    networks: [default]\n', false],
  [
    'a network only the base defines (compose refuses it alone)',
    'services:\n  web:\n    image: nginx\n    networks: [internal]\n',
    true,
  ],
  [
    'the long form names the network by its key',
    'services:\n  web:\n    image: nginx\n    networks:\n      internal:\n        aliases: [w]\n',
    true,
  ],
  [
    'a network named by a variable is not judged',
    'services:\n  web:\n    image: nginx\n    networks: ["${NET}"]\n',
    false,
  ],
];

for (const [name, text, fragment] of FRAGMENTS) {
  test(`isOverrideFragment: ${name}`, () => {
    assert.equal(isOverrideFragment(new Analyzer().parse({ file: '/w/compose.node-1.yaml', text })), fragment);
  });
}

// The base a fragment of the folder goes over (trial6 min-2): the first default file when it
// writes every service the fragment overrides, else the folder's whole default project (a
// COMPOSE_FILE list whose first entry holds only the tests).
const SERVICES: Record<string, string[]> = {
  '/w/compose.yml': ['web', 'db'],
  '/w/compose.override.yml': ['web'],
  '/w/compose.prod.yml': ['web'],
  '/w/test.yml': ['tests'],
  '/w/shared.yml': ['proxy', 'backend'],
  '/w/deploy.yml': ['backend'],
};
const BASES: [string, string[], string, string[]][] = [
  [
    'the first default file writes the service: over it alone, without the override',
    ['/w/compose.yml', '/w/compose.override.yml'],
    '/w/compose.prod.yml',
    ['/w/compose.yml', '/w/compose.prod.yml'],
  ],
  [
    'the first COMPOSE_FILE entry lacks it: over the whole default project',
    ['/w/test.yml', '/w/shared.yml'],
    '/w/deploy.yml',
    ['/w/test.yml', '/w/shared.yml', '/w/deploy.yml'],
  ],
];
for (const [name, defaults, file, expect] of BASES) {
  test(`folderProjects, the base of a fragment: ${name}`, () => {
    const [project] = folderProjects(
      [file],
      defaults,
      () => true,
      (f) => SERVICES[f] ?? [],
    );
    assert.deepEqual(project, { files: expect, only: file });
  });
}
