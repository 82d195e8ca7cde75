// The engine across a whole project's files (issue 13's property test, extended to the project
// model): the seed's gateway split over a base file, an override, an included monitoring stack, a
// `.env`, a file extended with `extends: file:`, a Dockerfile whose EXPOSE gives a port, Traefik's
// static configuration (traefik.yml, mounted) and a file-provider directory. Seeded random edits
// fall on any of those files; after every edit the engine's findings must equal a fresh analysis,
// and with dependency recording off the same sequences must tell the difference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, type Finding, type ProjectInput } from '../../../server/src/analysis';
import { listMounted } from '../../helpers';
import { prng, randomEdit, type EditStyle } from '../../support/random';

const FIXTURE = path.resolve(__dirname, '../../fixtures/projects/gateway-split');
const DIR = '/p/gateway';
const at = (f: string): string => path.join(DIR, f);

/** The fixture's files, with traefik.yml reading a file-provider directory, plus an extends base and a build. */
function startingFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of ['.env', 'compose.yaml', 'compose.override.yaml', 'monitoring/compose.yaml', 'traefik/traefik.yml'])
    files.set(at(f), fs.readFileSync(path.join(FIXTURE, f), 'utf8'));
  files.set(
    at('traefik/traefik.yml'),
    files.get(at('traefik/traefik.yml'))! + '  file:\n    directory: /etc/traefik/dynamic\n    watch: true\n',
  );
  files.set(
    at('compose.yaml'),
    files
      .get(at('compose.yaml'))!
      .replace(
        './traefik/traefik.yml:/etc/traefik/traefik.yml:ro',
        './traefik/traefik.yml:/etc/traefik/traefik.yml:ro\n      - ./dynamic:/etc/traefik/dynamic:ro',
      )
      .replace(
        /\nnetworks:/,
        [
          '',
          '  userservice:',
          '    extends:',
          '      file: common/base.yml',
          '      service: web',
          '    labels:',
          '      - traefik.http.routers.users.rule=Host(`${DOMAIN}`) && PathPrefix(`/api/users`)',
          '      - traefik.http.routers.users.middlewares=users-strip,secure-headers@file',
          '  upload:',
          '    build: ./upload',
          '    networks: [backend_net]',
          '    labels:',
          '      - traefik.enable=true',
          '      - traefik.http.routers.upload.rule=PathPrefix(`/api/upload`)',
          '      - traefik.http.routers.upload.entrypoints=websecure',
          '      - traefik.http.routers.upload.service=legacy@file',
          'networks:',
        ].join('\n'),
      ),
  );
  files.set(
    at('common/base.yml'),
    [
      'services:',
      '  web:',
      '    image: nginx',
      '    networks: [backend_net]',
      '    labels:',
      '      - traefik.enable=true',
      '      - traefik.http.routers.users.entrypoints=websecure',
      '      - traefik.http.middlewares.users-strip.stripprefix.prefixes=/api/users',
      '      - traefik.http.services.users.loadbalancer.server.port=8081',
      'networks:',
      '  backend_net:',
      '    name: backend_net',
      '',
    ].join('\n'),
  );
  files.set(
    at('upload/Dockerfile'),
    'FROM nginx AS build\nEXPOSE 9000\nFROM node:22-alpine\nARG PORT=8085\nEXPOSE ${PORT}\n',
  );
  files.set(
    at('dynamic/routes.yml'),
    [
      'http:',
      '  middlewares:',
      '    secure-headers:',
      '      headers:',
      '        stsSeconds: 31536000',
      '  routers:',
      '    legacy:',
      '      rule: PathPrefix(`/api/upload/old`)',
      '      entryPoints: [websecure]',
      '      service: legacy',
      '  services:',
      '    legacy:',
      '      loadBalancer:',
      '        servers:',
      '          - url: http://legacy.internal:8080',
      '',
    ].join('\n'),
  );
  return files;
}

const GIVEN = ['compose.yaml', 'compose.override.yaml'].map(at);

function inputOf(files: Map<string, string>): ProjectInput {
  const mounted = Object.fromEntries(files);
  return {
    files: GIVEN.map((file) => ({ file, text: files.get(file) ?? '' })),
    readFile: (p) => files.get(path.resolve(p)),
    listDir: (dir) => listMounted(mounted, dir),
    environment: { files: [{ file: at('.env'), text: files.get(at('.env')) ?? '' }] },
  };
}

/** Replacements that change what other files' findings depend on, per file they apply to. */
const FLIPS: [string, string][] = [
  ['DOMAIN=musicshare.example.com', 'DOMAIN='],
  ['DOMAIN=', 'DOMAINX='],
  ['EXPOSE ${PORT}', 'EXPOSE 80\nEXPOSE ${PORT}'],
  ['ARG PORT=8085', 'ARG PORT'],
  ['EXPOSE ${PORT}\n', ''],
  ['exposedByDefault: false', 'exposedByDefault: true'],
  ['network: backend_net', 'network: backend'],
  ['websecure:', 'websecur:'],
  ['directory: /etc/traefik/dynamic', 'directory: /etc/traefik/dyn'],
  ['secure-headers:', 'secure-header:'],
  ['legacy:\n      loadBalancer', 'legacyx:\n      loadBalancer'],
  ['PathPrefix(`/api/upload/old`)', 'PathPrefix(`/api/upload`)'],
  ['service: web', 'service: webx'],
  ['users-strip.', 'users-stri.'],
  ['server.port=8081', 'server.port=80a'],
  ['port=3000a', 'port=3000'],
  ['  - monitoring/compose.yaml', '  - monitoring/compose.yml'],
  ['name: backend_net', 'name: backend'],
  ['entrypoints=websecur', 'entrypoints=websecure'],
  ['dashbord-auth', 'dashboard-auth'],
  ['build: ./upload', 'build: ./uploads'],
];

