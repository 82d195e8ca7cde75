// The `gateway-lens` command on the file-provider fixtures (test/fixtures/fileprovider): one
// project per form Traefik's file provider reads, each finding asserted by code and the text it
// underlines, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { built } from '../support/build';

const CLI = built('cli.js');
const ROOT = path.join(__dirname, '..', 'fixtures', 'fileprovider');

const cases: { folder: string; expect: string[] }[] = [
  { folder: 'file-yaml', expect: ['error undefined-middleware secure-header@file'] },
  { folder: 'directory', expect: [] },
  { folder: 'toml', expect: ['error undefined-middleware ratelimitt@file'] },
  {
    // The tab-indented line is where YAML stops: the refused file's own error, and its knock-on.
    folder: 'refused',
    expect: ['error undefined-middleware auth@file', 'error invalid-dynamic-file \t  '],
  },
  { folder: 'unseen', expect: [] },
  // A file router with priority 1000 takes every request of the label router "api".
  { folder: 'routing-shadow', expect: ['warning route-shadowed Host(`app.example.com`) && PathPrefix(`/api`)'] },
  {
    // Same default priority (rule length) across providers: reported on the label and in the file.
    folder: 'routing-tie',
    expect: [
      'warning priority-tie Host(`shop.example.com`) && PathPrefix(`/a`)',
      'warning priority-tie PathPrefix(`/a`) && Host(`shop.example.com`)',
    ],
  },
  {
    // headers.yml is refused, and with it the whole directory: compress@file goes too.
    folder: 'unknown-key',
    expect: [
      'error undefined-middleware compress@file',
      'error undefined-middleware headers@file',
      'error unknown-dynamic-key frameDenny',
    ],
  },
];

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
}

function slice(row: Row): string {
  const lines = fs.readFileSync(row.file, 'utf8').split('\n');
  if (row.line !== row.endLine) return lines[row.line - 1].slice(row.column - 1);
  return lines[row.line - 1].slice(row.column - 1, row.endColumn - 1);
}

for (const c of cases) {
  test(`file provider fixture ${c.folder}`, () => {
    const dir = path.join(ROOT, c.folder);
    const out = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'docker-compose.yml'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(out.stderr, '');
    const rows = JSON.parse(out.stdout) as Row[];
    const got = rows.map((r) => `${r.severity} ${r.code} ${slice({ ...r, file: path.resolve(dir, r.file) })}`);
    assert.deepEqual(got, c.expect);
  });
}

test('gateway-lens route: a file-provider router serves, named <name>@file, located in its file', () => {
  const dir = path.join(ROOT, 'routing-shadow');
  const out = spawnSync(
    process.execPath,
    [CLI, 'route', '--format', 'json', '--url', 'http://app.example.com/api/x', 'docker-compose.yml'],
    { cwd: dir, encoding: 'utf8' },
  );
  assert.equal(out.status, 0, out.stderr);
  const answer = JSON.parse(out.stdout) as { router: string; service: string; candidates: { router: string }[] };
  assert.equal(answer.router, 'app@file');
  assert.equal(answer.service, 'legacy@file');
  assert.deepEqual(
    answer.candidates.map((c) => c.router),
    ['app@file', 'api@docker'],
  );
});
