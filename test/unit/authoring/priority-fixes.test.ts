// Priority quick fixes (route-shadowed, priority-tie) on real findings: the offered titles, the
// whole resulting document, and the finding gone without a new one. A priority that would shadow
// or tie another router is not offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../../server/src/analysis/authoring';
import { isCatchAll } from '../../../server/src/analysis/authoring/fixes/priority';
import { parseRule } from '../../../server/src/analysis/rules';
import { yaml } from '../../helpers';
import { applyFile, FILE, findings, projectOf, summary } from './helpers';

const two = (front: string, upload: string) => yaml`
  services:
    frontend:
      image: web
      labels:
${front}
    upload:
      image: up
      labels:
${upload}
`;

interface Case {
  name: string;
  before: string;
  code: string;
  /** The rule the finding sits on, when several findings of the code exist. */
  on?: string;
  /** Title of every action offered, then the document after each. */
  actions: [string, string][];
}

const frontList = (priority: string) =>
  [
    '        - "traefik.http.routers.frontend.rule=PathPrefix(`/`)"',
    `        - "traefik.http.routers.frontend.priority=${priority}"`,
    '        - "traefik.http.services.frontend.loadbalancer.server.port=80"',
  ].join('\n');
const uploadList = (extra = '') =>
  [
    '        - "traefik.http.routers.upload.rule=PathPrefix(`/upload`)"',
    '        - "traefik.http.routers.upload.tls=false"',
    ...(extra ? [extra] : []),
    '        - "traefik.http.services.upload.loadbalancer.server.port=3000"',
  ].join('\n');

const cases: Case[] = [
  {
    name: 'route-shadowed by a catch-all: lower the catch-all, or lift the router (label added)',
    before: two(frontList('100'), uploadList()),
    code: 'route-shadowed',
    actions: [
      ['Set priority of "frontend" to 1', two(frontList('1'), uploadList())],
      [
        'Give "upload" priority 101',
        two(frontList('100'), uploadList('        - "traefik.http.routers.upload.priority=101"')),
      ],
    ],
  },
  {
    name: 'route-shadowed: lowering the catch-all is not offered when priority 1 would tie it with another catch-all',
    before: two(
      frontList('100') +
        '\n        - "traefik.http.routers.fallback.rule=Host(`example.com`)"\n        - "traefik.http.routers.fallback.priority=1"',
      uploadList(),
    ),
    code: 'route-shadowed',
    on: 'PathPrefix(`/upload`)',
    actions: [
      [
        'Give "upload" priority 101',
        two(
          frontList('100') +
            '\n        - "traefik.http.routers.fallback.rule=Host(`example.com`)"\n        - "traefik.http.routers.fallback.priority=1"',
          uploadList('        - "traefik.http.routers.upload.priority=101"'),
        ),
      ],
    ],
  },
  {
    name: 'route-shadowed in map form, by a rule that is not a catch-all: lift only, the value quoted as map labels are strings',
    before: two(
      '        traefik.http.routers.api.rule: PathPrefix(`/api`) || PathPrefix(`/v2`)\n        traefik.http.routers.api.priority: 50',
      '        traefik.http.routers.users.rule: PathPrefix(`/api/users`)\n        traefik.http.services.users.loadbalancer.server.port: 3000',
    ),
    code: 'route-shadowed',
    actions: [
      [
        'Give "users" priority 51',
        two(
          '        traefik.http.routers.api.rule: PathPrefix(`/api`) || PathPrefix(`/v2`)\n        traefik.http.routers.api.priority: 50',
          '        traefik.http.routers.users.rule: PathPrefix(`/api/users`)\n        traefik.http.routers.users.priority: "51"\n        traefik.http.services.users.loadbalancer.server.port: 3000',
        ),
      ],
    ],
  },
  {
    name: 'priority-tie: the narrower router is lifted',
    before: two(
      '        - traefik.http.routers.api.rule=PathPrefix(`/api`)\n        - traefik.http.routers.api.priority=7',
      '        - traefik.http.routers.users.rule=PathPrefix(`/api/users`)\n        - traefik.http.routers.users.priority=7',
    ),
    code: 'priority-tie',
    on: 'PathPrefix(`/api/users`)',
    actions: [
      [
        'Give "users" priority 8',
        two(
          '        - traefik.http.routers.api.rule=PathPrefix(`/api`)\n        - traefik.http.routers.api.priority=7',
          '        - traefik.http.routers.users.rule=PathPrefix(`/api/users`)\n        - traefik.http.routers.users.priority=8',
        ),
      ],
    ],
  },
  {
    name: 'priority-tie: lifting the wider router would shadow its rival, so nothing is offered',
    before: two(
      '        - traefik.http.routers.api.rule=PathPrefix(`/api`)\n        - traefik.http.routers.api.priority=7',
      '        - traefik.http.routers.users.rule=PathPrefix(`/api/users`)\n        - traefik.http.routers.users.priority=7',
    ),
    code: 'priority-tie',
    on: 'PathPrefix(`/api`)',
    actions: [],
  },
];

for (const c of cases) {
  test(`priority fix: ${c.name}`, () => {
    const all = findings(c.before);
    const found = all.filter(
      (f) => f.code === c.code && (!c.on || c.before.slice(f.range.start, f.range.end) === c.on),
    );
    assert.equal(found.length, 1, `one ${c.code} finding in: ${summary(c.before, all).join('; ')}`);
    const finding = found[0];
    const actions = codeActions(projectOf(c.before), FILE, finding);
    assert.deepEqual(
      actions.map((a) => a.title),
      c.actions.map(([title]) => title),
    );
    const fixed = `${finding.code}: ${c.before.slice(finding.range.start, finding.range.end)}`;
    const before = summary(c.before, all);
    for (const [i, [title, expected]] of c.actions.entries()) {
      const after = applyFile(c.before, actions[i].edits);
      assert.equal(after, expected, title);
      const left = summary(after, findings(after));
      assert.ok(!left.includes(fixed), `${title}: ${fixed} gone`);
      for (const f of left) assert.ok(before.includes(f), `${title}: no new finding ${f}`);
    }
  });
}

test('catch-all: rules that match every path, and rules that do not', () => {
  const table: [string, boolean][] = [
    ['PathPrefix(`/`)', true],
    ['Host(`example.com`)', true],
    ['Host(`example.com`) && PathPrefix(`/`)', true],
    ['PathPrefix(`/`) || PathPrefix(`/api`)', true],
    ['PathPrefix(`/api`)', false],
    ['Path(`/`)', false],
    ['!PathPrefix(`/`)', false],
    ['PathPrefix(`/`) && !PathPrefix(`/api`)', false],
    ['PathRegexp(`.*`)', false],
  ];
  for (const [rule, expected] of table) {
    const tree = parseRule(rule, 'v3').tree;
    assert.ok(tree, rule);
    assert.equal(isCatchAll(tree), expected, rule);
  }
});
