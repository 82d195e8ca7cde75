// undefined-middleware and undefined-service, which share the reference resolution.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

const base = (middlewares: string, extra = '') => yaml`
  services:
    users:
      image: app
      labels:
        - traefik.http.routers.users.rule=PathPrefix(\`/api/users\`)
        - traefik.http.routers.users.middlewares=${middlewares}
        - traefik.http.middlewares.users-strip.stripprefix.prefixes=/api/users
        - traefik.http.services.users.loadbalancer.server.port=8002
${extra}
`;

const middlewareCases: {
  name: string;
  middlewares: string;
  extra?: string;
  expect: { severity: string; text: string; suggestion?: string }[];
  options?: object;
}[] = [
  { name: 'defined in the same service', middlewares: 'users-strip', expect: [] },
  {
    name: 'near miss is an error with a suggestion',
    middlewares: 'users-stripp',
    expect: [{ severity: 'error', text: 'users-stripp', suggestion: 'users-strip' }],
  },
  {
    name: 'second item of a list, exact range',
    middlewares: 'users-strip, user-strip',
    expect: [{ severity: 'error', text: 'user-strip', suggestion: 'users-strip' }],
  },
  {
    name: 'unknown and far from any name: warning (another project may define it)',
    middlewares: 'https-redirect',
    expect: [{ severity: 'warning', text: 'https-redirect' }],
  },
  {
    name: 'listed as external in settings',
    middlewares: 'https-redirect',
    options: { externalMiddlewares: ['https-redirect'] },
    expect: [],
  },
  // Another compose project of the CLI run (one Docker host) defines it (cli/elsewhere.ts).
  {
    name: 'defined by another project of the run',
    middlewares: 'https-redirect',
    options: { elsewhere: { middlewares: ['https-redirect@docker'], services: [] } },
    expect: [],
  },
  {
    name: 'defined by another project of the run, written @docker',
    middlewares: 'https-redirect@docker',
    options: { elsewhere: { middlewares: ['https-redirect@docker'], services: [] } },
    expect: [],
  },
  {
    name: 'another project defines it for the swarm provider only: still the warning',
    middlewares: 'https-redirect',
    options: { elsewhere: { middlewares: ['https-redirect@swarm'], services: [] } },
    expect: [{ severity: 'warning', text: 'https-redirect' }],
  },
  {
    name: 'a config file external list and another project together',
    middlewares: 'https-redirect,sso',
    options: { externalMiddlewares: ['sso'], elsewhere: { middlewares: ['https-redirect@docker'], services: [] } },
    expect: [],
  },
  { name: '@file is another provider: not judged', middlewares: 'auth@file', expect: [] },
  {
    name: '@docker is looked up',
    middlewares: 'users-stripp@docker',
    expect: [{ severity: 'error', text: 'users-stripp@docker', suggestion: 'users-strip@docker' }],
  },
  {
    name: 'defined on another service of the project',
    middlewares: 'shared-auth',
    extra:
      '    auth:\n      image: x\n      labels:\n        - traefik.http.middlewares.shared-auth.basicauth.users=u:p\n',
    expect: [],
  },
  {
    name: 'defined on a service Traefik ignores (traefik.enable=false)',
    middlewares: 'shared-auth',
    extra:
      '    auth:\n      image: x\n      labels:\n        - traefik.enable=false\n        - traefik.http.middlewares.shared-auth.basicauth.users=u:p\n',
    expect: [{ severity: 'error', text: 'shared-auth' }],
  },
  { name: 'interpolated value is not judged', middlewares: '${AUTH_MIDDLEWARE}', expect: [] },
];

for (const c of middlewareCases) {
  test(`undefined-middleware: ${c.name}`, () => {
    const got = run('undefined-middleware', base(c.middlewares, c.extra), { options: c.options });
    assert.deepEqual(
      got.map((f) => ({
        severity: f.severity,
        text: f.text,
        ...(f.data?.suggestion ? { suggestion: f.data.suggestion } : {}),
      })),
      c.expect,
    );
  });
}

test('undefined-middleware: chain members are checked too', () => {
  const text = yaml`
    services:
      a:
        image: x
        labels:
          - traefik.http.middlewares.secure.chain.middlewares=compress,hedaers
          - traefik.http.middlewares.compress.compress=true
          - traefik.http.middlewares.headers.headers.framedeny=true
          - traefik.http.services.a.loadbalancer.server.port=80
  `;
  assert.deepEqual(
    run('undefined-middleware', text).map((f) => f.text),
    ['hedaers'],
  );
});

const serviceText = (service: string, more = '') => yaml`
  services:
    users:
      image: app
      labels:
        - traefik.http.routers.users.rule=PathPrefix(\`/api/users\`)
        ${service ? `- traefik.http.routers.users.service=${service}` : ''}
        - traefik.http.services.users-svc.loadbalancer.server.port=8002
        ${more}
`;

const serviceCases: { name: string; service: string; more?: string; expect: { severity: string; text: string }[] }[] = [
  { name: 'declared service', service: 'users-svc', expect: [] },
  { name: 'near miss', service: 'user-svc', expect: [{ severity: 'error', text: 'user-svc' }] },
  { name: 'api@internal exists', service: 'api@internal', expect: [] },
  {
    name: 'unknown internal service',
    service: 'dashbaord@internal',
    expect: [{ severity: 'error', text: 'dashbaord@internal' }],
  },
  { name: 'another provider is not judged', service: 'backend@file', expect: [] },
  { name: 'only one service: the router binds to it', service: '', expect: [] },
  {
    name: 'several services and no .service: Traefik drops the router',
    service: '',
    more: '- traefik.http.services.users-admin.loadbalancer.server.port=9000',
    expect: [{ severity: 'error', text: 'users' }],
  },
];

for (const c of serviceCases) {
  test(`undefined-service: ${c.name}`, () => {
    const got = run('undefined-service', serviceText(c.service, c.more));
    assert.deepEqual(
      got.map((f) => ({ severity: f.severity, text: f.text })),
      c.expect,
    );
  });
}
