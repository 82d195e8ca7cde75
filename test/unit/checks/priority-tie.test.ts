import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledMatchers, matchRequest, parseRule } from '../../../server/src/analysis/rules';
import { run } from '../../helpers';

/** The matchers a test compiles: one table for the file, as an engine keeps one. */
const compiled = new CompiledMatchers();

/** One compose service per router, each with its own backend (so outcomes differ). */
const svc = (name: string, rule: string, extra: string[] = [], deploy = '') =>
  [
    `  ${name}:`,
    '    image: x',
    deploy,
    '    labels:',
    `      - "traefik.http.routers.${name}.rule=${rule}"`,
    ...extra.map((e) => `      - traefik.http.routers.${name}.${e}`),
    `      - traefik.http.services.${name}.loadbalancer.server.port=80`,
  ]
    .filter(Boolean)
    .join('\n');

const compose = (...services: string[]) => `services:\n${services.join('\n')}\n`;

const cases: { name: string; text: string; expect: string[]; message?: RegExp; explanation?: RegExp }[] = [
  {
    name: 'same length rules that overlap tie on their default priority',
    // Both rules are 18 bytes long, and /api/users is matched by both.
    text: compose(svc('a', 'PathPrefix(`/api`)'), svc('b', 'PathPrefix(`/ap`) ')),
    expect: ['PathPrefix(`/api`)', 'PathPrefix(`/ap`) '],
    message: /^router "a" ties with "b" at priority 18: set a priority on one$/,
    explanation: /same priority \(18\).*undefined/,
  },
  {
    name: 'explicit equal priorities on overlapping rules',
    text: compose(svc('a', 'PathPrefix(`/`)', ['priority=10']), svc('b', 'Host(`music.example.com`)', ['priority=10'])),
    expect: ['PathPrefix(`/`)', 'Host(`music.example.com`)'],
    explanation: /`GET http:\/\/music\.example\.com\//,
  },
  {
    name: 'disjoint paths never tie',
    text: compose(svc('a', 'PathPrefix(`/users`)'), svc('b', 'PathPrefix(`/songs`)')),
    expect: [],
  },
  {
    name: 'a prefix that stops mid-segment still overlaps (string prefix)',
    text: compose(svc('a', 'PathPrefix(`/api/user`)'), svc('b', 'PathPrefix(`/api/use`) ')),
    expect: ['PathPrefix(`/api/user`)', 'PathPrefix(`/api/use`) '],
  },
  {
    name: 'different hosts never tie',
    text: compose(svc('a', 'Host(`a.example.com`)'), svc('b', 'Host(`b.example.com`)')),
    expect: [],
  },
  {
    name: 'different priorities are an order, not a tie',
    text: compose(svc('a', 'PathPrefix(`/`)', ['priority=1']), svc('b', 'PathPrefix(`/api`)', ['priority=1 '])),
    expect: ['PathPrefix(`/`)', 'PathPrefix(`/api`)'],
  },
  {
    name: 'priority 2 against priority 1 is no tie',
    text: compose(svc('a', 'PathPrefix(`/`)', ['priority=1']), svc('b', 'PathPrefix(`/api`)', ['priority=2'])),
    expect: [],
  },
  {
    name: 'different entry points',
    text: compose(
      svc('a', 'PathPrefix(`/`)', ['priority=5', 'entrypoints=web']),
      svc('b', 'PathPrefix(`/api`)', ['priority=5', 'entrypoints=websecure']),
    ),
    expect: [],
  },
  {
    name: 'TLS and plain routers are different muxers',
    text: compose(
      svc('a', 'PathPrefix(`/`)', ['priority=5', 'tls=true']),
      svc('b', 'PathPrefix(`/api`)', ['priority=5']),
    ),
    expect: [],
  },
  {
    name: 'methods that exclude each other',
    text: compose(
      svc('a', 'PathPrefix(`/api`) && Method(`GET`)', ['priority=5']),
      svc('b', 'PathPrefix(`/api`) && Method(`PUT`)', ['priority=5']),
    ),
    expect: [],
  },
  {
    name: 'a regexp tie is reported only with a request the real matcher accepts',
    text: compose(svc('a', 'PathRegexp(`^/a.*`)', ['priority=5']), svc('b', 'PathPrefix(`/api`)', ['priority=5'])),
    expect: ['PathRegexp(`^/a.*`)', 'PathPrefix(`/api`)'],
  },
  {
    name: 'a regexp that cannot be proven to meet the other rule is left alone',
    text: compose(svc('a', 'PathRegexp(`^/b[0-9]+`)', ['priority=5']), svc('b', 'PathPrefix(`/api`)', ['priority=5'])),
    expect: [],
  },
  {
    name: 'identical rules are route-conflict, not a tie',
    text: compose(svc('a', 'PathPrefix(`/api`)'), svc('b', 'PathPrefix(`/api`)')),
    expect: [],
  },
  {
    name: 'a negation that leaves a shared request',
    text: compose(
      svc('a', 'PathPrefix(`/`) && !PathPrefix(`/api`)', ['priority=5']),
      svc('b', 'Host(`x.example.com`)', ['priority=5']),
    ),
    expect: ['PathPrefix(`/`) && !PathPrefix(`/api`)', 'Host(`x.example.com`)'],
  },
];

for (const c of cases) {
  test(`priority-tie: ${c.name}`, () => {
    const got = run('priority-tie', c.text);
    assert.deepEqual(
      got.map((f) => f.text),
      c.expect,
    );
    if (c.message) assert.match(got[0].message, c.message);
    if (c.explanation) assert.match(got[0].explanation, c.explanation);
    // Sound: the request quoted in the explanation is matched by both rules.
    for (const f of got) {
      const m = /`(\w+) (https?):\/\/([^/`]*)([^`?]*)/.exec(f.explanation)!;
      const rivals = f.data!.rivals as string[];
      for (const name of [f.data!.router as string, ...rivals]) {
        const rule = new RegExp(`routers\\.${name}\\.rule=([^"]+)"`).exec(c.text)![1];
        const req = { host: m[3], path: m[4], method: m[1], headers: {}, query: '' };
        assert.ok(matchRequest(parseRule(rule, 'v3').tree!, req, 'v3', compiled), `${rule} should match ${m[0]}`);
      }
    }
  });
}

