// Completion with cursor markers: what is offered, and the exact text each item replaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { cursor, FILE, projectOf, type ProjectOptions } from './helpers';

interface Case {
  name: string;
  src: string;
  /** Labels that must be offered (in this order, when `ordered`). */
  offers?: string[];
  /** Labels that must not be offered. */
  not?: string[];
  /** Offers exactly these labels. */
  exactly?: string[];
  ordered?: boolean;
  /** The text every item replaces. */
  replaces?: string;
  /** insertText of one item: [label, insertText]. */
  inserts?: [string, string];
  opts?: ProjectOptions;
}

const api = (labels: string, extra = '') => yaml`
  services:
    api:
      image: nginx
      ports:
        - "8080:80"
      expose:
        - "9000"
${extra}      labels:
${labels}
`;

const cases: Case[] = [
  {
    name: 'list form, quoted, incomplete line: second-level fields',
    src: api('        - "traefik.enable=true"\n        - "traefik.http.ro|'),
    exactly: ['middlewares', 'models', 'routers', 'services'],
    replaces: 'ro',
    inserts: ['routers', 'routers.'],
  },
  {
    name: 'list form, unquoted: root fields, swarm left out on container labels',
    src: api('        - traefik.|'),
    offers: ['enable', 'http', 'tcp', 'udp', 'docker', 'tls'],
    not: ['swarm'],
    ordered: true,
    replaces: '',
  },
  {
    name: 'map form: router names of this service plus one named after it',
    src: api('        traefik.http.routers.web.rule: Host(`a`)\n        traefik.http.routers.|'),
    offers: ['web', 'api'],
    replaces: '',
    inserts: ['api', 'api.'],
  },
  {
    name: 'map form, typing on an incomplete line: router fields, common ones first, map separator',
    src: api('        traefik.enable: "true"\n        traefik.http.routers.api.|'),
    offers: ['rule', 'entrypoints', 'middlewares', 'service', 'tls', 'priority'],
    ordered: true,
    inserts: ['rule', 'rule: '],
  },
  {
    name: 'fields already set on the router are not offered again',
    src: api('        - traefik.http.routers.api.rule=Host(`a`)\n        - traefik.http.routers.api.|'),
    offers: ['entrypoints'],
    not: ['rule'],
  },
  {
    name: 'the segment in the middle of a key is replaced whole, with no separator added',
    src: api('        - traefik.http.rou|ters.api.rule=Host(`a`)'),
    offers: ['routers'],
    replaces: 'routers',
    inserts: ['routers', 'routers'],
  },
  {
    name: 'a list field is offered with its index',
    src: api('        - traefik.http.routers.api.tls.|'),
    offers: ['certresolver', 'options', 'domains[0]'],
    inserts: ['domains[0]', 'domains[0].'],
  },
  {
    name: 'tls takes a value and sub-keys: tls= first (tls=true is the common use), tls. as a second item',
    src: api('        - traefik.http.routers.api.t|'),
    offers: ['tls'],
    replaces: 't',
    inserts: ['tls', 'tls='],
  },
  {
    name: 'v2 project: v2 field names (ipwhitelist) and no v3-only ones',
    src: yaml`
      services:
        traefik:
          image: traefik:v2.11
        api:
          image: nginx
          labels:
            - traefik.http.middlewares.m.|
    `,
    offers: ['ipwhitelist', 'stripprefix'],
    not: ['encodedcharacters'],
  },
  {
    name: 'middleware names: the ones its routers use and nobody defines yet',
    src: api('        - traefik.http.routers.api.middlewares=api-strip\n        - traefik.http.middlewares.|'),
    offers: ['api-strip'],
  },
  {
    name: 'value: the service ports for loadbalancer.server.port',
    src: api('        - "traefik.http.services.api.loadbalancer.server.port=|"'),
    exactly: ['80', '9000'],
    replaces: '',
  },
  {
    name: 'value: booleans, replacing the whole value',
    src: api('        - traefik.http.routers.api.tls=tr|ue'),
    exactly: ['true', 'false'],
    replaces: 'true',
  },
  {
    name: 'value: enum values from the schema',
    src: api('        - traefik.http.services.api.loadbalancer.strategy=|'),
    offers: ['wrr', 'p2c'],
  },
  {
    name: 'value: entry points of the static configuration',
    src: api('        - traefik.http.routers.api.entrypoints=|'),
    exactly: ['web', 'websecure'],
    opts: { entryPoints: { web: ':80', websecure: ':443' } },
  },
  {
    name: 'value: second entry point of a list replaces only its own item, the first is not offered again',
    src: api('        - traefik.http.routers.api.entrypoints=web, w|'),
    exactly: ['websecure'],
    replaces: 'w',
    opts: { entryPoints: { web: ':80', websecure: ':443' } },
  },
  {
    name: 'value: a UDP router gets the UDP entry points only',
    src: api('        - traefik.udp.routers.dns.entrypoints=|'),
    exactly: ['dns'],
    opts: { entryPoints: { web: ':80', dns: ':53/udp' } },
  },
  {
    name: "value: entry points read from the Traefik service's command flags",
    src: yaml`
      services:
        traefik:
          image: traefik:v3.7
          command:
            - --entrypoints.web.address=:80
            - --entrypoints.websecure.address=:443
        api:
          image: nginx
          labels:
            - traefik.http.routers.api.entrypoints=|
    `,
    offers: ['web', 'websecure'],
  },
  {
    name: 'value: middleware names defined anywhere in the project, and @file names already used',
    src: yaml`
      services:
        auth:
          image: x
          labels:
            - traefik.http.middlewares.basic.basicauth.users=u:p
        api:
          image: nginx
          labels:
            - traefik.http.routers.other.middlewares=headers@file
            - traefik.http.routers.api.middlewares=|
            - traefik.http.middlewares.api-strip.stripprefix.prefixes=/api
    `,
    exactly: ['basic', 'api-strip', 'headers@file'],
  },
  {
    name: 'value: service names, including internal ones',
    src: yaml`
      services:
        api:
          image: nginx
          labels:
            - traefik.http.routers.api.service=|
            - traefik.http.services.api-svc.loadbalancer.server.port=80
    `,
    offers: ['api-svc', 'api@internal', 'dashboard@internal'],
  },
  {
    name: 'rule: matchers at the start, replacing the typed word',
    src: api('        - "traefik.http.routers.api.rule=Pa|"'),
    offers: ['Host', 'PathPrefix', 'Header'],
    not: ['Headers'],
    replaces: 'Pa',
    inserts: ['PathPrefix', 'PathPrefix(`$1`)'],
  },
  {
    name: 'rule: after && in map form',
    src: api('        traefik.http.routers.api.rule: Host(`a`) && |'),
    offers: ['PathPrefix'],
    replaces: '',
  },
  {
    name: 'rule: nothing inside a string',
    src: api('        - traefik.http.routers.api.rule=Host(`a|`)'),
    exactly: [],
  },
  {
    name: 'rule: nothing right after a closing parenthesis',
    src: api('        - traefik.http.routers.api.rule=Host(`a`)|'),
    exactly: [],
  },
  {
    name: 'rule: a router with ruleSyntax=v2 gets v2 matchers',
    src: api('        - traefik.http.routers.api.rulesyntax=v2\n        - traefik.http.routers.api.rule=|'),
    offers: ['Headers', 'HostHeader'],
    not: ['Header'],
  },
  {
    name: 'rule: TCP matchers for a TCP router',
    src: api('        - traefik.tcp.routers.db.rule=|'),
    exactly: ['HostSNI', 'HostSNIRegexp', 'ClientIP', 'ALPN'],
  },
  {
    name: 'value: stripprefix prefixes from the routers PathPrefix',
    src: api(
      '        - traefik.http.routers.api.rule=PathPrefix(`/api`)\n        - traefik.http.middlewares.s.stripprefix.prefixes=|',
    ),
    exactly: ['/api'],
  },
  {
    name: 'map form value right after the colon gets a space',
    src: api('        traefik.http.routers.api.tls:|'),
    exactly: ['true', 'false'],
    inserts: ['true', ' true'],
  },
  {
    name: 'blank line in a quoted list block: the item brings its dash and quotes',
    src: api('        - "traefik.enable=true"\n        |'),
    offers: ['traefik', 'traefik.http.routers.api.rule=…', 'traefik.http.services.api.loadbalancer.server.port=…'],
    not: ['traefik.enable=…'],
    inserts: ['traefik', '- "traefik.$0"'],
  },
  {
    name: 'an empty list item offers whole labels with the lowest port',
    src: api('        - |'),
    offers: ['traefik', 'traefik.enable=…'],
    inserts: [
      'traefik.http.services.api.loadbalancer.server.port=…',
      'traefik.http.services.api.loadbalancer.server.port=${1:80}',
    ],
  },
  {
    name: 'deploy.labels: swarm is offered there',
    src: yaml`
      services:
        api:
          image: nginx
          deploy:
            labels:
              - traefik.|
    `,
    offers: ['swarm', 'http'],
  },
  {
    name: 'outside labels: nothing',
    src: api('        - traefik.enable=true', '      environment:\n        - A=|\n'),
    exactly: [],
  },
  {
    name: 'after the closing quote: nothing',
    src: api('        - "traefik.enable=true" |'),
    exactly: [],
  },
];

