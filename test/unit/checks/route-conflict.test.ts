import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

test('route-conflict: same router name, different rules in two services', () => {
  const text = yaml`
    services:
      a:
        image: x
        labels:
          - traefik.http.routers.web.rule=Host(\`a\`)
          - traefik.http.services.a.loadbalancer.server.port=80
      b:
        image: x
        labels:
          - traefik.http.routers.web.rule=Host(\`b\`)
          - traefik.http.services.b.loadbalancer.server.port=80
  `;
  const got = run('route-conflict', text);
  assert.deepEqual(
    got.map((f) => [f.severity, f.text]),
    [
      ['error', 'web'],
      ['error', 'web'],
    ],
  );
});

test('route-conflict: replicas of one load balancer (same service, different servers) merge fine', () => {
  const text = yaml`
    services:
      a:
        image: x
        labels:
          - traefik.http.routers.web.rule=Host(\`a\`)
          - traefik.http.routers.web.service=shared
          - traefik.http.services.shared.loadbalancer.server.port=80
      b:
        image: x
        labels:
          - traefik.http.routers.web.rule=Host(\`a\`)
          - traefik.http.routers.web.service=shared
          - traefik.http.services.shared.loadbalancer.server.port=8080
  `;
  assert.deepEqual(run('route-conflict', text), []);
});

test('route-conflict: same-named service with different load-balancer settings', () => {
  const text = yaml`
    services:
      a:
        image: x
        labels:
          - traefik.http.services.shared.loadbalancer.server.port=80
          - traefik.http.services.shared.loadbalancer.sticky.cookie=true
      b:
        image: x
        labels:
          - traefik.http.services.shared.loadbalancer.server.port=80
  `;
  assert.equal(run('route-conflict', text).length, 2);
});

const sameRule = (second: string) => yaml`
  services:
    one:
      image: x
      labels:
        - traefik.http.routers.one.rule=PathPrefix(\`/api\`)
        - traefik.http.routers.one.entrypoints=web
        - traefik.http.services.one.loadbalancer.server.port=80
    two:
      image: x
      labels:
        - traefik.http.routers.two.rule=PathPrefix(\`/api\`)
        - traefik.http.services.two.loadbalancer.server.port=80
${second}
`;

test('route-conflict: two routers with the same rule on the same entry point', () => {
  const got = run('route-conflict', sameRule('        - traefik.http.routers.two.entrypoints=web'));
  assert.deepEqual(
    got.map((f) => f.text),
    ['PathPrefix(`/api`)', 'PathPrefix(`/api`)'],
  );
});

test('route-conflict: two rules Traefik cannot parse tie with nothing (neither router is built)', () => {
  for (const rule of ['Host()', 'PathPrefix(`/api`', 'Hots(`a`)']) {
    const text = sameRule('        - traefik.http.routers.two.entrypoints=web').replaceAll('PathPrefix(`/api`)', rule);
    assert.deepEqual(run('route-conflict', text), [], rule);
    assert.equal(run('rule-syntax', text).length, 2, rule);
  }
});

test('route-conflict: same rule, different entry points', () => {
  assert.deepEqual(run('route-conflict', sameRule('        - traefik.http.routers.two.entrypoints=websecure')), []);
});

test('route-conflict: same rule ordered by explicit priority', () => {
  const text = sameRule(
    '        - traefik.http.routers.two.entrypoints=web\n        - traefik.http.routers.two.priority=100',
  );
  assert.deepEqual(run('route-conflict', text), []);
});

test('route-conflict: same rule to the same service is harmless', () => {
  const text = yaml`
    services:
      one:
        image: x
        labels:
          - traefik.http.routers.one.rule=Host(\`a\`)
          - traefik.http.services.svc.loadbalancer.server.port=80
      two:
        image: x
        labels:
          - traefik.http.routers.two.rule=Host(\`a\`)
          - traefik.http.services.svc.loadbalancer.server.port=80
  `;
  assert.deepEqual(run('route-conflict', text), []);
});

test('route-conflict: same router linked automatically to different services (Traefik compares built routers)', () => {
  const text = yaml`
    services:
      withlabels1:
        image: x
        labels:
          - traefik.http.routers.Super.rule=Host(\`super.localhost\`)
          - traefik.http.services.service1.loadbalancer.server.port=80
      powpow:
        image: x
        labels:
          - traefik.http.routers.Super.rule=Host(\`super.localhost\`)
          - traefik.http.services.powpow.loadbalancer.server.port=80
  `;
  assert.deepEqual(
    run('route-conflict', text).map((f) => f.text),
    ['Super', 'Super'],
  );
});
