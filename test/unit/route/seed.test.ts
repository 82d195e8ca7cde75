// The routing tables MusicShare's gateway must serve (its brief's "Servicios" section) as
// the route tester's first acceptance test, on examples/musicshare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, routeRequest } from '../../../server/src/analysis';

const file = path.resolve(__dirname, '../../../examples/musicshare/docker-compose.yml');
const project = new Analyzer().project({
  files: [{ file, text: fs.readFileSync(file, 'utf8') }],
  readFile: (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined),
});

const rows: { url: string; router: string; service: string; path: string }[] = [
  {
    url: 'https://musicshare.com/api/users/auth/token',
    router: 'userservice',
    service: 'userservice',
    path: '/auth/token',
  },
  { url: 'https://musicshare.com/api/users/me', router: 'userservice', service: 'userservice', path: '/me' },
  {
    url: 'https://musicshare.com/api/music/tracks',
    router: 'music-service',
    service: 'music-service',
    path: '/tracks',
  },
  {
    url: 'https://musicshare.com/api/music/playlists',
    router: 'music-service',
    service: 'music-service',
    path: '/playlists',
  },
  {
    url: 'https://musicshare.com/api/social/posts',
    router: 'social-service',
    service: 'social-service',
    path: '/posts',
  },
  {
    url: 'https://musicshare.com/swagger-ui',
    router: 'social-service-swagger',
    service: 'social-service',
    path: '/swagger-ui',
  },
  {
    url: 'https://musicshare.com/v3/api-docs',
    router: 'social-service-swagger',
    service: 'social-service',
    path: '/v3/api-docs',
  },
  {
    url: 'https://musicshare.com/api/notifications/send',
    router: 'notificationservice',
    service: 'notificationservice',
    path: '/send',
  },
  { url: 'wss://musicshare.com/ws', router: 'notificationservice-ws', service: 'notificationservice', path: '/ws' },
  { url: 'https://musicshare.com/upload', router: 'upload', service: 'upload', path: '/upload' },
  {
    url: 'https://musicshare.com/formulario-post/nuevo',
    router: 'formulario-post',
    service: 'formulario-post',
    path: '/nuevo',
  },
  // Anything else reaches the React frontend, untouched.
  { url: 'https://musicshare.com/', router: 'frontend', service: 'frontend', path: '/' },
  { url: 'https://musicshare.com/perfil/ana?tab=2', router: 'frontend', service: 'frontend', path: '/perfil/ana' },
  { url: 'https://musicshare.com/apix', router: 'frontend', service: 'frontend', path: '/apix' },
];

for (const row of rows) {
  test(`seed: ${row.url} reaches ${row.service} as ${row.path}`, () => {
    const r = routeRequest(project, { url: row.url });
    assert.equal(r.error, undefined);
    assert.equal(r.winner?.router, `${row.router}@docker`);
    assert.equal(r.service, `${row.service}@docker`);
    assert.equal(r.forwardedPath, row.path);
    assert.equal(r.entryPoint, 'websecure');
    assert.equal(r.candidates.at(-1)?.router, 'frontend@docker', 'the catch-all is always tried last');
  });
}

test('seed: plain HTTP is redirected to HTTPS by the web entry point', () => {
  const r = routeRequest(project, { url: 'http://musicshare.com/api/users/me' });
  assert.equal(r.winner?.router, 'web-to-websecure@internal');
  assert.equal(r.redirect, 'https://musicshare.com/api/users/me');
  assert.equal(r.entryPoint, 'web');
});

test('seed: the insecure API answers on the traefik entry point (:8080)', () => {
  const r = routeRequest(project, { url: 'http://localhost:8080/api/http/routers' });
  assert.equal(r.winner?.router, 'api@internal');
  assert.equal(r.service, 'api@internal');
});

test("seed: /ping on the web entry point is Traefik's ping, tried before the redirection", () => {
  const r = routeRequest(project, { url: 'http://musicshare.com/ping' });
  assert.equal(r.winner?.router, 'ping@internal');
  assert.equal(r.service, 'ping@internal');
  assert.equal(r.redirect, undefined);
  assert.deepEqual(
    r.candidates.map((c) => c.router),
    ['ping@internal', 'web-to-websecure@internal'],
  );
});
