// Knock-on of a dropped container: a name only it defines does not exist in Traefik, so the
// reference to it says why, with the finding that drops the container as related information.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer, analyzeProject } from '../../../server/src/analysis';
import { DROPPING } from '../../../server/src/analysis/checks/dropped';
import { runAll, yaml } from '../../helpers';

/** `auth` defines the middleware `auth` and the service `auth-svc`; `app` uses both. */
const project = (authLabels: string, authImage = 'traefik/whoami', authExtra = '') => yaml`
  services:
    auth:
      image: ${authImage}
${authExtra}
      labels:
        - traefik.http.middlewares.auth.basicauth.users=u:p
${authLabels}
    app:
      image: traefik/whoami
      labels:
        - traefik.http.routers.app.rule=Host(\`a.example\`)
        - traefik.http.routers.app.middlewares=auth
        - traefik.http.routers.app.service=auth-svc
        - traefik.http.services.app.loadbalancer.server.port=80
`;

const PORT = '        - traefik.http.services.auth-svc.loadbalancer.server.port=80';

interface Case {
  name: string;
  text: string;
  /** code -> text of the references it underlines, with the code that drops `auth`. */
  expect: { code: string; text: string; droppedBy: string }[];
}

const knockOn = (droppedBy: string) => [
  { code: 'undefined-middleware', text: 'auth', droppedBy },
  { code: 'undefined-service', text: 'auth-svc', droppedBy },
];

const cases: Case[] = [
  { name: 'the defining container is kept: nothing', text: project(PORT), expect: [] },
  {
    name: 'an unknown label drops it',
    text: project(`${PORT}\n        - traefik.http.routers.auth.rulle=Host(\`b\`)`),
    expect: knockOn('unknown-label'),
  },
  {
    name: 'an undecodable value drops it',
    text: project(`${PORT}\n        - traefik.http.services.auth-svc.loadbalancer.passhostheader=yes`),
    expect: knockOn('invalid-value'),
  },
  {
    name: 'no port on an image known to expose none drops it',
    text: project('        - traefik.http.services.auth-svc.loadbalancer.sticky.cookie=true', 'node:22-alpine'),
    expect: knockOn('missing-port'),
  },
  {
    name: 'a port that only the unseen image may expose: not judged',
    text: project('        - traefik.http.services.auth-svc.loadbalancer.sticky.cookie=true', 'example/unseen:1'),
    expect: [],
  },
  {
    name: 'another kept container defines the name too: it resolves',
    text: `${project(`${PORT}\n        - traefik.http.routers.auth.rulle=Host(\`b\`)`)}  other:\n    image: traefik/whoami\n    labels:\n      - traefik.http.middlewares.auth.basicauth.users=u:p\n      - traefik.http.services.auth-svc.loadbalancer.server.port=80\n`,
    expect: [],
  },
];

for (const c of cases) {
  test(`knock-on: ${c.name}`, () => {
    const got = runAll(c.text).filter((f) => f.data?.droppedBy);
    assert.deepEqual(
      got.map((f) => ({ code: f.code, text: f.text, droppedBy: f.data?.droppedBy })),
      c.expect,
      JSON.stringify(runAll(c.text), null, 1),
    );
    for (const f of got) {
      assert.equal(f.severity, 'error');
      assert.match(f.message, /is defined only by container "auth", which Traefik drops: see /);
      assert.ok(f.message.length <= 100, f.message);
    }
  });
}

test('knock-on: related information points at the definition and at the finding that drops the container', () => {
  const text = project(`${PORT}\n        - traefik.http.routers.auth.rulle=Host(\`b\`)`);
  const { findings } = new Analyzer().analyze({ files: [{ file: '/p/docker-compose.yml', text }] });
  const ref = findings.find((f) => f.code === 'undefined-middleware')!;
  const drop = findings.find((f) => f.code === 'unknown-label')!;
  assert.ok(ref && drop);
  const slices = ref.related!.map((r) => text.slice(r.range.start, r.range.end));
  assert.deepEqual(slices, ['auth', 'rulle']);
  assert.deepEqual(ref.related![1].range, drop.range);
  assert.equal(ref.effect?.drops, 'router');
});

test('knock-on: a router on the dropped container itself says nothing more', () => {
  const text = yaml`
    services:
      auth:
        image: traefik/whoami
        labels:
          - traefik.http.routers.auth.rule=Host(\`b\`)
          - traefik.http.routers.auth.middlewares=auth
          - traefik.http.services.auth.loadbalancer.passhostheader=yes
          - traefik.http.middlewares.auth.basicauth.users=u:p
  `;
  const all = runAll(text);
  assert.ok(all.some((f) => f.code === 'invalid-value' && f.text === 'yes'));
  assert.deepEqual(
    all.filter((f) => f.code.startsWith('undefined-')),
    [],
  );
});

test('knock-on: the fixture project (test/fixtures/knock-on) as read from disk', () => {
  const file = path.resolve(__dirname, '../../fixtures/knock-on/docker-compose.yml');
  const text = readFileSync(file, 'utf8');
  const { findings } = analyzeProject({ files: [{ file, text }] });
  const seen = findings.map((f) => `${f.severity} ${f.code} ${text.slice(f.range.start, f.range.end)}`);
  assert.deepEqual(seen.sort(), [
    'error invalid-value ture',
    'error undefined-middleware sso',
    'error undefined-service auth',
  ]);
});

test('knock-on: only the checks in DROPPING (checks/dropped.ts) drop a container', () => {
  const marked = new Set(DROPPING.map((c) => c.code));
  const texts = [
    ...cases.map((c) => c.text),
    readFileSync(path.resolve(__dirname, '../../fixtures/knock-on/docker-compose.yml'), 'utf8'),
  ];
  for (const text of texts) {
    const { findings } = new Analyzer().analyze({ files: [{ file: '/p/docker-compose.yml', text }] });
    for (const f of findings) if (f.effect?.drops === 'container') assert.ok(marked.has(f.code), f.code);
  }
  assert.deepEqual([...marked].sort(), [
    'healthcheck-command',
    'invalid-value',
    'missing-port',
    'not-enabled',
    'unknown-label',
  ]);
});