test('priority-tie: thousands of routers at one priority are checked without comparing every pair', () => {
  const services = Array.from({ length: 1500 }, (_, i) =>
    svc(`s${i}`, `PathPrefix(\`/s${String(i).padStart(4, '0')}\`)`),
  );
  // /s0001 is not a prefix of /s0010 (padded), so no two of them overlap; a catch-all of the
  // same length (20 bytes) ties with every one.
  services.push(svc('all', 'PathPrefix(`/`)     '));
  const got = run('priority-tie', compose(...services));
  assert.equal(got.length, 1501);
  assert.equal((got.find((f) => f.data!.router === 'all')!.data!.rivals as string[]).length, 1500);
});

// Swarm gives Traefik no port (pswarm.go parseService): a service without a port label has no
// server, Traefik skips its container, and its default router never exists (trial min-10).
const swarmTraefik = (provider: string, where: 'deploy' | 'labels') => `services:
  traefik:
    image: traefik:v3.3
    command: ["${provider}", "--entrypoints.web.address=:80"]
  users:
    image: nginx
${where === 'deploy' ? '    deploy:\n      labels:' : '    labels:'}
        - traefik.http.routers.users.rule=PathPrefix(\`/users12/\`)
        - traefik.http.services.users.loadbalancer.server.port=80
`;
test('priority-tie: under swarm, a service without a port label has no router to tie with', () => {
  assert.deepEqual(run('priority-tie', swarmTraefik('--providers.swarm=true', 'deploy')), []);
  // The docker provider detects the Traefik image's port 80: its default router exists and ties.
  const docker = run('priority-tie', swarmTraefik('--providers.docker=true', 'labels'));
  assert.deepEqual(
    docker.map((f) => f.data!.router),
    ['traefik-project', 'users'],
  );
});
