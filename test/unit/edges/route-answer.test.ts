// "Which Router Serves This URL?" without VS Code: reading what is typed, remembering recent
// queries, and the answer in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerDetails,
  parseRouteQuery,
  queryText,
  rememberQuery,
  summarizeAnswer,
} from '../../../client/src/route/answer';
import type { RouteAnswer } from '../../../server/src/protocol';

test('typed queries: URL, method first, no scheme; and what is refused', () => {
  const table: [string, ReturnType<typeof parseRouteQuery>][] = [
    ['https://musicshare.com/api/users/auth/token', { url: 'https://musicshare.com/api/users/auth/token' }],
    ['  post https://x.com/upload ', { url: 'https://x.com/upload', method: 'POST' }],
    ['localhost/swagger-ui', { url: 'http://localhost/swagger-ui' }],
    ['HTTP://X.COM/A?b=1', { url: 'HTTP://X.COM/A?b=1' }],
  ];
  for (const [text, expected] of table) assert.deepEqual(parseRouteQuery(text), expected, text);
  for (const bad of ['', 'GET', 'FETCH https://x.com/', 'https://x.com/ a', 'ftp://x.com/file', 'http://']) {
    const parsed = parseRouteQuery(bad);
    assert.ok('problem' in parsed, `${bad} is refused`);
  }
  assert.equal(queryText({ url: 'https://x.com/', method: 'PUT' }), 'PUT https://x.com/');
  assert.equal(queryText({ url: 'https://x.com/' }), 'https://x.com/');
});

test('recent queries: most recent first, no duplicates, at most max', () => {
  assert.deepEqual(rememberQuery([], 'a'), ['a']);
  assert.deepEqual(rememberQuery(['a', 'b', 'c'], 'c'), ['c', 'a', 'b']);
  const many = Array.from({ length: 12 }, (_, i) => `u${i}`);
  const kept = rememberQuery(many, 'new');
  assert.equal(kept.length, 10);
  assert.deepEqual(kept.slice(0, 2), ['new', 'u0']);
  assert.deepEqual(rememberQuery(['a', 'b', 'c'], 'd', 2), ['d', 'a']);
});

const served: RouteAnswer = {
  router: 'userservice@docker',
  service: 'userservice@docker',
  priority: '26',
  rule: 'PathPrefix(`/api/users`)',
  entrypoint: 'websecure',
  middlewares: ['userservice-stripprefix@docker'],
  forwardedPath: '/auth/token',
  candidates: [
    { router: 'userservice@docker', priority: '26', rule: 'PathPrefix(`/api/users`)', entryPoint: 'websecure' },
    { router: 'frontend@docker', priority: '1', rule: 'PathPrefix(`/`)', entryPoint: 'websecure' },
  ],
  unloaded: [],
  redirect: null,
  depends: { headers: [], clientIP: false },
  notes: [],
};

const unmatched: RouteAnswer = {
  router: null,
  service: null,
  priority: null,
  rule: null,
  entrypoint: null,
  middlewares: [],
  forwardedPath: null,
  candidates: [],
  unloaded: [],
  redirect: null,
  depends: { headers: [], clientIP: false },
  notes: ['No router listens on entry point web for this path.'],
};

test('the answer in one line: router, priority, service and forwarded path; or no router with the first note', () => {
  const query = { url: 'https://musicshare.com/api/users/auth/token' };
  assert.equal(
    summarizeAnswer(query, served),
    'GET https://musicshare.com/api/users/auth/token → router "userservice@docker" (priority 26) → service "userservice@docker", which receives /auth/token.',
  );
  assert.equal(
    summarizeAnswer({ url: 'http://x.com/nothing', method: 'POST' }, unmatched),
    'No router matches POST http://x.com/nothing. No router listens on entry point web for this path.',
  );
  assert.equal(summarizeAnswer(query, { ...unmatched, notes: [] }), `No router matches GET ${query.url}.`);
});

test('the details: every fact, candidates in the order Traefik tries them, notes', () => {
  assert.deepEqual(answerDetails({ url: 'https://m.com/api/users/auth/token' }, { ...served, notes: ['a tie'] }), [
    'GET https://m.com/api/users/auth/token',
    '  router:         userservice@docker (priority 26)',
    '  rule:           PathPrefix(`/api/users`)',
    '  entry point:    websecure',
    '  middlewares:    userservice-stripprefix@docker',
    '  service:        userservice@docker',
    '  forwarded path: /auth/token',
    '  routers that match, in the order Traefik tries them:',
    '    1. userservice@docker (priority 26, entry point websecure): PathPrefix(`/api/users`)',
    '    2. frontend@docker (priority 1, entry point websecure): PathPrefix(`/`)',
    '  note: a tie',
  ]);
  assert.deepEqual(answerDetails({ url: 'http://x.com/' }, unmatched), [
    'GET http://x.com/',
    '  no router matches',
    '  note: No router listens on entry point web for this path.',
  ]);
});
