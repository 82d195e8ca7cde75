// `gateway-lens check` over several compose projects in one run (one Docker host), and what the
// CLI knows that the editor does not (the shell's environment): issue 11's new-user findings.
// Runs the CLI in-process (main) on temporary folders.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { nodeIo } from '../../server/src/cli/command';

let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-projects-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (relative path -> text) under a new folder of `dir`; returns the folder. */
function folder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(dir, 'p-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** `code severity file` of each finding, and the exit status. */
async function check(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ found: string[]; status: number }> {
  let out = '';
  const io = { ...nodeIo, cwd, env, out: (t: string) => void (out += t), err: () => undefined };
  const status = await main(['check', '--format', 'json', ...args], io);
  const rows = JSON.parse(out) as { file: string; code: string; severity: string }[];
  return { found: rows.map((r) => `${r.code} ${r.severity} ${r.file}`).sort(), status };
}

const TRAEFIK = `services:
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker=true", "--entrypoints.web.address=:80"]
    labels:
      - traefik.enable=true
      - traefik.http.middlewares.auth.basicauth.users=admin:$$apr1$$x$$y
      - traefik.http.services.shared.loadbalancer.server.port=8080
`;
const app = (labels: string): string => `services:
  app:
    image: traefik/whoami
    labels:
      - traefik.http.routers.app.rule=Host(\`app.localhost\`)
${labels}`;

/** Two alternative Traefik projects in traefik/ (not the same static configuration) on network proxy, and an app on it with a rule only v2 reads. */
function twoTraefiks(first: string, second: string): Record<string, string> {
  const traefik = (image: string, api: string): string =>
    `services:\n  traefik:\n    image: ${image}\n    command: [${api}, --providers.docker=true, --entrypoints.web.address=:80]\n` +
    '    networks: [proxy]\nnetworks:\n  proxy:\n    name: proxy\n';
  return {
    'traefik/compose.yml': traefik(first, '--api.insecure=true'),
    'traefik/compose.traefik.yml': traefik(second, '--api.dashboard=true'),
    'app/compose.yaml':
      'services:\n  app:\n    image: traefik/whoami\n    networks: [proxy]\n    labels:\n' +
      '      - traefik.http.routers.app.entrypoints=web\n' +
      '      - traefik.http.routers.app.rule=PathPrefix(`/api`, `/dav`)\n' +
      'networks:\n  proxy:\n    external: true\n',
  };
}

const cases: { name: string; files: Record<string, string>; args: string[]; expect: string[] }[] = [
  {
    name: 'a middleware another project of the run defines: no finding',
    files: {
      'gateway/compose.yaml': TRAEFIK,
      'app/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n'),
    },
    args: ['gateway/compose.yaml', 'app/compose.yaml'],
    expect: [],
  },
  {
    name: 'a service another project defines (explicitly @docker): no finding',
    files: {
      'gateway/compose.yaml': TRAEFIK,
      'app/compose.yaml': app('      - traefik.http.routers.app.service=shared@docker\n'),
    },
    args: ['gateway/compose.yaml', 'app/compose.yaml'],
    expect: [],
  },
  {
    name: 'a folder holding several projects: the same',
    files: {
      'gateway/compose.yaml': TRAEFIK,
      'app/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n'),
    },
    args: [],
    expect: [],
  },
  {
    // README: `check dirA dirB`; a folder stands for what `check` finds when run there (trial min-3).
    name: "folders given as FILE: each folder's projects, one run",
    files: {
      'gateway/compose.yaml': TRAEFIK,
      'app/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n'),
    },
    args: ['gateway', 'app'],
    expect: [],
  },
  {
    name: 'one folder given: its project alone',
    files: {
      'gateway/compose.yaml': TRAEFIK,
      'app/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n'),
    },
    args: ['app'],
    expect: ['undefined-middleware warning app/compose.yaml'],
  },
  {
    name: 'a folder holding a default project and an override: merged, as compose loads them',
    files: {
      'stack/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n'),
      'stack/compose.override.yaml':
        'services:\n  app:\n    labels:\n      - traefik.http.middlewares.auth.basicauth.users=a:$$apr1$$x$$y\n',
    },
    args: ['stack'],
    expect: [],
  },
  {
    // No .git in the copy: the run's root bounds the .gitignore search (trial min-5).
    name: "a missing env file the .gitignore of the run's folder ignores: the warning form",
    files: {
      '.gitignore': '.env\n',
      'app/compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file: .env\n',
    },
    args: ['app/compose.yaml'],
    expect: ['missing-env-file warning app/compose.yaml'],
  },
  {
    name: 'a name no project of the run defines: still the hedged warning',
    files: {
      'gateway/compose.yaml': TRAEFIK,
      'app/compose.yaml': app('      - traefik.http.routers.app.middlewares=sso\n'),
    },
    args: [],
    expect: ['undefined-middleware warning app/compose.yaml'],
  },
  {
    name: 'the project alone: the hedged warning',
    files: { 'app/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n') },
    args: ['app/compose.yaml'],
    expect: ['undefined-middleware warning app/compose.yaml'],
  },
  {
    // Two override sets over one base file are variants of one project, not two on the host.
    name: 'a variant of the same project (sharing its base file) does not count',
    files: {
      'stack/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n'),
      'stack/compose.prod.yaml':
        'services:\n  app:\n    labels:\n      - traefik.http.middlewares.auth.basicauth.users=a:$$apr1$$x$$y\n',
    },
    args: [],
    expect: ['undefined-middleware warning stack/compose.yaml'],
  },
  {
    // Issue 11: a Traefik folder's base file with and without its -f variant is one Traefik container.
    name: 'a Traefik folder with a variant file: one Traefik, the app judged by it',
    files: {
      'gateway/compose.yaml': `${TRAEFIK}    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n`,
      'gateway/compose.prod.yaml': 'services:\n  traefik:\n    restart: always\n',
      'app/compose.yaml': `${app('      - traefik.http.routers.app.entrypoints=webb\n')}    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n`,
    },
    args: [],
    expect: ['undefined-entrypoint error app/compose.yaml'],
  },
  {
    // trial6 min-12: two alternative Traefiks, both v3, both on the app's network: no one host
    // Traefik, but every Traefik of the run names v3, as the editor's workspaceVersion says.
    name: 'two Traefiks that both name v3: the app is judged for v3, as in the editor',
    files: twoTraefiks('traefik:v3.3', 'traefik:v3.3'),
    args: [],
    expect: ['rule-syntax error app/compose.yaml'],
  },
  {
    name: 'two Traefiks naming v2 and v3: the version stays unknown (the hedged warning)',
    files: twoTraefiks('traefik:v2.11', 'traefik:v3.3'),
    args: [],
    expect: ['rule-syntax warning app/compose.yaml'],
  },
];

