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
