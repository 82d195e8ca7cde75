// Property tests over random gateways (seeded, so a failure replays): the route tester's winner
// always matches the request and has the highest priority among the routers that match; and a
// router that route-shadowed reports is never reached by any request of an exhaustive grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, CHECKS, routeRequest } from '../../../server/src/analysis';
import { CompiledMatchers, matchRequest, parseRule } from '../../../server/src/analysis/rules';
import { prng } from '../../support/random';
import { runCheck, type Check } from '../../../server/src/analysis/checks/check';

/** The matchers a test compiles: one table for the file, as an engine keeps one. */
const compiled = new CompiledMatchers();

const PATHS = ['/', '/a', '/ab', '/a/b', '/b'];
const HOSTS = ['x.com', 'y.com'];
const REQUEST_PATHS = ['/', '/a', '/ab', '/a/b', '/a/bc', '/b', '/b/a', '/c'];
const REQUEST_HOSTS = ['x.com', 'y.com', 'z.com'];
const METHODS = ['GET', 'POST'];

function randomRule(r: () => number, depth = 0): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const roll = r();
  if (depth < 2 && roll < 0.25) return `${randomRule(r, depth + 1)} && ${randomRule(r, depth + 1)}`;
  if (depth < 2 && roll < 0.4) return `(${randomRule(r, depth + 1)} || ${randomRule(r, depth + 1)})`;
  if (depth < 2 && roll < 0.48) return `!${pick(['PathPrefix(`/a`)', 'Method(`GET`)', 'Host(`x.com`)'])}`;
  const leaf = r();
  if (leaf < 0.5) return `PathPrefix(\`${pick(PATHS)}\`)`;
  if (leaf < 0.65) return `Path(\`${pick(PATHS)}\`)`;
  if (leaf < 0.85) return `Host(\`${pick(HOSTS)}\`)`;
  return `Method(\`${pick(METHODS)}\`)`;
}

function randomGateway(seed: number): { text: string; rules: Map<string, { rule: string; priority?: number }> } {
  const r = prng(seed);
  const rules = new Map<string, { rule: string; priority?: number }>();
  const lines: string[] = ['services:'];
  const n = 3 + Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const name = `r${i}`;
    const rule = randomRule(r);
    const priority = r() < 0.5 ? [1, 2, 5, 50][Math.floor(r() * 4)] : undefined;
    rules.set(name, { rule, priority });
    lines.push(
      `  ${name}:`,
      '    image: x',
      '    labels:',
      `      - "traefik.http.routers.${name}.rule=${rule}"`,
      ...(priority ? [`      - traefik.http.routers.${name}.priority=${priority}`] : []),
      `      - traefik.http.services.${name}.loadbalancer.server.port=80`,
    );
  }
  return { text: lines.join('\n') + '\n', rules };
}

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);

test('property: the winner matches the request and no matching router has a higher priority', () => {
  let winners = 0;
  for (const seed of SEEDS) {
    const { text } = randomGateway(seed);
    const project = new Analyzer().project({ files: [{ file: '/p/docker-compose.yml', text }] });
    for (const host of REQUEST_HOSTS)
      for (const path of REQUEST_PATHS)
        for (const method of METHODS) {
          const result = routeRequest(project, { url: `http://${host}${path}`, method });
          const request = { host, path, method, headers: {}, query: '' };
          const matching = project.containers
            .flatMap((c) => c.definitions)
            .filter((d) => d.kind === 'routers')
            .map((d) => ({ name: `${d.name}@docker`, rule: d.fields.get('rule')!.value }))
            .filter((d) => matchRequest(parseRule(d.rule, 'v3').tree!, request, 'v3', compiled));
          assert.deepEqual(
            new Set(result.candidates.map((c) => c.router)),
            new Set(matching.map((m) => m.name)),
            `seed ${seed} ${method} ${host}${path}`,
          );
          if (!result.winner) continue;
          winners++;
          const tree = parseRule(result.winner.rule, 'v3').tree!;
          assert.ok(matchRequest(tree, request, 'v3', compiled), `seed ${seed}: winner does not match ${host}${path}`);
          assert.equal(result.winner.priority, Math.max(...result.candidates.map((c) => c.priority)));
        }
  }
  assert.ok(winners > 1000, `only ${winners} requests had a winner: the generator is too narrow`);
});

test('property: route-shadowed never fires for a router some request reaches', () => {
  const check = CHECKS.find((c) => c.code === 'route-shadowed') as Check<'route-shadowed'>;
  let reported = 0;
  for (const seed of SEEDS) {
    const { text } = randomGateway(seed);
    const project = new Analyzer().project({ files: [{ file: '/p/docker-compose.yml', text }] });
    const findings = runCheck(check, project);
    for (const f of findings) {
      reported++;
      const shadowed = `${String(f.data!.router)}@docker`;
      for (const host of [...REQUEST_HOSTS, 'q.org'])
        for (const path of [...REQUEST_PATHS, '/zz', '/a/b/c'])
          for (const method of [...METHODS, 'PUT']) {
            const result = routeRequest(project, { url: `http://${host}${path}`, method });
            assert.notEqual(
              result.winner?.router,
              shadowed,
              `seed ${seed}: ${method} ${host}${path} reaches ${shadowed}`,
            );
          }
    }
  }
  assert.ok(reported > 5, `only ${reported} shadowed routers in ${SEEDS.length} gateways: the generator is too narrow`);
});
