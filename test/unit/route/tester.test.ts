// Winner selection and forwarded paths, as data. Where a case comes from Traefik, the source is
// named: pkg/muxer/http/mux_test.go Test_addRoutePriority, the rules-and-priority doc page,
// pkg/middlewares/stripprefix/strip_prefix_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, routeRequest, type RouteQuery } from '../../../server/src/analysis';

/** One compose service per router: [name, rule, extra router labels, extra service labels]. */
type Svc = [string, string, string[]?, string[]?];

function project(services: Svc[], staticYaml?: string) {
  const body = services
    .map(([name, rule, router = [], other = []]) =>
      [
        `  ${name}:`,
        '    image: x',
        '    labels:',
        `      - "traefik.http.routers.${name}.rule=${rule}"`,
        ...router.map((l) => `      - "traefik.http.routers.${name}.${l}"`),
        ...other.map((l) => `      - "traefik.http.${l}"`),
        `      - traefik.http.services.${name}.loadbalancer.server.port=80`,
      ].join('\n'),
    )
    .join('\n');
  const traefik = staticYaml
    ? '  traefik:\n    image: traefik:v3.4\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n'
    : '';
  return new Analyzer().project({
    files: [{ file: '/p/docker-compose.yml', text: `services:\n${traefik}${body}\n` }],
    readFile: (f) => (f === '/p/traefik.yml' ? staticYaml : undefined),
  });
}

