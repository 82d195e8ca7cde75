// Traefik runs its regexps on Go's RE2: linear in the subject. So must we: patterns that make a
// backtracking engine take exponential time (2^34 steps and more here) must finish at once, in
// the checks (overlap, footprints), the route tester and the rewriting middlewares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, routeRequest } from '../../../server/src/analysis';
import { CompiledMatchers, matchRequestTri, parseRule } from '../../../server/src/analysis/rules';
import type { HttpRequest } from '../../../server/src/analysis/rules/types';
import { run } from '../../helpers';

/** The matchers a test compiles: one table for the file, as an engine keeps one. */
const compiled = new CompiledMatchers();

/** Well under a second each on this machine; a backtracking engine needs minutes to hours. */
const BOUND_MS = 3000;

function timed<T>(what: string, f: () => T): T {
  const start = performance.now();
  const out = f();
  const ms = performance.now() - start;
  assert.ok(ms < BOUND_MS, `${what} took ${Math.round(ms)} ms`);
  return out;
}

const service = (name: string, labels: string[]): string =>
  [`  ${name}:`, '    image: x', '    labels:', ...labels.map((l) => `      - "${l}"`)].join('\n');

const compose = (...services: string[]): string =>
  `services:\n  traefik:\n    image: traefik:v3.4\n${services.join('\n')}\n`;

const A34 = 'a'.repeat(34);

test('two routers PathRegexp(`^/(a+)+$`) and PathPrefix(`/aaaa...`) (34 a) are analysed at once', () => {
  const text = compose(
    service('a', [
      'traefik.http.routers.a.rule=PathRegexp(`^/(a+)+$`)',
      'traefik.http.services.a.loadbalancer.server.port=80',
    ]),
    service('b', [
      `traefik.http.routers.b.rule=PathPrefix(\`/${A34}\`)`,
      'traefik.http.services.b.loadbalancer.server.port=80',
    ]),
  );
  const project = () =>
    new Analyzer().project({ files: [{ file: '/p/docker-compose.yml', text }], readFile: () => undefined });
  const { findings } = timed('analysis', () =>
    new Analyzer().analyze({ files: [{ file: '/p/docker-compose.yml', text }], readFile: () => undefined }),
  );
  assert.ok(Array.isArray(findings));
  // The tester on the path both match, and on one only the prefix matches (the regexp fails at the end).
  const hit = timed('route', () => routeRequest(project(), { url: `http://x/${A34}` }));
  assert.equal(hit.winner?.router, 'b@docker');
  assert.deepEqual(hit.candidates.map((c) => c.router).sort(), ['a@docker', 'b@docker']);
  const miss = timed('route', () => routeRequest(project(), { url: `http://x/${A34}!` }));
  assert.deepEqual(
    miss.candidates.map((c) => c.router),
    ['b@docker'],
  );
});

test('route with PathRegexp(`^/files/([a-z0-9]+-?)+\\.pdf$`) stays fast as the URL grows', () => {
  const text = compose(
    service('files', [
      'traefik.http.routers.files.rule=PathRegexp(`^/files/([a-z0-9]+-?)+\\\\.pdf$`)',
      'traefik.http.services.files.loadbalancer.server.port=80',
    ]),
  );
  const project = new Analyzer().project({
    files: [{ file: '/p/docker-compose.yml', text }],
    readFile: () => undefined,
  });
  for (const n of [20, 30, 40, 60, 1000]) {
    const name = 'a'.repeat(n);
    const miss = timed(`${n} characters`, () => routeRequest(project, { url: `http://x/files/${name}.pdx` }));
    assert.equal(miss.winner, null);
    const hit = timed(`${n} characters`, () => routeRequest(project, { url: `http://x/files/${name}-b.pdf` }));
    assert.equal(hit.winner?.router, 'files@docker');
  }
});

