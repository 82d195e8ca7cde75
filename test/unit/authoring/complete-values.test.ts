// Completion of values that come from elsewhere in the project: hosts and paths inside rules,
// ports with where they come from, certificate resolvers of the static configuration, and
// only the services Traefik loads. Each table case is also checked at every prefix of its value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { complete } from '../../../server/src/analysis/authoring';
import type { CompletionItem } from '../../../server/src/analysis/authoring/types';
import { yaml } from '../../helpers';
import { cursor, FILE } from './helpers';

function itemsAt(src: string, files: Record<string, string> = {}): { text: string; items: CompletionItem[] } {
  const { text, offset } = cursor(src);
  const project = new Analyzer().project({ files: [{ file: FILE, text }], readFile: (p) => files[p] });
  const items = complete(project, FILE, offset);
  for (const i of items)
    assert.ok(i.replace.start <= offset && offset <= i.replace.end, `${i.label}: holds the cursor`);
  return { text, items };
}

/** A project with a Traefik (web and websecure, resolver le) and two routed services; `labels` go on `api`. */
const project = (labels: string) => yaml`
  services:
    traefik:
      image: traefik:v3.7
      command:
        - --entrypoints.web.address=:80
        - --entrypoints.websecure.address=:443
        - --certificatesresolvers.le.acme.tlschallenge=true
        - --certificatesresolvers.dns.acme.dnschallenge.provider=cloudflare
    shop:
      image: nginx
      labels:
        - traefik.http.routers.shop.rule=Host(\`shop.example.com\`) && PathPrefix(\`/cart\`)
        - traefik.http.routers.shop.entrypoints=websecure
        - traefik.tcp.routers.db.rule=HostSNI(\`db.example.com\`)
    blog:
      image: nginx
      labels:
        - traefik.http.routers.blog.rule=Host(\`blog.example.com\`) || Path(\`/feed\`)
        - traefik.http.routers.blog.entrypoints=web
    api:
      image: nginx
      ports:
        - "8080:80"
      expose:
        - "9000"
      labels:
${labels}
`;

interface Case {
  name: string;
  src: string;
  files?: Record<string, string>;
  exactly?: string[];
  not?: string[];
  replaces?: string;
  /** [label, insertText] */
  inserts?: [string, string];
  /** [label, detail] */
  detail?: [string, string | RegExp];
}

const cases: Case[] = [
  {
    name: 'Host: an empty backtick pair offers the hosts the project uses (HTTP and TCP)',
    src: project('        - traefik.http.routers.api.rule=Host(`|`)'),
    exactly: ['shop.example.com', 'blog.example.com', 'db.example.com'],
    replaces: '',
    inserts: ['shop.example.com', 'shop.example.com'],
    detail: ['blog.example.com', 'host of router blog'],
  },
  {
    name: 'Host: a half-typed call brings the backticks and the parenthesis',
    src: project('        - "traefik.http.routers.api.rule=Host(|"'),
    exactly: ['shop.example.com', 'blog.example.com', 'db.example.com'],
    inserts: ['blog.example.com', '`blog.example.com`)'],
  },
  {
    name: 'Host: an open backtick brings the closing one and the parenthesis',
    src: project('        - "traefik.http.routers.api.rule=Host(`b|"'),
    replaces: 'b',
    inserts: ['blog.example.com', 'blog.example.com`)'],
  },
  {
    name: 'Host: in the middle of the argument the whole argument is replaced',
    src: project('        - traefik.http.routers.api.rule=Host(`sh|op`) && PathPrefix(`/x`)'),
    replaces: 'shop',
  },
  {
    name: 'Host: a second argument (v2 syntax)',
    src: project(
      '        - traefik.http.routers.api.rulesyntax=v2\n        - traefik.http.routers.api.rule=Host(`a.b`, `|`)',
    ),
    exactly: ['shop.example.com', 'blog.example.com', 'db.example.com'],
  },
  {
    name: 'HostSNI of a TCP router: the same hosts',
    src: project('        - traefik.tcp.routers.pg.rule=HostSNI(`|`)'),
    exactly: ['shop.example.com', 'blog.example.com', 'db.example.com'],
  },
  {
    name: 'PathPrefix: paths of routers on the same entry point only',
    src: project(
      '        - traefik.http.routers.api.entrypoints=web\n        - traefik.http.routers.api.rule=PathPrefix(`|`)',
    ),
    exactly: ['/feed'],
    detail: ['/feed', 'path of router blog on web'],
  },
  {
    name: 'Path: a router on the default entry points (all of them) sees both paths',
    src: project('        - traefik.http.routers.api.rule=Host(`x`) && Path(`/|`)'),
    exactly: ['/cart', '/feed'],
    replaces: '/',
  },
  {
    name: 'other matchers take no suggestions in their arguments',
    src: project('        - traefik.http.routers.api.rule=Header(`|`)'),
    exactly: [],
  },
  {
    name: 'after a grouping parenthesis: matchers, not hosts',
    src: project('        - traefik.http.routers.api.rule=(|'),
    not: ['shop.example.com'],
  },
  {
    name: 'port: each port says where it comes from',
    src: project('        - traefik.http.services.api.loadbalancer.server.port=|'),
    exactly: ['80', '9000'],
    detail: ['80', 'EXPOSEd by image nginx, ports: 8080:80'],
  },
  {
    name: "port: the Dockerfile's EXPOSE",
    src: project('        - traefik.http.services.api.loadbalancer.server.port=|').replace(
      'api:\n    image: nginx',
      'api:\n    build: ./api',
    ),
    files: { '/project/api/Dockerfile': 'FROM node:22\nEXPOSE 3000\n' },
    exactly: ['80', '3000', '9000'],
    detail: ['3000', 'EXPOSE in api/Dockerfile'],
  },
  {
    name: 'certresolver: the resolvers of the static configuration',
    src: project('        - traefik.http.routers.api.tls.certresolver=|'),
    exactly: ['le', 'dns'],
    detail: ['le', 'certificate resolver (tlschallenge) in docker-compose.yml'],
  },
  {
    name: 'certresolver: a static configuration without resolvers offers none',
    src: project('        - traefik.http.routers.api.tls.certresolver=|').replace(
      / +- --certificatesresolvers.*\n/g,
      '',
    ),
    exactly: [],
  },
  {
    name: 'service: services of a dropped container (no port) and of a disabled one are not offered',
    src: yaml`
      services:
        up:
          image: nginx
          labels:
            - traefik.http.services.up-svc.loadbalancer.server.port=80
        off:
          image: nginx
          labels:
            - traefik.enable=false
            - traefik.http.services.off-svc.loadbalancer.server.port=80
        worker:
          build: ./worker
          labels:
            - traefik.http.services.worker-svc.loadbalancer.healthcheck.path=/
        api:
          image: nginx
          labels:
            - traefik.http.routers.api.service=|
    `,
    files: { '/project/worker/Dockerfile': 'FROM python:3.12\nCMD ["app"]\n' },
    not: ['off-svc', 'worker-svc'],
    detail: ['up-svc', 'on up'],
  },
  {
    name: 'service: a service whose container may be dropped is offered, marked',
    src: yaml`
      services:
        worker:
          build: ./worker
          labels:
            - traefik.http.services.worker-svc.loadbalancer.healthcheck.path=/
        api:
          image: nginx
          labels:
            - traefik.http.routers.api.service=|
    `,
    detail: ['worker-svc', /^may not load: its container "worker" is dropped \(missing-port\) unless/],
  },
];

