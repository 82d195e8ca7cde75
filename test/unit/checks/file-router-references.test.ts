// The file provider's routers and chains name services and middlewares as labels do: a name
// without `@` is the file provider's, `x@docker` a container's (pkg/server/provider/provider.go
// GetQualifiedName); a missing one disables the router (undefined-service / undefined-middleware
// on the dynamic file's text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const COMPOSE = [
  'services:',
  '  traefik:',
  '    image: traefik:v3.1',
  '    command: [--api=true, --providers.docker=true, --providers.file.filename=/etc/dyn.yml]',
  '    volumes: [./dyn.yml:/etc/dyn.yml]',
  '  web:',
  '    image: traefik/whoami',
  '    labels:',
  '      - traefik.http.routers.web.rule=Host(`w.example.com`)',
  '      - traefik.http.middlewares.secure.headers.framedeny=true',
  '',
].join('\n');
const dyn = (router: string, rest = '', services = ''): Record<string, string> => ({
  '/project/dyn.yml':
    'http:\n  routers:\n    r:\n      rule: Host(`r.example.com`)\n' +
    router +
    '  middlewares:\n    auth:\n      basicAuth:\n        users: ["u:p"]\n' +
    rest +
    '  services:\n    svc:\n      loadBalancer:\n        servers: [{url: "http://10.0.0.1"}]\n' +
    services,
});

/** COMPOSE without `--api`, or with Traefik started by a script (its static configuration unknown). */
const NO_API = COMPOSE.replace('--api=true, ', '');
const FILE_ONLY = NO_API.replace('--providers.docker=true, ', '');
const SCRIPT = NO_API.replace('    command:', '    entrypoint: /start.sh\n    command:');

