// Routing, incrementally (issue 13 item 3): an edit re-judges only the routers whose routing facts
// changed, against the routers the footprint index says they may meet, and a port or health
// check edit judges nothing. Each case edits one compose text and says how many pairwise router
// judgements (route/judge.ts) the analysis after it made; the findings always equal a fresh
// analysis of the edited text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, type Finding } from '../../../server/src/analysis';

const service = (name: string, rule: string, extra: string[] = []): string =>
  [
    `  ${name}:`,
    `    image: ${name}:1`,
    '    labels:',
    '      - traefik.enable=true',
    `      - "traefik.http.routers.${name}.rule=${rule}"`,
    `      - traefik.http.routers.${name}.entrypoints=web`,
    ...extra.map((e) => `      - traefik.http.routers.${name}.${e}`),
    `      - traefik.http.services.${name}.loadbalancer.server.port=80`,
    `      - traefik.http.services.${name}.loadbalancer.healthcheck.path=/health`,
    '',
  ].join('\n');

// api (priority 100) shadows users; tt and ttab tie at priority 17 (both rules are 17 long);
// the hosts routers meet none of them but each other's own path.
const TEXT = [
  'services:',
  '  traefik:',
  '    image: traefik:v3.7',
  '    command:',
  '      - --providers.docker.exposedbydefault=false',
  '      - --entrypoints.web.address=:80',
  service('api', 'PathPrefix(`/api`)', ['priority=100']),
  service('users', 'PathPrefix(`/api/users`)'),
  service('tt', 'PathPrefix(`/tt`)'),
  service('ttab', 'Path(`/tt/abcde`)'),
  ...Array.from({ length: 12 }, (_, i) => service(`host${i}`, `Host(\`h${i}.example.com\`) && PathPrefix(\`/x\`)`)),
].join('\n');

const FILE = '/p/docker-compose.yml';

interface Case {
  name: string;
  from: string;
  to: string;
  /** Router judgements the analysis of the edited text makes after the original's. */
  judgements: number;
}

const CASES: Case[] = [
  { name: 'a port', from: 'users.loadbalancer.server.port=80', to: 'users.loadbalancer.server.port=81', judgements: 0 },
  {
    name: 'a health check',
    from: 'users.loadbalancer.healthcheck.path=/health',
    to: 'users.loadbalancer.healthcheck.path=/healthz',
    judgements: 0,
  },
  {
    name: 'a router nothing meets',
    from: 'h3.example.com`) && PathPrefix(`/x',
    to: 'h3.example.com`) && PathPrefix(`/xy',
    judgements: 0,
  },
  // users against api: covered (1) and the overlap naming the shadow (1).
  { name: 'the shadowed rule', from: 'PathPrefix(`/api/users`)', to: 'PathPrefix(`/api/user`)', judgements: 2 },
  // users is judged again against api, the router that changed: api itself judges nothing (no router above it).
  { name: 'the shadowing priority', from: 'priority=100', to: 'priority=101', judgements: 2 },
  // Both tied routers judge the pair again: the edited one, and the other that has it as a rival.
  { name: 'one of a tie', from: 'Path(`/tt/abcde`)', to: 'Path(`/tt/abcdf`)', judgements: 2 },
  // Out of the tie (priority 18): no tie is judged; ttab now sits above tt, which it does not cover (1).
  { name: 'leaving a tie', from: 'Path(`/tt/abcde`)', to: 'Path(`/tt/abcdef`)', judgements: 1 },
];

const shown = (findings: Finding[]): string[] => findings.map((f) => JSON.stringify(f));

test('the original text: a shadowed router and a tie, judged once each side', () => {
  const analyzer = new Analyzer();
  const codes = analyzer.analyze({ files: [{ file: FILE, text: TEXT }] }).findings.map((f) => f.code);
  assert.deepEqual(codes.filter((c) => c === 'route-shadowed' || c === 'priority-tie').sort(), [
    'priority-tie',
    'priority-tie',
    'route-shadowed',
  ]);
  // users against api (2), and the tie from each side (2).
  assert.equal(analyzer.engineCounters().judgements, 4);
});

for (const c of CASES) {
  test(`routing judgements after editing ${c.name}: ${c.judgements}`, () => {
    assert.ok(TEXT.includes(c.from), c.from);
    const analyzer = new Analyzer();
    analyzer.analyze({ files: [{ file: FILE, text: TEXT }] });
    const before = analyzer.engineCounters().judgements;
    const text = TEXT.replace(c.from, c.to);
    const kept = analyzer.analyze({ files: [{ file: FILE, text }] }).findings;
    assert.equal(analyzer.engineCounters().judgements - before, c.judgements);
    assert.deepEqual(shown(kept), shown(new Analyzer().analyze({ files: [{ file: FILE, text }] }).findings));
    // And back: the findings of the original text again.
    const back = analyzer.analyze({ files: [{ file: FILE, text: TEXT }] }).findings;
    assert.deepEqual(shown(back), shown(new Analyzer().analyze({ files: [{ file: FILE, text: TEXT }] }).findings));
  });
}

test('a router that joins a tie: both routers of the pair report it, and both stop when it leaves', () => {
  const analyzer = new Analyzer();
  const tiesOf = (text: string): string[] =>
    analyzer
      .analyze({ files: [{ file: FILE, text }] })
      .findings.filter((f) => f.code === 'priority-tie')
      .map((f) => String((f.data as { router?: string } | undefined)?.router))
      .sort();
  const apart = TEXT.replace('Path(`/tt/abcde`)', 'Path(`/tt/abcdef`)');
  assert.deepEqual(tiesOf(apart), []);
  assert.deepEqual(tiesOf(TEXT), ['tt', 'ttab']);
  assert.deepEqual(tiesOf(apart), []);
});
