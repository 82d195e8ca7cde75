import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ComposeParser, parseWhole } from '../../../server/src/analysis/compose/parse';
import { yaml } from '../../helpers';

/** Drops properties that are present but undefined. */
function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x));
}

function labelsOf(text: string) {
  const file = new ComposeParser().parse('/p/docker-compose.yml', text);
  return file.services.flatMap((s) =>
    s.labels.map((l) => ({
      key: text.slice(l.keyRange.start, l.keyRange.end),
      value: text.slice(l.valueRange.start, l.valueRange.end),
      segments: l.segments.map((g) => text.slice(g.range.start, g.range.end)),
      entry: text.slice(l.entryRange.start, l.entryRange.end),
      exact: l.exact,
      form: l.form,
      quote: l.quote,
      parsed: [l.key, l.value],
    })),
  );
}

const cases: {
  name: string;
  text: string;
  expect: {
    key: string;
    value: string;
    segments?: string[];
    exact?: boolean;
    form?: string;
    quote?: string;
    entry?: string;
  }[];
}[] = [
  {
    name: 'list form, double quoted',
    text: yaml`
      services:
        api:
          labels:
            - "traefik.http.routers.api.rule=Host(\`x\`)"
    `,
    expect: [
      {
        key: 'traefik.http.routers.api.rule',
        value: 'Host(`x`)',
        segments: ['traefik', 'http', 'routers', 'api', 'rule'],
        form: 'list',
        quote: '"',
        entry: '- "traefik.http.routers.api.rule=Host(`x`)"',
      },
    ],
  },
  {
    name: 'list form, plain and single quoted',
    text: yaml`
      services:
        api:
          labels:
            - traefik.enable=true
            - 'traefik.http.routers.api.priority=1'
    `,
    expect: [
      { key: 'traefik.enable', value: 'true', quote: '' },
      { key: 'traefik.http.routers.api.priority', value: '1', quote: "'" },
    ],
  },
  {
    name: 'map form with YAML booleans and numbers kept as written',
    text: yaml`
      services:
        api:
          labels:
            traefik.enable: true
            traefik.http.services.api.loadbalancer.server.port: 8080
            "traefik.http.routers.api.rule": "PathPrefix(\`/api\`)"
    `,
    expect: [
      { key: 'traefik.enable', value: 'true', form: 'map' },
      { key: 'traefik.http.services.api.loadbalancer.server.port', value: '8080' },
      { key: 'traefik.http.routers.api.rule', value: 'PathPrefix(`/api`)', quote: '"' },
    ],
  },
  {
    name: 'label without = has an empty value',
    text: yaml`
      services:
        api:
          labels:
            - traefik.http.routers.api.tls
    `,
    expect: [{ key: 'traefik.http.routers.api.tls', value: '' }],
  },
  {
    name: 'escapes in double quotes map to their source characters',
    text: yaml`
      services:
        api:
          labels:
            - "traefik.http.routers.api.rule=HostRegexp(\`^.+\\\\.x\\\\.dev\`)"
    `,
    expect: [{ key: 'traefik.http.routers.api.rule', value: 'HostRegexp(`^.+\\\\.x\\\\.dev`)', exact: true }],
  },
  {
    name: 'deploy.labels (Swarm)',
    text: yaml`
      services:
        api:
          deploy:
            labels:
              - traefik.http.routers.api.rule=Host(\`a\`)
    `,
    expect: [{ key: 'traefik.http.routers.api.rule', value: 'Host(`a`)' }],
  },
  {
    name: 'folded plain scalar falls back to the whole scalar',
    text: 'services:\n  api:\n    labels:\n      - traefik.http.routers.api.rule=Host(`a`)\n        || Host(`b`)\n',
    expect: [
      {
        key: 'traefik.http.routers.api.rule=Host(`a`)\n        || Host(`b`)',
        value: 'traefik.http.routers.api.rule=Host(`a`)\n        || Host(`b`)',
        exact: false,
      },
    ],
  },
];

for (const c of cases) {
  test(`labels: ${c.name}`, () => {
    const got = labelsOf(c.text);
    assert.equal(got.length, c.expect.length);
    c.expect.forEach((e, i) => {
      for (const [k, v] of Object.entries(e))
        assert.deepEqual((got[i] as Record<string, unknown>)[k], v, `${k} of label ${i}`);
    });
  });
}

test('labels: parsed key and value are the decoded strings', () => {
  const got = labelsOf('services:\n  a:\n    labels:\n      - "traefik.http.routers.a.rule=Path(\\"/x\\")"\n');
  assert.deepEqual(got[0].parsed, ['traefik.http.routers.a.rule', 'Path("/x")']);
  assert.equal(got[0].value, 'Path(\\"/x\\")');
});

test('compose: service slices give the same model as a whole-file parse', () => {
  const text = yaml`
    services:
      a:
        image: nginx
        ports: ["8080:80"]
        labels:
          - traefik.http.routers.a.rule=Host(\`a\`)
      # a comment between services
      b:
        image: traefik:v3.1
        command:
          - --providers.docker.exposedbydefault=false
        deploy:
          replicas: 3
    networks:
      web: {}
  `;
  const sliced = new ComposeParser().parse('/p/c.yml', text);
  const whole = parseWhole('/p/c.yml', text);
  assert.deepEqual(plain(sliced.services), plain(whole.services));
  assert.deepEqual(sliced.networks, whole.networks);
  assert.equal(sliced.services[0].ports[0].target, 80);
  assert.equal(sliced.services[0].ports[0].published, '8080');
  assert.equal(sliced.services[1].replicas?.value, '3');
});

test('compose: an edit re-parses only the edited service and shifts the others', () => {
  const parser = new ComposeParser();
  const before = 'services:\n  a:\n    image: x\n  b:\n    labels:\n      - traefik.enable=true\n';
  parser.parse('/p/c.yml', before);
  const after = before.replace('image: x', 'image: xy');
  const file = parser.parse('/p/c.yml', after);
  const b = file.services[1];
  assert.equal(after.slice(b.labels[0].keyRange.start, b.labels[0].keyRange.end), 'traefik.enable');
  assert.deepEqual(plain(file.services), plain(parseWhole('/p/c.yml', after).services));
});

test('compose: anchors and aliases fall back to a whole-file parse', () => {
  const text = yaml`
    x-common: &common
      labels:
        - traefik.enable=true
    services:
      a:
        <<: *common
        image: nginx
  `;
  const file = new ComposeParser().parse('/p/c.yml', text);
  assert.equal(file.services[0].name, 'a');
  assert.equal(file.services[0].image?.value, 'nginx');
});

test('compose: a duplicated service name is a YAML problem', () => {
  const file = new ComposeParser().parse('/p/c.yml', 'services:\n  a:\n    image: x\n  a:\n    image: y\n');
  assert.equal(file.problems.length, 1);
  assert.match(file.problems[0].message, /unique/);
});
