// Traefik v2 has no swarm provider: its docker provider reads Swarm services with
// `swarmMode: true` and names everything `@docker` (v2 pkg/provider/docker/docker.go
// ProviderName "docker"; pkg/provider/aggregator/aggregator.go adds conf.Docker only). The
// Swarm behaviour (deploy.labels, no port from Docker) stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll } from '../../helpers';

const stack = (image: string, flags: string, middlewares: string) => `services:
  traefik:
    image: ${image}
    command: [--providers.docker=true, ${flags}--entrypoints.web.address=:80]
  a:
    image: nginx
    deploy:
      labels:
        - traefik.http.routers.a.rule=Host(\`x.example.com\`)
        - traefik.http.routers.a.middlewares=${middlewares}
        - traefik.http.middlewares.auth.basicauth.users=u:p
        - traefik.http.services.a.loadbalancer.server.port=80
  b:
    image: nginx
    deploy:
      labels:
        - traefik.http.routers.b.rule=Host(\`x.example.com\`)
  c:
    image: nginx
    deploy:
      labels:
        - traefik.http.routers.c.rule=Host(\`c.example.com\`)
        - traefik.http.routers.c.middlewares=auth@swarm
        - traefik.http.services.c.loadbalancer.server.port=80
`;
const V2 = stack('traefik:v2.11', '--providers.docker.swarmMode=true, ', 'auth@docker');
const V3 = stack('traefik:v3.1', '--providers.swarm=true, ', 'auth@swarm').replace('--providers.docker=true, ', '');

const IGNORED = `services:
  traefik:
    image: traefik:v2.11
    command: [--providers.docker=true, --providers.docker.swarmMode=true, --providers.docker.exposedbydefault=false]
  a:
    image: nginx
    deploy:
      labels:
        - traefik.enable=true
        - traefik.http.routers.a.rule=Host(\`x.example.com\`)
        - traefik.http.routers.a.middlewares=auth
        - traefik.http.services.a.loadbalancer.server.port=80
  b:
    image: nginx
    deploy:
      labels:
        - traefik.http.middlewares.auth.basicauth.users=u:p
`;

/** v2 swarm mode with an entry point's middlewares and a file router naming x@swarm and x@docker. */
const WITH_FILE = V2.replace(
  '--entrypoints.web.address=:80]',
  '--entrypoints.web.address=:80, --entrypoints.web.http.middlewares=auth@swarm, --providers.file.filename=/etc/dyn.yml]\n    volumes: [./dyn.yml:/etc/dyn.yml]',
);
const DYN = {
  '/project/dyn.yml':
    'http:\n  routers:\n    r:\n      rule: Host(`r.example.com`)\n      service: a@swarm\n      middlewares: [auth@docker]\n',
};

const cases: { name: string; text: string; expect: RegExp[]; files?: Record<string, string> }[] = [
  {
    name: 'v2 swarm mode: an entry point and a file router naming x@swarm',
    text: WITH_FILE,
    files: DYN,
    expect: [
      /^undefined-middleware auth@swarm: Traefik v2 has no swarm provider: write "auth@docker". Traefik disables every router on entry point "web"/,
      /^undefined-middleware auth@swarm: Traefik v2 has no swarm provider/,
      /^undefined-service a@swarm: Traefik v2 has no swarm provider: write "a@docker" \| .*Traefik disables router "r@file"/,
      /^missing-port b/,
    ],
  },
  {
    name: 'v2 swarm mode: messages name the docker provider',
    text: IGNORED,
    expect: [
      /^undefined-middleware auth: .*so middleware "auth@docker" does not exist/,
      /^not-enabled .*: Traefik ignores "b": add traefik.enable=true to its deploy.labels \| The docker provider has exposedByDefault=false/,
    ],
  },
  {
    name: 'v2 swarm mode: x@docker resolves, x@swarm does not; b has no port (Swarm)',
    text: V2,
    expect: [
      /^undefined-middleware auth@swarm: Traefik v2 has no swarm provider: write "auth@docker"/,
      /^missing-port b: Swarm gives Traefik no port to detect/,
    ],
  },
  {
    name: 'v3 swarm provider: x@swarm resolves',
    text: V3,
    expect: [/^missing-port b: Swarm gives Traefik no port to detect/],
  },
];

for (const c of cases) {
  test(`swarm names: ${c.name}`, () => {
    const got = runAll(c.text, { mounted: c.files ?? {} })
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.code} ${f.text}: ${f.message} | ${f.explanation}`);
    assert.equal(got.length, c.expect.length, got.join('\n'));
    got.forEach((g, i) => assert.match(g, c.expect[i]));
  });
}
