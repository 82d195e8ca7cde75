// Where a compose fragment runs (compose/project/fragments.ts): over the default project above
// it, in a -f set with the other fragments over that base, keeping what holds in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agreedFindings,
  defaultProjectAbove,
  fragmentsOver,
  withSiblingFragments,
} from '../../../server/src/analysis/compose/project';
import { Analyzer, type Finding } from '../../../server/src/analysis';

const DEFAULTS: Record<string, string[]> = {
  '/h': ['/h/compose.yaml'],
  '/h/stack': ['/h/stack/compose.yml', '/h/stack/compose.override.yml'],
  '/h/services/app': ['/h/services/app/compose.yaml'],
};
const defaultsOf = (dir: string): string[] => DEFAULTS[dir] ?? [];

const ABOVE: [string, string, string | undefined, string[]][] = [
  ['the nearest folder above with a default project', '/h/services/app', '/h', ['/h/compose.yaml']],
  ['its own folder does not count', '/h/stack', '/h', ['/h/compose.yaml']],
  ['base with its override, in merge order', '/h/stack/x', '/h', DEFAULTS['/h/stack']],
  ['none above within the top', '/h/services/app', '/h/services', []],
  ['a folder outside the top', '/other/app', '/h', []],
  ['no top', '/h/services/app', undefined, []],
  ['the top itself has nothing above', '/h', '/h', []],
];

for (const [name, folder, top, expect] of ABOVE) {
  test(`defaultProjectAbove: ${name}`, () => {
    assert.deepEqual(defaultProjectAbove(folder, top, defaultsOf), expect);
  });
}

test('withSiblingFragments: the base, the others in path order, the fragment last', () => {
  assert.deepEqual(
    withSiblingFragments(['/h/compose.yaml'], '/h/b/c.yaml', ['/h/c/c.yaml', '/h/a/c.yaml', '/h/b/c.yaml']),
    ['/h/compose.yaml', '/h/a/c.yaml', '/h/c/c.yaml', '/h/b/c.yaml'],
  );
});

const finding = (code: string, file: string, start: number, end = start + 4): Finding =>
  ({ code, severity: 'error', message: code, file, range: { start, end } }) as Finding;

const AGREED: [string, Finding[], Finding[], string[]][] = [
  [
    'a finding the set settles is left out',
    [finding('network-unreachable', '/f', 10), finding('undefined-entrypoint', '/f', 40)],
    [finding('undefined-entrypoint', '/f', 40)],
    ['undefined-entrypoint'],
  ],
  [
    'same code elsewhere in the file does not count',
    [finding('undefined-middleware', '/f', 10)],
    [finding('undefined-middleware', '/f', 20)],
    [],
  ],
  ['findings in other files are kept', [finding('unknown-label', '/base', 5)], [], ['unknown-label']],
  ['one the set adds is not reported', [], [finding('route-conflict', '/f', 3)], []],
];

for (const [name, alone, merged, expect] of AGREED) {
  test(`agreedFindings: ${name}`, () => {
    assert.deepEqual(
      agreedFindings(alone, merged, '/f').map((f) => f.code),
      expect,
    );
  });
}

const TEXTS: Record<string, string> = {
  '/h/compose.yaml': 'services:\n  traefik:\n    image: traefik:v3\n',
  '/h/compose.net.yaml': 'services:\n  traefik:\n    networks: [proxy]\n',
  '/h/compose.full.yaml': 'services:\n  web:\n    image: nginx\n',
  '/h/services/app/compose.yaml': 'services:\n  app:\n    networks: [proxy]\n',
  '/h/services/db/compose.yaml': 'services:\n  db:\n    image: postgres\n',
  '/h/stack/compose.yml': 'services:\n  web:\n    image: nginx\n',
  '/h/stack/compose.override.yml': 'services:\n  web:\n    ports: ["80:80"]\n',
  '/h/stack/x/compose.yaml': 'services:\n  web:\n    labels: [a=b]\n',
};
const analyzer = new Analyzer();
const isFragment = (file: string): boolean => {
  const parsed = analyzer.parse({ file, text: TEXTS[file] ?? '' });
  return parsed.services.some((s) => !s.image && !s.build);
};
const FOLDERS = [
  {
    folder: '/h',
    listed: ['/h/compose.yaml', '/h/compose.net.yaml', '/h/compose.full.yaml'],
    defaults: DEFAULTS['/h'],
  },
  { folder: '/h/services/app', listed: ['/h/services/app/compose.yaml'], defaults: DEFAULTS['/h/services/app'] },
  { folder: '/h/services/db', listed: ['/h/services/db/compose.yaml'], defaults: ['/h/services/db/compose.yaml'] },
  { folder: '/h/stack', listed: DEFAULTS['/h/stack'], defaults: DEFAULTS['/h/stack'] },
  { folder: '/h/stack/x', listed: ['/h/stack/x/compose.yaml'], defaults: ['/h/stack/x/compose.yaml'] },
];

test('fragmentsOver: the variants of the base folder and the fragments alone below going over that base', () => {
  const above = (dir: string): string[] => defaultProjectAbove(dir, '/h', defaultsOf);
  // compose.full.yaml runs alone (it has an image); services/db too; stack/x goes over stack/.
  assert.deepEqual(fragmentsOver(['/h/compose.yaml'], FOLDERS, isFragment, above), [
    '/h/compose.net.yaml',
    '/h/services/app/compose.yaml',
  ]);
  assert.deepEqual(fragmentsOver(DEFAULTS['/h/stack'], FOLDERS, isFragment, above), ['/h/stack/x/compose.yaml']);
});