const cases: { name: string; code: string; file: Record<string, string>; expect: string[]; compose?: string }[] = [
  {
    name: 'a file service misspelt',
    code: 'undefined-service',
    file: dyn('      service: svk\n'),
    expect: ['error svk: service "svk" is not defined: did you mean "svc"?'],
  },
  { name: 'a file service', code: 'undefined-service', file: dyn('      service: svc\n'), expect: [] },
  {
    name: 'a container service',
    code: 'undefined-service',
    file: dyn('      service: web-project@docker\n'),
    expect: [],
  },
  {
    name: 'a container service without @docker: the file provider is looked in',
    code: 'undefined-service',
    file: dyn('      service: web-project\n'),
    expect: ['error web-project: service "web-project" is defined by the docker provider: write "web-project@docker"'],
  },
  {
    name: 'a container service misspelt',
    code: 'undefined-service',
    file: dyn('      service: web-projekt@docker\n'),
    expect: [
      'error web-projekt@docker: service "web-projekt@docker" is not defined: did you mean "web-project@docker"?',
    ],
  },
  {
    name: 'a container service another project may define: a warning',
    code: 'undefined-service',
    file: dyn('      service: billing@docker\n'),
    expect: ['warning billing@docker'],
  },
  {
    name: 'api@internl',
    code: 'undefined-service',
    file: dyn('      service: api@internl\n'),
    expect: ['error api@internl: Traefik has no provider "internl": did you mean "api@internal"?'],
  },
  { name: 'api@internal', code: 'undefined-service', file: dyn('      service: api@internal\n'), expect: [] },
  {
    // pkg/server/service/internalhandler.go get: "api is not enabled"
    name: 'api@internal without the API',
    code: 'undefined-service',
    compose: NO_API,
    file: dyn('      service: api@internal\n'),
    expect: ['error api@internal: service "api@internal" needs Traefik\'s API: enable api in the static configuration'],
  },
  {
    name: 'dashboard@internal without the API',
    code: 'undefined-service',
    compose: NO_API,
    file: dyn('      service: dashboard@internal\n'),
    expect: ['error dashboard@internal'],
  },
  {
    name: 'api@internal when a script starts Traefik: its static configuration is not known',
    code: 'undefined-service',
    compose: SCRIPT,
    file: dyn('      service: api@internal\n'),
    expect: [],
  },
  {
    // retrial tpl: only the file provider runs, so no "@docker" name exists (label case: "@file" without it).
    name: 'x@docker while the static configuration runs no docker provider',
    code: 'undefined-service',
    compose: FILE_ONLY,
    file: dyn('      service: a@docker\n'),
    expect: [
      'error a@docker: service "a@docker" needs the docker provider, which Traefik\'s static configuration does not set up',
    ],
  },
  {
    name: 'x@swarm while it runs no swarm provider',
    code: 'undefined-middleware',
    compose: FILE_ONLY,
    file: dyn('      service: svc\n      middlewares: [m@swarm]\n'),
    expect: ['error m@swarm'],
  },
  {
    name: 'x@docker when a script starts Traefik',
    code: 'undefined-service',
    compose: FILE_ONLY.replace('    command:', '    entrypoint: /start.sh\n    command:'),
    file: dyn('      service: a@docker\n'),
    expect: [],
  },
  {
    name: 'noop@internal needs no API',
    code: 'undefined-service',
    compose: NO_API,
    file: dyn('      service: noop@internal\n'),
    expect: [],
  },
  {
    name: 'middlewares, each item on its own',
    code: 'undefined-middleware',
    file: dyn('      service: svc\n      middlewares:\n        - auth\n        - "aut"\n        - secure@docker\n'),
    expect: ['error aut: middleware "aut" is not defined: did you mean "auth"?'],
  },
  {
    name: 'a flow list',
    code: 'undefined-middleware',
    file: dyn('      service: svc\n      middlewares: [auth, secur@docker]\n'),
    expect: ['error secur@docker: middleware "secur@docker" is not defined: did you mean "secure@docker"?'],
  },
  {
    name: 'a container middleware without @docker',
    code: 'undefined-middleware',
    file: dyn('      service: svc\n      middlewares: [secure]\n'),
    expect: ['error secure: middleware "secure" is defined by the docker provider: write "secure@docker"'],
  },
  {
    name: 'a chain in the file',
    code: 'undefined-middleware',
    file: dyn('      service: svc\n', '    all:\n      chain:\n        middlewares: [auth, nope]\n'),
    expect: ['error nope: middleware "nope" is not defined by the file provider'],
  },
  {
    name: 'auth@fil',
    code: 'undefined-middleware',
    file: dyn('      service: svc\n      middlewares: [auth@fil]\n'),
    expect: ['error auth@fil: Traefik has no provider "fil": did you mean "auth@file"?'],
  },
  {
    name: 'another provider is not judged',
    code: 'undefined-middleware',
    file: dyn('      service: svc\n      middlewares: [auth@kubernetescrd]\n'),
    expect: [],
  },
  {
    // pkg/server/service/service.go getWRRServiceHandler: a child that fails fails the parent.
    name: 'a weighted service naming a missing child',
    code: 'undefined-service',
    file: dyn(
      '      service: w\n',
      '',
      '    w:\n      weighted:\n        services:\n          - name: svc\n          - name: svk\n',
    ),
    expect: ['error svk: service "svk" is not defined: did you mean "svc"?'],
  },
  {
    name: 'mirroring: its service and mirrors',
    code: 'undefined-service',
    file: dyn(
      '      service: m\n',
      '',
      '    m:\n      mirroring:\n        service: nope\n        mirrors:\n          - name: web-projekt@docker\n            percent: 10\n',
    ),
    expect: [
      'error nope: service "nope" is not defined by the file provider',
      'error web-projekt@docker: service "web-projekt@docker" is not defined: did you mean "web-project@docker"?',
    ],
  },
  {
    name: 'failover: its fallback',
    code: 'undefined-service',
    file: dyn('      service: f\n', '', '    f:\n      failover:\n        service: svc\n        fallback: gone\n'),
    expect: ['error gone'],
  },
  {
    name: 'children that exist',
    code: 'undefined-service',
    file: dyn(
      '      service: w\n',
      '',
      '    w:\n      weighted:\n        services: [{name: svc}, {name: web-project@docker}, {name: api@internal}]\n',
    ),
    expect: [],
  },
  {
    name: 'a templated file is not judged',
    code: 'undefined-service',
    file: dyn('      service: {{ env "SVC" }}\n'),
    expect: [],
  },
];

for (const c of cases) {
  test(`file provider reference: ${c.name}`, () => {
    const found = run(c.code, c.compose ?? COMPOSE, { mounted: c.file });
    const seen = found.map((f) => `${f.severity} ${f.text}: ${f.message}`);
    assert.deepEqual(
      seen.map((s, i) => (c.expect[i]?.includes(': ') ? s : s.slice(0, s.indexOf(': ')))),
      c.expect,
    );
  });
}

test('file provider reference: a label naming x@file is still judged from the labels', () => {
  const compose = COMPOSE + '      - traefik.http.routers.web.middlewares=aut@file\n';
  const found = run('undefined-middleware', compose, { mounted: dyn('      service: svc\n') });
  assert.deepEqual(
    found.map((f) => `${f.text}: ${f.message}`),
    ['aut@file: middleware "aut@file" is not defined: did you mean "auth@file"?'],
  );
});
