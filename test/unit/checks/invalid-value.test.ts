// invalid-value: values Traefik cannot decode (error), values it reads differently than meant
// (warning), keys with sub-keys given a value, and what is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { runCheck } from '../../../server/src/analysis/checks/check';
import { check } from '../../../server/src/analysis/checks/invalid-value';
import { run, yaml } from '../../helpers';

function findings(text: string, version: 'v2' | 'v3' = 'v3') {
  const project = new Analyzer().project({ files: [{ file: '/p/docker-compose.yml', text }], options: { version } });
  return runCheck(check, project).map((f) => ({
    code: f.code,
    severity: f.severity,
    text: text.slice(f.range.start, f.range.end),
    message: f.message,
    explanation: f.explanation ?? '',
  }));
}

const labels = (...items: string[]): string =>
  `services:\n  web:\n    image: nginx\n    labels:\n${items.map((l) => `      - "${l}"\n`).join('')}`;

const R = 'traefik.http.routers.api';
const LB = 'traefik.http.services.api.loadbalancer';

const cases: { name: string; text: string; version?: 'v2' | 'v3'; expect: [string, string][] }[] = [
  {
    name: 'valid values',
    text: labels('traefik.enable=true', `${R}.priority=10`, `${LB}.healthcheck.interval=1m30s`, `${R}.tls=true`),
    expect: [],
  },
  { name: 'bool', text: labels('traefik.enable=yes'), expect: [['error', 'yes']] },
  { name: 'int', text: labels(`${R}.priority=high`), expect: [['error', 'high']] },
  { name: 'duration', text: labels(`${LB}.healthcheck.timeout=5 sec`), expect: [['error', '5 sec']] },
  { name: 'empty bool', text: labels(`${LB}.passhostheader=`), expect: [['error', '']] },
  { name: 'hard enum', text: labels(`${LB}.strategy=roundrobin`), expect: [['error', 'roundrobin']] },
  { name: 'soft enum', text: labels(`${LB}.sticky.cookie.samesite=relaxed`), expect: [['warning', 'relaxed']] },
  { name: 'soft enum, other case accepted', text: labels(`${LB}.sticky.cookie.samesite=Strict`), expect: [] },
  { name: 'allowEmpty with a non-true value', text: labels(`${R}.tls=yes`), expect: [['warning', 'yes']] },
  { name: 'allowEmpty empty or false', text: labels(`${R}.tls=`, `${LB}.sticky.cookie=false`), expect: [] },
  {
    name: 'v2 has no strategy: unknown-label reports it',
    text: labels(`${LB}.strategy=nope`),
    version: 'v2',
    expect: [],
  },
  { name: 'server port not a number', text: labels(`${LB}.server.port=80a`), expect: [['error', '80a']] },
  { name: 'server port 0', text: labels(`${LB}.server.port=0`), expect: [['error', '0']] },
  { name: 'server port above 65535', text: labels(`${LB}.server.port=65536`), expect: [['error', '65536']] },
  { name: 'server port negative', text: labels(`${LB}.server.port=-80`), expect: [['error', '-80']] },
  { name: 'server ports 1 and 65535, empty (detected)', text: labels(`${LB}.server.port=65535`), expect: [] },
  { name: 'server port 1', text: labels(`${LB}.server.port=1`), expect: [] },
  { name: 'server port empty: Traefik detects it', text: labels(`${LB}.server.port=`), expect: [] },
  { name: 'server port from a variable', text: labels(`${LB}.server.port=\${PORT}`), expect: [] },
  {
    name: 'tcp and udp server ports',
    text: labels(
      'traefik.tcp.services.t.loadbalancer.server.port=5432x',
      'traefik.udp.services.u.loadbalancer.server.port=x53',
    ),
    expect: [
      ['error', '5432x'],
      ['error', 'x53'],
    ],
  },
  { name: 'interpolated value', text: labels(`${R}.priority=\${PRIORITY}`), expect: [] },
  { name: 'unknown key', text: labels(`${R}.priorty=high`), expect: [] },
  { name: 'v1 label', text: labels('traefik.port=eighty'), expect: [] },
  {
    name: 'map form with a YAML boolean and a number',
    text: yaml`
      services:
        web:
          image: nginx
          labels:
            traefik.enable: true
            traefik.http.routers.api.priority: 10
            traefik.http.services.api.loadbalancer.server.port: 8080
            traefik.http.services.api.loadbalancer.passHostHeader: "no"
    `,
    expect: [['error', 'no']],
  },
  // keys that take sub-keys
  { name: 'router name alone', text: labels(`${R}=true`), expect: [['warning', 'true']] },
  {
    name: 'router name with sub-keys',
    text: labels(`${R}=true`, `${R}.rule=Host(\`a\`)`),
    expect: [['warning', 'true']],
  },
  { name: 'router name, empty, with sub-keys', text: labels(`${R}=`, `${R}.rule=Host(\`a\`)`), expect: [] },
  { name: 'struct alone', text: labels(`${LB}=true`), expect: [['error', 'true']] },
  { name: 'struct alone, empty value: the key is underlined', text: labels(`${LB}=`), expect: [['error', `${LB}`]] },
  { name: 'struct with sub-keys', text: labels(`${LB}=x`, `${LB}.server.port=80`), expect: [['warning', 'x']] },
  { name: 'list field given a value', text: labels(`${R}.tls.domains=a.com`), expect: [['warning', 'a.com']] },
  { name: 'list field, empty value', text: labels(`${R}.tls.domains=`), expect: [] },
  { name: 'router name alone, empty value: the key is underlined', text: labels(`${R}=`), expect: [['warning', R]] },
  {
    name: 'v2 contenttype is not allowEmpty',
    text: labels('traefik.http.middlewares.m.contenttype=true'),
    version: 'v2',
    expect: [['error', 'true']],
  },
  { name: 'v3 contenttype is allowEmpty', text: labels('traefik.http.middlewares.m.contenttype=true'), expect: [] },
];

