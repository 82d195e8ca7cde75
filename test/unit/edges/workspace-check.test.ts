// workspaceCheck.ts: the bounded walk that finds the workspace's compose projects, and which
// folders the background check covers.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, readSettings } from '../../../server/src/settings';
import { WorkspaceFolders } from '../../../server/src/workspace';
import { inSkippedFolder, scanComposeFolders, WorkspaceCheck } from '../../../server/src/workspaceCheck';

const roots: string[] = [];
after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** A tree of files (relative path -> text) in a temp folder. */
function tree(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-scan-'));
  roots.push(root);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), 'services: {}\n');
  }
  return root;
}

const LIMITS = { directories: 100, depth: 12, projects: 100 };
const rel = (root: string, folders: string[]): string[] => folders.map((f) => path.relative(root, f) || '.').sort();

test('scan: compose names and extra globs, skipping node_modules and .git', async () => {
  const root = tree([
    'docker-compose.yml',
    'a/compose.yaml',
    'a/b/docker-compose.prod.yml',
    'c/stack-1.yml',
    'c/notes.yml',
    'node_modules/x/docker-compose.yml',
    '.git/docker-compose.yml',
    '.devcontainer/docker-compose.yml',
  ]);
  const found = await scanComposeFolders(
    [root],
    () => [],
    () => false,
    LIMITS,
  );
  assert.deepEqual(rel(root, found.folders), ['.', '.devcontainer', 'a', 'a/b']);
  assert.equal(found.truncated, undefined);
  const globbed = await scanComposeFolders(
    [root],
    () => ['stack-*.yml'],
    () => false,
    LIMITS,
  );
  assert.deepEqual(rel(root, globbed.folders), ['.', '.devcontainer', 'a', 'a/b', 'c']);
});

test('scan: each limit stops the walk and says which; cancelling stops it too', async () => {
  const root = tree([
    'docker-compose.yml',
    'a/docker-compose.yml',
    'a/b/docker-compose.yml',
    'a/b/c/docker-compose.yml',
  ]);
  const depth = await scanComposeFolders(
    [root],
    () => [],
    () => false,
    { ...LIMITS, depth: 1 },
  );
  assert.deepEqual([rel(root, depth.folders), depth.truncated], [['.', 'a'], 'depth']);
  const projects = await scanComposeFolders(
    [root],
    () => [],
    () => false,
    { ...LIMITS, projects: 2 },
  );
  assert.deepEqual([rel(root, projects.folders), projects.truncated], [['.', 'a'], 'projects']);
  const dirs = await scanComposeFolders(
    [root],
    () => [],
    () => false,
    { ...LIMITS, directories: 3 },
  );
  assert.deepEqual([rel(root, dirs.folders), dirs.truncated], [['.', 'a', 'a/b'], 'directories']);
  let reads = 0;
  const cancelled = await scanComposeFolders(
    [root],
    () => [],
    () => ++reads > 2,
    LIMITS,
  );
  assert.deepEqual(rel(root, cancelled.folders), ['.', 'a']);
});

test('covers: only with check=workspace, inside a workspace folder, outside skipped folders', () => {
  const folders = new WorkspaceFolders();
  folders.set([{ uri: 'file:///ws', path: path.sep + 'ws' }]);
  const check = new WorkspaceCheck({
    folders,
    settingsFor: async () => DEFAULT_SETTINGS,
    idle: async () => undefined,
    check: async () => undefined,
    log: () => undefined,
  });
  const inside = path.join(path.sep, 'ws', 'app');
  assert.equal(DEFAULT_SETTINGS.check, 'workspace');
  assert.equal(check.covers(inside, DEFAULT_SETTINGS), true);
  assert.equal(check.covers(inside, readSettings({ check: 'openFiles' })), false);
  assert.equal(check.covers(path.join(path.sep, 'elsewhere'), DEFAULT_SETTINGS), false);
  assert.equal(check.covers(path.join(path.sep, 'ws', 'node_modules', 'x'), DEFAULT_SETTINGS), false);
  assert.equal(inSkippedFolder(path.join('a', '.git', 'b')), true);
  assert.equal(readSettings({ check: 'bogus' }).check, 'workspace');
});
