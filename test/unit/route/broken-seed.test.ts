// The seed's URLs on examples/musicshare-broken, as its EXPECTED.md ("The seed's URLs on this
// gateway") says Traefik serves them: routers of dropped containers and disabled routers do not
// compete, and the answer names the router that would have served and the finding that says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, routeRequest } from '../../../server/src/analysis';

const file = path.resolve(__dirname, '../../../examples/musicshare-broken/docker-compose.yml');
const text = fs.readFileSync(file, 'utf8');
const project = new Analyzer().project({
  files: [{ file, text }],
  readFile: (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined),
});

interface Row {
  url: string;
  headers?: string[];
  /** The router that serves (one of them for a tie). */
  router: string | string[];
  path: string;
  /** The router the seed meant, passed over, with the finding's code and the text it underlines. */
  passed?: { router: string; code: string; at: string; unless?: RegExp };
}

const frontend = 'frontend';
const rows: Row[] = [
  {
    url: 'https://musicshare.com/api/users/auth/token',
    router: frontend,
    path: '/api/users/auth/token',
    passed: { router: 'userservice', code: 'unknown-label', at: 'nmae' },
  },
  {
    url: 'https://musicshare.com/api/users/me',
    router: frontend,
    path: '/api/users/me',
    passed: { router: 'userservice', code: 'unknown-label', at: 'nmae' },
  },
  {
    url: 'https://musicshare.com/api/music/tracks',
    router: frontend,
    path: '/api/music/tracks',
    passed: { router: 'music-service', code: 'missing-port', at: 'music-service' },
  },
  {
    url: 'https://musicshare.com/api/music/playlists',
    router: frontend,
    path: '/api/music/playlists',
    passed: { router: 'music-service', code: 'missing-port', at: 'music-service' },
  },
  // route-conflict: the same rule twice, either may serve; stripprefix-mismatch keeps the path whole.
  { url: 'https://musicshare.com/api/social/posts', router: ['social-service', 'searchservice'], path: '' },
  {
    url: 'https://musicshare.com/swagger-ui',
    router: frontend,
    path: '/swagger-ui',
    passed: { router: 'social-service-swagger', code: 'undefined-service', at: 'socialservice' },
  },
  {
    url: 'https://musicshare.com/v3/api-docs',
    router: frontend,
    path: '/v3/api-docs',
    passed: { router: 'social-service-swagger', code: 'undefined-service', at: 'socialservice' },
  },
  {
    url: 'https://musicshare.com/api/notifications/send',
    router: frontend,
    path: '/api/notifications/send',
    passed: { router: 'notificationservice', code: 'undefined-middleware', at: 'notificationservice-stripprefx' },
  },
  {
    url: 'wss://musicshare.com/ws',
    headers: ['Upgrade: websocket'],
    router: frontend,
    path: '/ws',
    passed: { router: 'notificationservice-ws', code: 'rule-syntax', at: 'Headers' },
  },
  { url: 'https://musicshare.com/upload', router: frontend, path: '/upload' },
  {
    url: 'https://musicshare.com/formulario-post/nuevo',
    router: frontend,
    path: '/formulario-post/nuevo',
    passed: { router: 'formulario-post', code: 'not-enabled', at: 'traefik.http.routers.formulario-post.rule' },
  },
  {
    url: 'https://traefik.musicshare.com/dashboard/',
    router: frontend,
    path: '/dashboard/',
    passed: { router: 'dashboard', code: 'undefined-entrypoint', at: 'websecur' },
  },
  {
    url: 'https://musicshare.com/api/music/top10',
    router: 'search-top10',
    path: '/api/music/top10',
    passed: { router: 'music-service', code: 'missing-port', at: 'music-service' },
  },
  { url: 'https://musicshare.com/perfil/ana', router: frontend, path: '/perfil/ana' },
];

for (const row of rows) {
  test(`broken seed: ${row.url} is served by ${String(row.router)}${row.passed ? `, not ${row.passed.router}` : ''}`, () => {
    const r = routeRequest(project, { url: row.url, headers: row.headers });
    assert.equal(r.error, undefined);
    const routers = (Array.isArray(row.router) ? row.router : [row.router]).map((n) => `${n}@docker`);
    assert.ok(routers.includes(r.winner?.router ?? ''), `winner ${r.winner?.router}`);
    if (row.path !== '') assert.equal(r.forwardedPath, row.path);
    if (!row.passed) {
      assert.deepEqual(
        r.unloaded.map((u) => u.router),
        [],
      );
      return;
    }
    const [u, ...more] = r.unloaded;
    assert.equal(more.length, 0, `only ${row.passed.router} is passed over: ${r.unloaded.map((x) => x.router)}`);
    assert.equal(u.router, `${row.passed.router}@docker`);
    assert.equal(u.code, row.passed.code);
    assert.equal(text.slice(u.findingRange.start, u.findingRange.end), row.passed.at);
    if (row.passed.unless) assert.match(u.unless ?? '', row.passed.unless);
    else assert.equal(u.unless, undefined);
  });
}

test('broken seed: a dropped container says so in the reason, a disabled router too', () => {
  const users = routeRequest(project, { url: 'https://musicshare.com/api/users/me' }).unloaded[0];
  assert.equal(users.reason, 'its container "userservice" is dropped');
  const swagger = routeRequest(project, { url: 'https://musicshare.com/swagger-ui' }).unloaded[0];
  assert.equal(swagger.reason, 'Traefik disables it');
});

test('the redirect priority is exact, and a Header rule at the top makes the answer depend on it', () => {
  const r = routeRequest(project, { url: 'http://musicshare.com/api/users/me' });
  assert.equal(r.winner?.priorityText, '9223372036854775806');
  assert.equal(r.redirect, 'https://musicshare.com/api/users/me');
  const p = new Analyzer().project({
    files: [
      {
        file: '/p/docker-compose.yml',
        text: [
          'services:',
          '  ws:',
          '    image: nginx',
          '    labels:',
          '      - traefik.http.routers.ws.rule=PathPrefix(`/ws`) && Header(`Upgrade`, `websocket`)',
          '      - traefik.http.routers.ip.rule=PathPrefix(`/`) && ClientIP(`10.0.0.0/8`)',
          '      - traefik.http.routers.ip.service=ws',
          '      - traefik.http.services.ws.loadbalancer.server.port=80',
        ].join('\n'),
      },
    ],
  });
  assert.deepEqual(routeRequest(p, { url: 'http://h/ws' }).depends, { headers: ['Upgrade'], clientIP: true });
  assert.deepEqual(
    routeRequest(p, { url: 'http://h/ws', headers: ['upgrade: websocket'], clientIP: '10.1.1.1' }).depends,
    {
      headers: [],
      clientIP: false,
    },
  );
});
