import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const compose = (rule: string, prefixes: string, middleware = 'api-strip') =>
  `services:\n  api:\n    image: x\n    labels:\n      - "traefik.http.routers.api.rule=${rule}"\n      - traefik.http.routers.api.middlewares=${middleware}\n      - traefik.http.middlewares.api-strip.stripprefix.prefixes=${prefixes}\n      - traefik.http.services.api.loadbalancer.server.port=80\n`;

const cases: { name: string; text: string; expect: string[]; message?: string; says?: RegExp }[] = [
  { name: 'prefix matches the route', text: compose('PathPrefix(`/api/users`)', '/api/users'), expect: [] },
  {
    name: 'stale prefix after a rename',
    text: compose('PathPrefix(`/api/social`)', '/api/socials'),
    expect: ['/api/socials'],
    // /api/socials/x is still a request of the router, and it is stripped: the explanation says so.
    message: '"/api/socials" is not a prefix of router "api"\'s paths: strip "/api/social"',
    says: /only requests under "\/api\/socials" are stripped/,
  },
  {
    name: 'a prefix no request of the router can start with strips nothing',
    text: compose('PathPrefix(`/users`)', '/api/users'),
    expect: ['/api/users'],
    says: /nothing is stripped/,
  },
  {
    name: 'a catch-all stripping a sub-path is deliberate',
    text: compose('PathPrefix(`/`)', '/stat'),
    expect: [],
  },
  {
    name: 'a rule with a branch that takes any path is not judged',
    text: compose('PathPrefix(`/a`) || Host(`a.com`)', '/b'),
    expect: [],
  },
  { name: 'one of two prefixes matches', text: compose('PathPrefix(`/api/v2`)', '/api/v1,/api/v2'), expect: [] },
  {
    name: 'prefix ends inside a segment',
    text: compose('PathPrefix(`/api/users`)', '/api/user'),
    expect: ['/api/user'],
    message: '"/api/user" ends inside a segment of "/api/users": strip "/api/users"',
    says: /reaches the service as "s…"/,
  },
  {
    name: 'prefix with trailing slash is a segment boundary',
    text: compose('PathPrefix(`/api/users/`)', '/api/'),
    expect: [],
  },
  { name: 'Host-only rule: nothing to compare', text: compose('Host(`a.com`)', '/x'), expect: [] },
  {
    name: 'path under a negation is not a route path',
    text: compose('Host(`a.com`) && !PathPrefix(`/x`)', '/y'),
    expect: [],
  },
  {
    name: 'Path and PathPrefix in one rule',
    text: compose('Host(`a`) && (Path(`/v1`) || PathPrefix(`/v1/`))', '/v1'),
    expect: [],
  },
  {
    name: 'middleware from another provider is not judged',
    text: compose('PathPrefix(`/a`)', '/b', 'api-strip@file'),
    expect: [],
  },
];

for (const c of cases) {
  test(`stripprefix-mismatch: ${c.name}`, () => {
    const got = run('stripprefix-mismatch', c.text);
    assert.deepEqual(
      got.map((f) => f.text),
      c.expect,
    );
    for (const f of got) assert.equal(f.severity, 'warning');
    if (c.message) assert.equal(got[0].message, c.message);
    if (c.says) assert.match(got[0].explanation, c.says);
  });
}