for (const c of cases) {
  test(`check, several projects: ${c.name}`, async () => {
    const cwd = folder(c.files);
    const r = await check(cwd, c.args);
    assert.deepEqual(r.found, c.expect);
  });
}

// An interpolated include: path naming a missing file. The CLI sees the shell's environment and
// the env files, so when every variable is known compose's refusal is reported (exit 1).
test('check: an interpolated include: path naming a missing file, every variable known to the run', async () => {
  const cwd = folder({
    'compose.yaml': 'include:\n  - ${STACK:-monitoring}/compose.yaml\nservices:\n  web:\n    image: nginx\n',
    'logging/compose.yaml': 'services:\n  loki:\n    image: grafana/loki\n',
    'logging.env': 'STACK=logging\n',
  });
  const missing = 'missing-compose-file error compose.yaml';
  assert.deepEqual(await check(cwd, []), { found: [missing], status: 1 });
  assert.deepEqual(await check(cwd, [], { STACK: 'logging' }), { found: [], status: 0 });
  assert.deepEqual(await check(cwd, ['--env-file', 'logging.env']), { found: [], status: 0 });
  assert.deepEqual(await check(cwd, [], { STACK: 'tracing' }), { found: [missing], status: 1 });
});

/** The text summary's last line. */
async function summary(cwd: string, args: string[]): Promise<string> {
  let out = '';
  const io = { ...nodeIo, cwd, env: {}, out: (t: string) => void (out += t), err: () => undefined };
  await main(['check', ...args], io);
  return out.trimEnd().split('\n').at(-1) ?? '';
}