const cases: {
  name: string;
  services: Svc[];
  query: RouteQuery;
  winner: string | null;
  path?: string | null;
  order?: string[];
}[] = [
  {
    name: 'mux_test "Higher priority on second rule"',
    services: [
      ['header1', 'PathPrefix(`/my`)', ['priority=10']],
      ['header2', 'PathPrefix(`/my`)', ['priority=20']],
    ],
    query: { url: 'http://localhost/my' },
    winner: 'header2@docker',
    order: ['header2@docker', 'header1@docker'],
  },
  {
    name: 'mux_test "Higher priority on first rule"',
    services: [
      ['header1', 'PathPrefix(`/my`)', ['priority=20']],
      ['header2', 'PathPrefix(`/my`)', ['priority=10']],
    ],
    query: { url: 'http://localhost/my' },
    winner: 'header1@docker',
  },
  {
    name: 'mux_test "Higher priority on second rule with different rule"',
    services: [
      ['header1', 'PathPrefix(`/mypath`)', ['priority=10']],
      ['header2', 'PathPrefix(`/my`)', ['priority=20']],
    ],
    query: { url: 'http://localhost/mypath' },
    winner: 'header2@docker',
  },
  {
    name: 'mux_test default priorities: the longer rule wins',
    services: [
      ['header1', 'PathPrefix(`/mypath`)'],
      ['header2', 'PathPrefix(`/my`)'],
    ],
    query: { url: 'http://localhost/mypath' },
    winner: 'header1@docker',
  },
  {
    name: 'rules-and-priority doc: HostRegexp (34) beats Host (26) for foobar.traefik.com',
    services: [
      ['router1', 'HostRegexp(`[a-z]+\\.traefik\\.com`)'],
      ['router2', 'Host(`foobar.traefik.com`)'],
    ],
    query: { url: 'http://foobar.traefik.com/' },
    winner: 'router1@docker',
  },
  {
    name: 'rules-and-priority doc: an explicit priority reverses it',
    services: [
      ['router1', 'HostRegexp(`[a-z]+\\.traefik\\.com`)', ['priority=1']],
      ['router2', 'Host(`foobar.traefik.com`)', ['priority=2']],
    ],
    query: { url: 'http://foobar.traefik.com/' },
    winner: 'router2@docker',
  },
  {
    name: 'Host compares case-insensitively and without the port',
    services: [['a', 'Host(`Example.ORG`)']],
    query: { url: 'http://example.org:80/x' },
    winner: 'a@docker',
  },
  {
    name: 'nothing matches: 404',
    services: [['a', 'PathPrefix(`/api`)']],
    query: { url: 'http://localhost/other' },
    winner: null,
  },
  {
    name: 'Method and Header take part',
    services: [
      ['read', 'PathPrefix(`/api`) && Method(`GET`)'],
      ['write', 'PathPrefix(`/api`) && Method(`POST`) && Header(`X-Token`, `t`)'],
    ],
    query: { url: 'http://localhost/api', method: 'post', headers: ['X-Token: t'] },
    winner: 'write@docker',
  },
  {
    name: 'stripprefix removes the first listed prefix that is a plain string prefix (/stat on /status -> /us)',
    services: [
      ['a', 'PathPrefix(`/stat`)', ['middlewares=strip'], ['middlewares.strip.stripprefix.prefixes=/x,/stat']],
    ],
    query: { url: 'http://localhost/status' },
    winner: 'a@docker',
    path: '/us',
  },
  {
    name: 'stripprefix of the whole path: the backend receives /',
    services: [['a', 'PathPrefix(`/api`)', ['middlewares=strip'], ['middlewares.strip.stripprefix.prefixes=/api']]],
    query: { url: 'http://localhost/api' },
    winner: 'a@docker',
    path: '/',
  },
  {
    name: 'stripprefixregex',
    services: [['a', 'PathPrefix(`/v`)', ['middlewares=strip'], ['middlewares.strip.stripprefixregex.regex=/v[0-9]+']]],
    query: { url: 'http://localhost/v12/users' },
    winner: 'a@docker',
    path: '/users',
  },
  {
    name: 'addprefix after stripprefix, in the router order',
    services: [
      [
        'a',
        'PathPrefix(`/api`)',
        ['middlewares=strip,add'],
        ['middlewares.strip.stripprefix.prefixes=/api', 'middlewares.add.addprefix.prefix=/internal'],
      ],
    ],
    query: { url: 'http://localhost/api/users' },
    winner: 'a@docker',
    path: '/internal/users',
  },
  {
    name: 'replacepathregex with a group',
    services: [
      [
        'a',
        'PathPrefix(`/old`)',
        ['middlewares=re'],
        ['middlewares.re.replacepathregex.regex=^/old/(.*)', 'middlewares.re.replacepathregex.replacement=/new/$1'],
      ],
    ],
    query: { url: 'http://localhost/old/a/b' },
    winner: 'a@docker',
    path: '/new/a/b',
  },
  {
    name: 'strip_prefix_test "raw path is also stripped": the backend gets the escaped rest',
    services: [['a', 'PathPrefix(`/stat`)', ['middlewares=strip'], ['middlewares.strip.stripprefix.prefixes=/stat']]],
    query: { url: 'http://localhost/stat/a%2Fb' },
    winner: 'a@docker',
    path: '/a%2Fb',
  },
  {
    name: 'strip_prefix_test "encoded char in prefix segment of raw path"',
    services: [['a', 'PathPrefix(`/api`)', ['middlewares=strip'], ['middlewares.strip.stripprefix.prefixes=/api/']]],
    query: { url: 'http://localhost/ap%69/a%2Fb' },
    winner: 'a@docker',
    path: '/a%2Fb',
  },
  {
    name: 'strip_prefix_test "dot in the path not stripped by the prefix": 400',
    services: [['a', 'PathPrefix(`/api`)', ['middlewares=strip'], ['middlewares.strip.stripprefix.prefixes=/api']]],
    query: { url: 'http://localhost/api./foo' },
    winner: 'a@docker',
    path: null,
  },
  {
    name: 'replace_path_regex_test "multiple replacement" (flags after the anchor)',
    services: [
      [
        'a',
        'PathPrefix(`/`)',
        ['middlewares=re'],
        [
          'middlewares.re.replacepathregex.regex=^(?i)/downloads/([^/]+)/([^/]+)$',
          'middlewares.re.replacepathregex.replacement=/downloads/$1-$2',
        ],
      ],
    ],
    query: { url: 'http://localhost/downloads/src/source.go' },
    winner: 'a@docker',
    path: '/downloads/src-source.go',
  },
  {
    name: 'replace_path_regex_test "empty trimmed replacement" (regex and replacement are trimmed)',
    services: [
      [
        'a',
        'PathPrefix(`/`)',
        ['middlewares=re'],
        ['middlewares.re.replacepathregex.regex=/whoami', 'middlewares.re.replacepathregex.replacement= '],
      ],
    ],
    query: { url: 'http://localhost/whoami/and/whoami' },
    winner: 'a@docker',
    path: '/and',
  },
  {
    name: 'replace_path_regex_test "invalid regular expression": the router is disabled, the next one serves',
    services: [
      [
        'a',
        'PathPrefix(`/invalid`)',
        ['middlewares=re'],
        [
          'middlewares.re.replacepathregex.regex=^(?err)/invalid/regexp/([^/]+)$',
          'middlewares.re.replacepathregex.replacement=/x',
        ],
      ],
      ['b', 'PathPrefix(`/`)'],
    ],
    query: { url: 'http://localhost/invalid/regexp/test' },
    winner: 'b@docker',
    order: ['b@docker'],
  },
  {
    name: 'mux_test TestEmptyHost: an absolute-form URL without host takes the Host header',
    services: [['a', 'Host(`example.com`)']],
    query: { url: 'http://@/', headers: ['Host: example.com'] },
    winner: 'a@docker',
  },
  {
    name: 'replacepath',
    services: [['a', 'Path(`/x`)', ['middlewares=rp'], ['middlewares.rp.replacepath.path=/y']]],
    query: { url: 'http://localhost/x' },
    winner: 'a@docker',
    path: '/y',
  },
];

