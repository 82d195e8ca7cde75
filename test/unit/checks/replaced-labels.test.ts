// replaced-labels: `labels:` beside `<<: *anchor` replaces the anchor's labels (YAML merge keys
// never combine maps); reported on the own key, naming the Traefik labels lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProject } from '../../../server/src/analysis';
import { yaml } from '../../helpers';

const ANCHOR = yaml`
  x-traefik: &traefik
    restart: always
    labels:
      - traefik.enable=true
      - traefik.http.routers.web.rule=Host(\`a\`)
`;

const cases: { name: string; services: string; expect: string[] }[] = [
  {
    name: 'own labels next to the merge key: the anchor’s are lost',
    services: yaml`
      web:
        <<: *traefik
        image: nginx
        labels:
          - com.example=1
    `,
    expect: ['labels: these labels replace those of <<: *traefik: repeat traefik.enable and 1 more here'],
  },
  {
    name: 'an empty labels: loses them all',
    services: 'web:\n  <<: *traefik\n  labels: []\n',
    expect: ['labels: these labels replace those of <<: *traefik: repeat traefik.enable and 1 more here'],
  },
  {
    name: 'labels: left empty (null): loses them all',
    services: 'web:\n  <<: *traefik\n  image: nginx\n  labels:\n',
    expect: ['labels: these labels replace those of <<: *traefik: repeat traefik.enable and 1 more here'],
  },
  // A worker copy of a whole service dropping its router on purpose (trial min-6, homelab.config gramps).
  {
    name: 'labels: [] beside a whole service: deliberate',
    services: 'worker:\n  <<: *app\n  labels: []\n',
    expect: [],
  },
  {
    name: 'labels: {} beside a whole service: deliberate',
    services: 'worker:\n  <<: *app\n  labels: {}\n',
    expect: [],
  },
  {
    name: 'labels: left empty (null) beside a whole service: lost',
    services: 'worker:\n  <<: *app\n  labels:\n',
    expect: ['labels: these labels replace those of <<: *app: repeat traefik.enable here'],
  },
  {
    name: 'only what is not repeated is named',
    services: 'web:\n  <<: *traefik\n  labels: [traefik.enable=true]\n',
    expect: ['labels: these labels replace those of <<: *traefik: repeat traefik.http.routers.web.rule here'],
  },
  { name: 'no own labels: the merged ones count', services: 'web:\n  <<: *traefik\n  image: nginx\n', expect: [] },
  {
    name: 'every label repeated: nothing lost',
    services: 'web:\n  <<: *traefik\n  labels: [traefik.enable=true, "traefik.http.routers.web.rule=Host(`a`)"]\n',
    expect: [],
  },
  { name: 'no merge key', services: 'web:\n  image: nginx\n  labels: [a=1]\n', expect: [] },
  {
    name: 'lost labels that are not Traefik’s are not reported',
    services: 'web:\n  <<: *other\n  labels: [traefik.enable=true]\n',
    expect: [],
  },
];

for (const c of cases) {
  test(`replaced-labels: ${c.name}`, () => {
    const indented = c.services.replace(/^/gm, '  ');
    const app = '  app: &app\n    image: grampsweb\n    labels: [traefik.enable=true]\n';
    const text = `${ANCHOR}x-other: &other\n  labels: [com.example=1]\nservices:\n${app}${indented}`;
    const r = analyzeProject({ files: [{ file: '/p/compose.yaml', text }] });
    const got = r.findings
      .filter((f) => f.code === 'replaced-labels')
      .map((f) => `${text.slice(f.range.start, f.range.end)}: ${f.message}`);
    assert.deepEqual(got, c.expect);
  });
}