// "in N files" counts the projects' files: not the .gitignore, .git/HEAD and template read to
// judge a missing env file, nor the .gateway-lens.yaml (retrial: a git checkout said "4 files").
test('check: the summary counts the files of the projects only', async () => {
  const cwd = folder({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': '.env.local\n',
    '.gateway-lens.yaml': 'severity: {}\n',
    'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file: .env.local\n',
    '.env.local.example': 'A=1\n',
    '.env': 'B=2\n',
  });
  assert.equal(await summary(cwd, []), '1 problem (0 errors, 1 warning, 0 infos) in 2 files.');
});

// `check DIR` loads DIR's project as `cd DIR && check` does, and a file that project includes,
// extends or merges (COMPOSE_FILE) is checked in it, not again alone (retrial I1, a homelab whose
// services/*/docker-compose.yml are merged into the root project). Per-app folders that no
// project loads stay projects of their own.
const ROOT_AUTH = `services:
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker=true", "--entrypoints.web.address=:80"]
    networks: [frontend]
    labels:
      - traefik.http.middlewares.auth.basicauth.users=admin:$$apr1$$x$$y
networks:
  frontend: {}
`;
const FRAGMENT = `services:
  app:
    image: traefik/whoami
    networks: [frontend]
    labels:
      - traefik.http.routers.app.rule=Host(\`app.localhost\`)
      - traefik.http.routers.app.middlewares=auth
      - traefik.http.routers.app.middlewares=autth
`.replace('      - traefik.http.routers.app.middlewares=auth\n', '');
const dirCases: { name: string; files: Record<string, string>; expect: string[]; cdExpect?: string[] }[] = [
  {
    name: 'an included file is checked in the project that includes it',
    files: {
      'compose.yaml': `include:\n  - apps/compose.yaml\n${ROOT_AUTH.replace(/\n    networks: \[frontend\]|\nnetworks:\n.*\n/g, '')}`,
      'apps/compose.yaml': app('      - traefik.http.routers.app.middlewares=auth\n'),
    },
    expect: [],
  },
  {
    name: 'a file COMPOSE_FILE merges is checked in that project',
    files: {
      '.env': 'COMPOSE_FILE=compose.yaml:services/app/compose.yaml\n',
      'compose.yaml': ROOT_AUTH,
      'services/app/compose.yaml': FRAGMENT.replace('autth', 'auth'),
    },
    expect: [],
  },
  {
    name: 'a fragment of a sub-folder no project merges: over the root project, as compose -f runs it',
    files: {
      'compose.yaml': ROOT_AUTH,
      'services/app/compose.yaml': FRAGMENT,
    },
    expect: ['undefined-middleware error services/app/compose.yaml'],
    cdExpect: [],
  },
  {
    // Issue 11, fragments: the -f set holds every fragment over the root, so what one of them
    // adds (Traefik on the app's network) settles the other's finding.
    name: "another fragment over the root attaches Traefik to the app's network: no network-unreachable",
    files: {
      'compose.yaml': ROOT_AUTH.replace('networks:\n  frontend: {}\n', 'networks:\n  frontend: {}\n  apps: {}\n'),
      'services/net/compose.yaml': 'services:\n  traefik:\n    networks: [frontend, apps]\n',
      'services/app/compose.yaml': FRAGMENT.replace('[frontend]', '[apps]'),
    },
    expect: ['undefined-middleware error services/app/compose.yaml'],
    cdExpect: [],
  },
  {
    // Trial6 min-2: the first COMPOSE_FILE entry holds only the tests; the fragment's service and
    // the Traefik v1 that reads its labels are in the second, so it goes over the whole list.
    name: 'a fragment beside a COMPOSE_FILE project: over the whole project, not its first file',
    files: {
      '.env': 'COMPOSE_FILE=test.yml:shared.yml\n',
      'test.yml': 'services:\n  tests:\n    image: busybox\n',
      'shared.yml':
        'services:\n  proxy:\n    image: traefik:v1.7\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n  backend:\n    image: nginx\n',
      'compose.deploy.yml':
        'services:\n  backend:\n    labels:\n      - traefik.frontend.rule=PathPrefix:/api\n      - traefik.port=80\n',
    },
    expect: ['traefik-v1 info shared.yml'],
  },
  {
    name: 'a per-app folder of its own: still checked, as its own project',
    files: {
      'compose.yaml': ROOT_AUTH,
      'whoami/compose.yaml': app('      - traefik.http.routers.app.middlewares=sso\n'),
    },
    expect: ['undefined-middleware warning whoami/compose.yaml'],
    cdExpect: [],
  },
];

