// Relative paths in a compose file resolve where compose resolves them (compose-go
// paths/resolve.go ResolveRelativePaths, run with the project's working dir): from the project
// directory (--project-directory, else the first file's folder), an included project's from its
// project_directory, an extended base's from the folder of the file it is read from
// (loader/extends.go getExtendsBaseFromFile). Mounted traefik.yml, the file provider.s file,
// a build's Dockerfile and env_file all follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { analyseFiles } from './helpers';

const TRAEFIK_YML = yaml`
  entryPoints:
    edge:
      address: ":80"
  providers:
    docker: {}
    file:
      filename: /rules/auth.yml
`;

const RULES = yaml`
  http:
    middlewares:
      auth:
        basicAuth:
          users: ["u:p"]
`;

const TRAEFIK = (volumes: string[], extra = ''): string =>
  `services:\n  traefik:\n    image: traefik:v3.1\n${extra}    volumes:\n${volumes.map((v) => `      - ${v}\n`).join('')}`;

const WHOAMI = yaml`
  services:
    whoami:
      image: traefik/whoami
      labels:
        - traefik.http.routers.w.rule=Host(\`w.example\`)
        - traefik.http.routers.w.entrypoints=edge
        - traefik.http.routers.w.middlewares=auth@file
`;

/** What Traefik is seen to load: its static files and dynamic files, relative to /p. */
function loaded(r: ReturnType<typeof analyseFiles>): { static: string[]; dynamic: string[]; codes: string[] } {
  return {
    static: r.project.staticFiles.map((f) => f.file.slice(3)),
    dynamic: r.project.fileProvider.files.map((f) => f.file.slice(3)),
    codes: [...new Set(r.findings.map((f) => f.code))].sort(),
  };
}

const FOUND = { static: ['traefik.yml'], dynamic: ['rules/auth.yml'], codes: [] };

const cases: {
  name: string;
  texts: Record<string, string>;
  given: string[];
  projectDirectory?: string;
  expected: ReturnType<typeof loaded>;
}[] = [
  {
    name: '-f deploy/compose.yaml --project-directory .: ./traefik.yml is the project directory one',
    texts: {
      'deploy/compose.yaml': TRAEFIK(['./traefik.yml:/etc/traefik/traefik.yml', './rules:/rules']) + WHOAMI.slice(9),
      'traefik.yml': TRAEFIK_YML,
      'rules/auth.yml': RULES,
      // What the compose file's own folder would give: compose never reads it.
      'deploy/traefik.yml': 'entryPoints:\n  other:\n    address: ":81"\n',
    },
    given: ['deploy/compose.yaml'],
    projectDirectory: '/p',
    expected: FOUND,
  },
  {
    name: 'an override in a subfolder: its relative volumes resolve from the first file',
    texts: {
      'compose.yaml': WHOAMI,
      'ops/traefik.yaml': TRAEFIK(['./traefik.yml:/etc/traefik/traefik.yml', './rules:/rules']),
      'traefik.yml': TRAEFIK_YML,
      'rules/auth.yml': RULES,
    },
    given: ['compose.yaml', 'ops/traefik.yaml'],
    expected: FOUND,
  },
  {
    name: "an included project: from its project directory (the included file's folder)",
    texts: {
      'compose.yaml': 'include:\n  - proxy/compose.yaml\n' + WHOAMI,
      'proxy/compose.yaml': TRAEFIK(['./traefik.yml:/etc/traefik/traefik.yml', './rules:/rules']),
      'proxy/traefik.yml': TRAEFIK_YML,
      'proxy/rules/auth.yml': RULES,
    },
    given: ['compose.yaml'],
    expected: { static: ['proxy/traefik.yml'], dynamic: ['proxy/rules/auth.yml'], codes: [] },
  },
  {
    name: 'an included project with project_directory: from that directory',
    texts: {
      'compose.yaml': 'include:\n  - path: proxy/compose.yaml\n    project_directory: .\n' + WHOAMI,
      'proxy/compose.yaml': TRAEFIK(['./traefik.yml:/etc/traefik/traefik.yml', './rules:/rules']),
      'traefik.yml': TRAEFIK_YML,
      'rules/auth.yml': RULES,
    },
    given: ['compose.yaml'],
    expected: FOUND,
  },
  {
    name: "extends file: in another folder: the base's volumes resolve from the base file's folder",
    texts: {
      'compose.yaml':
        'services:\n  traefik:\n    extends:\n      file: base/traefik.yaml\n      service: traefik\n' +
        WHOAMI.slice(9),
      'base/traefik.yaml': TRAEFIK(['./traefik.yml:/etc/traefik/traefik.yml', './rules:/rules']),
      'base/traefik.yml': TRAEFIK_YML,
      'base/rules/auth.yml': RULES,
    },
    given: ['compose.yaml'],
    expected: { static: ['base/traefik.yml'], dynamic: ['base/rules/auth.yml'], codes: [] },
  },
];

for (const c of cases) {
  test(`paths: ${c.name}`, () => {
    const r = analyseFiles(c.texts, c.given, c.projectDirectory ? { projectDirectory: c.projectDirectory } : {});
    assert.deepEqual(loaded(r), c.expected);
  });
}

test('paths: a build context resolves from the project directory, not the compose file folder', () => {
  const r = analyseFiles(
    {
      'deploy/compose.yaml': 'services:\n  app:\n    build: ./app\n',
      'app/Dockerfile': 'FROM scratch\nEXPOSE 8080\n',
    },
    ['deploy/compose.yaml'],
    { projectDirectory: '/p' },
  );
  const app = r.project.containers.find((c) => c.compose.name === 'app')!;
  assert.deepEqual([app.imagePorts.dockerfile, app.imagePorts.ports], ['/p/app/Dockerfile', [8080]]);
});

test("paths: the Traefik service's env_file resolves from the project directory", () => {
  const r = analyseFiles(
    {
      'deploy/compose.yaml': 'services:\n  traefik:\n    image: traefik:v3.1\n    env_file: ./traefik.env\n',
      'traefik.env': 'TRAEFIK_ENTRYPOINTS_EDGE_ADDRESS=:80\n',
    },
    ['deploy/compose.yaml'],
    { projectDirectory: '/p' },
  );
  assert.deepEqual([...r.project.staticConfig.entryPoints.keys()], ['edge']);
});
