import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

const cases: { name: string; text: string; expect: { severity: string; text: string }[] }[] = [
  {
    name: 'port label present',
    text: yaml`
      services:
        api:
          image: app
          labels:
            - traefik.http.routers.api.rule=Host(\`a\`)
            - traefik.http.services.api.loadbalancer.server.port=8080
    `,
    expect: [],
  },
  {
    name: 'no port anywhere: implicit service, finding on the compose service name',
    text: yaml`
      services:
        api:
          image: app
          labels:
            - traefik.http.routers.api.rule=Host(\`a\`)
    `,
    expect: [{ severity: 'warning', text: 'api' }],
  },
  {
    name: 'explicit service without port: finding on its name in the key',
    text: yaml`
      services:
        api:
          image: app
          labels:
            - traefik.http.routers.api.rule=Host(\`a\`)
            - traefik.http.services.api-svc.loadbalancer.sticky.cookie=true
    `,
    expect: [{ severity: 'warning', text: 'api-svc' }],
  },
  {
    name: 'one exposed port is detected',
    text: yaml`
      services:
        api:
          image: app
          expose: ["3000"]
          labels:
            - traefik.http.routers.api.rule=Host(\`a\`)
    `,
    expect: [],
  },
  {
    name: 'several ports: Traefik takes the lowest',
    text: yaml`
      services:
        api:
          image: app
          ports: ["8443:443", "8080:80"]
          labels:
            - traefik.http.routers.api.rule=Host(\`a\`)
    `,
    expect: [{ severity: 'warning', text: 'api' }],
  },
  {
    name: 'well-known image EXPOSEs its port',
    text: yaml`
      services:
        whoami:
          image: traefik/whoami:v1.10
          labels:
            - traefik.http.routers.whoami.rule=Host(\`a\`)
    `,
    expect: [],
  },
  {
    name: 'a service without Traefik labels is not reported',
    text: yaml`
      services:
        db:
          image: postgres
    `,
    expect: [],
  },
  {
    name: 'Swarm labels need the port label',
    text: yaml`
      services:
        api:
          image: app
          ports: ["80"]
          deploy:
            labels:
              - traefik.http.routers.api.rule=Host(\`a\`)
    `,
    expect: [{ severity: 'warning', text: 'api' }],
  },
];

for (const c of cases) {
  test(`missing-port: ${c.name}`, () => {
    assert.deepEqual(
      run('missing-port', c.text).map((f) => ({ severity: f.severity, text: f.text })),
      c.expect,
    );
  });
}

test('missing-port: the message names the port Traefik picks', () => {
  const [f] = run(
    'missing-port',
    'services:\n  api:\n    image: app\n    ports: ["8443:443", "8080:80"]\n    labels:\n      - traefik.http.routers.api.rule=Host(`a`)\n',
  );
  assert.match(f.message, /lowest, 80/);
  assert.deepEqual(f.data?.ports, [80, 443]);
});
