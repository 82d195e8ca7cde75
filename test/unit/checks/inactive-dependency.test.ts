// inactive-dependency: a started service that depends_on a service no active profile starts makes
// compose refuse the project (compose-go loader/validate.go checkConsistency), unless required: false.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const proxy = '  traefik:\n    image: traefik:v3.1\n    profiles: [proxy]\n';

const cases: {
  name: string;
  text: string;
  profiles?: string[];
  others?: Record<string, string>;
  expect: string[];
}[] = [
  {
    name: 'short form, no profile active (the trial repro min-12)',
    text: `services:\n${proxy}  app:\n    image: traefik/whoami\n    depends_on: [traefik]\n`,
    expect: [
      'error traefik | app depends on "traefik", which no active profile starts: activate profile "proxy" (--profile, COMPOSE_PROFILES), or write required: false',
    ],
  },
  {
    name: 'long form without required: required by default',
    text: `services:\n${proxy}  app:\n    image: x\n    depends_on:\n      traefik:\n        condition: service_started\n`,
    expect: [
      'error traefik | app depends on "traefik", which no active profile starts: activate profile "proxy" (--profile, COMPOSE_PROFILES), or write required: false',
    ],
  },
  {
    name: 'several profiles on the dependency: each would do',
    text: 'services:\n  db:\n    image: x\n    profiles: [dev, test]\n  app:\n    image: x\n    depends_on: [db]\n',
    expect: [
      'error db | app depends on "db", which no active profile starts: activate one of the profiles "dev", "test" (--profile, COMPOSE_PROFILES), or write required: false',
    ],
  },
  {
    name: 'required: false: compose skips it',
    text: `services:\n${proxy}  app:\n    image: x\n    depends_on:\n      traefik:\n        condition: service_started\n        required: false\n`,
    expect: [],
  },
  {
    name: 'the profile active (--profile)',
    text: `services:\n${proxy}  app:\n    image: x\n    depends_on: [traefik]\n`,
    profiles: ['proxy'],
    expect: [],
  },
  {
    name: 'every profile (*)',
    text: `services:\n${proxy}  app:\n    image: x\n    depends_on: [traefik]\n`,
    profiles: ['*'],
    expect: [],
  },
  {
    name: 'the dependent service is off too: compose never checks it',
    text: `services:\n${proxy}  app:\n    image: x\n    profiles: [app]\n    depends_on: [traefik]\n`,
    expect: [],
  },
  {
    name: 'both on other profiles, only the dependent one active',
    text: `services:\n${proxy}  app:\n    image: x\n    profiles: [app]\n    depends_on: [traefik]\n`,
    profiles: ['app'],
    expect: [
      'error traefik | app depends on "traefik", which no active profile starts: activate profile "proxy" (--profile, COMPOSE_PROFILES), or write required: false',
    ],
  },
  {
    name: 'a dependency without profiles, and one undefined altogether: not this code',
    text: 'services:\n  db:\n    image: x\n  app:\n    image: x\n    depends_on: [db, cache]\n',
    expect: [],
  },
  {
    name: 'an override makes it optional (a later entry replaces the earlier one)',
    text: `services:\n${proxy}  app:\n    image: x\n    depends_on: [traefik]\n`,
    others: {
      'docker-compose.override.yml':
        'services:\n  app:\n    depends_on:\n      traefik:\n        condition: service_started\n        required: false\n',
    },
    expect: [],
  },
  {
    name: 'inherited through extends',
    text: `services:\n${proxy}  base:\n    image: x\n    profiles: [base]\n    depends_on: [traefik]\n  app:\n    extends: base\n    profiles: []\n`,
    profiles: ['base'],
    expect: [
      'error traefik | base, app depend on "traefik", which no active profile starts: activate profile "proxy" (--profile, COMPOSE_PROFILES), or write required: false',
    ],
  },
];

for (const c of cases) {
  test(`inactive-dependency: ${c.name}`, () => {
    const found = run('inactive-dependency', c.text, c);
    assert.deepEqual(
      found.map((f) => `${f.severity} ${f.text} | ${f.message}`),
      c.expect,
    );
    for (const f of found) assert.match(f.explanation, /depends on undefined service/);
  });
}
