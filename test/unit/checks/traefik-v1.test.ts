// traefik-v1: a project running a Traefik 1.x image gets one information, on the image, that its
// v1 labels and configuration are not checked, and no finding per service or label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll } from '../../helpers';

const v1 = (image: string) =>
  `services:\n  traefik:\n    image: ${image}\n    command: ["--docker", "--api"]\n` +
  ['app', 'api', 'web']
    .map(
      (s) =>
        `  ${s}:\n    image: nginx\n    labels:\n      - traefik.frontend.rule=Host:${s}.example\n      - traefik.port=80\n`,
    )
    .join('');

const cases: [name: string, text: string, others: Record<string, string>, expect: string[]][] = [
  ['traefik:1.7, three services with v1 labels', v1('traefik:1.7'), {}, ['info traefik:1.7']],
  ['traefik:v1.7.34-alpine', v1('traefik:v1.7.34-alpine'), {}, ['info traefik:v1.7.34-alpine']],
  [
    'an override sets the image: the information is where compose reads it',
    v1('traefik:v3.1'),
    { 'docker-compose.override.yml': 'services:\n  traefik:\n    image: traefik:1.7\n' },
    ['info traefik:1.7'],
  ],
  ['traefik:v3.1: not this code', v1('traefik:v3.1'), {}, []],
  ['no Traefik service: not this code', 'services:\n  app:\n    image: nginx\n', {}, []],
];

for (const [name, text, others, expect] of cases) {
  test(`traefik-v1: ${name}`, () => {
    const found = runAll(text, { others });
    assert.deepEqual(
      found.filter((f) => f.code === 'traefik-v1').map((f) => `${f.severity} ${f.text}`),
      expect,
    );
    // The project's only finding: no v1 label is judged per service.
    if (expect.length > 0)
      assert.deepEqual(
        found.map((f) => f.code),
        ['traefik-v1'],
      );
  });
}

// Trial6 min-1 (ruanbekker/docker-swarm-apps): an app with only v1 labels and no Traefik seen
// (none in the project, or one on a private image with v1 flags): written for a v1 Traefik.
const v1App = (labels: string[], where = 'labels') =>
  `networks:\n  appnet:\n    external: true\nservices:\n  blog:\n    image: ghost:1.22.7-alpine\n    networks: [appnet]\n${where === 'deploy' ? '    deploy:\n      labels:\n' : '    labels:\n'}${labels.map((l) => `${where === 'deploy' ? '        ' : '      '}- "${l}"\n`).join('')}`;
const V1_LABELS = [
  'traefik.backend=blog-1',
  'traefik.docker.network=appnet',
  'traefik.frontend.rule=Host:blog-1.example.com',
  'traefik.port=2368',
];

const labelCases: [name: string, text: string, expect: string[]][] = [
  ['only v1 labels, no Traefik: one information on the first', v1App(V1_LABELS), ['info traefik.backend']],
  ['the same in deploy.labels (swarm)', v1App(V1_LABELS, 'deploy'), ['info traefik.backend']],
  [
    // ruanbekker/docker-swarm-apps ghost: traefik.entrypoints is neither v1's nor v2's.
    'a key no Traefik reads beside them: still v1',
    v1App([...V1_LABELS, 'traefik.entrypoints=https'], 'deploy'),
    ['info traefik.backend'],
  ],
  [
    'a private Traefik image with v1 flags beside them: still v1',
    v1App(V1_LABELS) +
      '  proxy:\n    image: registry.example.com/ops/traefik:latest\n    command: --web --docker --docker.swarmmode\n',
    ['info traefik.backend'],
  ],
];

for (const [name, text, expect] of labelCases) {
  test(`traefik-v1 (labels): ${name}`, () => {
    const found = runAll(text);
    assert.deepEqual(
      found.filter((f) => f.code === 'traefik-v1').map((f) => `${f.severity} ${f.text}`),
      expect,
    );
    assert.deepEqual(
      found.map((f) => f.code),
      ['traefik-v1'],
    );
  });
}

const notV1: [name: string, text: string, codes: string[]][] = [
  [
    'a v3 Traefik in the project: the v1 labels are really ignored, one warning each',
    v1App(V1_LABELS) + '  traefik:\n    image: traefik:v3.1\n    command: [--providers.docker]\n',
    ['unknown-label', 'unknown-label', 'unknown-label'],
  ],
  [
    'one v2 label beside v1 ones: written for v2, the v1 ones are judged',
    v1App([...V1_LABELS, 'traefik.http.routers.blog.rule=Host(`b.example`)']),
    ['unknown-label', 'unknown-label', 'unknown-label'],
  ],
  [
    'a misspelt key is no v1 label: judged',
    v1App(['traefik.frontend.rule=Host:a', 'traefik.enabel=true']),
    ['unknown-label', 'unknown-label'],
  ],
];

for (const [name, text, codes] of notV1) {
  test(`traefik-v1 (labels): ${name}`, () => {
    const found = runAll(text);
    assert.deepEqual(
      found.filter((f) => f.code === 'traefik-v1' || f.code === 'unknown-label').map((f) => f.code),
      codes,
    );
  });
}
