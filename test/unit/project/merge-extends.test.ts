// Two merges issue 11 names: `environment` merged across an override by variable name, list and
// mapping forms alike (compose spec 13-merge.md "Mapping": environment is merged by key, a later
// file's value wins), which is where TRAEFIK_* static settings come from; and the Dockerfile of a
// service whose `build:` is inherited through `extends: file:` (05-services.md extends: relative
// paths resolve from the extended file's folder), whose EXPOSE gives Traefik its port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { analyseFiles, seen } from './helpers';

const TRAEFIK = yaml`
  services:
    traefik:
      image: traefik:v3.1
      environment:
        - TRAEFIK_PROVIDERS_DOCKER=true
        - TRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:80
    web:
      image: traefik/whoami
      labels:
        - traefik.http.routers.web.rule=Host(\`x\`)
        - traefik.http.routers.web.entrypoints=websecure
`;

test('environment: an override adds and replaces variables by name, list form under mapping form', () => {
  const r = analyseFiles(
    {
      'compose.yaml': TRAEFIK,
      'compose.override.yaml': yaml`
        services:
          traefik:
            environment:
              TRAEFIK_ENTRYPOINTS_WEB_ADDRESS: ":8080"
              TRAEFIK_ENTRYPOINTS_WEBSECURE_ADDRESS: ":443"
      `,
    },
    ['compose.yaml', 'compose.override.yaml'],
  );
  const eps = r.project.staticConfig.entryPoints;
  assert.deepEqual([...eps].map(([name, ep]) => [name, ep.address]).sort(), [
    ['web', ':8080'],
    ['websecure', ':443'],
  ]);
  assert.deepEqual(seen(r, ['undefined-entrypoint']), []);
});

test('environment: without the override, the router names an entry point that does not exist', () => {
  const r = analyseFiles({ 'compose.yaml': TRAEFIK });
  assert.deepEqual(seen(r, ['undefined-entrypoint']), ['undefined-entrypoint compose.yaml: websecure']);
});

const EXTENDED = {
  'compose.yaml': yaml`
    services:
      web:
        extends: { file: shared/base.yml, service: app }
        labels:
          - traefik.http.routers.web.rule=Host(\`x\`)
  `,
  'shared/base.yml': yaml`
    services:
      app:
        build: ./app
  `,
};

test('extends: the inherited build reads the Dockerfile beside the extended file; its EXPOSE is the port', () => {
  const r = analyseFiles({ ...EXTENDED, 'shared/app/Dockerfile': 'FROM node:20\nEXPOSE 3000\n' });
  assert.deepEqual(seen(r, ['missing-port']), []);
  assert.deepEqual(r.project.containers[0].imagePorts.ports, [3000]);
});

test('extends: a Dockerfile at the path relative to the extending file is not the one compose builds', () => {
  const r = analyseFiles({ ...EXTENDED, 'app/Dockerfile': 'FROM node:20\nEXPOSE 3000\n' });
  assert.deepEqual(r.project.containers[0].imagePorts.ports, []);
  assert.equal(r.project.containers[0].imagePorts.dockerfile, '/p/shared/app/Dockerfile');
});

test('extends file: its labels are judged where they are written, only for the bases a service extends', () => {
  const r = analyseFiles(
    {
      'compose.yaml': yaml`
        services:
          web:
            extends: { file: common/base.yaml, service: app }
      `,
      'common/base.yaml': yaml`
        services:
          app:
            image: nginx
            labels:
              - traefik.enable=true
              - traefik.http.routers.app.rule=Host(\`\${HOST:-a.example}\`)
              - traefik.http.services.app.loadbalancer.server.prot=80
              - traefik.http.services.app.loadbalancer.server.port=\${PORT}
          unused:
            image: nginx
            labels:
              - traefik.http.services.unused.loadbalancer.server.prot=80
      `,
    },
    ['compose.yaml'],
  );
  assert.deepEqual(seen(r, ['unknown-label', 'invalid-value']), ['unknown-label common/base.yaml: prot']);
});
