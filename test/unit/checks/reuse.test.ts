// Findings the analyser's engine reuses across edits (session/: each check's findings a query
// whose reads of the project are recorded) must equal a fresh analysis of the same text, after
// every edit of a seeded random sequence: typed and deleted characters anywhere, and the renames,
// typos and flips that change what other containers' findings depend on (a middleware's name, an
// entry point, a rule, Traefik's flags). With the engine's dependency recording off, the same
// sequences must tell the difference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, type Finding, type ProjectInput } from '../../../server/src/analysis';
import { composeFile } from '../../../bench/generate';
import { prng, randomEdit, type EditStyle } from '../../support/random';

const ROOT = path.resolve(__dirname, '../../..');
const readFile = (p: string): string | undefined => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined);

interface Project {
  name: string;
  files: { file: string; text: string }[];
}

const example = (dir: string): Project => {
  const file = path.join(ROOT, 'examples', dir, 'docker-compose.yml');
  return { name: dir, files: [{ file, text: fs.readFileSync(file, 'utf8') }] };
};

const OVERRIDE = [
  'services:',
  '  userservice:',
  '    labels:',
  '      - "traefik.http.middlewares.shared-strip.stripprefix.prefixes=/api/users"',
  '      - "traefik.http.routers.userservice.middlewares=shared-strip"',
  '  extra:',
  '    image: nginx',
  '    labels:',
  '      - "traefik.enable=true"',
  '      - "traefik.http.routers.extra.rule=PathPrefix(`/api/users/extra`)"',
  '      - "traefik.http.routers.extra.entrypoints=websecure"',
  '      # a middleware another service defines',
  '      - "traefik.http.routers.extra.middlewares=shared-strip"',
  '      # a service another container defines, with two ports and none chosen',
  '      - "traefik.http.routers.extra.service=multi"',
  '  multi:',
  '    image: nginx',
  '    expose:',
  '      - "80"',
  '      - "8080"',
  '    labels:',
  '      - "traefik.enable=true"',
  '      - "traefik.http.routers.multi.rule=PathPrefix(`/multi`)"',
  '      - "traefik.http.routers.multi.entrypoints=websecure"',
  '      - "traefik.http.routers.multi.service=userservice"',
  '      - "traefik.http.services.multi.loadbalancer.sticky.cookie=true"',
  '',
].join('\n');

/** A service that does not opt in (traefik.enable), judged against the generated Traefik's flags. */
const PLAIN =
  '  plain:\n    image: nginx\n    labels:\n      - "traefik.http.routers.plain.rule=PathPrefix(`/plain`)"\nnetworks:';

const PROJECTS: Project[] = [
  example('musicshare-broken'),
  example('musicshare'),
  {
    name: 'generated',
    files: [
      {
        file: path.join(ROOT, 'bench/work/reuse/docker-compose.yml'),
        text: composeFile(40).replace(/^networks:/m, PLAIN),
      },
    ],
  },
  {
    name: 'with an override file',
    files: [
      example('musicshare').files[0],
      { file: path.join(ROOT, 'examples/musicshare/docker-compose.override.yml'), text: OVERRIDE },
    ],
  },
];

/** Replacements that change what other containers read: names, entry points, rules, switches. */
const FLIPS: [string, string][] = [
  ['websecure', 'websecur'],
  ['stripprefix', 'stripprefx'],
  ['enable=true', 'enable=false'],
  ['PathPrefix(`/api', 'PathPrefix(`/ap'],
  ['PathPrefix', 'Path'],
  ['-stripprefix', '-strip'],
  ['priority=1', 'priority=100'],
  ['image: traefik:v3.7', 'image: traefik:v2.11'],
  ['middlewares=', 'middlewares=x,'],
  ['service=', 'service=x'],
  ['.port=', '.port=9'],
  ['  userservice:', '  userservicex:'],
  ['prefixes=/api/users', 'prefixes=/api/user'],
  ['shared-strip.', 'shared-stripx.'],
  ['service=multi', 'service=multix'],
  ['services.userservice.', 'services.userservicex.'],
  // extra's rule again (route-conflict), and one as long that overlaps it (priority-tie)
  ['PathPrefix(`/multi`)', 'PathPrefix(`/api/users/extra`)'],
  ['PathPrefix(`/multi`)', 'Path(`/api/users/extra/12345`)'],
  // the generated Traefik's flags
  ['exposedbydefault=false', 'exposedbydefault=true'],
  ['--api.insecure', '--api.insecur'],
];

