// The project loader: extends (same file, file:, chains, cycles), include (short and long form,
// missing files, cycles, conflicts), profiles, and the merge of the definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { mergeService } from '../../../server/src/analysis/compose/project';
import { isRemote } from '../../../server/src/analysis/compose/project/remote';
import { analyseFiles, seen } from './helpers';

const LOAD = ['missing-compose-file', 'unknown-extends-service', 'extends-cycle', 'include-cycle'];

/** Each started service: its labels as key=value (from file), ports and expose targets. */
function services(r: ReturnType<typeof analyseFiles>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of r.project.load.services.filter((s) => s.started)) {
    const m = mergeService(g.name, g.parts);
    out[g.name] = [
      ...m.labels.map((l) => `${l.key}=${l.value} (${l.file.slice(3)})`),
      ...m.ports.map((p) => `port ${p.value.target}`),
      ...m.expose.map((p) => `expose ${p.value.target}`),
      ...(m.command ? [`command ${m.command.value.map((w) => w.value).join(' ')}`] : []),
      ...(m.image ? [`image ${m.image.value.value} (${m.image.from.file.slice(3)})`] : []),
    ];
  }
  return out;
}

const cases: {
  name: string;
  files: Record<string, string>;
  given?: string[];
  profiles?: string[];
  /** The project's .env. */
  env?: string;
  services?: Record<string, string[]>;
  problems?: string[];
}[] = [
  {
    name: 'extends in the same file: labels merged by key, ports appended, command replaced',
    files: {
      'compose.yaml': yaml`
        services:
          base:
            image: nginx
            command: ["a", "b"]
            ports: ["80"]
            labels:
              traefik.enable: "true"
              traefik.http.routers.x.rule: Host(\`a\`)
          web:
            extends: base
            command: c
            ports: ["443"]
            labels:
              traefik.http.routers.x.rule: Host(\`b\`)
      `,
    },
    services: {
      base: [
        'traefik.enable=true (compose.yaml)',
        'traefik.http.routers.x.rule=Host(`a`) (compose.yaml)',
        'port 80',
        'command a b',
        'image nginx (compose.yaml)',
      ],
      web: [
        'traefik.enable=true (compose.yaml)',
        'traefik.http.routers.x.rule=Host(`b`) (compose.yaml)',
        'port 80',
        'port 443',
        'command c',
        'image nginx (compose.yaml)',
      ],
    },
  },
  {
    name: 'extends from another file, chained, values remember their file',
    files: {
      'compose.yaml': yaml`
        services:
          web:
            extends: { file: common/base.yml, service: app }
            labels: [traefik.http.routers.web.rule=Host(\`w\`)]
      `,
      'common/base.yml': yaml`
        services:
          app:
            extends: root
            expose: ["8080"]
          root:
            image: alpine
            labels: [traefik.enable=true]
      `,
    },
    services: {
      web: [
        'traefik.enable=true (common/base.yml)',
        'traefik.http.routers.web.rule=Host(`w`) (compose.yaml)',
        'expose 8080',
        'image alpine (common/base.yml)',
      ],
    },
  },
  {
    name: 'an extends cycle is a finding on each extends in it',
    files: {
      'compose.yaml': yaml`
        services:
          a:
            image: x
            extends: b
          b:
            image: x
            extends: { service: a }
      `,
    },
    problems: ['extends-cycle compose.yaml: b', 'extends-cycle compose.yaml: { service: a }'],
  },
  {
    name: 'extends: a missing file, a missing service',
    files: {
      'compose.yaml': yaml`
        services:
          a:
            image: x
            extends: { file: nowhere.yml, service: b }
          c:
            image: x
            extends: { service: d }
      `,
    },
    problems: ['missing-compose-file compose.yaml: nowhere.yml', 'unknown-extends-service compose.yaml: d'],
  },
  {
    name: 'include, short and long form: the included services join the project',
    files: {
      'compose.yaml': yaml`
        include:
          - monitoring/compose.yaml
          - path: [db/base.yml, db/override.yml]
            project_directory: db
        services:
          web: { image: nginx }
      `,
      'monitoring/compose.yaml': yaml`
        services:
          grafana:
            image: grafana/grafana
            labels: [traefik.http.routers.g.rule=Host(\`g\`)]
      `,
      'db/base.yml': 'services:\n  db:\n    image: postgres\n',
      'db/override.yml': 'services:\n  db:\n    expose: ["5432"]\n',
    },
    services: {
      web: ['image nginx (compose.yaml)'],
      grafana: [
        'traefik.http.routers.g.rule=Host(`g`) (monitoring/compose.yaml)',
        'image grafana/grafana (monitoring/compose.yaml)',
      ],
      db: ['expose 5432', 'image postgres (db/base.yml)'],
    },
  },
  {
    name: 'include: a missing file, a cycle; a service on both sides is merged, the including file on top',
    files: {
      'compose.yaml': yaml`
        include:
          - gone.yml
          - other.yml
        services:
          web: { image: nginx }
      `,
      'other.yml': yaml`
        include: [compose.yaml]
        services:
          web: { image: httpd }
      `,
    },
    problems: ['missing-compose-file compose.yaml: gone.yml', 'include-cycle other.yml: compose.yaml'],
    services: { web: ['image nginx (compose.yaml)'] },
  },
  {
    // compose-go loader/include.go importResource: override.MergeYaml(imported, local).
    name: 'include: the including file redefines an included service to add labels: merged under it',
    files: {
      'compose.yaml': yaml`
        include: [apps/whoami.yml]
        services:
          whoami:
            labels: [traefik.http.routers.whoami.rule=Host(\`w\`)]
      `,
      'apps/whoami.yml': yaml`
        services:
          whoami:
            image: traefik/whoami
            expose: ["80"]
            labels: [traefik.enable=true, traefik.http.routers.whoami.rule=Host(\`old\`)]
      `,
    },
    services: {
      whoami: [
        'traefik.enable=true (apps/whoami.yml)',
        'traefik.http.routers.whoami.rule=Host(`w`) (compose.yaml)',
        'expose 80',
        'image traefik/whoami (apps/whoami.yml)',
      ],
    },
    problems: [],
  },
  {
    // Each include is merged under what the file has so far: an earlier include wins over a later one.
    name: 'include: two included projects define one service: the earlier include is on top',
    files: {
      'compose.yaml': 'include: [a.yml, b.yml]\n',
      'a.yml': 'services:\n  web:\n    image: nginx:a\n',
      'b.yml': 'services:\n  web:\n    image: nginx:b\n    expose: ["80"]\n',
    },
    services: { web: ['expose 80', 'image nginx:a (a.yml)'] },
    problems: [],
  },
  {
    // compose-go loader.go loadYamlFile: ApplyInclude, then ApplyExtends ("Process includes first
    // so that extended services have all merged attributes").
    name: 'extends: a base service that an include brings',
    files: {
      'compose.yaml': yaml`
        include: [apps/base.yml]
        services:
          web:
            extends: base
            labels: [traefik.http.routers.web.rule=Host(\`w\`)]
      `,
      'apps/base.yml': 'services:\n  base:\n    image: traefik/whoami\n    expose: ["80"]\n',
    },
    services: {
      web: [
        'traefik.http.routers.web.rule=Host(`w`) (compose.yaml)',
        'expose 80',
        'image traefik/whoami (apps/base.yml)',
      ],
      base: ['expose 80', 'image traefik/whoami (apps/base.yml)'],
    },
    problems: [],
  },
  {
    // compose-go loadYamlFile: a file's includes are merged into it before the next -f file.
    name: 'include of an override file: its services go under that file, over the earlier -f files',
    files: {
      'compose.yaml': 'services:\n  web:\n    image: nginx:1\n',
      'compose.override.yaml': 'include: [extra.yml]\n',
      'extra.yml': 'services:\n  web:\n    image: nginx:2\n',
    },
    given: ['compose.yaml', 'compose.override.yaml'],
    services: { web: ['image nginx:2 (extra.yml)'] },
    problems: [],
  },
  {
    // As htpcBeginner/docker-traefik's docker-compose-hs.yml includes compose/$HOSTNAME/<app>.yml.
    name: 'include and extends paths are interpolated with the project variables',
    env: 'HOST=hs\n',
    files: {
      'compose.yaml': yaml`
        include:
          - compose/$HOST/grafana.yml
        services:
          web:
            extends: { file: "\${HOST}/base.yml", service: app }
      `,
      'compose/hs/grafana.yml': 'services:\n  grafana:\n    image: grafana/grafana\n',
      'hs/base.yml': 'services:\n  app:\n    image: nginx\n',
    },
    services: {
      web: ['image nginx (hs/base.yml)'],
      grafana: ['image grafana/grafana (compose/hs/grafana.yml)'],
    },
  },
  {
    name: 'a path whose variable has no value here is not judged',
    env: 'HOST=elsewhere\n',
    files: {
      'compose.yaml': yaml`
        include:
          - "compose/\${UNSET}/a.yml"
        services:
          web:
            extends: { file: "\${UNSET}/base.yml", service: app }
            image: nginx
      `,
    },
    services: { web: ['image nginx (compose.yaml)'] },
    problems: [],
  },
  {
    // The value comes from the project's .env, which compose reads too: the file compose loads is
    // missing (a default alone is not judged in the editor: test/unit/checks/interpolated-paths.test.ts).
    name: 'a path whose variables .env sets and that names no file once interpolated is missing',
    env: 'HOST=elsewhere\n',
    files: {
      'compose.yaml': yaml`
        include:
          - compose/$HOST/b.yml
        services:
          web:
            extends: { file: "\${HOST}/base.yml", service: app }
            image: nginx
      `,
    },
    services: { web: ['image nginx (compose.yaml)'] },
    problems: [
      'missing-compose-file compose.yaml: compose/$HOST/b.yml',
      'missing-compose-file compose.yaml: "${HOST}/base.yml"',
    ],
  },
  {
    name: 'the same file given and included is loaded once, no conflict',
    files: {
      'compose.yaml': 'include: [compose.db.yml]\nservices:\n  web: { image: nginx }\n',
      'compose.db.yml': 'services:\n  db: { image: postgres }\n',
    },
    given: ['compose.yaml', 'compose.db.yml'],
    services: { web: ['image nginx (compose.yaml)'], db: ['image postgres (compose.db.yml)'] },
  },
  {
    name: 'profiles: a service whose profiles are not active is not started',
    files: {
      'compose.yaml': yaml`
        services:
          web: { image: nginx }
          debug: { image: busybox, profiles: [debug] }
          tools: { extends: debug }
      `,
    },
    services: { web: ['image nginx (compose.yaml)'] },
  },
  {
    name: 'profiles: active ones start their services',
    files: {
      'compose.yaml': 'services:\n  web: { image: nginx }\n  debug: { image: busybox, profiles: [debug, dev] }\n',
    },
    profiles: ['dev'],
    services: { web: ['image nginx (compose.yaml)'], debug: ['image busybox (compose.yaml)'] },
  },
  {
    name: 'profiles: names are interpolated before they are matched (a default, a variable of .env)',
    files: {
      'compose.yaml':
        'services:\n  a: { image: x, profiles: ["${A_PROFILE:-core}"] }\n  b: { image: x, profiles: ["$B_PROFILE"] }\n  c: { image: x, profiles: ["${C_PROFILE:-extra}"] }\n',
    },
    env: 'B_PROFILE=core\n',
    profiles: ['core'],
    services: { a: ['image x (compose.yaml)'], b: ['image x (compose.yaml)'] },
  },
  {
    name: 'profiles: a name whose variable has no value here is as written (not active)',
    files: { 'compose.yaml': 'services:\n  a: { image: x, profiles: ["${UNSET}"] }\n  web: { image: nginx }\n' },
    profiles: ['core'],
    services: { web: ['image nginx (compose.yaml)'] },
  },
  {
    name: 'profiles: * starts every service',
    files: { 'compose.yaml': 'services:\n  debug: { image: busybox, profiles: [debug] }\n' },
    profiles: ['*'],
    services: { debug: ['image busybox (compose.yaml)'] },
  },
  {
    name: 'override file: the later definition wins, lists are appended',
    files: {
      'compose.yaml': 'services:\n  web:\n    image: nginx:1\n    expose: ["80"]\n    labels: [a=1, b=1]\n',
      'compose.override.yaml': 'services:\n  web:\n    image: nginx:2\n    expose: ["81"]\n    labels: [b=2, c=2]\n',
    },
    given: ['compose.yaml', 'compose.override.yaml'],
    services: {
      web: [
        'a=1 (compose.yaml)',
        'b=2 (compose.override.yaml)',
        'c=2 (compose.override.yaml)',
        'expose 80',
        'expose 81',
        'image nginx:2 (compose.override.yaml)',
      ],
    },
  },
];

