// route-conflict between a container's router and a file router with the same rule: quiet when
// the file's copy sends to the same servers through the same middlewares (a fallback file that
// repeats the labels: whichever Traefik tries first serves the request alike).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const compose = (labels: string[], extra = ''): string =>
  [
    'services:',
    '  traefik:',
    '    image: traefik:v3.1',
    '    command: [--providers.docker=true, --providers.file.filename=/etc/dyn.yml, --entrypoints.web.address=:80]',
    '    volumes: [./dyn.yml:/etc/dyn.yml]',
    '  frontend:',
    '    image: nginx',
    extra,
    '    labels:',
    ...labels.map((l) => `      - ${l}`),
    '',
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';

const LABELS = [
  'traefik.http.routers.frontend.rule=Host(`f.localhost`)',
  'traefik.http.routers.frontend.entrypoints=web',
  'traefik.http.services.frontend.loadbalancer.server.port=3000',
];

const dyn = (url: string, router = '', service = ''): Record<string, string> => ({
  '/project/dyn.yml':
    'http:\n  routers:\n    frontend:\n      rule: Host(`f.localhost`)\n      service: frontend\n      entryPoints: [web]\n' +
    router +
    `  services:\n    frontend:\n      loadBalancer:\n        servers:\n          - url: "${url}"\n` +
    service,
});

const cases: { name: string; text: string; file: Record<string, string>; expect: number }[] = [
  { name: 'the compose service on the same port', text: compose(LABELS), file: dyn('http://frontend:3000'), expect: 0 },
  {
    name: 'the container name, passHostHeader beside',
    text: compose(LABELS, '    container_name: web-1'),
    file: dyn('http://web-1:3000/', '', '        passHostHeader: true\n'),
    expect: 0,
  },
  { name: 'another port', text: compose(LABELS), file: dyn('http://frontend:8080'), expect: 2 },
  { name: 'another host', text: compose(LABELS), file: dyn('http://10.0.0.5:3000'), expect: 2 },
  { name: 'a templated url', text: compose(LABELS), file: dyn('{{ env "URL" }}'), expect: 2 },
  {
    name: 'a middleware only the file router has',
    text: compose(LABELS),
    file: dyn('http://frontend:3000', '      middlewares: [auth]\n'),
    expect: 2,
  },
  {
    name: 'no port label (the detected port is not compared)',
    text: compose(LABELS.slice(0, 2)),
    file: dyn('http://frontend:80'),
    expect: 2,
  },
];

for (const c of cases) {
  test(`route-conflict with a file router: ${c.name}`, () => {
    const got = run('route-conflict', c.text, { others: c.file, mounted: c.file });
    assert.equal(got.length, c.expect, JSON.stringify(got.map((f) => f.message)));
  });
}
