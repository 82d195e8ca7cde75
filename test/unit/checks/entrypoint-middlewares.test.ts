// undefined-middleware on an entry point's http.middlewares (flags or traefik.yml): Traefik
// prepends them to every router on that entry point, so a missing one disables them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

const fileRouter = (entryPoint: string) =>
  `http:\n  routers:\n    r:\n      rule: Host(\`r.test\`)\n      entryPoints: [${entryPoint}]\n      service: s\n  services:\n    s:\n      loadBalancer:\n        servers: [{url: "http://10.0.0.1"}]\n`;
const project = (flags: string[], staticFile = false, appEntryPoint = '') => yaml`
  services:
    traefik:
      image: traefik:v3.3
      command:
${flags.map((f) => `        - ${f}`).join('\n')}
      labels: [traefik.enable=false]
      volumes:
        - ./config:/config:ro${staticFile ? '\n        - ./traefik.yml:/etc/traefik/traefik.yml:ro' : ''}
    app:
      image: nginx
      labels:
        - traefik.http.routers.app.rule=Host(\`app.test\`)${appEntryPoint ? `\n        - traefik.http.routers.app.entrypoints=${appEntryPoint}` : ''}
        - traefik.http.middlewares.local-ip.ipallowlist.sourcerange=10.0.0.0/8
`;
const base = ['--providers.docker=true', '--providers.file.directory=/config', '--entrypoints.websecure.address=:443'];
const ep = (middlewares: string) => [...base, `--entrypoints.websecure.http.middlewares=${middlewares}`];
const bouncer = {
  '/project/config/m.yml':
    'http:\n  middlewares:\n    crowdsec-bouncr:\n      forwardAuth:\n        address: http://x/\n',
};

const cases: { name: string; compose: string; files?: Record<string, string>; expect: string[] }[] = [
  {
    name: 'a flag naming a misspelt @file middleware',
    compose: project(ep('crowdsec-bouncer@file')),
    files: bouncer,
    expect: [
      'error crowdsec-bouncer@file: middleware "crowdsec-bouncer@file" is not defined: did you mean "crowdsec-bouncr@file"? Traefik disables every router on entry point "websecure".',
    ],
  },
  {
    name: 'each name of the list at its own range; defined ones are quiet',
    compose: project(ep('local-ip,crowdsec-bouncr@file,local-ipp@docker')),
    files: bouncer,
    expect: [
      'error local-ipp@docker: middleware "local-ipp@docker" is not defined: did you mean "local-ip@docker"? Traefik disables every router on entry point "websecure".',
    ],
  },
  {
    // applyModel prepends the names as written; each router's provider qualifies them (GetQualifiedName).
    name: 'a name without @ is looked up in each router: a file-only name fails the docker routers',
    compose: project(ep('crowdsec-bouncr,local-ip')),
    files: bouncer,
    expect: [
      'error crowdsec-bouncr: middleware "crowdsec-bouncr" is defined by the file provider: write "crowdsec-bouncr@file". Traefik disables the docker router on entry point "websecure" ("app@docker").',
    ],
  },
  {
    name: 'a docker-only name fails the file routers',
    compose: project(ep('local-ip')),
    files: { '/project/config/r.yml': fileRouter('websecure') },
    expect: [
      'error local-ip: middleware "local-ip" is defined by the docker provider: write "local-ip@docker". Traefik disables the file router on entry point "websecure" ("r@file").',
    ],
  },
  {
    name: 'a file-only name on an entry point only file routers use',
    compose: project([...ep('crowdsec-bouncr'), '--entrypoints.web.address=:80'], false, 'web'),
    files: { ...bouncer, '/project/config/r.yml': fileRouter('websecure') },
    expect: [],
  },
  {
    name: 'a name both providers define',
    compose: project(ep('local-ip')),
    files: {
      '/project/config/r.yml': fileRouter('websecure'),
      '/project/config/m.yml':
        'http:\n  middlewares:\n    local-ip:\n      ipAllowList:\n        sourceRange: [10.0.0.0/8]\n',
    },
    expect: [],
  },
  {
    name: 'a name without @ defined nowhere: the nearest, qualified',
    compose: project(ep('local-iq')),
    files: bouncer,
    expect: [
      'error local-iq: middleware "local-iq" is not defined: did you mean "local-ip@docker"? Traefik disables every router on entry point "websecure".',
    ],
  },
  {
    name: 'a name without @ far from every defined one: another project may define it',
    compose: project(ep('compress')),
    files: bouncer,
    expect: [
      'warning compress: middleware "compress" is not defined in this project: define it, or declare it external. Traefik disables every router on entry point "websecure".',
    ],
  },
  {
    name: 'in traefik.yml, as a YAML list',
    compose: project([], true),
    files: {
      ...bouncer,
      '/project/traefik.yml':
        'providers:\n  docker: {}\n  file:\n    directory: /config\nentryPoints:\n  web-secure:\n    address: ":443"\n    http:\n      middlewares:\n        - crowdsec-bouncer@file\n',
    },
    expect: [
      'error crowdsec-bouncer@file: middleware "crowdsec-bouncer@file" is not defined: did you mean "crowdsec-bouncr@file"? Traefik disables every router on entry point "web-secure".',
    ],
  },
  { name: 'another provider is not in view', compose: project(ep('auth@kubernetescrd')), files: bouncer, expect: [] },
  { name: "Traefik's own", compose: project(ep('dashboard_redirect@internal')), files: bouncer, expect: [] },
  { name: 'a compose variable', compose: project(ep('${MW}')), files: bouncer, expect: [] },
  {
    name: 'the file provider cannot be read: names without @ are not judged',
    compose: project([
      ...base.slice(0, 1),
      '--providers.file.directory=/elsewhere',
      '--entrypoints.websecure.http.middlewares=x',
    ]),
    expect: [],
  },
];

for (const c of cases) {
  test(`entry point middlewares: ${c.name}`, () => {
    const got = run('undefined-middleware', c.compose, { mounted: c.files ?? {} });
    assert.deepEqual(
      got.map((f) => `${f.severity} ${f.text}: ${f.message}`),
      c.expect,
    );
  });
}
