// The fixture projects under test/fixtures/projects, loaded from disk as the CLI loads them:
// the seed's gateway split over a base file, an override, an include and .env gives the findings
// of the same project merged by hand into one file; extends chains; profiles on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeProject, type AnalysisResult } from '../../../server/src/analysis';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'projects');

function load(project: string, files: string[], profiles: string[] = []): AnalysisResult {
  const dir = path.join(DIR, project);
  const read = (f: string): string | undefined => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  };
  return analyzeProject({
    files: files.map((f) => ({ file: path.join(dir, f), text: read(path.join(dir, f)) ?? '' })),
    readFile: read,
    profiles,
  });
}

/** A finding without its position: code, severity, message, and the messages of its notes. */
function positionless(r: AnalysisResult): string[] {
  return r.findings
    .map((f) => [f.code, f.severity, f.message, ...(f.related ?? []).map((x) => x.message)].join(' | '))
    .sort();
}

/** `code file:line text` for each finding, the line counted in its own file. */
function where(r: AnalysisResult, root: string): string[] {
  return r.findings.map((f) => {
    const text = fs.readFileSync(f.file, 'utf8');
    const line = text.slice(0, f.range.start).split('\n').length;
    return `${f.code} ${path.relative(path.join(DIR, root), f.file)}:${line} ${text.slice(f.range.start, f.range.end)}`;
  });
}

test('fixtures: the split gateway has the findings of the same project merged by hand', () => {
  const split = load('gateway-split', ['compose.yaml', 'compose.override.yaml']);
  const merged = load('gateway-merged', ['compose.yaml']);
  assert.ok(split.findings.length >= 3, 'the fixture has planted mistakes');
  assert.deepEqual(positionless(split), positionless(merged));
  // Each in the file that holds it.
  assert.deepEqual(where(split, 'gateway-split').sort(), [
    'invalid-value monitoring/compose.yaml:14 3000a',
    'undefined-entrypoint compose.yaml:32 websecur',
    'undefined-middleware compose.override.yaml:9 dashbord-auth',
  ]);
  assert.deepEqual(
    split.project.containers.map((c) => c.compose.name).sort(),
    merged.project.containers.map((c) => c.compose.name).sort(),
  );
});

test('fixtures: without the override the dashboard is gone, and so is its finding', () => {
  const base = load('gateway-split', ['compose.yaml']);
  assert.ok(!base.findings.some((f) => f.code === 'undefined-middleware'));
  assert.ok(
    base.findings.some((f) => f.code === 'invalid-value'),
    'the include still counts',
  );
});

test('fixtures: extends chains across files, with the override on top', () => {
  const r = load('extends', ['compose.yaml', 'compose.override.yaml']);
  assert.deepEqual(where(r, 'extends'), [
    'undefined-middleware compose.override.yaml:5 strip',
    'undefined-entrypoint compose.yaml:19 wbe',
  ]);
  const web = r.project.containers.find((c) => c.compose.name === 'web')!;
  assert.deepEqual(
    web.labels.map((l) => `${l.key} ${path.relative(path.join(DIR, 'extends'), l.file)}`),
    [
      'traefik.enable shared/base.yml',
      'traefik.http.services.app.loadbalancer.server.port shared/base.yml',
      'traefik.http.routers.web.rule compose.yaml',
      'traefik.http.routers.web.entrypoints compose.yaml',
      'traefik.http.routers.web.middlewares compose.override.yaml',
    ],
  );
  assert.equal(web.enabled, true, 'traefik.enable=true comes from the chain’s root');
});

test('fixtures: profiles off, then each on', () => {
  const codes = (profiles: string[]): string[] =>
    load('profiles', ['compose.yaml'], profiles).findings.map((f) => f.code);
  assert.deepEqual(codes([]), []);
  assert.deepEqual(codes(['debug']), ['route-conflict', 'route-conflict']);
  assert.deepEqual(codes(['tools']), ['undefined-middleware']);
  assert.equal(codes(['*']).length, 3);
});