for (const c of cases) {
  test(`route: ${c.name}`, () => {
    const r = routeRequest(project(c.services), c.query);
    assert.equal(r.error, undefined);
    assert.equal(r.winner?.router ?? null, c.winner);
    if (c.path !== undefined) assert.equal(r.forwardedPath, c.path);
    if (c.order)
      assert.deepEqual(
        r.candidates.map((x) => x.router),
        c.order,
      );
    if (c.winner === null) assert.deepEqual(r.candidates, []);
  });
}

const STATIC = `providers:
  docker: {}
entryPoints:
  web:
    address: ":80"
  websecure:
    address: ":443"
    http:
      tls: {}
  admin:
    address: ":9000"
`;

test('route: the URL port picks the entry point; a router on another entry point is not a candidate', () => {
  const p = project(
    [
      ['pub', 'PathPrefix(`/`)', ['entrypoints=web']],
      ['adm', 'PathPrefix(`/`)', ['entrypoints=admin']],
    ],
    STATIC,
  );
  assert.equal(routeRequest(p, { url: 'http://h/' }).winner?.router, 'pub@docker');
  assert.equal(routeRequest(p, { url: 'http://h:9000/' }).winner?.router, 'adm@docker');
  assert.equal(routeRequest(p, { url: 'http://h/', entryPoint: 'admin' }).winner?.router, 'adm@docker');
  assert.match(routeRequest(p, { url: 'http://h:1234/' }).error ?? '', /No entry point listens on port 1234/);
  assert.match(routeRequest(p, { url: 'http://h/', entryPoint: 'nope' }).error ?? '', /"nope" is not defined/);
});

test('route: http.tls on an entry point makes its routers TLS routers', () => {
  const p = project([['sec', 'PathPrefix(`/`)', ['entrypoints=websecure']]], STATIC);
  assert.equal(routeRequest(p, { url: 'https://h/' }).winner?.router, 'sec@docker');
  // A plain request on :443 meets no TLS router.
  assert.equal(routeRequest(p, { url: 'http://h:443/' }).winner, null);
});

test('route: bad input is an error, not a throw', () => {
  const p = project([['a', 'PathPrefix(`/`)']]);
  assert.match(routeRequest(p, { url: 'ftp://h/' }).error ?? '', /not an HTTP scheme/);
  assert.match(routeRequest(p, { url: 'http://h/%zz' }).error ?? '', /bad %-escape/);
  assert.match(routeRequest(p, { url: 'http://h/', headers: ['nocolon'] }).error ?? '', /Name: value/);
});

test('route: a router without a rule gets the default rule Host(`<service>-<project>`)', () => {
  const p = new Analyzer().project({
    files: [
      {
        file: '/shop/docker-compose.yml',
        text: 'services:\n  web_app:\n    image: x\n    labels:\n      - traefik.http.services.web.loadbalancer.server.port=80\n  api:\n    image: x\n    labels:\n      - "traefik.http.routers.api.rule=PathPrefix(`/`)"\n      - traefik.http.services.api.loadbalancer.server.port=80\n',
      },
    ],
  });
  // normalize("web_app_shop") = "web-app-shop"; its 25-byte rule outranks the catch-all (15).
  const r = routeRequest(p, { url: 'http://web-app-shop/x' });
  assert.equal(r.winner?.router, 'web-app-shop@docker');
  assert.equal(r.winner?.rule, 'Host(`web-app-shop`)');
  assert.equal(r.service, 'web@docker');
  assert.equal(routeRequest(p, { url: 'http://other/x' }).winner?.router, 'api@docker');
});
