// Quick fixes on realistic broken snippets: the whole resulting document, and the finding gone
// without a new one. Codes whose checks are still being written get the finding their check
// will report (code, range, data), built here by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { codeActions, type CodeAction, type FindingRef } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { applyFile, FILE, findings, projectOf, summary } from './helpers';
import type { Code } from '../../../server/src/analysis/checks/codes';

interface Case {
  name: string;
  before: string;
  code: Code;
  /** The finding's underlined text, when several of the code exist. */
  text?: string;
  /** For codes without a check yet: the finding's range text (first occurrence) and data. */
  synthetic?: { text: string; data?: FindingRef['data'] };
  /** Title of the action to apply (default: the first). */
  pick?: RegExp;
  titles?: string[];
  after: string;
}

const userservice = (labels: string) => yaml`
  services:
    userservice:
      build: ./userservice
      networks:
        - backend_net
      labels:
${labels}
  networks:
    backend_net: {}
`;

const notify = (labels: string) => yaml`
  services:
    notificationservice:
      image: app
      labels:
${labels}
`;

const cases: Case[] = [
  {
    name: 'unknown-label: the suggested segment',
    before: userservice(
      '        - "traefik.http.routers.users.rulle=PathPrefix(`/api/users`)"\n        - "traefik.http.services.users.loadbalancer.server.port=8002"',
    ),
    code: 'unknown-label',
    titles: ['Change "rulle" to "rule"'],
    after: userservice(
      '        - "traefik.http.routers.users.rule=PathPrefix(`/api/users`)"\n        - "traefik.http.services.users.loadbalancer.server.port=8002"',
    ),
  },
  {
    name: 'unknown-label: swapped letters the check does not suggest (nmae)',
    before: userservice(
      '        - "traefik.http.services.users.loadbalancer.server.port=8002"\n        - "traefik.http.services.users.loadbalancer.sticky.cookie.nmae=users_session"',
    ),
    code: 'unknown-label',
    titles: ['Change "nmae" to "name"'],
    after: userservice(
      '        - "traefik.http.services.users.loadbalancer.server.port=8002"\n        - "traefik.http.services.users.loadbalancer.sticky.cookie.name=users_session"',
    ),
  },
  {
    name: 'unknown-label: an empty segment removed',
    before: userservice(
      '        - traefik.http.routers.users..rule=PathPrefix(`/api`)\n        - traefik.http.services.users.loadbalancer.server.port=8002',
    ),
    code: 'unknown-label',
    after: userservice(
      '        - traefik.http.routers.users.rule=PathPrefix(`/api`)\n        - traefik.http.services.users.loadbalancer.server.port=8002',
    ),
  },
  {
    // Beside a v2 label (a project of only v1 labels and no Traefik is a v1 project: traefik-v1).
    name: 'unknown-label: a Traefik v1 label becomes its v2+ key',
    before: userservice('        - "traefik.http.routers.u.rule=Host(`u.example`)"\n        - "traefik.port=8002"'),
    code: 'unknown-label',
    after: userservice(
      '        - "traefik.http.routers.u.rule=Host(`u.example`)"\n        - "traefik.http.services.userservice.loadbalancer.server.port=8002"',
    ),
  },
  {
    name: 'invalid-value: "10 seconds" is written 10s',
    before: userservice(
      '        - "traefik.http.services.users.loadbalancer.server.port=8002"\n        - "traefik.http.services.users.loadbalancer.healthcheck.interval=10 seconds"',
    ),
    code: 'invalid-value',
    titles: ['Change the value to "10s"'],
    after: userservice(
      '        - "traefik.http.services.users.loadbalancer.server.port=8002"\n        - "traefik.http.services.users.loadbalancer.healthcheck.interval=10s"',
    ),
  },
  {
    name: 'invalid-value: "yes" is true, map form keeps the value quotes',
    before: notify(
      '        traefik.http.services.n.loadbalancer.passhostheader: "yes"\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
    code: 'invalid-value',
    after: notify(
      '        traefik.http.services.n.loadbalancer.passhostheader: "true"\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
  },
  {
    name: 'invalid-value: an enum value in the wrong case',
    before: notify(
      '        - traefik.http.services.n.loadbalancer.strategy=WRR\n        - traefik.http.services.n.loadbalancer.server.port=8082',
    ),
    code: 'invalid-value',
    after: notify(
      '        - traefik.http.services.n.loadbalancer.strategy=wrr\n        - traefik.http.services.n.loadbalancer.server.port=8082',
    ),
  },
  {
    name: 'invalid-value: sticky=true becomes sticky.cookie=true',
    before: notify(
      '        - traefik.http.services.n.loadbalancer.sticky=true\n        - traefik.http.services.n.loadbalancer.server.port=8082',
    ),
    code: 'invalid-value',
    after: notify(
      '        - traefik.http.services.n.loadbalancer.sticky.cookie=true\n        - traefik.http.services.n.loadbalancer.server.port=8082',
    ),
  },
  {
    name: 'undefined-middleware: the suggestion, map form',
    before: notify(
      '        traefik.http.routers.n.rule: "PathPrefix(`/api/notifications`)"\n        traefik.http.routers.n.middlewares: n-stripprefx\n        traefik.http.middlewares.n-stripprefix.stripprefix.prefixes: /api/notifications\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
    code: 'undefined-middleware',
    titles: ['Change "n-stripprefx" to "n-stripprefix"'],
    after: notify(
      '        traefik.http.routers.n.rule: "PathPrefix(`/api/notifications`)"\n        traefik.http.routers.n.middlewares: n-stripprefix\n        traefik.http.middlewares.n-stripprefix.stripprefix.prefixes: /api/notifications\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
  },
  {
    name: 'undefined-service: the suggestion in the second router',
    before: notify(
      '        - traefik.http.routers.a.rule=Path(`/a`)\n        - traefik.http.routers.b.rule=Path(`/b`)\n        - traefik.http.routers.b.service=social-servic\n        - traefik.http.services.social-service.loadbalancer.server.port=80',
    ),
    code: 'undefined-service',
    after: notify(
      '        - traefik.http.routers.a.rule=Path(`/a`)\n        - traefik.http.routers.b.rule=Path(`/b`)\n        - traefik.http.routers.b.service=social-service\n        - traefik.http.services.social-service.loadbalancer.server.port=80',
    ),
  },
  {
    name: 'undefined-service: a router among several services gets one',
    before: notify(
      '        - traefik.http.routers.a.rule=Path(`/a`)\n        - traefik.http.services.one.loadbalancer.server.port=80\n        - traefik.http.services.two.loadbalancer.server.port=81',
    ),
    code: 'undefined-service',
    titles: ['Send router "a" to service "one"', 'Send router "a" to service "two"'],
    pick: /"two"/,
    after: notify(
      '        - traefik.http.routers.a.rule=Path(`/a`)\n        - traefik.http.routers.a.service=two\n        - traefik.http.services.one.loadbalancer.server.port=80\n        - traefik.http.services.two.loadbalancer.server.port=81',
    ),
  },
  {
    name: 'missing-port: one action per exposed port, after the service labels',
    before: yaml`
      services:
        api:
          image: app
          ports:
            - "8080:8080"
          expose:
            - "9090"
          labels:
            - 'traefik.http.routers.api.rule=PathPrefix(\`/api\`)'
            - 'traefik.http.services.api.loadbalancer.sticky.cookie=true'
            - 'traefik.http.routers.api.entrypoints=web'
    `,
    code: 'missing-port',
    titles: [
      'Add traefik.http.services.api.loadbalancer.server.port=8080',
      'Add traefik.http.services.api.loadbalancer.server.port=9090',
    ],
    after: yaml`
      services:
        api:
          image: app
          ports:
            - "8080:8080"
          expose:
            - "9090"
          labels:
            - 'traefik.http.routers.api.rule=PathPrefix(\`/api\`)'
            - 'traefik.http.services.api.loadbalancer.sticky.cookie=true'
            - 'traefik.http.services.api.loadbalancer.server.port=8080'
            - 'traefik.http.routers.api.entrypoints=web'
    `,
  },
  {
    name: 'missing-port: no port exposed; the one the environment names, for a service Traefik would create',
    before: yaml`
      services:
        music-service:
          build: ./music-service
          environment:
            SERVER_PORT: 8081
          labels:
            traefik.enable: "true"
            traefik.http.routers.music.rule: "PathPrefix(\`/api/music\`)"
    `,
    code: 'missing-port',
    titles: ['Add traefik.http.services.music-service.loadbalancer.server.port=8081 (from environment SERVER_PORT)'],
    after: yaml`
      services:
        music-service:
          build: ./music-service
          environment:
            SERVER_PORT: 8081
          labels:
            traefik.enable: "true"
            traefik.http.routers.music.rule: "PathPrefix(\`/api/music\`)"
            traefik.http.services.music-service.loadbalancer.server.port: "8081"
    `,
  },
  {
    name: 'scale-container-name: the container_name line goes',
    before: yaml`
      services:
        notificationservice:
          image: app
          # one name per container
          container_name: musicshare_notificationservice
          restart: unless-stopped
          deploy:
            replicas: 2
    `,
    code: 'scale-container-name',
    after: yaml`
      services:
        notificationservice:
          image: app
          # one name per container
          restart: unless-stopped
          deploy:
            replicas: 2
    `,
  },
  {
    name: 'not-enabled: traefik.enable=true first in the block, quoted like its neighbours',
    before: yaml`
      services:
        formulario-post:
          build: ./formulario-post
          labels:
            # the router
            - "traefik.http.routers.formulario-post.rule=PathPrefix(\`/formulario-post\`)"
            - "traefik.http.services.formulario-post.loadbalancer.server.port=80"
    `,
    code: 'not-enabled',
    synthetic: {
      text: '"traefik.http.routers.formulario-post.rule=PathPrefix(`/formulario-post`)"',
      data: { insertEnable: true },
    },
    after: yaml`
      services:
        formulario-post:
          build: ./formulario-post
          labels:
            # the router
            - "traefik.enable=true"
            - "traefik.http.routers.formulario-post.rule=PathPrefix(\`/formulario-post\`)"
            - "traefik.http.services.formulario-post.loadbalancer.server.port=80"
    `,
  },
  {
    name: 'not-enabled: map form quotes "true" (a YAML boolean otherwise)',
    before: notify(
      '        traefik.http.routers.n.rule: PathPrefix(`/n`)\n        traefik.http.services.n.loadbalancer.server.port: 80',
    ),
    code: 'not-enabled',
    synthetic: { text: 'traefik.http.routers.n.rule', data: { insertEnable: true } },
    after: notify(
      '        traefik.enable: "true"\n        traefik.http.routers.n.rule: PathPrefix(`/n`)\n        traefik.http.services.n.loadbalancer.server.port: 80',
    ),
  },
  {
    name: 'not-enabled: traefik.enable=false is turned to true',
    before: notify('        - traefik.enable=false\n        - traefik.http.services.n.loadbalancer.server.port=80'),
    code: 'not-enabled',
    synthetic: { text: 'traefik.enable', data: { insertEnable: true } },
    after: notify('        - traefik.enable=true\n        - traefik.http.services.n.loadbalancer.server.port=80'),
  },
  {
    name: 'undefined-entrypoint: the suggestion',
    before: notify(
      '        - traefik.http.routers.dashboard.entrypoints=websecur\n        - traefik.http.routers.dashboard.service=api@internal',
    ),
    code: 'undefined-entrypoint',
    synthetic: { text: 'websecur', data: { name: 'websecur', suggestion: 'websecure' } },
    after: notify(
      '        - traefik.http.routers.dashboard.entrypoints=websecure\n        - traefik.http.routers.dashboard.service=api@internal',
    ),
  },
  {
    name: "rule-syntax: the rule parser's suggestion for a v2 matcher",
    before: notify(
      '        traefik.http.routers.ws.rule: "PathPrefix(`/ws`) && Headers(`Upgrade`, `websocket`)"\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
    code: 'rule-syntax',
    titles: ['Change "Headers" to "Header"', 'Parse router "ws" with the v2 rule syntax (ruleSyntax=v2, deprecated)'],
    after: notify(
      '        traefik.http.routers.ws.rule: "PathPrefix(`/ws`) && Header(`Upgrade`, `websocket`)"\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
  },
  {
    name: 'rule-syntax: a wrongly cased matcher',
    before: notify(
      '        - traefik.http.routers.a.rule=pathPrefix(`/a`)\n        - traefik.http.services.a.loadbalancer.server.port=80',
    ),
    code: 'rule-syntax',
    pick: /^Change/,
    after: notify(
      '        - traefik.http.routers.a.rule=PathPrefix(`/a`)\n        - traefik.http.services.a.loadbalancer.server.port=80',
    ),
  },
  {
    name: 'rule-syntax: or ruleSyntax=v2 after the rule, router found from the label',
    before: notify(
      '        traefik.http.routers.ws.rule: "PathPrefix(`/ws`) && Headers(`Upgrade`, `websocket`)"\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
    code: 'rule-syntax',
    pick: /v2 rule syntax/,
    after: notify(
      '        traefik.http.routers.ws.rule: "PathPrefix(`/ws`) && Headers(`Upgrade`, `websocket`)"\n        traefik.http.routers.ws.rulesyntax: "v2"\n        traefik.http.services.n.loadbalancer.server.port: "8082"',
    ),
  },
  {
    name: "stripprefix-mismatch: the prefix becomes the router's PathPrefix",
    before: notify(
      '        - "traefik.http.routers.social.rule=PathPrefix(`/api/social`)"\n        - "traefik.http.routers.social.middlewares=social-strip"\n        - "traefik.http.middlewares.social-strip.stripprefix.prefixes=/api/socials"\n        - "traefik.http.services.social.loadbalancer.server.port=8083"',
    ),
    code: 'stripprefix-mismatch',
    synthetic: { text: '/api/socials' },
    titles: ['Strip "/api/social", the router\'s PathPrefix'],
    after: notify(
      '        - "traefik.http.routers.social.rule=PathPrefix(`/api/social`)"\n        - "traefik.http.routers.social.middlewares=social-strip"\n        - "traefik.http.middlewares.social-strip.stripprefix.prefixes=/api/social"\n        - "traefik.http.services.social.loadbalancer.server.port=8083"',
    ),
  },
  {
    name: 'stripprefix-mismatch: a prefix ending inside a segment becomes the whole segment (real finding)',
    before: notify(
      '        - "traefik.http.routers.users.rule=PathPrefix(`/api/users`)"\n        - "traefik.http.routers.users.middlewares=users-strip"\n        - "traefik.http.middlewares.users-strip.stripprefix.prefixes=/api/user"\n        - "traefik.http.services.users.loadbalancer.server.port=8002"',
    ),
    code: 'stripprefix-mismatch',
    titles: ['Strip "/api/users", the router\'s PathPrefix'],
    after: notify(
      '        - "traefik.http.routers.users.rule=PathPrefix(`/api/users`)"\n        - "traefik.http.routers.users.middlewares=users-strip"\n        - "traefik.http.middlewares.users-strip.stripprefix.prefixes=/api/users"\n        - "traefik.http.services.users.loadbalancer.server.port=8002"',
    ),
  },
  {
    name: 'dashboard-loop: the router gets service=api@internal after its own labels',
    before: dashboard(''),
    code: 'dashboard-loop',
    titles: ['Set traefik.http.routers.dashboard.service=api@internal'],
    after: dashboard('\n        - traefik.http.routers.dashboard.service=api@internal'),
  },
];

function dashboard(more: string): string {
  return `services:
  traefik:
    image: traefik:v3.1
    command:
      - --providers.docker
      - --api.dashboard=true
      - --entrypoints.web.address=:80
    labels:
        - traefik.http.routers.dashboard.rule=PathPrefix(\`/dashboard\`)${more}
        - traefik.http.middlewares.auth.basicauth.users=a:b
`;
}

function findingFor(c: Case): FindingRef {
  if (c.synthetic) {
    const start = c.before.indexOf(c.synthetic.text);
    assert.ok(start >= 0, c.synthetic.text);
    return { code: c.code, range: { start, end: start + c.synthetic.text.length }, data: c.synthetic.data };
  }
  const found = findings(c.before).filter(
    (f) => f.code === c.code && (!c.text || c.before.slice(f.range.start, f.range.end) === c.text),
  );
  assert.equal(found.length, 1, `one ${c.code} finding in: ${summary(c.before, findings(c.before)).join('; ')}`);
  return found[0];
}

for (const c of cases) {
  test(`fix ${c.name}`, () => {
    const finding = findingFor(c);
    const actions: CodeAction[] = codeActions(projectOf(c.before), FILE, finding);
    if (c.titles)
      assert.deepEqual(
        actions.map((a) => a.title),
        c.titles,
      );
    const chosen = c.pick ? actions.find((a) => c.pick!.test(a.title)) : actions[0];
    assert.ok(chosen, `an action among: ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(Object.keys(chosen.edits), [FILE]);
    const after = applyFile(c.before, chosen.edits);
    assert.equal(after, c.after);
    // The finding is gone and no other appears (a fix may repair more than its own finding).
    const fixed = `${finding.code}: ${c.before.slice(finding.range.start, finding.range.end)}`;
    const before = summary(c.before, findings(c.before));
    const left = summary(after, findings(after));
    if (!c.synthetic) assert.ok(!left.includes(fixed), `${fixed} gone`);
    for (const f of left) assert.ok(before.includes(f), `no new finding: ${f}`);
  });
}

test('fix: not-enabled really enables the container', () => {
  const c = cases.find((x) => x.code === 'not-enabled')!;
  // Without a static config Traefik exposes by default; the label is what a false exposedByDefault needs.
  const before = projectOf(c.before).containers[0];
  const after = projectOf(c.after).containers[0];
  assert.equal(before.enableLabel, undefined);
  assert.equal(after.enableLabel?.value, 'true');
});

test('fix: no action for a finding without an obvious repair', () => {
  const text = notify(
    '        - traefik.http.routers.n.middlewares=far-away-name\n        - traefik.http.services.n.loadbalancer.server.port=80',
  );
  const found = findings(text).filter((f) => f.code === 'undefined-middleware');
  assert.equal(found.length, 1);
  assert.deepEqual(codeActions(projectOf(text), FILE, found[0]), []);
  assert.deepEqual(codeActions(projectOf(text), FILE, { code: 'route-conflict', range: found[0].range }), []);
});

test('fix: a static file key (unknown-static-key) takes the suggestion; the compose file is untouched', () => {
  const staticFile = '/project/traefik/traefik.yml';
  const staticText = 'entryPoints:\n  web:\n    adress: ":80"\n';
  const compose = notify('        - traefik.enable=true');
  const project = new Analyzer().project({
    files: [{ file: FILE, text: compose }],
    staticFiles: [{ file: staticFile, text: staticText }],
  });
  const start = staticText.indexOf('adress');
  const finding = {
    code: 'unknown-static-key' as const,
    range: { start, end: start + 6 },
    data: { segmentIndex: 2, suggestion: 'address' },
  };
  const actions = codeActions(project, staticFile, finding);
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Change "adress" to "address"'],
  );
  assert.deepEqual(Object.keys(actions[0].edits), [staticFile]);
  assert.equal(applyFile(staticText, actions[0].edits, staticFile), 'entryPoints:\n  web:\n    address: ":80"\n');
});

test('fix: traefik.enable=false reported as maybe deliberate is offered, not preferred', () => {
  const text = notify('        - traefik.enable=false\n        - traefik.http.routers.n.rule=Path(`/n`)');
  const start = text.indexOf('false');
  const actions = codeActions(projectOf(text), FILE, {
    code: 'not-enabled',
    range: { start, end: start + 5 },
    data: { enabled: false },
  });
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred ?? false]),
    [['Set traefik.enable=true', false]],
  );
});

test('route-conflict: no edit, an action that says why and goes to the other router', () => {
  const text = yaml`
    services:
      a:
        image: nginx
        labels:
          - traefik.http.routers.a.rule=PathPrefix(\`/x\`)
          - traefik.http.services.a.loadbalancer.server.port=80
      b:
        image: nginx
        labels:
          - traefik.http.routers.b.rule=PathPrefix(\`/x\`)
          - traefik.http.services.b.loadbalancer.server.port=80
  `;
  const conflict = findings(text).find(
    (f) =>
      f.code === 'route-conflict' &&
      text.indexOf('routers.a') < f.range.start &&
      f.range.start < text.indexOf('routers.b'),
  );
  assert.ok(conflict);
  const [action, ...more] = codeActions(projectOf(text), FILE, conflict);
  assert.equal(more.length, 0);
  assert.match(action.title, /^Go to "b" on b \(no automatic fix: you choose which serves/);
  assert.deepEqual(action.edits, {});
  assert.equal(text.slice(action.reveal!.range.start, action.reveal!.range.end), 'b');
});

// rule-syntax's suggestion written into the rule: `||` joining v3 matchers goes in parentheses
// where it replaces an operand of `&&` or `!` (they bind tighter, pkg/rules/parser.go), and a
// rule compose interpolates keeps its `${DOMAIN}` in the edit instead of the value.
const RULE_FIXES: [before: string, after: string][] = [
  ['Host(`a.example`, `b.example`)', 'Host(`a.example`) || Host(`b.example`)'],
  [
    'Host(`a.example`, `b.example`) && PathPrefix(`/api`)',
    '(Host(`a.example`) || Host(`b.example`)) && PathPrefix(`/api`)',
  ],
  [
    'PathPrefix(`/api`) && !Host(`a.example`, `b.example`)',
    'PathPrefix(`/api`) && !(Host(`a.example`) || Host(`b.example`))',
  ],
  [
    'Path(`/x`) || Host(`a.example`, `b.example`) && PathPrefix(`/api`)',
    'Path(`/x`) || (Host(`a.example`) || Host(`b.example`)) && PathPrefix(`/api`)',
  ],
  [
    '(Host(`a.example`, `b.example`)) && PathPrefix(`/api`)',
    '(Host(`a.example`) || Host(`b.example`)) && PathPrefix(`/api`)',
  ],
  ['Path(`/x`) || Host(`a.example`, `b.example`)', 'Path(`/x`) || Host(`a.example`) || Host(`b.example`)'],
  [
    'Host(`${DOMAIN}`, `www.${DOMAIN}`) && PathPrefix(`/api`)',
    '(Host(`${DOMAIN}`) || Host(`www.${DOMAIN}`)) && PathPrefix(`/api`)',
  ],
  ['Hots(`${DOMAIN}`) && PathPrefix(`/api`)', 'Host(`${DOMAIN}`) && PathPrefix(`/api`)'],
  ['Host(`${DOMAIN}`) && pathPrefix(`/api`)', 'Host(`${DOMAIN}`) && PathPrefix(`/api`)'],
];

for (const [rule, fixed] of RULE_FIXES) {
  test(`fix rule-syntax: ${rule} -> ${fixed}`, () => {
    const compose = (r: string) =>
      notify(
        `        - traefik.http.routers.n.rule=${r}\n        - traefik.http.services.n.loadbalancer.server.port=80`,
      );
    const input = (text: string) => ({
      files: [{ file: FILE, text }],
      environment: { files: [{ file: '/project/.env', text: 'DOMAIN=example.com\n' }] },
    });
    const before = compose(rule);
    const { project, findings: found } = new Analyzer().analyze(input(before));
    const finding = found.find((f) => f.code === 'rule-syntax');
    assert.ok(finding, `a rule-syntax finding: ${found.map((f) => f.code).join(', ')}`);
    const chosen = codeActions(project, FILE, finding).find((a) => a.title.startsWith('Change'));
    assert.ok(chosen, 'a Change action');
    const after = applyFile(before, chosen.edits);
    assert.equal(after, compose(fixed));
    const left = new Analyzer().analyze(input(after)).findings.filter((f) => f.code === 'rule-syntax');
    assert.deepEqual(left, []);
  });
}
