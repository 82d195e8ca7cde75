// projects.ts: a folder's compose files become one analysed project; results are memoised
// until a file it read changes, and diagnostics are keyed by uri for every file involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/analysis';
import { Boundary } from '../../../server/src/boundary';
import { Documents, pathToUri } from '../../../server/src/documents';
import { Projects } from '../../../server/src/projects';
import { SettingsCache } from '../../../server/src/settings';
import { DiskFiles, WorkspaceFolders } from '../../../server/src/workspace';

const DUPLICATE_KEY = 'services:\n  web:\n    image: a\n    image: b\n';

function setup(settings: unknown) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-projects-'));
  const folders = new WorkspaceFolders();
  folders.set([{ uri: pathToUri(dir), path: dir }]);
  const logs: string[] = [];
  const projects = new Projects({
    analyzer: new Analyzer(),
    documents: new Documents(),
    disk: new DiskFiles(),
    folders,
    settings: new SettingsCache(async () => settings),
    boundary: new Boundary(folders),
    log: (m) => logs.push(m),
  });
  const write = (name: string, text: string, future = 0) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    // A different mtime even within the file system's timestamp resolution.
    if (future) fs.utimesSync(file, new Date(), new Date(Date.now() + future));
    return file;
  };
  return { dir, projects, write, logs, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('a folder: compose files in order, others left out, every file keyed by uri', async () => {
  const { dir, projects, write, done } = setup({});
  try {
    write('docker-compose.override.yml', 'services: {}\n');
    write('docker-compose.yml', DUPLICATE_KEY);
    write('values.yml', DUPLICATE_KEY);
    const result = await projects.analyse(dir);
    assert.deepEqual(
      result.composeFiles.map((f) => path.basename(f)),
      ['docker-compose.yml', 'docker-compose.override.yml'],
    );
    assert.deepEqual(
      [...result.diagnostics].map(([uri, list]) => [path.basename(uri), list.map((d) => d.code)]),
      [
        ['docker-compose.yml', ['yaml-syntax']],
        ['docker-compose.override.yml', []],
      ],
    );
    assert.deepEqual(result.counts, { errors: 1, warnings: 0, infos: 0 });
  } finally {
    done();
  }
});

test('memoised until a file it read changes, including the static config from the settings', async () => {
  const { dir, projects, write, logs, done } = setup({ traefik: { staticConfig: 'traefik/traefik.yml' } });
  try {
    write('compose.yaml', 'services: {}\n');
    const staticFile = write('traefik/traefik.yml', 'entryPoints:\n  web:\n    address: ":80"\n');
    const first = await projects.analyse(dir);
    assert.ok(first.inputs.has(staticFile));
    assert.ok(first.diagnostics.has(pathToUri(staticFile)));
    assert.equal((await projects.analyse(dir)).resultId, first.resultId);

    write('traefik/traefik.yml', 'entryPoints: {}\n', 10_000);
    const second = await projects.analyse(dir);
    assert.notEqual(second.resultId, first.resultId);

    write('compose.override.yaml', 'services: {}\n');
    const third = await projects.analyse(dir);
    assert.notEqual(third.resultId, second.resultId);
    assert.equal(third.composeFiles.length, 2);

    fs.rmSync(staticFile);
    await projects.analyse(dir);
    assert.ok(
      logs.some((m) => m.includes('cannot read')),
      logs.join('\n'),
    );
  } finally {
    done();
  }
});

test('concurrent calls for one folder share the work', async () => {
  const { dir, projects, write, done } = setup({});
  try {
    write('docker-compose.yml', DUPLICATE_KEY);
    const [a, b] = await Promise.all([projects.analyse(dir), projects.analyse(dir)]);
    assert.equal(a, b);
  } finally {
    done();
  }
});

test('a project without Traefik takes the version of the Traefik project beside it in the workspace', async () => {
  const { dir, projects, write, done } = setup({});
  try {
    const app = path.join(dir, 'app');
    const proxy = path.join(dir, 'proxy');
    write('app/docker-compose.yml', 'services:\n  web:\n    image: nginx\n');
    write('proxy/docker-compose.yml', 'services:\n  traefik:\n    image: traefik:v2.11\n');
    const alone = await projects.analyse(app);
    assert.equal(alone.project?.versionFact.source, 'unknown');
    const before = projects.versionsGeneration;
    await projects.analyse(proxy);
    assert.equal(projects.versionsGeneration, before + 1);
    const beside = await projects.analyse(app);
    assert.notEqual(beside.resultId, alone.resultId);
    assert.deepEqual(beside.project?.versionFact, {
      assumed: 'v2',
      source: 'workspace',
      why: 'image traefik:v2.11 (service traefik) in proxy/',
    });
    // A second Traefik of the other major: the workspace says nothing certain.
    write('edge/docker-compose.yml', 'services:\n  traefik:\n    image: traefik:v3.1\n');
    await projects.analyse(path.join(dir, 'edge'));
    assert.equal((await projects.analyse(app)).project?.versionFact.source, 'unknown');
  } finally {
    done();
  }
});

// The folder's projects as docker compose loads them (trial P13, P2): the default names with
// their override are one project, an alternative file its own, an override fragment (a service
// without image or build) runs over the base file, and COMPOSE_FILE in .env names the set.
test('a folder: default project, an alternative alone, a fragment over the base, COMPOSE_FILE', async () => {
  const { dir, projects, write, done } = setup({});
  const names = (files: string[]): string[] => files.map((f) => path.basename(f));
  try {
    const base = write(
      'docker-compose.yml',
      'services:\n  web:\n    image: traefik/whoami\n    labels:\n      - traefik.http.middlewares.auth.basicauth.users=a:b\n',
    );
    write('docker-compose.override.yml', 'services:\n  web:\n    environment: [A=1]\n');
    const alternative = write('docker-compose.traefik.yml', 'services:\n  traefik:\n    image: traefik:v3.1\n');
    const fragment = write(
      'docker-compose.prod.yml',
      'services:\n  web:\n    labels:\n      - traefik.http.routers.web.middlewares=auth\n      - traefik.http.routers.web.rule=Host(`x`)\n',
    );
    const keys = await projects.projectsIn(dir, await projects.settingsFor(dir));
    assert.deepEqual(new Set(keys), new Set([dir, alternative, fragment]));
    assert.deepEqual(names((await projects.analyse(dir)).composeFiles), [
      'docker-compose.yml',
      'docker-compose.override.yml',
    ]);
    assert.equal(projects.projectOf(base), dir);
    assert.equal(projects.projectOf(alternative), alternative);
    assert.deepEqual(names((await projects.analyse(alternative)).composeFiles), ['docker-compose.traefik.yml']);
    const prod = await projects.analyse(fragment);
    assert.deepEqual(names(prod.composeFiles), ['docker-compose.yml', 'docker-compose.prod.yml']);
    assert.deepEqual(
      prod.findings.filter((f) => f.code === 'undefined-middleware'),
      [],
      'auth is defined in the base file',
    );
    // The base file shows its own project's findings, not the fragment's project's.
    assert.equal(prod.diagnostics.has(pathToUri(base)), false);

    write('.env', `COMPOSE_FILE=docker-compose.yml${path.delimiter}docker-compose.prod.yml\n`, 2000);
    assert.deepEqual(names((await projects.analyse(dir)).composeFiles), [
      'docker-compose.yml',
      'docker-compose.prod.yml',
    ]);
    assert.equal(projects.projectOf(fragment), dir);
    assert.deepEqual((await projects.analyse(fragment)).composeFiles, []);
  } finally {
    done();
  }
});
