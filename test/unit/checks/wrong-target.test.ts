// Requests sent to the wrong thing: shared-service, non-http-port, dashboard-loop and
// healthcheck-command, each on snippets that trigger it and on near misses that must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

const cases: {
  code: string;
  name: string;
  text: string;
  expect: { severity: string; text: string }[];
  message?: RegExp;
}[] = [
  {
    code: 'shared-service',
    name: 'two images behind one service name: a warning on each definition',
    text: yaml`
      services:
        shop:
          image: ghcr.io/acme/shop:1.2
          labels:
            - traefik.http.routers.shop.rule=Host(\`shop.example\`)
            - traefik.http.services.web.loadbalancer.server.port=8080
        blog:
          image: wordpress:6
          labels:
            - traefik.http.routers.blog.rule=Host(\`blog.example\`)
            - traefik.http.services.web.loadbalancer.server.port=80
    `,
    expect: [
      { severity: 'warning', text: 'web' },
      { severity: 'warning', text: 'web' },
    ],
    message: /^service "web" is also defined by "blog", another image: give each its own name$/,
  },
  {
    code: 'shared-service',
    name: 'two tags of one image (a rolling upgrade): nothing',
    text: yaml`
      services:
        blue:
          image: acme/shop:1
          labels:
            - traefik.http.services.shop.loadbalancer.server.port=80
        green:
          image: acme/shop:2
          labels:
            - traefik.http.services.shop.loadbalancer.server.port=80
    `,
    expect: [],
  },
  {
    code: 'shared-service',
    name: 'configured differently: route-conflict says it, not this',
    text: yaml`
      services:
        a:
          image: acme/a
          labels:
            - traefik.http.services.x.loadbalancer.passhostheader=false
        b:
          image: acme/b
          labels:
            - traefik.http.services.x.loadbalancer.server.port=80
    `,
    expect: [],
  },
  {
    code: 'non-http-port',
    name: 'an HTTP router to redis on 6379: a warning on the port',
    text: yaml`
      services:
        cache:
          image: redis:7-alpine
          labels:
            - traefik.http.routers.cache.rule=Host(\`cache.example\`)
            - traefik.http.services.cache.loadbalancer.server.port=6379
    `,
    expect: [{ severity: 'warning', text: '6379' }],
    message: /^port 6379 of redis speaks Redis, not HTTP: use a TCP router/,
  },
  {
    code: 'non-http-port',
    name: 'postgres with its port detected: a warning on the rule',
    text: yaml`
      services:
        db:
          image: docker.io/library/postgres:16
          expose:
            - 5432
          labels:
            - traefik.http.routers.db.rule=Host(\`db.example\`)
    `,
    expect: [{ severity: 'warning', text: 'Host(`db.example`)' }],
  },
  {
    code: 'non-http-port',
    name: 'a TCP router to mysql: nothing',
    text: yaml`
      services:
        db:
          image: mysql:8
          labels:
            - traefik.tcp.routers.db.rule=HostSNI(\`*\`)
            - traefik.tcp.services.db.loadbalancer.server.port=3306
    `,
    expect: [],
  },
  {
    code: 'non-http-port',
    name: 'mongo exposed by default, no router written: nothing',
    text: yaml`
      services:
        db:
          image: mongo:7
          expose:
            - 27017
    `,
    expect: [],
  },
  {
    code: 'dashboard-loop',
    name: 'the dashboard router on Traefik without service=api@internal: an error',
    text: yaml`
      services:
        traefik:
          image: traefik:v3.1
          command:
            - --providers.docker
            - --api.dashboard=true
            - --entrypoints.web.address=:80
          labels:
            - traefik.http.routers.dashboard.rule=Host(\`proxy.example\`) && (PathPrefix(\`/api\`) || PathPrefix(\`/dashboard\`))
            - traefik.http.routers.dashboard.entrypoints=web
    `,
    expect: [{ severity: 'error', text: 'Host(`proxy.example`) && (PathPrefix(`/api`) || PathPrefix(`/dashboard`))' }],
    message: /^router "dashboard" sends the dashboard's requests back to Traefik: set service=api@internal$/,
  },
  {
    code: 'dashboard-loop',
    name: 'with service=api@internal: nothing',
    text: yaml`
      services:
        traefik:
          image: traefik:v3.1
          command:
            - --providers.docker
            - --api.dashboard=true
            - --entrypoints.web.address=:80
          labels:
            - traefik.http.routers.dashboard.rule=PathPrefix(\`/dashboard\`)
            - traefik.http.routers.dashboard.service=api@internal
    `,
    expect: [],
  },
  {
    code: 'dashboard-loop',
    name: 'to the insecure API port 8080: it answers there, nothing',
    text: yaml`
      services:
        traefik:
          image: traefik:v3.1
          command:
            - --providers.docker
            - --api.insecure=true
            - --entrypoints.web.address=:80
          labels:
            - traefik.http.routers.dashboard.rule=Host(\`traefik.example\`)
            - traefik.http.services.dashboard.loadbalancer.server.port=8080
    `,
    expect: [],
  },
  {
    code: 'dashboard-loop',
    name: 'a dashboard-looking router on another container: nothing',
    text: yaml`
      services:
        traefik:
          image: traefik:v3.1
        app:
          image: nginx
          labels:
            - traefik.http.routers.api.rule=PathPrefix(\`/api\`)
    `,
    expect: [],
  },
  {
    code: 'healthcheck-command',
    name: 'wget in traefik/whoami: an error on the program',
    text: yaml`
      services:
        whoami:
          image: traefik/whoami:v1.10
          healthcheck:
            test: ["CMD", "wget", "-q", "--spider", "http://localhost"]
          labels:
            - traefik.http.routers.whoami.rule=Host(\`whoami.example\`)
    `,
    expect: [{ severity: 'error', text: '"wget"' }],
    message: /^traefik\/whoami has no wget \(FROM scratch\): this healthcheck never passes; remove it$/,
  },
  {
    code: 'healthcheck-command',
    name: 'a string test (a shell) in containous/whoami: an error',
    text: yaml`
      services:
        whoami:
          image: containous/whoami
          healthcheck:
            test: curl -f http://localhost/ || exit 1
    `,
    expect: [{ severity: 'error', text: 'curl -f http://localhost/ || exit 1' }],
  },
  {
    code: 'healthcheck-command',
    name: 'curl in nginx, or a disabled check: nothing',
    text: yaml`
      services:
        web:
          image: nginx
          healthcheck:
            test: ["CMD", "curl", "-f", "http://localhost"]
        whoami:
          image: traefik/whoami
          healthcheck:
            test: ["CMD", "curl", "-f", "http://localhost"]
            disable: true
    `,
    expect: [],
  },
];

for (const c of cases) {
  test(`${c.code}: ${c.name}`, () => {
    const seen = run(c.code, c.text);
    assert.deepEqual(
      seen.map((f) => ({ severity: f.severity, text: f.text })),
      c.expect,
    );
    if (c.message) assert.match(seen[0].message, c.message);
    for (const f of seen) assert.ok(f.message.length <= 100, f.message);
  });
}