const TYPED = 'ax.-=`/, :\n"$';

const STYLE: EditStyle = { flips: FLIPS, typed: TYPED, shares: { flips: 0.6, types: 0.25 }, flipAt: 'first' };

const edit = (text: string, random: () => number): string => randomEdit(text, random, STYLE);

const shown = (findings: Finding[]): string[] => findings.map((f) => JSON.stringify(f));

interface Replay {
  differs?: string;
  withFindings: number;
  /** Steps whose edited file was not a given compose file. */
  otherFiles: number;
}

function replay(seed: number, analyzer: Analyzer): Replay {
  const random = prng(seed);
  const files = startingFiles();
  const names = [...files.keys()].sort();
  const out: Replay = { withFindings: 0, otherFiles: 0 };
  for (let step = 0; step < 30; step++) {
    const which = names[Math.floor(random() * names.length)];
    files.set(which, edit(files.get(which)!, random));
    if (!GIVEN.includes(which)) out.otherFiles++;
    const kept = shown(analyzer.analyze(inputOf(files)).findings);
    const fresh = shown(new Analyzer().analyze(inputOf(files)).findings);
    if (JSON.stringify(kept) !== JSON.stringify(fresh)) {
      assert.deepEqual(kept, fresh, `seed ${seed}, step ${step}, after editing ${path.relative(DIR, which)}`);
    }
    if (kept.length > 0) out.withFindings++;
  }
  return out;
}

test('the starting project has findings in several of its files (the sequences are not vacuous)', () => {
  const findings = new Analyzer().analyze(inputOf(startingFiles())).findings;
  const where = new Set(findings.map((f) => path.relative(DIR, f.file)));
  for (const f of ['compose.yaml', 'compose.override.yaml', 'monitoring/compose.yaml'])
    assert.ok(where.has(f), `${f}: ${[...where].join(', ')}`);
});

test('findings kept across random edits of any project file equal a fresh analysis', () => {
  let otherFiles = 0;
  for (let seed = 1; seed <= 16; seed++) {
    const analyzer = new Analyzer();
    const r = replay(seed, analyzer);
    assert.ok(r.withFindings > 0, `seed ${seed}: no findings at any step`);
    otherFiles += r.otherFiles;
  }
  // Most edits fall on files other than the two given compose files.
  assert.ok(otherFiles > 16 * 30 * 0.5, `only ${otherFiles} edits of other files`);
});

test('with dependency recording off, the same sequences find stale findings', () => {
  const stale: string[] = [];
  for (let seed = 1; seed <= 16; seed++) {
    try {
      replay(seed, new Analyzer({ recordDependencies: false }));
    } catch (e) {
      stale.push((e as Error).message.split('\n')[0]);
    }
  }
  // Some stale finding shows right after an edit of a file other than the given compose files.
  const others = stale.filter((m) => !/after editing compose(\.override)?\.yaml$/.test(m));
  assert.ok(others.length > 0, stale.join('; ') || 'no sequence told the difference');
});

/** Every flip applied once to each file it applies to, after analysing the original: equals a fresh analysis. */
test('each flip of any project file, analysed after the original, equals a fresh analysis', () => {
  let compared = 0;
  const before = shown(new Analyzer().analyze(inputOf(startingFiles())).findings);
  const changed = new Set<string>();
  for (const [a, b] of FLIPS.flatMap(([x, y]): [string, string][] => [
    [x, y],
    [y, x],
  ])) {
    for (const [file, text] of startingFiles()) {
      const found = text.indexOf(a);
      if (found < 0) continue;
      const analyzer = new Analyzer();
      analyzer.analyze(inputOf(startingFiles()));
      const files = startingFiles();
      files.set(file, text.slice(0, found) + b + text.slice(found + a.length));
      const kept = analyzer.analyze(inputOf(files)).findings;
      const fresh = new Analyzer().analyze(inputOf(files)).findings;
      assert.deepEqual(shown(kept), shown(fresh), `${path.relative(DIR, file)}: ${a} -> ${b}`);
      compared++;
      if (JSON.stringify(shown(kept)) !== JSON.stringify(before)) changed.add(path.relative(DIR, file));
    }
  }
  assert.ok(compared >= FLIPS.length, `only ${compared} flips apply`);
  // Every file of the project has a flip that changes the findings: each one is an input.
  assert.deepEqual([...changed].sort(), [...startingFiles().keys()].map((f) => path.relative(DIR, f)).sort());
});