for (const c of dirCases) {
  test(`check DIR: ${c.name}`, async () => {
    const cwd = folder(c.files);
    const prefix = (rows: string[]): string[] => rows.map((r) => r.replace(/ (\S+)$/, ` ${path.basename(cwd)}/$1`));
    assert.deepEqual((await check(path.dirname(cwd), [path.basename(cwd)])).found, prefix(c.expect));
    assert.deepEqual((await check(cwd, [])).found, c.cdExpect ?? c.expect);
  });
}

// Issue 11: `check --traefik-config ../traefik/traefik.yml` run in an app folder. The Traefik
// project beside the file mounts it and the file provider's directory, so its mounts say which
// files `@file` names come from: a typo is reported as `check` from the parent reports it.
test('check --traefik-config from an app folder: the file provider of the Traefik that mounts it', async () => {
  const root = folder({
    'traefik/compose.yml': `services:
  traefik:
    image: traefik:v3.1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - ./traefik.yml:/etc/traefik/traefik.yml:ro
      - ./dynamic:/etc/traefik/dynamic:ro
    networks: [proxy]
networks:
  proxy:
    external: true
`,
    'traefik/traefik.yml':
      'entryPoints:\n  web:\n    address: ":80"\nproviders:\n  docker: {}\n  file:\n    directory: /etc/traefik/dynamic\n',
    'traefik/dynamic/mw.yml': 'http:\n  middlewares:\n    secure-headers:\n      headers:\n        frameDeny: true\n',
    'app/compose.yml': `${app('      - traefik.http.routers.app.middlewares=secure-header@file\n')}    networks: [proxy]
networks:
  proxy:
    external: true
`,
  });
  const expect = { found: ['undefined-middleware error compose.yml'], status: 1 };
  assert.deepEqual(await check(path.join(root, 'app'), ['--traefik-config', '../traefik/traefik.yml']), expect);
  assert.deepEqual((await check(root, [])).found, ['undefined-middleware error app/compose.yml']);
});

// trial6 min-11: an app judged by another folder's Traefik (homelab: traefik/ + app/ on an external
// network) gets its fixes applied as the editor's fix-all does, re-checked with that Traefik.
test('check --fix: a finding from the host Traefik of the run is fixed too', async () => {
  const cwd = folder({
    'traefik/compose.yaml': `services:
  traefik:
    image: traefik:v3.1
    command: ["--providers.docker=true", "--entrypoints.https.address=:443"]
    networks: [proxy]
networks:
  proxy:
    external: true
`,
    'app/compose.yaml': `services:
  app:
    image: traefik/whoami
    networks: [proxy]
    labels:
      - traefik.http.routers.app.rule=Host(\`app.localhost\`)
      - traefik.http.routers.app.entrypoints=htps
networks:
  proxy:
    external: true
`,
  });
  assert.deepEqual((await check(cwd, [])).found, ['undefined-entrypoint error app/compose.yaml']);
  assert.deepEqual((await check(cwd, ['--fix'])).found, []);
  assert.match(fs.readFileSync(path.join(cwd, 'app/compose.yaml'), 'utf8'), /entrypoints=https\n/);
});
