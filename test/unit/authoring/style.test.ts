// New labels written in the file's style: form, quotes, indentation, line breaks, new blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertLabels } from '../../../server/src/analysis/authoring/style';
import { yaml } from '../../helpers';
import { apply, projectOf } from './helpers';

const NEW = [
  { key: 'traefik.enable', value: 'true' },
  { key: 'traefik.http.routers.a.rule', value: 'PathPrefix(`/a`)' },
];

function added(text: string, source: 'labels' | 'deploy.labels' = 'labels', service = 'a'): string {
  const project = projectOf(text);
  const file = project.files[0];
  const s = file.services.find((x) => x.name === service)!;
  return apply(text, [insertLabels(file, s, source, NEW)]);
}

const cases: { name: string; before: string; after: string }[] = [
  {
    name: 'list form, single quotes, dash spacing copied',
    before: "services:\n  a:\n    labels:\n      -   'traefik.http.services.a.loadbalancer.server.port=80'\n",
    after:
      "services:\n  a:\n    labels:\n      -   'traefik.http.services.a.loadbalancer.server.port=80'\n      -   'traefik.enable=true'\n      -   'traefik.http.routers.a.rule=PathPrefix(`/a`)'\n",
  },
  {
    name: 'list form, unquoted, sequence at the key indentation, trailing comment kept',
    before: 'services:\n  a:\n    labels:\n    - traefik.docker.network=web # the proxy network\n    image: x\n',
    after:
      'services:\n  a:\n    labels:\n    - traefik.docker.network=web # the proxy network\n    - traefik.enable=true\n    - traefik.http.routers.a.rule=PathPrefix(`/a`)\n    image: x\n',
  },
  {
    name: 'CRLF file stays CRLF',
    before: 'services:\r\n  a:\r\n    labels:\r\n      - "traefik.docker.network=web"\r\n',
    after:
      'services:\r\n  a:\r\n    labels:\r\n      - "traefik.docker.network=web"\r\n      - "traefik.enable=true"\r\n      - "traefik.http.routers.a.rule=PathPrefix(`/a`)"\r\n',
  },
  {
    name: 'map form, values quoted only where YAML needs it when neighbours mix',
    before:
      'services:\n  a:\n    labels:\n      traefik.docker.network: web\n      traefik.http.services.a.loadbalancer.server.port: "80"\n',
    after:
      'services:\n  a:\n    labels:\n      traefik.docker.network: web\n      traefik.http.services.a.loadbalancer.server.port: "80"\n      traefik.enable: "true"\n      traefik.http.routers.a.rule: PathPrefix(`/a`)\n',
  },
  {
    name: 'flow list',
    before: 'services:\n  a:\n    labels: ["traefik.docker.network=web"]\n',
    after:
      'services:\n  a:\n    labels: ["traefik.docker.network=web", "traefik.enable=true", "traefik.http.routers.a.rule=PathPrefix(`/a`)"]\n',
  },
  {
    name: 'no labels: a block at the end of the service, in the style of the other services',
    before: yaml`
      services:
        a:
          image: x
          ports:
            - "80"

        b:
          labels:
            - 'traefik.enable=true'
    `,
    after: yaml`
      services:
        a:
          image: x
          ports:
            - "80"
          labels:
            - 'traefik.enable=true'
            - 'traefik.http.routers.a.rule=PathPrefix(\`/a\`)'

        b:
          labels:
            - 'traefik.enable=true'
    `,
  },
  {
    name: 'an empty labels key gets the items',
    before: 'services:\n  a:\n    labels:\n    image: x\n',
    after:
      'services:\n  a:\n    labels:\n      - "traefik.enable=true"\n      - "traefik.http.routers.a.rule=PathPrefix(`/a`)"\n    image: x\n',
  },
];

for (const c of cases) {
  test(`insertLabels: ${c.name}`, () => {
    assert.equal(added(c.before), c.after);
    assert.equal(projectOf(c.after).files[0].problems.length, 0, 'still valid YAML');
  });
}

test('insertLabels: deploy.labels created inside an existing deploy', () => {
  const before = 'services:\n  a:\n    image: x\n    deploy:\n      replicas: 2\n';
  const after = added(before, 'deploy.labels');
  assert.equal(
    after,
    'services:\n  a:\n    image: x\n    deploy:\n      labels:\n        - "traefik.enable=true"\n        - "traefik.http.routers.a.rule=PathPrefix(`/a`)"\n      replicas: 2\n',
  );
  const labels = projectOf(after).files[0].services[0].labels;
  assert.deepEqual(
    labels.map((l) => `${l.source} ${l.key}`),
    ['deploy.labels traefik.enable', 'deploy.labels traefik.http.routers.a.rule'],
  );
});
