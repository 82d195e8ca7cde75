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

// The same provider configured by TRAEFIK_* variables (no command): the finding is on the
// variable's value, not its name.
const byEnv = (environment: string) => `services:
  traefik:
    image: traefik:v3.1
    environment:
${environment}  a:
    image: nginx
    labels:
      - traefik.http.routers.a.rule=Host(\`x.example.com\`)
`;

const envCases: { name: string; environment: string; expect: string[] }[] = [
  {
    name: 'list form',
    environment: `      - TRAEFIK_PROVIDERS_DOCKER=true\n      - TRAEFIK_PROVIDERS_DOCKER_DEFAULTRULE=${BAD}\n`,
    expect: [`rule-syntax ${BAD}`],
  },
  {
    name: 'list form, quoted item',
    environment: `      - TRAEFIK_PROVIDERS_DOCKER=true\n      - "TRAEFIK_PROVIDERS_DOCKER_DEFAULTRULE=${BAD}"\n`,
    expect: [`rule-syntax ${BAD}`],
  },
  {
    name: 'map form',
    environment: `      TRAEFIK_PROVIDERS_DOCKER: "true"\n      TRAEFIK_PROVIDERS_DOCKER_DEFAULTRULE: ${BAD}\n`,
    expect: [`rule-syntax ${BAD}`],
  },
  {
    name: 'map form, quoted value',
    environment: `      TRAEFIK_PROVIDERS_DOCKER: "true"\n      TRAEFIK_PROVIDERS_DOCKER_DEFAULTRULE: '${BAD}'\n`,
    expect: [`rule-syntax ${BAD}`],
  },
  {
    name: "map form, a double-quoted value with an escape: the name's last segment, as the mapping is not exact",
    environment: `      TRAEFIK_PROVIDERS_DOCKER: "true"\n      TRAEFIK_PROVIDERS_DOCKER_DEFAULTRULE: "${BAD}\\t"\n`,
    expect: ['rule-syntax DEFAULTRULE'],
  },
];

for (const c of envCases) {
  test(`provider that fails to start, defaultRule from a variable: ${c.name}`, () => {
    const got = run('rule-syntax', byEnv(c.environment)).map((f) => `${f.code} ${f.text}`);
    assert.deepEqual(got, c.expect);
  });
}
