// Hover with cursor markers: the range it covers and what it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { hover } from '../../../server/src/analysis/authoring';
import { codeSpan, escapeMarkdown } from '../../../server/src/analysis/authoring/markdown';
import { yaml } from '../../helpers';
import { cursor, FILE, projectOf, type ProjectOptions } from './helpers';

const compose = (api: string) => yaml`
  services:
    api:
      image: nginx
      labels:
${api}
    web:
      image: nginx
      labels:
        - traefik.http.routers.web.rule=PathPrefix(\`/\`)
        - traefik.http.routers.web.priority=1
        - traefik.http.routers.web.middlewares=api-strip@docker,auth@file
`;

const staticProject = (api: string) => yaml`
  services:
    traefik:
      image: traefik:v3.7
      command:
        - --entrypoints.web.address=:80
        - --entrypoints.websecure.address=:443
        - --certificatesresolvers.le.acme.tlschallenge=true
        - --api.dashboard=true
    api:
      image: nginx
      labels:
${api}
`;

const cases: {
  name: string;
  src: string;
  range?: string;
  says?: (string | RegExp)[];
  none?: boolean;
  opts?: ProjectOptions;
}[] = [
  {
    name: 'a field segment: description, type and the v3.7 docs page',
    src: compose('        - "traefik.http.routers.api.prio|rity=5"'),
    range: 'priority',
    says: [
      'traefik.http.routers.api.priority',
      'length of the rule',
      'Type: integer',
      'https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/router/',
    ],
  },
  {
    name: 'v2 project: the v2.11 docs page',
    src: yaml`
      services:
        traefik:
          image: traefik:v2.11
        api:
          image: nginx
          labels:
            - traefik.http.services.api.loadbalancer.server.p|ort=80
    `,
    range: 'port',
    says: [
      'https://doc.traefik.io/traefik/v2.11/routing/services/',
      `Judged for Traefik v2: ${escapeMarkdown('image traefik:v2.11 (service traefik)')}.`,
    ],
  },
  {
    name: 'no Traefik in the project: the hover says the version is unknown and why',
    src: compose('        - "traefik.http.routers.api.prio|rity=5"'),
    says: [`Traefik version unknown (${escapeMarkdown('no Traefik image in this project')}): judged as v3`],
  },
  {
    name: 'a rule hover says the version judged for',
    src: compose('        - traefik.http.routers.api.rule=Host(`a.c|om`)'),
    says: ['Rule syntax: v3', 'Traefik version unknown'],
  },
  {
    name: 'the first segment traefik: the label family, not "Traefik does not read this label"',
    src: compose('        - "tra|efik.enable=true"'),
    range: 'traefik',
    says: ["Traefik's docker provider reads the labels of a container that start with `traefik.`"],
  },
  {
    name: 'api@internal: what the internal service is',
    src: compose('        - traefik.http.routers.api.service=a|pi@internal'),
    range: 'api',
    says: ["Traefik's API", 'Provider `internal`'],
  },
  {
    name: 'a label set again later: the hover describes the value that counts',
    src: compose(
      '        - traefik.http.routers.api.rule=PathPrefix(`/tr|aefik`) || PathPrefix(`/api`)\n        - traefik.http.routers.api.rule=Host(`a.com`)',
    ),
    says: ['Set again below: compose keeps `Host(`a.com`)`', 'host is `a.com`', 'Priority **13**'],
  },
  {
    name: 'an intermediate segment in map form',
    src: compose('        traefik.http.mid|dlewares.api-strip.stripprefix.prefixes: /api'),
    range: 'middlewares',
    says: ['traefik.http.middlewares'],
  },
  {
    name: 'an unknown segment says so',
    src: compose('        - traefik.http.routers.api.rul|le=Host(`a`)'),
    range: 'rulle',
    says: ['Not a Traefik v3 label key'],
  },
  {
    name: 'a middleware name in a key: defined and used where',
    src: compose('        - traefik.http.middlewares.api-st|rip.stripprefix.prefixes=/api'),
    range: 'api-strip',
    says: ['http middleware', 'Defined on `api`', 'router `web` on `web`'],
  },
  {
    name: 'a middleware reference with @docker',
    src: compose('        - traefik.http.middlewares.api-strip.stripprefix.prefixes=/api').replace(
      'middlewares=api-strip@docker',
      'middlewares=api-s|trip@docker',
    ),
    range: 'api-strip',
    says: ['Defined on `api`'],
  },
  {
    name: 'a reference to the file provider',
    src: compose('        - traefik.http.middlewares.api-strip.stripprefix.prefixes=/api').replace(
      'auth@file',
      'au|th@file',
    ),
    range: 'auth',
    says: ['file', 'cannot see it'],
  },
  {
    name: 'a rule: what it matches and its default priority',
    src: compose('        - "traefik.http.routers.api.rule=Host(`a.com`) && PathPre|fix(`/api`)"'),
    range: 'Host(`a.com`) && PathPrefix(`/api`)',
    says: [
      'host is `a.com` **and** path starts with `/api`',
      'Priority **35**',
      'length of the rule',
      // The catch-all of service web matches a.com/api too, at priority 1.
      'Competes for some requests with:\n- `web@docker` priority 1, tried after it',
    ],
  },
  {
    name: 'a rule no other router shares a request with',
    src: compose('        - "traefik.http.routers.api.rule=Host(`a.com`) && PathPre|fix(`/api`)"').replace(
      'PathPrefix(\`/\`)',
      'PathPrefix(\`/web\`)',
    ),
    says: ['No other router matches any of its requests.'],
  },
  {
    name: 'a rule with an explicit priority',
    src: compose('        - traefik.http.routers.api.rule=Host(`a`)').replace('PathPrefix(`/`)', 'PathPre|fix(`/`)'),
    range: 'PathPrefix(`/`)',
    says: ['path starts with `/`', 'Priority **1** (its `priority` label)', '`api@docker` priority 9, tried first'],
  },
  {
    name: 'an entry point value shows its address',
    src: compose('        - traefik.http.routers.api.entrypoints=web,webse|cure'),
    range: 'websecure',
    says: ['entry point', ':443'],
    opts: { entryPoints: { web: ':80', websecure: ':443' } },
  },
  {
    name: 'an entry point from a command flag: its address and the flag as written',
    src: staticProject('        - traefik.http.routers.api.entrypoints=web,webse|cure'),
    range: 'websecure',
    says: [
      '**entry point** `websecure` listens on `:443`.',
      'command flag `--entrypoints.websecure.address=:443` in `docker-compose.yml`',
    ],
  },
  {
    name: 'an entry point from a TRAEFIK_* variable names the variable',
    src: staticProject('        - traefik.http.routers.api.entrypoints=w|eb').replace(
      /command:\n.*\n.*\n.*\n.*\n/,
      'environment:\n        TRAEFIK_ENTRYPOINTS_WEB_ADDRESS: ":8000"\n',
    ),
    says: ['listens on `:8000`', 'variable `TRAEFIK_ENTRYPOINTS_WEB_ADDRESS` in `docker-compose.yml`'],
  },
  {
    name: 'an entry point the static configuration does not define says so',
    src: staticProject('        - traefik.http.routers.api.entrypoints=ht|tps'),
    range: 'https',
    says: ['**entry point** `https`', 'Not an entry point of the static configuration (command flags).'],
  },
  {
    name: 'the implicit entry point http when none is configured',
    src: staticProject('        - traefik.http.routers.api.entrypoints=ht|tp').replace(/ +- --entrypoints.*\n/g, ''),
    says: ['listens on `:80`', 'Created by Traefik because the static configuration defines none'],
  },
  {
    name: 'a certificate resolver: its challenge and its flag',
    src: staticProject('        - traefik.http.routers.api.tls.certresolver=l|e'),
    range: 'le',
    says: [
      '**certificate resolver** `le` uses the ACME `tlschallenge`.',
      '`--certificatesresolvers.le.acme.tlschallenge=true`',
    ],
  },
  // The docker label reference's keys outside routers, services and middlewares, and the
  // segments that lead to them (`docker` alone is no key Traefik decodes, but part of one).
  ...(
    [
      ['traefik.en|able=true', 'enable', /exposes this container/],
      ['traefik.docker.net|work=proxy', 'network', /Network whose IP Traefik uses/],
      ['traefik.dock|er.network=proxy', 'docker', /Settings of the Docker provider/],
      ['traefik.docker.lbsw|arm=true', 'lbswarm', /Swarm service VIP/],
      ['traefik.sw|arm.network=proxy', 'swarm', /Settings of the Swarm provider/],
      ['traefik.t|ls.stores.default.defaultgeneratedcert.resolver=le', 'tls', /default TLS store/],
      ['traefik.tls.sto|res.default.defaultgeneratedcert.resolver=le', 'stores', /TLS stores by name/],
      ['traefik.tls.stores.defa|ult.defaultgeneratedcert.resolver=le', 'default', /default TLS store/],
      ['traefik.tls.stores.default.defaultgeneratedcert.res|olver=le', 'resolver', /Certificate resolver/],
      ['traefik.tls.stores.default.defaultgeneratedcert.domain.ma|in=x.example', 'main', /Main domain/],
      ['traefik.http.services.api.loadbalancer.healthcheck.pa|th=/health', 'path', /Path the health check/],
      ['traefik.http.services.api.loadbalancer.sticky.cookie.na|me=s', 'name', /Name of the sticky cookie/],
    ] as const
  ).map(([label, range, says]) => ({
    name: `${label}: what the key does`,
    src: compose(`        - ${label}`),
    range,
    says: [says, /Traefik v3 documentation/],
  })),
  {
    name: 'outside labels: nothing',
    src: compose('        - traefik.enable=true').replace('image: nginx', 'image: ng|inx'),
    none: true,
  },
];

