// Compose's merge tags (compose spec 13-merge.md "Reset value", "Replace value"): in a later
// file, `!reset` drops a field's merged value and `!override` replaces it instead of merging.
// Compose accepts both, so neither is a YAML problem; the labels, ports and expose Traefik
// sees follow them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { DIR, yaml } from '../../helpers';

const BASE = yaml`
  services:
    traefik:
      image: traefik:v3.4
      command: [--providers.docker, --entrypoints.web.address=:80]
    app:
      image: traefik/whoami
      labels:
        - traefik.http.routers.app.rule=Host(\`a\`)
        - traefik.http.routers.app.middlewares=nope
    web:
      image: alpine
      ports: ["8080:80"]
      labels:
        - traefik.http.routers.web.rule=Host(\`w\`)
`;

const cases: { name: string; override: string; expect: string[] }[] = [
  {
    name: 'without tags the override merges: the base labels stay',
    override: 'services:\n  app:\n    labels:\n      - traefik.http.routers.app.rule=Host(`b`)\n',
    expect: ['compose.yaml warning undefined-middleware'],
  },
  {
    name: '!reset drops the labels of the files before',
    override: 'services:\n  app:\n    labels: !reset []\n',
    expect: [],
  },
  {
    name: '!override replaces them with its own',
    override: 'services:\n  app:\n    labels: !override\n      - traefik.http.routers.app.rule=Host(`b`)\n',
    expect: [],
  },
  {
    name: '!reset on ports: the only port is gone, Traefik drops the container',
    override: 'services:\n  web:\n    ports: !reset []\n',
    expect: ['compose.yaml warning undefined-middleware', 'compose.yaml warning missing-port'],
  },
  {
    name: '!override on ports keeps only the new one',
    override: 'services:\n  web:\n    ports: !override ["9090:81"]\n',
    expect: ['compose.yaml warning undefined-middleware'],
  },
  {
    name: 'another tag is still a YAML problem',
    override: 'services:\n  app:\n    labels: !replace []\n',
    expect: ['compose.override.yaml warning yaml-syntax', 'compose.yaml warning undefined-middleware'],
  },
];

for (const c of cases) {
  test(`merge tags: ${c.name}`, () => {
    const files = [
      { file: `${DIR}/compose.yaml`, text: BASE },
      { file: `${DIR}/compose.override.yaml`, text: c.override },
    ];
    const found = new Analyzer()
      .analyze({ files })
      .findings.map((f) => `${f.file.slice(DIR.length + 1)} ${f.severity} ${f.code}`);
    assert.deepEqual(found.sort(), [...c.expect].sort());
  });
}

test('merge tags: the parts of a service keep their tags', () => {
  const files = [
    { file: `${DIR}/compose.yaml`, text: BASE },
    { file: `${DIR}/compose.override.yaml`, text: 'services:\n  web:\n    ports: !override ["9090:81"]\n' },
  ];
  const project = new Analyzer().project({ files });
  const web = project.containers.find((c) => c.compose.name === 'web')!;
  assert.deepEqual(
    web.composeParts.map((p) => p.mergeTags ?? {}),
    [{}, { ports: '!override' }],
  );
});
