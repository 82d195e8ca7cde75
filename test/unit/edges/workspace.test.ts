// workspace.ts and protocol.ts: which file names are compose files (defaults and
// gatewayLens.files globs), compose's file order, workspace folders, the disk cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  composeDocumentFilters,
  normalizeGlob,
  serverDocumentFilters,
  WATCHED_FILE_GLOBS,
} from '../../../server/src/protocol';
import { DiskFiles, globMatcher, isComposeFileName, stripBom, WorkspaceFolders } from '../../../server/src/workspace';

test('globs: ** crosses folders, * and ? do not, braces and classes', () => {
  const cases: [string, string, boolean][] = [
    ['**/docker-compose*.{yml,yaml}', '/a/b/docker-compose.yml', true],
    ['**/docker-compose*.{yml,yaml}', '/a/docker-compose.prod.yaml', true],
    ['**/docker-compose*.{yml,yaml}', 'docker-compose.yml', true],
    ['**/docker-compose*.{yml,yaml}', '/a/docker-compose.yml.bak', false],
    ['**/docker-compose*.{yml,yaml}', '/a/my-docker-compose.yml', false],
    ['*.yml', '/a/b.yml', false],
    ['/a/*.yml', '/a/b.yml', true],
    ['/a/*.yml', '/a/c/b.yml', false],
    ['/a/**/b.yml', '/a/x/y/b.yml', true],
    ['/a/?.yml', '/a/bb.yml', false],
    ['**/stack-[0-9].yml', '/s/stack-3.yml', true],
    ['**/stack-[!0-9].yml', '/s/stack-3.yml', false],
    ['**/a+b (1).yml', '/x/a+b (1).yml', true],
  ];
  for (const [glob, file, expected] of cases) assert.equal(globMatcher(glob)(file), expected, `${glob} ~ ${file}`);
});

test('crafted globs in gatewayLens.files cannot stall the server (the old translation to RegExp hung)', () => {
  const file = `/home/u/project/${'a'.repeat(60)}/docker-compose.yml`;
  const globs = [
    `${'*a'.repeat(30)}X`,
    `**/${'*?a'.repeat(30)}X`,
    `${'**/'.repeat(40)}X`,
    `**/${'{a,aa}*'.repeat(15)}X`,
    `**/${'[a]*'.repeat(30)}X`,
  ];
  const start = performance.now();
  assert.equal(isComposeFileName(file.replace('docker-compose', 'stack'), globs), false);
  assert.equal(isComposeFileName(file, globs), true);
  assert.ok(performance.now() - start < 2000, `${Math.round(performance.now() - start)} ms`);
  // Folders and files whose names start with a dot match, as in VS Code.
  assert.equal(isComposeFileName('/p/.deploy/stack-web.yml', ['stack-*.yml']), true);
});

test('compose file names: the defaults, and extra globs anywhere in the tree', () => {
  const cases: [string, string[], boolean][] = [
    ['/p/docker-compose.yml', [], true],
    ['/p/docker-compose.override.yaml', [], true],
    ['/p/compose.yaml', [], true],
    ['/p/compose.prod.yml', [], true],
    ['C:\\p\\compose.yml', [], true],
    ['/p/traefik.yml', [], false],
    ['/p/stack-web.yml', [], false],
    ['/p/stack-web.yml', ['stack-*.yml'], true],
    ['/p/deep/stack-web.yml', ['**/stack-*.yml'], true],
    ['/p/stack-web.yml', ['other.yml'], false],
  ];
  for (const [file, globs, expected] of cases)
    assert.equal(isComposeFileName(file, globs), expected, `${file} ${globs}`);
});

