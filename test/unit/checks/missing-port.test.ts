import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, yaml } from '../../helpers';

const ROUTER = '- traefik.http.routers.api.rule=Host(`a`)';

/** A compose service `api` with the given lines (image/build/ports) and one router. */
function api(lines: string, labels = ROUTER): string {
  const indent = (s: string): string =>
    s
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
  return `services:\n  api:\n${indent(lines)}\n    labels:\n${indent(`  ${labels.split('\n').join('\n  ')}`)}\n`;
}

const cases: {
  name: string;
  text: string;
  files?: Record<string, string>;
  expect: { severity: string; text: string }[];
  message?: RegExp;
  explanation?: RegExp;
}[] = [
  {
    name: 'port label present',
    text: api('image: app', `${ROUTER}\n- traefik.http.services.api.loadbalancer.server.port=8080`),
    expect: [],
  },
  {
    name: 'image not seen, nothing exposed: an information on the compose service name',
    text: api('image: myorg/app:1'),
    expect: [{ severity: 'info', text: 'api' }],
    message: /^port unknown: image "myorg\/app:1" cannot be seen here; set loadbalancer\.server\.port$/,
  },
  {
    name: 'explicit service without port, image not seen: on its name in the key',
    text: api('image: app', `${ROUTER}\n- traefik.http.services.api-svc.loadbalancer.sticky.cookie=true`),
    expect: [{ severity: 'info', text: 'api-svc' }],
  },
  {
    name: 'a known image that EXPOSEs nothing: Traefik drops the container',
    text: api('image: node:22-alpine'),
    expect: [{ severity: 'warning', text: 'api' }],
    message: /^no port exposed here or by the image: set loadbalancer\.server\.port$/,
    explanation: /"port is missing" and drops the whole container/,
  },
  {
    name: 'one exposed port is detected',
    text: api('image: app\nexpose: ["3000"]'),
    expect: [],
  },
  {
    name: 'several ports: an information naming the lowest, which Traefik takes',
    text: api('image: node\nports: ["8443:443", "8080:80"]'),
    expect: [{ severity: 'info', text: 'api' }],
    message: /^Traefik uses the lowest port, 80: set loadbalancer\.server\.port for another$/,
    explanation: /: here 80, 443\.$/,
  },
  {
    name: 'several ports with an image not seen: it may add a lower one',
    text: api('image: app\nports: ["8443:443", "8080:80"]'),
    expect: [{ severity: 'info', text: 'api' }],
    explanation: /here 80, 443 and the image's\./,
  },
  {
    name: 'well-known image EXPOSEs its port',
    text: api('image: traefik/whoami:v1.10'),
    expect: [],
  },
  {
    name: 'a service without Traefik labels is not reported',
    text: 'services:\n  db:\n    image: postgres\n',
    expect: [],
  },
  {
    name: 'Swarm labels need the port label',
    text: yaml`
      services:
        api:
          image: app
          ports: ["80"]
          deploy:
            labels:
              - traefik.http.routers.api.rule=Host(\`a\`)
    `,
    expect: [{ severity: 'warning', text: 'api' }],
  },
  // Dockerfiles of a local build.
  {
    name: 'build: the Dockerfile EXPOSEs the port',
    text: api('build: ./app'),
    files: { '/project/app/Dockerfile': 'FROM python:3.12\nEXPOSE 8000\nCMD ["app"]\n' },
    expect: [],
  },
  {
    name: 'build: a Dockerfile FROM a known image with no EXPOSE: dropped',
    text: api('build: ./app'),
    files: { '/project/app/Dockerfile': 'FROM python:3.12\nCMD ["app"]\n' },
    expect: [{ severity: 'warning', text: 'api' }],
  },
  {
    name: 'build: a base image not seen, no EXPOSE: information naming the FROM',
    text: api('build: ./app'),
    files: { '/project/app/Dockerfile': 'FROM myorg/base:1\nCMD ["app"]\n' },
    expect: [{ severity: 'info', text: 'api' }],
    message: /FROM myorg\/base:1 in app\/Dockerfile cannot be seen/,
  },
  {
    name: 'build: the Dockerfile cannot be read: information',
    text: api('build: ./app'),
    expect: [{ severity: 'info', text: 'api' }],
    message: /^port unknown: app\/Dockerfile cannot be seen/,
  },
  {
    name: 'build long form: context, dockerfile and an arg overriding the ARG default',
    text: api('build:\n  context: ./svc\n  dockerfile: docker/prod.Dockerfile\n  args:\n    PORT: "9000"'),
    files: { '/project/svc/docker/prod.Dockerfile': 'FROM node:22\nARG PORT=3000\nEXPOSE ${PORT}\n' },
    expect: [],
  },
  {
    name: 'build: ARG default in EXPOSE, two ports with tcp suffix: the lowest is taken (info)',
    text: api('build: .'),
    files: { '/project/Dockerfile': 'FROM node:22\nARG PORT=3000\nEXPOSE $PORT/tcp 9229\n' },
    expect: [{ severity: 'info', text: 'api' }],
    message: /lowest port, 3000:/,
    explanation: /here 3000, 9229\./,
  },
  {
    name: 'build: multi-stage, the final stage has no EXPOSE although the builder has',
    text: api('build: .'),
    files: {
      '/project/Dockerfile': 'FROM golang:1.23 AS build\nEXPOSE 8080\nFROM scratch\nCOPY --from=build /app /\n',
    },
    expect: [{ severity: 'warning', text: 'api' }],
  },
  {
    name: 'build: target names the stage that EXPOSEs',
    text: api('build:\n  context: .\n  target: dev'),
    files: { '/project/Dockerfile': 'FROM node:22 AS dev\nEXPOSE 5173\nFROM node:22 AS prod\n' },
    expect: [],
  },
  {
    name: 'build: a stage inherits its parent stage EXPOSE',
    text: api('build: .'),
    files: { '/project/Dockerfile': 'FROM nginx:1.27 AS base\nFROM base\nCOPY site /usr/share/nginx/html\n' },
    expect: [],
  },
  {
    name: 'build: an arg from the environment in EXPOSE is not known: information',
    text: api('build:\n  context: .\n  args:\n    - PORT'),
    files: { '/project/Dockerfile': 'FROM node:22\nARG PORT\nEXPOSE $PORT\n' },
    expect: [{ severity: 'info', text: 'api' }],
  },
  {
    name: 'dockerfile_inline',
    text: api('build:\n  context: .\n  dockerfile_inline: |\n    FROM node:22\n    EXPOSE 3000'),
    expect: [],
  },
  // Traefik's own container.
  {
    name: "Traefik's container whose routers go to api@internal or redirect: nothing",
    text: yaml`
      services:
        traefik:
          image: traefik:v3.3
          ports: ["80:80", "443:443"]
          labels:
            - traefik.http.routers.dash.rule=Host(\`t\`)
            - traefik.http.routers.dash.service=api@internal
            - traefik.http.routers.http-catchall.rule=HostRegexp(\`.+\`)
            - traefik.http.routers.http-catchall.middlewares=to-https
            - traefik.http.middlewares.to-https.redirectscheme.scheme=https
    `,
    expect: [],
  },
  // Trial (dashboard setups; corpus 016, 057): Traefik's container with a router that ends on
  // its own port (a router without service) and several ports got "Traefik uses the lowest
  // port, 80: set loadbalancer.server.port for another". Port 80 is Traefik's own entry point; the
  // fix is never another port (dashboard-loop, invalid-value say what is).
  {
    name: "Traefik's container whose router ends on its own port, several ports: nothing",
    text: yaml`
      services:
        traefik:
          image: traefik:v3.5
          ports: ["80:80", "443:443", "8080:8080"]
          labels:
            - traefik.enable=true
            - traefik.http.routers.traefik=true
    `,
    expect: [],
  },
  {
    name: "Traefik's container built FROM an image that EXPOSEs nothing: Traefik drops it, dashboard too",
    text: yaml`
      services:
        traefik:
          build: ./traefik
          command: ["--providers.docker=true", "--api=true"]
          labels:
            - traefik.http.routers.dash.rule=Host(\`t\`)
            - traefik.http.routers.dash.service=api@internal
    `,
    files: { '/project/traefik/Dockerfile': 'FROM python:3.12\nCMD ["traefik"]\n' },
    expect: [{ severity: 'warning', text: 'traefik' }],
  },
  {
    name: "Traefik's container built from a Dockerfile not seen: its image is Traefik's (EXPOSE 80)",
    text: yaml`
      services:
        traefik:
          build: ./traefik
          command: ["--providers.docker=true", "--entrypoints.web.address=:80"]
          labels:
            - traefik.http.routers.dash.rule=Host(\`t\`)
    `,
    expect: [],
  },
];

for (const c of cases) {
  test(`missing-port: ${c.name}`, () => {
    const found = run('missing-port', c.text, { mounted: c.files });
    assert.deepEqual(
      found.map((f) => ({ severity: f.severity, text: f.text })),
      c.expect,
    );
    if (c.message) assert.match(found[0].message, c.message);
    if (c.explanation) assert.match(found[0].explanation, c.explanation);
    for (const f of found) assert.ok(f.message.length <= 100, `long message: ${f.message}`);
  });
}

test('missing-port: the data lists the ports, lowest first, for the quick fix', () => {
  const [f] = run('missing-port', api('image: app\nports: ["8443:443", "8080:80"]'));
  assert.deepEqual(f.data?.ports, [80, 443]);
});

test('missing-port: the Dockerfile ports count with the compose ports', () => {
  const [f] = run('missing-port', api('build: .\nexpose: ["9000"]'), {
    mounted: { '/project/Dockerfile': 'FROM node:22\nEXPOSE 3000\n' },
  });
  assert.deepEqual(f.data?.ports, [3000, 9000]);
});
