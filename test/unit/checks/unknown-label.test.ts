// unknown-label: keys Traefik fails on (error), misspelt prefixes and v1 labels it ignores (warning),
// and the many labels that are none of its business (nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { runCheck } from '../../../server/src/analysis/checks/check';
import { check } from '../../../server/src/analysis/checks/unknown-label';
import { yaml } from '../../helpers';

function findings(text: string, version: 'v2' | 'v3' = 'v3') {
  const project = new Analyzer().project({ files: [{ file: '/p/docker-compose.yml', text }], options: { version } });
  return runCheck(check, project).map((f) => ({
    code: f.code,
    severity: f.severity,
    text: text.slice(f.range.start, f.range.end),
    message: f.message,
    explanation: f.explanation ?? '',
    data: f.data,
  }));
}

/** A compose file with one service `web` carrying the given list-form labels. */
const labels = (...items: string[]): string =>
  `services:\n  web:\n    image: nginx\n    labels:\n${items.map((l) => `      - "${l}"\n`).join('')}`;

const cases: {
  name: string;
  text: string;
  version?: 'v2' | 'v3';
  /** [severity, underlined text] per finding, in order. */
  expect: [string, string][];
}[] = [
  {
    name: 'valid keys, mixed case',
    text: labels('traefik.http.routers.Api.Rule=Host(`a`)', 'traefik.http.services.Api.loadBalancer.server.port=80'),
    expect: [],
  },
  { name: 'typo in a field', text: labels('traefik.http.routers.api.rulle=Host(`a`)'), expect: [['error', 'rulle']] },
  { name: 'typo in a kind', text: labels('traefik.http.routrs.api.rule=Host(`a`)'), expect: [['error', 'routrs']] },
  {
    name: 'https extends the http prefix',
    text: labels('traefik.https.routers.api.rule=x'),
    expect: [['error', 'https']],
  },
  { name: 'traefik.enabled', text: labels('traefik.enabled=true'), expect: [['error', 'enabled']] },
  { name: 'provider label typo', text: labels('traefik.docker.netwrok=proxy'), expect: [['error', 'netwrok']] },
  { name: 'root written Traefik', text: labels('Traefik.http.routers.api.rule=x'), expect: [['error', 'Traefik']] },
  { name: 'empty segment', text: labels('traefik.http..api.rule=x'), expect: [['error', '..']] },
  { name: 'sub-key under a value', text: labels('traefik.http.routers.api.rule.x=y'), expect: [['error', 'x']] },
  { name: 'index on a non-list', text: labels('traefik.http.routers.api.rule[0]=y'), expect: [['error', 'rule[0]']] },
  {
    name: 'a space before "=" is part of the key',
    text: labels('traefik.http.routers.api.rule =x'),
    expect: [['error', 'rule ']],
  },
  {
    name: 'list index on the right field',
    text: labels('traefik.http.routers.api.tls.domains[0].main=a.com'),
    expect: [],
  },
  {
    name: 'map form',
    text: yaml`
      services:
        web:
          image: nginx
          labels:
            traefik.enable: true
            traefik.http.routers.api.entryPoint: web
    `,
    expect: [['error', 'entryPoint']],
  },
  // keys Traefik silently ignores
  { name: 'misspelt root', text: labels('treafik.http.routers.api.rule=x'), expect: [['warning', 'treafik']] },
  { name: 'misspelt http', text: labels('traefik.htp.routers.api.rule=x'), expect: [['warning', 'htp']] },
  { name: 'misspelt enable', text: labels('traefik.enabel=true'), expect: [['warning', 'enabel']] },
  {
    name: 'misspelt stores',
    text: labels('traefik.tls.store.default.defaultgeneratedcert.resolver=le'),
    expect: [['warning', 'store']],
  },
  { name: 'v1 port', text: labels('traefik.port=80'), expect: [['warning', 'traefik.port']] },
  {
    name: 'v1 frontend rule',
    text: labels('traefik.frontend.rule=Host:a.com'),
    expect: [['warning', 'traefik.frontend.rule']],
  },
  {
    name: 'v1 segment label',
    text: labels('traefik.admin.frontend.rule=Host:a.com'),
    expect: [['warning', 'traefik.admin.frontend.rule']],
  },
  {
    name: 'TLS options',
    text: labels('traefik.tls.options.modern.minVersion=VersionTLS13'),
    expect: [['warning', 'traefik.tls.options.modern.minVersion']],
  },
  {
    name: 'other TLS store',
    text: labels('traefik.tls.stores.mine.defaultgeneratedcert.resolver=le'),
    expect: [['warning', 'traefik.tls.stores.mine.defaultgeneratedcert.resolver']],
  },
  {
    name: 'serversTransports',
    text: labels('traefik.http.serverstransports.t.insecureskipverify=true'),
    expect: [['warning', 'traefik.http.serverstransports.t.insecureskipverify']],
  },
  {
    name: 'v2 has no traefik.swarm',
    text: labels('traefik.swarm.network=proxy'),
    version: 'v2',
    expect: [['warning', 'traefik.swarm.network']],
  },
  { name: 'v3 swarm label', text: labels('traefik.swarm.network=proxy', 'traefik.swarm.lbswarm=true'), expect: [] },
  {
    name: 'swarm typo on a container: the docker provider ignores it',
    text: labels('traefik.swarm.netwrk=proxy'),
    expect: [['warning', 'netwrk']],
  },
  {
    name: 'swarm typo on a swarm service',
    text: 'services:\n  web:\n    image: nginx\n    deploy:\n      labels:\n        - traefik.swarm.netwrk=proxy\n',
    expect: [['error', 'netwrk']],
  },
  {
    name: 'v3-only field under v2',
    text: labels('traefik.docker.allownonrunning=true'),
    version: 'v2',
    expect: [['error', 'allownonrunning']],
  },
  // none of Traefik's business
  {
    name: 'labels of other tools and custom traefik.* keys',
    text: labels(
      'com.docker.compose.project=x',
      'org.label-schema.version=1',
      'com.centurylinklabs.watchtower.enable=true',
      'traefik.constraint-label=traefik-public',
      'traefik.random.value=x',
      'traefik.tags=a',
      'treafik=x',
      'traefik=x',
    ),
    expect: [['warning', 'traefik.tags']],
  },
  // interpolation
  { name: 'interpolated user name', text: labels('traefik.http.routers.${STACK}-web.rule=x'), expect: [] },
  { name: 'interpolated field cannot be judged', text: labels('traefik.http.routers.web.${FIELD}=x'), expect: [] },
  // compose uses the default when NAME is unset: routers.a with a field b, which Traefik cannot decode.
  {
    name: 'dotted default in a name (a list-form key is interpolated)',
    text: labels('traefik.http.routers.${NAME:-a.b}.rule=x'),
    expect: [['error', 'b']],
  },
  {
    name: 'typo before interpolation',
    text: labels('traefik.http.routres.${NAME}.rule=x'),
    expect: [['error', 'routres']],
  },
];

