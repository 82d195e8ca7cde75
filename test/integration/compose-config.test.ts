// Debian's docker-compose (v1.29, installed by scripts/setup-test-env.sh) against the project
// loader: for each fixture project it can read (v1 has no `include:`), `docker-compose config`
// and the merged model agree on every service's labels, ports, expose, networks and profiles.
// (v1 refuses the top-level `name:` too, and interpolates: the gateway fixtures are not for it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { analyzeProject } from '../../server/src/analysis';
import { mergeService } from '../../server/src/analysis/compose/project';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'projects');
const COMPOSE = '/usr/bin/docker-compose';

interface Seen {
  labels: Record<string, string>;
  ports: string[];
  expose: string[];
  networks: string[];
  profiles: string[];
}

/** What docker-compose config prints, per service, in the shape compared. */
function composeConfig(dir: string, files: string[]): Record<string, Seen> {
  const out = execFileSync(COMPOSE, [...files.flatMap((f) => ['-f', f]), 'config'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    timeout: 60_000,
  });
  const config = parse(out) as { services: Record<string, Record<string, unknown>> };
  const seen: Record<string, Seen> = {};
  for (const [name, s] of Object.entries(config.services)) {
    const ports = (s.ports ?? []) as { published?: number; target: number }[];
    seen[name] = {
      labels: (s.labels ?? {}) as Record<string, string>,
      ports: ports.map((p) => `${p.published ?? ''}:${p.target}`),
      expose: ((s.expose ?? []) as unknown[]).map(String),
      networks: Object.keys((s.networks ?? {}) as object),
      profiles: (s.profiles ?? []) as string[],
    };
  }
  return seen;
}

function ours(dir: string, files: string[]): Record<string, Seen> {
  const read = (f: string): string | undefined => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  const r = analyzeProject({
    files: files.map((f) => ({ file: path.join(dir, f), text: read(path.join(dir, f))! })),
    readFile: read,
    profiles: ['*'],
  });
  const seen: Record<string, Seen> = {};
  for (const g of r.project.load.services) {
    const m = mergeService(g.name, g.parts);
    seen[g.name] = {
      labels: Object.fromEntries(m.labels.map((l) => [l.key, l.value])),
      ports: m.ports.map((p) => `${p.value.published ?? ''}:${p.value.target}`),
      expose: m.expose.map((p) => String(p.value.target)),
      networks: m.networks.map((n) => n.value.value),
      profiles: m.profiles.map((p) => p.value.value),
    };
  }
  return seen;
}

const sorted = (s: Record<string, Seen>): Record<string, Seen> =>
  Object.fromEntries(
    Object.entries(s)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [
        k,
        { ...v, labels: Object.fromEntries(Object.entries(v.labels).sort()), networks: [...v.networks].sort() },
      ]),
  );

const cases: { project: string; files: string[] }[] = [
  { project: 'extends', files: ['compose.yaml', 'compose.override.yaml'] },
  { project: 'extends', files: ['compose.yaml'] },
  { project: 'profiles', files: ['compose.yaml'] },
];

for (const c of cases) {
  test(`docker-compose config agrees: ${c.project} (${c.files.join(' + ')})`, () => {
    assert.ok(fs.existsSync(COMPOSE), `${COMPOSE} is missing: run scripts/setup-test-env.sh`);
    const dir = path.join(DIR, c.project);
    const theirs = composeConfig(dir, c.files);
    assert.ok(Object.keys(theirs).length > 1);
    assert.deepEqual(sorted(ours(dir, c.files)), sorted(theirs));
  });
}
