// gatewayLens/routerRules in the core's terms: the routers whose rule label is in a file, named
// as Traefik's metrics label them, with their service and the rule key as the exact slice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { routerRulesIn } from '../../../server/src/routerRules';

const FILE = '/srv/shop/docker-compose.yml';
const OVERRIDE = '/srv/shop/docker-compose.override.yml';
const TEXT = `services:
  users:
    image: users
    labels:
      traefik.http.routers.Users.rule: PathPrefix(\`/api/users\`)
      traefik.http.services.users-svc.loadbalancer.server.port: "8002"
      traefik.tcp.routers.db.rule: HostSNI(\`*\`)
  orders:
    image: orders
    labels:
      - "traefik.http.routers.orders.rule=Host(\`shop.example\`)"
      - traefik.http.routers.orders.service=billing@file
  hidden:
    image: hidden
    labels:
      - traefik.enable=false
      - traefik.http.routers.hidden.rule=Path(\`/h\`)
  web:
    image: web
`;
const OVERRIDE_TEXT = `services:
  web:
    labels:
      - "traefik.http.routers.web.rule=Host(\`web.example\`)"
`;
const texts: Record<string, string> = { [FILE]: TEXT, [OVERRIDE]: OVERRIDE_TEXT };
const project = new Analyzer().project({
  files: [
    { file: FILE, text: TEXT },
    { file: OVERRIDE, text: OVERRIDE_TEXT },
  ],
});

test('routers with their rule label in the file: Traefik name, service, the rule key', () => {
  const table: [string, [string, string, string][]][] = [
    [
      FILE,
      [
        ['Users@docker', 'users-svc@docker', 'traefik.http.routers.Users.rule'],
        ['orders@docker', 'billing@file', 'traefik.http.routers.orders.rule'],
      ],
    ],
    // The implicit service is named after the container (web-shop); the disabled container's router is not Traefik's.
    [OVERRIDE, [['web@docker', 'web-shop@docker', 'traefik.http.routers.web.rule']]],
    ['/srv/shop/other.yml', []],
  ];
  for (const [file, expected] of table) {
    const found = routerRulesIn(project, file).map((r) => [
      r.router,
      r.service,
      texts[file]?.slice(r.range.start, r.range.end),
    ]);
    assert.deepEqual(found, expected, file);
  }
});