for (const c of cases) {
  test(`unknown-label: ${c.name}`, () => {
    const got = findings(c.text, c.version);
    assert.deepEqual(
      got.map((f) => [f.severity, f.text]),
      c.expect,
      JSON.stringify(got, null, 1),
    );
    for (const f of got) assert.equal(f.code, 'unknown-label');
  });
}

test('unknown-label: message and quick-fix data for a typo', () => {
  const [f] = findings(labels('traefik.http.routers.api.rulle=Host(`a`)'));
  assert.equal(f.message, 'unknown label key "rulle": did you mean "rule"?');
  assert.match(
    f.explanation,
    /^Traefik cannot decode the container's labels \(field not found\) and drops the whole container/,
  );
  assert.deepEqual(f.data, { segmentIndex: 4, suggestion: 'rule', replacement: 'traefik.http.routers.api.rule' });
});

test('unknown-label: no suggestion when nothing is close', () => {
  const [f] = findings(labels('traefik.http.routers.api.maxRequestBodyBytes=10'));
  assert.equal(f.message, 'unknown label key "maxRequestBodyBytes": check it against Traefik\'s reference');
  assert.deepEqual(f.data, { segmentIndex: 4 });
});

test('unknown-label: a list index is kept in the suggestion', () => {
  const [f] = findings(labels('traefik.http.routers.api.tls.domain[0].main=a.com'));
  assert.equal(f.text, 'domain[0]');
  assert.equal(f.data?.replacement, 'traefik.http.routers.api.tls.domains[0].main');
});

test('unknown-label: names the version a key belongs to', () => {
  const [f] = findings(labels('traefik.http.routers.api.rulesyntax=v2'), 'v2');
  assert.match(f.message, /^unknown label key "rulesyntax" \(a Traefik v3 key\)/);
});

test('unknown-label: v1 labels point to their v2 key, named after the service or segment', () => {
  const [port] = findings(labels('traefik.port=8080'));
  assert.equal(
    port.message,
    'Traefik v1 label, ignored since v2: use traefik.http.services.web.loadbalancer.server.port',
  );
  assert.match(port.explanation, /^Traefik v2 and v3 decode only labels under traefik\.http/);
  assert.deepEqual(port.data, {
    suggestion: 'traefik.http.services.web.loadbalancer.server.port',
    replacement: 'traefik.http.services.web.loadbalancer.server.port',
  });
  const [rule] = findings(labels('traefik.admin.frontend.rule=Host:a.com'));
  assert.equal(rule.data?.replacement, 'traefik.http.routers.admin.rule');
  const [headers] = findings(labels('traefik.frontend.headers.STSSeconds=315360000'));
  assert.equal(headers.data?.replacement, 'traefik.http.middlewares.web.headers.stsseconds');
  const [backend] = findings(labels('traefik.backend=web'));
  assert.deepEqual(backend.data, {});
  // server.weight is a v3 label; v2 has nothing to offer.
  assert.deepEqual(findings(labels('traefik.weight=10'), 'v2')[0].data, {});
  assert.equal(
    findings(labels('traefik.weight=10'))[0].data?.replacement,
    'traefik.http.services.web.loadbalancer.server.weight',
  );
});

test('unknown-label: a v1 label on a dotted service name suggests the router Traefik names (dots become dashes)', () => {
  const text = labels('traefik.frontend.rule=Host:a.com').replace('  web:', '  example.reverse-proxy:');
  assert.equal(findings(text)[0].data?.replacement, 'traefik.http.routers.example-reverse-proxy.rule');
});

test('unknown-label: a misspelt prefix carries a replacement', () => {
  const [f] = findings(labels('traefik.htp.routers.api.rule=x'));
  assert.deepEqual(f.data, { segmentIndex: 1, suggestion: 'http', replacement: 'traefik.http.routers.api.rule' });
});

test('unknown-label: a project whose Traefik is v1 reads its v1 labels (no finding); v2 and v3 ignore them', () => {
  const project = (image: string): string =>
    `services:\n  proxy:\n    image: ${image}\n    command: --api --docker\n    labels:\n      - traefik.frontend.rule=Host:monitor.example.localhost\n      - traefik.port=8080\n`;
  assert.deepEqual(findings(project('traefik:v1.7')), []);
  assert.deepEqual(
    findings(project('traefik:v3.1')).map((f) => f.text),
    ['traefik.frontend.rule', 'traefik.port'],
  );
});