function check(c: Case, src: string): CompletionItem[] {
  const { text, items } = itemsAt(src, c.files);
  const labels = items.map((i) => i.label);
  if (c.exactly) assert.deepEqual([...labels].sort(), [...c.exactly].sort());
  for (const l of c.not ?? []) assert.ok(!labels.includes(l), `${l} not offered`);
  if (c.replaces !== undefined)
    for (const i of items) assert.equal(text.slice(i.replace.start, i.replace.end), c.replaces, i.label);
  if (c.inserts) assert.equal(items.find((i) => i.label === c.inserts![0])?.insertText, c.inserts[1]);
  if (c.detail) {
    const detail = items.find((i) => i.label === c.detail![0])?.detail ?? '';
    if (typeof c.detail[1] === 'string') assert.equal(detail, c.detail[1]);
    else assert.match(detail, c.detail[1]);
  }
  return items;
}

for (const c of cases) {
  test(`complete value: ${c.name}`, () => {
    check(c, c.src);
  });
}

test('complete value: every prefix of a rule answers, with hosts and paths exactly inside their strings', () => {
  const rule = 'Host(`a.example.com`) && PathPrefix(`/api`)';
  for (let i = 0; i <= rule.length; i++) {
    const typed = rule.slice(0, i);
    const { items } = itemsAt(project(`        - "traefik.http.routers.api.rule=${typed}|"`));
    const labels = items.map((x) => x.label);
    const inHost = i >= 'Host('.length && i <= 'Host(`a.example.com'.length;
    const inPath = i >= rule.indexOf('PathPrefix(') + 'PathPrefix('.length && i <= rule.length - 2;
    assert.equal(labels.includes('shop.example.com'), inHost, `hosts at ${typed}`);
    assert.equal(labels.includes('/cart'), inPath, `paths at ${typed}`);
  }
});

test('complete value: every prefix of a port and a resolver answers with items that hold the cursor', () => {
  for (const [key, value] of [
    ['traefik.http.services.api.loadbalancer.server.port', '9000'],
    ['traefik.http.routers.api.tls.certresolver', 'le'],
    ['traefik.http.routers.api.service', 'api@internal'],
  ]) {
    const full = `${key}=${value}`;
    for (let i = 0; i <= full.length; i++) itemsAt(project(`        - "${full.slice(0, i)}|"`));
    const { items } = itemsAt(project(`        - "${key}=${value.slice(0, 1)}|"`));
    assert.ok(
      items.some((x) => x.label === value),
      `${value} offered after ${key}=`,
    );
  }
});