for (const c of cases) {
  test(`complete: ${c.name}`, () => {
    const { text, offset } = cursor(c.src);
    const items = complete(projectOf(text, c.opts), FILE, offset);
    const labels = items.map((i) => i.label);
    if (c.exactly) assert.deepEqual([...labels].sort(), [...c.exactly].sort());
    for (const l of c.offers ?? []) assert.ok(labels.includes(l), `${l} offered; got ${labels.join(', ')}`);
    for (const l of c.not ?? []) assert.ok(!labels.includes(l), `${l} not offered`);
    if (c.ordered) {
      const sorted = [...items]
        .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
        .map((i) => i.label);
      const positions = (c.offers ?? []).map((l) => sorted.indexOf(l));
      assert.deepEqual(
        positions,
        [...positions].sort((a, b) => a - b),
        `order: ${sorted.join(', ')}`,
      );
    }
    if (c.replaces !== undefined) {
      for (const i of items.filter((x) => x.kind !== 'snippet'))
        assert.equal(text.slice(i.replace.start, i.replace.end), c.replaces, i.label);
    }
    if (c.inserts) {
      const item = items.find((i) => i.label === c.inserts![0]);
      assert.ok(item, `${c.inserts[0]} offered`);
      assert.equal(item.insertText, c.inserts[1]);
    }
    for (const i of items)
      assert.ok(i.replace.start <= offset && offset <= i.replace.end, `${i.label}: range holds the cursor`);
  });
}

