// A docker provider whose defaultRule template does not parse never runs (pkg/provider/docker
// Init: "error while parsing default rule"; pkg/provider/aggregator/aggregator.go AddProvider
// returns the error and the provider is not added): none of its routers exists, so no routing
// finding may be made between them. The rule-syntax finding on the defaultRule stays, on its value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const BAD = 'Host(`{{ normalize .Name }.example.com`)';
const GOOD = 'Host(`{{ normalize .Name }}.example.com`)';

const compose = (flags: string) => `services:
  traefik:
    image: traefik:v3.1
    command:
      - --providers.docker=true
${flags}  a:
    image: nginx
    labels:
      - traefik.http.routers.a.rule=Host(\`x.example.com\`)
      - traefik.http.routers.catch.rule=PathPrefix(\`/\`)
      - traefik.http.routers.catch.priority=1000
      - traefik.http.routers.catch.service=a
      - traefik.http.services.a.loadbalancer.server.port=80
  b:
    image: nginx
    labels:
      - traefik.http.routers.b.rule=Host(\`x.example.com\`)
      - traefik.http.services.b.loadbalancer.server.port=80
`;

const cases: { name: string; flags: string; expect: string[] }[] = [
  {
    name: 'a template that parses: the docker routers are live',
    flags: `      - --providers.docker.defaultRule=${GOOD}\n`,
    expect: ['route-conflict', 'route-conflict', 'route-shadowed', 'route-shadowed', 'route-shadowed'],
  },
  {
    name: 'a template that does not parse: the docker provider does not run',
    flags: `      - --providers.docker.defaultRule=${BAD}\n`,
    expect: [`rule-syntax ${BAD}`],
  },
  {
    name: 'the flag quoted',
    flags: `      - "--providers.docker.defaultRule=${BAD}"\n`,
    expect: [`rule-syntax ${BAD}`],
  },
  {
    name: 'the value as the next word',
    flags: `      - --providers.docker.defaultRule\n      - ${BAD}\n`,
    expect: [`rule-syntax ${BAD}`],
  },
];

for (const c of cases) {
  test(`provider that fails to start: ${c.name}`, () => {
    const text = compose(c.flags);
    const got = ['rule-syntax', 'route-conflict', 'route-shadowed', 'priority-tie'].flatMap((code) =>
      run(code, text).map((f) => (code === 'rule-syntax' ? `${f.code} ${f.text}` : f.code)),
    );
    assert.deepEqual(got, c.expect);
  });
}