test('regexps in headers, hosts and queries and v2 placeholders are linear too', () => {
  const evil = '(a|aa)+$';
  const subject = `${'a'.repeat(40)}!`;
  const request: HttpRequest = {
    host: `${subject}.example.com`,
    path: `/${subject}`,
    method: 'GET',
    headers: { 'X-A': [subject] },
    query: `q=${subject}`,
  };
  const rules: [string, 'v2' | 'v3'][] = [
    [`HeaderRegexp(\`X-A\`, \`^${evil}\`)`, 'v3'],
    [`HostRegexp(\`^${evil.replace('$', '')}\\.example\\.com$\`)`, 'v3'],
    [`QueryRegexp(\`q\`, \`^${evil}\`)`, 'v3'],
    [`PathRegexp(\`^/${evil}\`)`, 'v3'],
    [`HostRegexp(\`{x:${evil.replace('$', '')}}.example.com\`)`, 'v2'],
    [`Path(\`/{x:${evil.replace('$', '')}}\`)`, 'v2'],
    [`HeadersRegexp(\`X-A\`, \`^${evil}\`)`, 'v2'],
  ];
  for (const [rule, syntax] of rules) {
    const parsed = parseRule(rule, syntax);
    assert.deepEqual(parsed.problems, [], rule);
    timed(rule, () => matchRequestTri(parsed.tree!, request, syntax, compiled));
  }
});

test('a regexp nested deeper than Go allows (1000) is a rule-syntax error, not a crash', () => {
  const rule = (n: number) => `PathRegexp(\`${'('.repeat(n)}a${')'.repeat(n)}\`)`;
  const router = (r: string) => compose(service('api', [`traefik.http.routers.api.rule=${r}`]));
  assert.deepEqual(run('rule-syntax', router(rule(999))), []);
  const deep = run('rule-syntax', router(rule(1000)));
  assert.equal(deep.length, 1);
  assert.match(deep[0].message, /nests too deeply/);
  for (const n of [5000, 100_000]) {
    const found = timed(`${n} levels`, () => run('rule-syntax', router(rule(n))));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /nests too deeply/);
    assert.equal(found[0].text, '(');
  }
});

// Go semantics the old translation to JavaScript could not decide or got wrong.
test('Go semantics: folded Unicode classes, $name and $1x in replacements', () => {
  const tri = (rule: string, path: string) =>
    matchRequestTri(
      parseRule(rule, 'v3').tree!,
      { host: 'x', path, method: 'GET', headers: {}, query: '' },
      'v3',
      compiled,
    );
  assert.equal(tri('PathRegexp(`(?i)^/\\p{Lu}+$`)', '/abc'), true);
  assert.equal(tri('PathRegexp(`^/\\p{Greek}+$`)', '/%CE%B1%CE%B2'), true);
  const rewrite = (regex: string, replacement: string, path: string) => {
    const text = compose(
      service('a', [
        'traefik.http.routers.a.rule=PathPrefix(`/`)',
        'traefik.http.routers.a.middlewares=re',
        `traefik.http.middlewares.re.replacepathregex.regex=${regex}`,
        `traefik.http.middlewares.re.replacepathregex.replacement=${replacement}`,
        'traefik.http.services.a.loadbalancer.server.port=80',
      ]),
    );
    const project = new Analyzer().project({
      files: [{ file: '/p/docker-compose.yml', text }],
      readFile: () => undefined,
    });
    return routeRequest(project, { url: `http://x${path}` }).forwardedPath;
  };
  // Go's Expand reads `$1x` as the group named "1x" (none: empty) and `$name` as a named group.
  assert.equal(rewrite('^/old/(.*)', '/new/$1x', '/old/a'), '/new/');
  assert.equal(rewrite('^/old/(?P<rest>.*)', '/new/$rest', '/old/a'), '/new/a');
  assert.equal(rewrite('^/old/(?P<rest>.*)', '/new/${rest}x', '/old/a'), '/new/ax');
  // Compose turns `$$` into `$` before Traefik reads the label: `$$1` reaches Go as `$1`, and
  // Go's own escape `$$` must be written `$$$$` in a compose file.
  assert.equal(rewrite('^/old/(.*)', '/new/$$1', '/old/a'), '/new/a');
  assert.equal(rewrite('^/old/(.*)', '/new/$$$$1', '/old/a'), '/new/$1');
  // Every match is replaced; an empty match right after another is not.
  assert.equal(rewrite('b*', 'X', '/abc'), 'X/XaXcX');
});