for (const c of cases) {
  test(`load: ${c.name}`, () => {
    const environment = c.env === undefined ? undefined : { files: [{ file: '/p/.env', text: c.env }] };
    const r = analyseFiles(c.files, c.given, { profiles: c.profiles, environment });
    assert.deepEqual(seen(r, LOAD), c.problems ?? []);
    if (c.services) assert.deepEqual(services(r), c.services);
  });
}

test('load: containers are built only for started services, named by their own definition', () => {
  const r = analyseFiles({
    'compose.yaml': yaml`
      services:
        web:
          extends: { file: base.yml, service: app }
          labels: [traefik.http.routers.web.rule=Host(\`w\`)]
        off: { image: x, profiles: [never] }
    `,
    'base.yml': 'services:\n  app:\n    image: nginx\n    labels: [traefik.enable=true]\n',
  });
  assert.deepEqual(
    r.project.containers.map((c) => [c.compose.name, c.compose.file.slice(3), c.labels.map((l) => l.key)]),
    [['web', 'compose.yaml', ['traefik.enable', 'traefik.http.routers.web.rule']]],
  );
});

// docker/compose pkg/remote: oci.go and git.go (buildkit dfgitutil.ParseGitRef) accept these.
const remotes: [string, boolean][] = [
  ['oci://docker.io/example/stack:latest', true],
  ['https://github.com/example/repo.git#main:compose.yaml', true],
  ['https://github.com/example/repo.git', true],
  ['http://git.example/repo.git?ref=v1', true],
  ['git@github.com:example/repo.git', true],
  ['ssh://git@github.com/example/repo.git', true],
  ['git://example.com/repo', true],
  ['github.com/example/repo', true],
  ['https://example.com/compose.yaml', false],
  ['./apps/compose.yaml', false],
  ['apps/compose.yaml', false],
  ['/abs/compose.yaml', false],
  ['../oci/compose.yaml', false],
];
for (const [reference, remote] of remotes) {
  test(`remote reference: ${reference} ${remote ? 'is fetched' : 'is a local path'}`, () =>
    assert.equal(isRemote(reference), remote));
}