test('complete: a stripprefix middleware name is suggested for a service routing a PathPrefix', () => {
  const src = (labels: string) =>
    yaml`
    services:
      search:
        image: app
        labels:
          - traefik.http.routers.search.rule=PathPrefix(\`/api/search\`)
  ` + labels;
  const at = (text: string) => {
    const { text: t, offset } = cursor(text);
    return complete(projectOf(t), FILE, offset).map((i) => i.label);
  };
  assert.deepEqual(at(src('      - traefik.http.middlewares.|\n')), ['search-stripprefix']);
  assert.deepEqual(
    at(
      src('      - traefik.http.middlewares.s.stripprefix.prefixes=/api/search\n      - traefik.http.middlewares.|\n'),
    ),
    ['s'],
  );
});

test('complete: a CRLF file reads the line without its carriage return', () => {
  const { text, offset } = cursor(
    'services:\r\n  api:\r\n    image: nginx\r\n    labels:\r\n      - "traefik.http.routers.api.tls=|"\r\n',
  );
  const items = complete(projectOf(text), FILE, offset);
  assert.deepEqual(
    items.map((i) => i.label),
    ['true', 'false'],
  );
  const { text: t2, offset: o2 } = cursor('services:\r\n  api:\r\n    labels:\r\n      traefik.http.|\r\n');
  assert.ok(complete(projectOf(t2), FILE, o2).some((i) => i.label === 'routers' && i.insertText === 'routers.'));
});

test('complete: tls is offered twice, tls= (then true/false) and tls. for its sub-keys', () => {
  const { text, offset } = cursor(api('        - traefik.http.routers.api.t|'));
  const tls = complete(projectOf(text), FILE, offset).filter((i) => i.label === 'tls');
  assert.deepEqual(
    tls.map((i) => [i.insertText, i.retrigger]),
    [
      ['tls=', true],
      ['tls.', true],
    ],
  );
});
