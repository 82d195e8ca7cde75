// File-provider routers in the routing checks: one muxer per entry point holds every provider's
// routers (rules shadow and tie across providers), names meet only within one provider
// (`app@docker` and `app@file` are two routers), and findings land on the dynamic file's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, routeRequest } from '../../../server/src/analysis';
import { listMounted, runAll, yaml } from '../../helpers';

const FLAGS = (file: string) =>
  `        - --providers.docker\n        - --providers.file.filename=/etc/traefik/${file}\n        - --entrypoints.web.address=:80`;

/** A Traefik service mounting one dynamic file, and one labelled service per [name, labels]. */
function compose(file: string, services: [string, string[]][]): string {
  const body = services
    .map(([name, labels]) =>
      [`  ${name}:`, '    image: app', '    labels:', ...labels.map((l) => `      - "${l}"`)].join('\n'),
    )
    .join('\n');
  return (
    yaml`
  services:
    traefik:
      image: traefik:v3.1
      command:
${FLAGS(file)}
      volumes:
        - ./${file}:/etc/traefik/${file}:ro
` + `${body}\n`
  );
}

const router = (name: string, rule: string, more: string[] = []): [string, string[]] => [
  name,
  [
    `traefik.http.routers.${name}.rule=${rule}`,
    `traefik.http.routers.${name}.entrypoints=web`,
    ...more,
    `traefik.http.services.${name}.loadbalancer.server.port=80`,
  ],
];

const LEGACY =
  'http:\n  services:\n    legacy:\n      loadBalancer:\n        servers:\n          - url: "http://10.0.0.5"\n';

interface Case {
  name: string;
  file: string;
  services: [string, string[]][];
  dynamic: string;
  /** `code text` of each routing finding, in order; `~ regexp` on a message or explanation. */
  expect: string[];
  messages?: RegExp[];
}

const ROUTING = new Set(['route-conflict', 'route-shadowed', 'priority-tie']);

