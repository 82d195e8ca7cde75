// missing-env-file: compose refuses a project whose started service names an env_file that does
// not exist (compose-go types/project.go loadEnvFile: "env file … not found"), unless the long
// form says `required: false`; an include's env_file is stat'ed too (loader/include.go
// ApplyInclude). Relative paths resolve from the project directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProject } from '../../../server/src/analysis';
import { analyseFiles, seen } from './helpers';

const app = (envFile: string, extra = ''): string =>
  `services:\n  app:\n    image: nginx\n${extra}    env_file:${envFile}\n`;

const cases: {
  name: string;
  texts: Record<string, string>;
  given?: string[];
  projectDirectory?: string;
  profiles?: string[];
  found: string[];
}[] = [
  {
    name: 'short form, missing: an error on the path',
    texts: { 'compose.yaml': app(' app.env') },
    found: ['missing-env-file compose.yaml: app.env'],
  },
  {
    name: 'short form, present: nothing',
    texts: { 'compose.yaml': app(' app.env'), 'app.env': 'A=1\n' },
    found: [],
  },
  {
    name: 'list form: only the missing entry',
    texts: { 'compose.yaml': app('\n      - app.env\n      - other.env'), 'app.env': 'A=1\n' },
    found: ['missing-env-file compose.yaml: other.env'],
  },
  {
    name: 'long form, required: false: compose lets it be',
    texts: { 'compose.yaml': app('\n      - path: app.env\n        required: false') },
    found: [],
  },
  {
    name: 'long form, required: a variable: not judged',
    texts: { 'compose.yaml': app('\n      - path: app.env\n        required: ${NEED}') },
    found: [],
  },
  {
    name: 'long form, required: true: an error',
    texts: { 'compose.yaml': app('\n      - path: app.env\n        required: true') },
    found: ['missing-env-file compose.yaml: app.env'],
  },
  {
    name: 'a path with a variable that has no value here: not judged',
    texts: { 'compose.yaml': app(' ${STAGE}.env') },
    found: [],
  },
  {
    name: 'a service the active profiles leave out: compose never reads its env_file',
    texts: { 'compose.yaml': app(' app.env', '    profiles: [debug]\n') },
    found: [],
  },
  {
    name: 'a service whose profile is active: an error',
    texts: { 'compose.yaml': app(' app.env', '    profiles: [debug]\n') },
    profiles: ['debug'],
    found: ['missing-env-file compose.yaml: app.env'],
  },
  {
    name: 'relative to the project directory, not the compose file folder',
    texts: { 'deploy/compose.yaml': app(' ./app.env'), 'app.env': 'A=1\n' },
    given: ['deploy/compose.yaml'],
    projectDirectory: '/p',
    found: [],
  },
  {
    name: "in an included file: from the included project's directory",
    texts: {
      'compose.yaml': 'include:\n  - sub/compose.yaml\n',
      'sub/compose.yaml': app(' app.env'),
      'app.env': 'A=1\n',
    },
    found: ['missing-env-file sub/compose.yaml: app.env'],
  },
  {
    name: "an include's env_file that does not exist",
    texts: {
      'compose.yaml': 'include:\n  - path: sub/compose.yaml\n    env_file: sub/stack.env\n',
      'sub/compose.yaml': 'services:\n  web:\n    image: nginx\n',
    },
    found: ['missing-env-file compose.yaml: sub/stack.env'],
  },
  {
    name: 'env_file /dev/null: nothing',
    texts: { 'compose.yaml': app(' /dev/null') },
    found: [],
  },
];

for (const c of cases) {
  test(`missing-env-file: ${c.name}`, () => {
    const r = analyseFiles(c.texts, c.given, {
      ...(c.projectDirectory ? { projectDirectory: c.projectDirectory } : {}),
      ...(c.profiles ? { profiles: c.profiles } : {}),
    });
    assert.deepEqual(seen(r, ['missing-env-file']), c.found);
  });
}

test('missing-env-file: an error with the fix', () => {
  const r = analyseFiles({ 'compose.yaml': app(' app.env') });
  const f = r.findings.find((x) => x.code === 'missing-env-file')!;
  assert.equal(f.severity, 'error');
  assert.equal(f.message, 'env file "app.env" does not exist: create it, or write required: false');
});

test('missing-env-file: without a way to read files (a lone text), nothing is judged', () => {
  const r = analyzeProject({ files: [{ file: '/p/compose.yaml', text: app(' app.env') }] });
  assert.deepEqual(seen(r, ['missing-env-file']), []);
});

test('missing-env-file: a file the workspace boundary refuses to read may exist', () => {
  const r = analyzeProject({
    files: [{ file: '/p/compose.yaml', text: app(' /secret/app.env') }],
    readFile: () => undefined,
    refused: (f) => f.startsWith('/secret/'),
  });
  assert.deepEqual(seen(r, ['missing-env-file']), []);
});