test('load: remote include and extends files are not read, not missing, and listed', () => {
  const r = analyseFiles({
    'compose.yaml': yaml`
      include:
        - oci://docker.io/example/stack:latest
        - path: https://github.com/example/repo.git#main:compose.yaml
      services:
        web:
          image: nginx
          extends: { file: "https://github.com/example/base.git#main:base.yml", service: base }
    `,
  });
  assert.deepEqual(seen(r, LOAD), []);
  assert.deepEqual(
    r.project.load.remote.map((x) => x.reference),
    [
      'oci://docker.io/example/stack:latest',
      'https://github.com/example/repo.git#main:compose.yaml',
      'https://github.com/example/base.git#main:base.yml',
    ],
  );
  assert.deepEqual(services(r), { web: ['image nginx (compose.yaml)'] });
});

test('load: each refusal leads with the fact and the fix; why compose refuses is the explanation', () => {
  const r = analyseFiles({
    'compose.yaml': yaml`
      include:
        - gone.yml
        - other.yml
      services:
        web: { image: nginx }
        a: { image: x, extends: b }
        b: { image: x, extends: a }
        c: { image: x, extends: { service: webb } }
        d: { image: x, extends: { file: nowhere.yml, service: e } }
        f: { image: x, extends: { service: zzz } }
    `,
    'other.yml': 'include: [compose.yaml]\nservices:\n  web: { image: httpd }\n',
  });
  const messages = r.findings
    .filter((f) => LOAD.includes(f.code))
    .map((f) => [f.code, f.message, /docker compose refuses to load the project/.test(f.explanation ?? '')]);
  assert.deepEqual(messages, [
    ['missing-compose-file', 'included file "gone.yml" does not exist: correct the path or create it', true],
    ['missing-compose-file', 'extended file "nowhere.yml" does not exist: correct the path or create it', true],
    ['unknown-extends-service', 'no service "webb" in this file or its includes to extend: did you mean "web"?', true],
    ['unknown-extends-service', 'no service "zzz" in this file or its includes to extend: name one it defines', true],
    ['extends-cycle', 'extends closes a cycle (a → b → a): remove one extends of it', true],
    ['extends-cycle', 'extends closes a cycle (b → a → b): remove one extends of it', true],
    [
      'include-cycle',
      'include closes a cycle (compose.yaml → other.yml → compose.yaml): remove the entry that points back',
      true,
    ],
  ]);
  for (const [, message] of messages) assert.ok(String(message).length <= 100, String(message));
});
