// missing-env-file for an env file the project keeps out of git (a template beside it, a
// .gitignore naming it): compose still refuses the project without it (compose-go loadEnvFile),
// but a clean clone lacks it by design, so a warning saying how to create it; otherwise an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';
import { ignores, localFile } from '../../../server/src/analysis/compose/project/localFile';

const service = (envFile: string): string => `services:\n  web:\n    image: nginx\n    env_file: ${envFile}\n`;

const cases: { name: string; text: string; mounted?: Record<string, string>; expect: string[] }[] = [
  {
    name: 'missing, nothing says it is local: an error',
    text: service('.env'),
    expect: ['error env file ".env" does not exist: create it, or write required: false'],
  },
  {
    name: 'a .env.example beside it',
    text: service('.env'),
    mounted: { '/project/.env.example': 'A=1\n' },
    expect: [
      'warning env file ".env" does not exist: create it from .env.example (compose refuses the project without it)',
    ],
  },
  {
    name: 'a template of another kind beside it (web.env.dist)',
    text: service('config/web.env'),
    mounted: { '/project/config/web.env.dist': 'A=1\n' },
    expect: [
      'warning env file "config/web.env" does not exist: create it from web.env.dist (compose refuses the project without it)',
    ],
  },
  {
    name: 'the project .gitignore names it',
    text: service('secrets/app.env'),
    mounted: { '/project/.gitignore': 'node_modules/\n*.env\n' },
    expect: [
      'warning env file "secrets/app.env" does not exist: create it (it is gitignored) (compose refuses the project without it)',
    ],
  },
  {
    name: 'a .gitignore that un-ignores it again: an error',
    text: service('app.env'),
    mounted: { '/project/.gitignore': '*.env\n!app.env\n' },
    expect: ['error env file "app.env" does not exist: create it, or write required: false'],
  },
  {
    name: 'a .gitignore about other files: an error',
    text: service('.env'),
    mounted: { '/project/.gitignore': 'dist/\n.env.local\n' },
    expect: ['error env file ".env" does not exist: create it, or write required: false'],
  },
  {
    name: 'required: false: nothing',
    text: 'services:\n  web:\n    image: nginx\n    env_file:\n      - path: .env\n        required: false\n',
    expect: [],
  },
];

for (const c of cases) {
  test(`missing-env-file: ${c.name}`, () => {
    const found = run('missing-env-file', c.text, { mounted: c.mounted });
    assert.deepEqual(
      found.map((f) => `${f.severity} ${f.message}`),
      c.expect,
    );
    for (const f of found.filter((x) => x.severity === 'warning'))
      assert.match(f.explanation, /keeps it out of git \(.+\), so a clean clone \(CI\) lacks it by design/);
  });
}

const patterns: { gitignore: string; path: string; ignored: boolean | undefined }[] = [
  { gitignore: '.env', path: '.env', ignored: true },
  { gitignore: '.env', path: 'deploy/.env', ignored: true },
  { gitignore: '/.env', path: 'deploy/.env', ignored: undefined },
  { gitignore: '.env*\n!.env.example', path: '.env.example', ignored: false },
  { gitignore: 'secrets/', path: 'secrets/app.env', ignored: true },
  { gitignore: 'secrets/', path: 'secrets', ignored: undefined },
  { gitignore: 'config/**/*.env', path: 'config/a/b/web.env', ignored: true },
  { gitignore: '# .env\n\n', path: '.env', ignored: undefined },
  { gitignore: 'env?', path: 'env1', ignored: true },
];
for (const p of patterns) {
  test(`gitignore: ${JSON.stringify(p.gitignore)} on ${p.path}`, () => {
    assert.equal(ignores(p.gitignore, p.path), p.ignored);
  });
}

// Which .gitignore above the env file's folder counts (trial min-5: `.env` in the repository's
// root .gitignore ignores app/.env, `git check-ignore -v app/.env` -> .gitignore:1:.env).
const walks: {
  name: string;
  files: Record<string, string>;
  root?: string;
  ignoredBy: string | undefined;
}[] = [
  {
    name: 'the repository root .gitignore, no-slash pattern, one folder down',
    files: { '/repo/.git/HEAD': 'ref: refs/heads/main\n', '/repo/.gitignore': '.env\n' },
    ignoredBy: '/repo/.gitignore',
  },
  {
    name: 'a worktree or submodule: .git is a file',
    files: { '/repo/.git': 'gitdir: /elsewhere\n', '/repo/.gitignore': '*.env\n.env\n' },
    ignoredBy: '/repo/.gitignore',
  },
  {
    name: 'anchored to the root folder: /app/.env',
    files: { '/repo/.git/HEAD': 'x', '/repo/.gitignore': '/app/.env\n' },
    ignoredBy: '/repo/.gitignore',
  },
  {
    name: 'anchored elsewhere: /.env does not ignore app/.env',
    files: { '/repo/.git/HEAD': 'x', '/repo/.gitignore': '/.env\n' },
    ignoredBy: undefined,
  },
  {
    name: 'the folder itself ignored: app/',
    files: { '/repo/.git/HEAD': 'x', '/repo/.gitignore': 'app/\n' },
    ignoredBy: '/repo/.gitignore',
  },
  {
    name: 'a nearer .gitignore re-includes it',
    files: { '/repo/.git/HEAD': 'x', '/repo/.gitignore': '.env\n', '/repo/app/.gitignore': '!.env\n' },
    ignoredBy: undefined,
  },
  {
    name: "a .gitignore above the repository root is not the repository's",
    files: { '/repo/.git/HEAD': 'x', '/.gitignore': '.env\n' },
    ignoredBy: undefined,
  },
  {
    name: "no repository: up to the run's root",
    files: { '/repo/.gitignore': '.env\n' },
    root: '/repo',
    ignoredBy: '/repo/.gitignore',
  },
  {
    name: 'no repository, the run inside the project: the project folder only',
    files: { '/repo/.gitignore': '.env\n' },
    root: '/repo/app',
    ignoredBy: undefined,
  },
];
for (const w of walks) {
  test(`missing-env-file gitignore walk: ${w.name}`, () => {
    const local = localFile('/repo/app/.env', { project: '/repo/app', root: w.root }, (f) => w.files[f]);
    assert.equal(local.ignoredBy, w.ignoredBy);
  });
}