const cases: Case[] = [
  {
    name: 'a YAML file router of higher priority shadows a label router',
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: `http:\n  routers:\n    app:\n      rule: "Host(\`app.example\`)"\n      entryPoints: [web]\n      priority: 1000\n      service: legacy\n${LEGACY.slice(6)}`,
    expect: ['route-shadowed Host(`app.example`) && PathPrefix(`/api`)'],
    messages: [/"app@file" matches them first/],
  },
  {
    name: 'a label router of higher priority shadows a file router: the finding is in the file',
    file: 'dynamic.yml',
    services: [router('all', 'Host(`app.example`)', ['traefik.http.routers.all.priority=500'])],
    dynamic: `http:\n  routers:\n    api:\n      rule: Host(\`app.example\`) && Path(\`/x\`)\n      entryPoints: [web]\n      service: legacy\n${LEGACY.slice(6)}`,
    expect: ['route-shadowed Host(`app.example`) && Path(`/x`)'],
    messages: [/router "api@file" never gets a request: "all@docker" matches/],
  },
  {
    name: 'a TOML file router ties with a label router of the same length',
    file: 'dynamic.toml',
    services: [router('shop', 'Host(`shop.example`) && PathPrefix(`/a`)')],
    dynamic:
      '[http.routers.shop]\n  rule = "PathPrefix(`/a`) && Host(`shop.example`)"\n  entryPoints = ["web"]\n  service = "legacy"\n[[http.services.legacy.loadBalancer.servers]]\n  url = "http://10.0.0.5"\n',
    expect: [
      'priority-tie Host(`shop.example`) && PathPrefix(`/a`)',
      'priority-tie PathPrefix(`/a`) && Host(`shop.example`)',
    ],
    messages: [/ties with "shop@file"/, /router "shop@file" ties with "shop@docker"/],
  },
  {
    name: 'the same name in two providers with different configurations is no conflict',
    file: 'dynamic.yml',
    services: [router('app', 'Host(`a.example`)')],
    dynamic: `http:\n  routers:\n    app:\n      rule: Host(\`b.example\`)\n      entryPoints: [web]\n      service: legacy\n${LEGACY.slice(6)}`,
    expect: [],
  },
  {
    name: 'the same rule in two providers, different services: route-conflict on both, with precedence',
    file: 'dynamic.yml',
    services: [router('app', 'Host(`a.example`)')],
    dynamic: `http:\n  routers:\n    other:\n      rule: 'Host(\`a.example\`)'\n      entryPoints: [web]\n      service: legacy\n${LEGACY.slice(6)}`,
    expect: ['route-conflict Host(`a.example`)', 'route-conflict Host(`a.example`)'],
    messages: [/same rule and priority as "other@file"/, /provider precedence/],
  },
  {
    name: 'a file router without a service is not loaded, so it shadows nothing',
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: 'http:\n  routers:\n    app:\n      rule: Host(`app.example`)\n      priority: 1000\n',
    expect: [],
  },
  {
    name: 'a file Traefik refuses loads no router',
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: `http:\n  routers:\n    app:\n      rule: Host(\`app.example\`)\n      priority: 1000\n      servicee: legacy\n${LEGACY.slice(6)}`,
    expect: [],
  },
  {
    name: 'a templated file: its routers are not judged',
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: `http:\n  routers:\n    app:\n      rule: Host(\`{{ env "HOST" }}\`)\n      priority: 1000\n      service: legacy\n${LEGACY.slice(6)}`,
    expect: [],
  },
  {
    name: 'a template only in a server url: Traefik renders it, the router is as written',
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: `http:\n  routers:\n    app:\n      rule: Host(\`app.example\`)\n      entryPoints: [web]\n      priority: 1000\n      service: legacy\n${LEGACY.slice(6).replace('http://10.0.0.5', '{{ env "LEGACY_URL" }}')}`,
    expect: ['route-shadowed Host(`app.example`) && PathPrefix(`/api`)'],
  },
  {
    name: "a template in the router's own entry points: not judged",
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: `http:\n  routers:\n    app:\n      rule: Host(\`app.example\`)\n      entryPoints:\n        - {{ env "EP" }}\n      priority: 1000\n      service: legacy\n${LEGACY.slice(6)}`,
    expect: [],
  },
  {
    name: 'rules from anchors that hold templates: not judged (each alias renders to its own host)',
    file: 'dynamic.yml',
    services: [],
    dynamic: `x-rules:\n  a: &a "Host(\`{{ env "A" }}\`)"\n  b: &b "Host(\`{{ env "B" }}\`)"\nhttp:\n  routers:\n    one:\n      rule: *a\n      entryPoints: [web]\n      service: legacy\n    two:\n      rule: *b\n      entryPoints: [web]\n      service: other\n${LEGACY.slice(6)}    other:\n      loadBalancer:\n        servers:\n          - url: "http://10.0.0.6"\n`,
    expect: [],
  },
  {
    name: 'the same rule from plain anchors in a templated file: judged, on the anchor text',
    file: 'dynamic.yml',
    services: [],
    dynamic: `x-rules:\n  a: &a "Host(\`a.example\`)"\nhttp:\n  routers:\n    one:\n      rule: *a\n      entryPoints: [web]\n      service: legacy\n    two:\n      rule: *a\n      entryPoints: [web]\n      service: other\n${LEGACY.slice(6)}    other:\n      loadBalancer:\n        servers:\n          - url: "{{ env "OTHER_URL" }}"\n`,
    expect: ['route-conflict Host(`a.example`)', 'route-conflict Host(`a.example`)'],
  },
  {
    name: "a router's fields merged from an anchor whose rule is a template: not judged",
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: `x-router: &r\n  rule: Host(\`{{ env "HOST" }}\`)\n  entryPoints: [web]\nhttp:\n  routers:\n    app:\n      <<: *r\n      priority: 1000\n      service: legacy\n${LEGACY.slice(6)}`,
    expect: [],
  },
  {
    name: 'a template that steers (if): what is written may not be rendered, not judged',
    file: 'dynamic.yml',
    services: [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')],
    dynamic: `http:\n  routers:\n{{ if env "OLD" }}\n    app:\n      rule: Host(\`app.example\`)\n      entryPoints: [web]\n      priority: 1000\n      service: legacy\n{{ end }}\n${LEGACY.slice(6)}`,
    expect: [],
  },
  {
    name: 'TCP: the same HostSNI rule in a file and a label is a conflict',
    file: 'dynamic.yml',
    services: [
      [
        'db',
        [
          'traefik.tcp.routers.db.rule=HostSNI(`db.example`)',
          'traefik.tcp.routers.db.entrypoints=web',
          'traefik.tcp.routers.db.tls=true',
          'traefik.tcp.services.db.loadbalancer.server.port=5432',
        ],
      ],
    ],
    dynamic:
      'tcp:\n  routers:\n    pg:\n      rule: HostSNI(`db.example`)\n      entryPoints: [web]\n      tls: {}\n      service: pg\n  services:\n    pg:\n      loadBalancer:\n        servers:\n          - address: "10.0.0.5:5432"\n',
    expect: ['route-conflict HostSNI(`db.example`)', 'route-conflict HostSNI(`db.example`)'],
    messages: [/"pg@file"/],
  },
];

for (const c of cases) {
  test(`file-provider routing: ${c.name}`, () => {
    const mounted = { [`/project/${c.file}`]: c.dynamic };
    const got = runAll(compose(c.file, c.services), { mounted }).filter((f) => ROUTING.has(f.code));
    assert.deepEqual(
      got.map((f) => `${f.code} ${f.text}`),
      c.expect,
      JSON.stringify(got, null, 1),
    );
    for (const m of c.messages ?? [])
      assert.ok(
        got.some((f) => m.test(f.message) || m.test(f.explanation)),
        `${m} in ${JSON.stringify(got.map((f) => f.message))}`,
      );
  });
}

test('file-provider routing: related information of a label finding points into the dynamic file', () => {
  const text = compose('dynamic.yml', [router('api', 'Host(`app.example`) && PathPrefix(`/api`)')]);
  const dynamic = `http:\n  routers:\n    app:\n      rule: Host(\`app.example\`)\n      entryPoints: [web]\n      priority: 1000\n      service: legacy\n${LEGACY.slice(6)}`;
  const mounted = { '/project/dynamic.yml': dynamic };
  const { findings } = new Analyzer().analyze({
    files: [{ file: '/project/docker-compose.yml', text }],
    readFile: (p) => mounted[p as keyof typeof mounted],
    listDir: (d) => listMounted(mounted, d),
  });
  const shadowed = findings.find((f) => f.code === 'route-shadowed');
  assert.ok(shadowed);
  const rel = shadowed.related?.[0];
  assert.equal(rel?.file, '/project/dynamic.yml');
  assert.equal(dynamic.slice(rel!.range.start, rel!.range.end), 'app');
});

test('file-provider routing: the route tester picks a file router and follows its @file middleware', () => {
  const text = compose('dynamic.yml', [router('site', 'Host(`app.example`)')]);
  const dynamic = [
    'http:',
    '  routers:',
    '    api:',
    '      rule: Host(`app.example`) && PathPrefix(`/api`)',
    '      entryPoints: [web]',
    '      middlewares: [strip]',
    '      service: site@docker',
    '  middlewares:',
    '    strip:',
    '      stripPrefix:',
    '        prefixes: [/api]',
    '',
  ].join('\n');
  const mounted = { '/project/dynamic.yml': dynamic };
  const project = new Analyzer().project({
    files: [{ file: '/project/docker-compose.yml', text }],
    readFile: (p) => mounted[p as keyof typeof mounted],
    listDir: (d) => listMounted(mounted, d),
  });
  const result = routeRequest(project, { url: 'http://app.example/api/users' });
  assert.equal(result.winner?.router, 'api@file');
  assert.equal(result.winner?.file, '/project/dynamic.yml');
  assert.equal(
    dynamic.slice(result.winner!.range!.start, result.winner!.range!.end),
    'Host(`app.example`) && PathPrefix(`/api`)',
  );
  assert.equal(result.service, 'site@docker');
  assert.deepEqual(result.middlewares, ['strip@file']);
  assert.equal(result.forwardedPath, '/users');
  assert.deepEqual(
    result.candidates.map((c) => c.router),
    ['api@file', 'site@docker'],
  );
  // Without the path prefix only the label router matches.
  assert.equal(routeRequest(project, { url: 'http://app.example/' }).winner?.router, 'site@docker');
});
