// gatewayLens/locate in the core's terms: a live name (`users@docker`) or a compose service ->
// the label text that defines it, asserted as the exact slice of the compose file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { locateIn } from '../../../server/src/locate';
import type { LocateParams } from '../../../server/src/protocol';

const FILE = '/srv/shop/docker-compose.yml';
const OVERRIDE = '/srv/shop/docker-compose.override.yml';
const TEXT = `services:
  users:
    image: users
    labels:
      traefik.http.routers.Users.rule: PathPrefix(\`/api/users\`)
      traefik.http.routers.Users.middlewares: users-strip
      traefik.http.middlewares.users-strip.stripprefix.prefixes: /api/users
      traefik.http.services.users-svc.loadbalancer.server.port: "8002"
      traefik.tcp.routers.db.rule: HostSNI(\`*\`)
  web:
    image: web
    labels:
      - traefik.enable=true
`;
const OVERRIDE_TEXT = `services:
  web:
    labels:
      - "traefik.http.routers.web.rule=Host(\`shop.example\`)"
`;

const project = new Analyzer().project({
  files: [
    { file: FILE, text: TEXT },
    { file: OVERRIDE, text: OVERRIDE_TEXT },
  ],
});
const texts: Record<string, string> = { [FILE]: TEXT, [OVERRIDE]: OVERRIDE_TEXT };

test('live names -> the label text that defines them', () => {
  const table: [Pick<LocateParams, 'name' | 'kind' | 'protocol'>, [string, string][]][] = [
    [{ name: 'Users@docker', kind: 'router' }, [[FILE, 'Users']]],
    // Traefik's API may spell the name in another case than the label.
    [{ name: 'users@docker', kind: 'router' }, [[FILE, 'Users']]],
    [{ name: 'users-strip@docker', kind: 'middleware' }, [[FILE, 'users-strip']]],
    [{ name: 'users-svc', kind: 'service' }, [[FILE, 'users-svc']]],
    [{ name: 'db@docker', kind: 'router', protocol: 'tcp' }, [[FILE, 'db']]],
    [{ name: 'db@docker', kind: 'router' }, []],
    [{ name: 'web@docker', kind: 'router' }, [[OVERRIDE, 'web']]],
    // Implicit: the service Traefik names after the container stands at the compose service key.
    [{ name: 'web-shop@docker', kind: 'service' }, [[FILE, 'web']]],
    [{ name: 'users@file', kind: 'router' }, []],
    [{ name: 'users-svc@internal', kind: 'service' }, []],
    [{ name: 'nope@docker', kind: 'router' }, []],
    [{ name: 'web', kind: 'composeService' }, [[FILE, 'web']]],
    [{ name: 'ghost', kind: 'composeService' }, []],
  ];
  for (const [params, expected] of table) {
    const found = locateIn(project, params).map((f) => [f.file, texts[f.file].slice(f.range.start, f.range.end)]);
    assert.deepEqual(found, expected, JSON.stringify(params));
  }
});