const TYPED = 'ax.-=`/, :\n"';

const STYLE: EditStyle = { flips: FLIPS, typed: TYPED, shares: { flips: 0.5, types: 0.3 }, flipAt: 'random' };

const edit = (text: string, random: () => number): string => randomEdit(text, random, STYLE);

const shown = (findings: Finding[]): string[] => findings.map((f) => JSON.stringify(f));

/** Per seed, the first step whose engine findings differ from a fresh analysis (undefined: none). */
function replay(project: Project, seed: number, analyzer: Analyzer): { differs?: string; withFindings: number } {
  const random = prng(seed);
  let files = project.files.map((f) => ({ ...f }));
  let withFindings = 0;
  for (let step = 0; step < 25; step++) {
    const which = Math.floor(random() * files.length);
    files = files.map((f, i) => (i === which ? { ...f, text: edit(f.text, random) } : f));
    const input: ProjectInput = { files, readFile };
    const kept = shown(analyzer.analyze(input).findings);
    const fresh = shown(new Analyzer().analyze(input).findings);
    if (JSON.stringify(kept) !== JSON.stringify(fresh)) {
      assert.deepEqual(kept, fresh, `seed ${seed}, step ${step}`);
      return { differs: `seed ${seed}, step ${step}`, withFindings };
    }
    if (kept.length > 0) withFindings++;
  }
  return { withFindings };
}

for (const project of PROJECTS) {
  test(`findings kept across random edits equal a fresh analysis: ${project.name}`, () => {
    let runs = 0;
    let reused = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const analyzer = new Analyzer();
      const { withFindings } = replay(project, seed, analyzer);
      // Not vacuous: the edited projects keep reporting findings along the way.
      assert.ok(withFindings > 0, `seed ${seed}: no findings at any step`);
      runs += analyzer.checkCounts().runs;
      reused += analyzer.checkCounts().reused;
    }
    // Not vacuous either: most judgements were reused, some were made again.
    assert.ok(reused > runs, JSON.stringify({ runs, reused }));
  });
}

test('with dependency recording off, the same edit sequences find stale findings', () => {
  const stale: string[] = [];
  for (const project of PROJECTS) {
    for (let seed = 1; seed <= 12; seed++) {
      try {
        replay(project, seed, new Analyzer({ recordDependencies: false }));
      } catch {
        stale.push(`${project.name} seed ${seed}`);
      }
    }
  }
  // Every project's sequences catch it at least once: the oracle depends on the recorded reads.
  for (const project of PROJECTS)
    assert.ok(
      stale.some((s) => s.startsWith(project.name)),
      `${project.name}: ${stale.join(', ')}`,
    );
});

/** Every occurrence of `from` replaced one at a time: the texts one flip away. */
function oneFlipAway(text: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1))
    out.push(text.slice(0, at) + to + text.slice(at + from.length));
  return out;
}

for (const project of PROJECTS) {
  test(`each flip, analysed after the original, equals a fresh analysis: ${project.name}`, () => {
    let compared = 0;
    for (const [a, b] of FLIPS.flatMap(([x, y]): [string, string][] => [
      [x, y],
      [y, x],
    ])) {
      project.files.forEach((original, which) => {
        for (const text of oneFlipAway(original.text, a, b)) {
          const analyzer = new Analyzer();
          analyzer.analyze({ files: project.files, readFile });
          const files = project.files.map((f, i) => (i === which ? { ...f, text } : f));
          const kept = analyzer.analyze({ files, readFile }).findings;
          const fresh = new Analyzer().analyze({ files, readFile }).findings;
          assert.deepEqual(shown(kept), shown(fresh), `${original.file}: ${a} -> ${b}`);
          compared++;
        }
      });
    }
    assert.ok(compared > 10, `only ${compared} flips apply`);
  });
}