test('user globs match anywhere unless anchored; the document selector uses them', () => {
  assert.equal(normalizeGlob('stack-*.yml'), '**/stack-*.yml');
  assert.equal(normalizeGlob('./deploy/*.yml'), '**/deploy/*.yml');
  assert.equal(normalizeGlob('**/x.yml'), '**/x.yml');
  assert.equal(normalizeGlob('/abs/x.yml'), '/abs/x.yml');
  const filters = composeDocumentFilters(['stack-*.yml', ' ']);
  assert.deepEqual(filters[0], { scheme: 'file', language: 'dockercompose' });
  assert.ok(filters.some((f) => f.language === 'yaml' && f.pattern === '**/stack-*.yml'));
  assert.ok(filters.some((f) => f.language === 'yaml' && f.pattern === '**/docker-compose*.{yml,yaml}'));
  assert.equal(filters.filter((f) => f.pattern === undefined).length, 1);
  assert.equal(filters.length, 1 + 3 * 2);
});

test('the client sends env files to the server (any language), and the server watches them', () => {
  const filters = serverDocumentFilters([]);
  const env = filters
    .filter((f) => f.language === undefined && f.pattern !== undefined && !f.pattern.includes('yml'))
    .map((f) => globMatcher(f.pattern!));
  const watched = WATCHED_FILE_GLOBS.map(globMatcher);
  for (const file of ['app/.env', 'app/stack.env', 'app/.env.prod', '.env']) {
    assert.ok(
      env.some((m) => m(file)),
      `sent: ${file}`,
    );
    assert.ok(
      watched.some((m) => m(file)),
      `watched: ${file}`,
    );
  }
  assert.ok(!env.some((m) => m('app/compose.yaml') || m('app/environment.ts')));
});

test('a file belongs to the innermost workspace folder', () => {
  const folders = new WorkspaceFolders();
  folders.set([
    { uri: 'file:///w', path: '/w' },
    { uri: 'file:///w/inner', path: '/w/inner' },
  ]);
  assert.equal(folders.folderOf('/w/inner/a/compose.yml')?.uri, 'file:///w/inner');
  assert.equal(folders.folderOf('/w/a/compose.yml')?.uri, 'file:///w');
  assert.equal(folders.folderOf('/wx/compose.yml'), undefined);
});

test('disk files: BOM stripped, re-read when changed, undefined when missing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-disk-'));
  try {
    const file = path.join(dir, 'compose.yml');
    fs.writeFileSync(file, '\ufeffservices: {}\n');
    const disk = new DiskFiles();
    assert.equal(disk.read(file), 'services: {}\n');
    fs.writeFileSync(file, 'services:\n  a: {}\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(disk.read(file), 'services:\n  a: {}\n');
    assert.deepEqual(await disk.list(dir), [file]);
    assert.equal(disk.read(path.join(dir, 'missing.yml')), undefined);
    assert.equal(disk.read(dir), undefined);
    assert.deepEqual(await disk.list(path.join(dir, 'missing')), []);
    assert.equal(stripBom('x'), 'x');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('disk files: a folder listing is reused while the folder mtime is unchanged', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-list-'));
  const old = new Date(Date.now() - 10_000);
  const older = new Date(Date.now() - 20_000);
  try {
    const a = path.join(dir, 'compose.yml');
    fs.writeFileSync(a, 'services: {}\n');
    fs.utimesSync(dir, old, old);
    const disk = new DiskFiles();
    assert.deepEqual(await disk.list(dir), [a]);
    // Same mtime: the kept listing (a real change always moves the folder's mtime).
    const b = path.join(dir, 'compose.override.yml');
    fs.writeFileSync(b, 'services: {}\n');
    fs.utimesSync(dir, old, old);
    assert.deepEqual(await disk.list(dir), [a]);
    // A caller changing the returned list does not change the kept one.
    (await disk.list(dir)).push('x');
    assert.deepEqual(await disk.list(dir), [a]);
    // Another mtime: listed again.
    fs.utimesSync(dir, older, older);
    assert.deepEqual((await disk.list(dir)).sort(), [b, a].sort());
    // Changed just now: listed again every time until it settles.
    fs.rmSync(b);
    assert.deepEqual(await disk.list(dir), [a]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