for (const c of cases) {
  test(`invalid-value: ${c.name}`, () => {
    const got = findings(c.text, c.version);
    assert.deepEqual(
      got.map((f) => [f.severity, f.text]),
      c.expect,
      JSON.stringify(got, null, 1),
    );
    for (const f of got) assert.equal(f.code, 'invalid-value');
  });
}

test('invalid-value: messages say what Traefik expects', () => {
  const [bool] = findings(labels('traefik.enable=yes'));
  assert.equal(bool.message, '"yes" is not a boolean: write true or false');
  assert.match(bool.explanation, /strconv\.ParseBool does \(true\/false, also 1\/0, t\/f\); Traefik cannot decode it/);
  const [duration] = findings(labels(`${LB}.healthcheck.interval=5 sec`));
  assert.equal(duration.message, '"5 sec" is not a duration: write seconds (10) or a Go duration (10s)');
  assert.match(duration.explanation, /\(10s, 1m30s, 100ms; paerser types\/duration\.go\)/);
  const [empty] = findings(labels(`${R}=true`));
  assert.equal(empty.message, 'this only declares an empty router "api": add its settings as sub-keys');
  assert.match(empty.explanation, /Traefik ignores the value "true"\.$/);
  assert.match(findings(labels(`${LB}=true`))[0].explanation, /cannot be a standalone element/);
});

test('invalid-value: loadbalancer.sticky=true without a cookie does not stick (corpus 044)', () => {
  const only =
    'services:\n  a:\n    image: x\n    labels:\n      traefik.http.services.a.loadbalancer.sticky: "true"\n';
  assert.deepEqual(
    run('invalid-value', only).map((f) => [f.severity, f.text]),
    [['warning', 'true']],
  );
  const withCookie = only + '      traefik.http.services.a.loadbalancer.sticky.cookie.name: s\n';
  assert.deepEqual(run('invalid-value', withCookie), []);
  const cookie =
    'services:\n  a:\n    image: x\n    labels:\n      - traefik.http.services.a.loadbalancer.sticky.cookie=true\n';
  assert.deepEqual(run('invalid-value', cookie), []);
});