for (const c of cases) {
  test(`hover: ${c.name}`, () => {
    const { text, offset } = cursor(c.src);
    const found = hover(projectOf(text, c.opts), FILE, offset);
    if (c.none) {
      assert.equal(found, undefined);
      return;
    }
    assert.ok(found, 'a hover');
    if (c.range !== undefined) assert.equal(text.slice(found.range.start, found.range.end), c.range);
    for (const s of c.says ?? []) {
      if (typeof s === 'string') assert.ok(found.markdown.includes(s), `says "${s}":\n${found.markdown}`);
      else assert.match(found.markdown, s);
    }
  });
}

// A name from the file cannot close its code span and add links or images to the hover.
test('names and rule text are quoted so that no Markdown from the file survives', () => {
  // markdown-it (CommonMark, installed with vsce) renders as VS Code's hover does.
  const MarkdownIt = createRequire(__filename)('markdown-it') as new () => { render(s: string): string };
  const md = new MarkdownIt();
  const evil = 'a`[x](https://evil.example)![i](https://evil.example/i.png)`';
  const srcs = [
    `services:\n  api:\n    image: x\n    labels:\n      - "traefik.http.routers.r.rule=Host(\`a\`) && [y](https://evil.example) || Path(\`${evil}\`)"\n      - "traefik.http.routers.r.middlewares=${evil}"\n      - "traefik.http.routers.r.rule=Host(\`b\`) && P|ath(\`/\`)"\n`,
    `services:\n  api:\n    image: x\n    labels:\n      - "traefik.http.routers.r.rule=Host(\`a\`)"\n      - "traefik.http.routers.r.middlewares=m${evil.replace(/[\[\]()!]/g, '')}"\n      - "traefik.http.middlewares.m${evil.replace(/[\[\]()!]/g, '')}|.stripprefix.prefixes=/x"\n`,
  ];
  for (const src of srcs) {
    const { text, offset } = cursor(src);
    const found = hover(projectOf(text), FILE, offset);
    assert.ok(found, src);
    const html = md.render(found.markdown);
    assert.doesNotMatch(html, /href="https:\/\/evil|<img /, `${found.markdown}\n${html}`);
    assert.match(html, /<code>/);
  }
});

test('codeSpan: a name with backticks stays one code span; escapeMarkdown leaves no link', () => {
  const md = new (createRequire(__filename)('markdown-it') as new () => { render(s: string): string })();
  const evil = 'a`[x](https://evil.example)![i](https://evil.example/i.png)`';
  // Plain backticks around it (what hovers wrote before) let the link and image out.
  assert.match(md.render(`router \`${evil}\``), /href="https:\/\/evil/);
  for (const html of [
    md.render(`router ${codeSpan(evil)}`),
    md.render(escapeMarkdown(`x ${evil} [y](https://evil.example)`)),
  ]) {
    assert.doesNotMatch(html, /href=|<img /, html);
  }
  assert.equal(md.render(codeSpan(evil)), `<p><code>${evil.replace(/&/g, '&amp;')}</code></p>\n`);
  assert.equal(codeSpan('``x'), '``` ``x ```');
});
