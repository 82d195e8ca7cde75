// What "Add Service to Gateway" offers: the file's compose services with their ports, the static
// config's entry points (most used first), and the defaults the existing routers suggest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatewayChoices } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { FILE, projectOf } from './helpers';

const compose = yaml`
  services:
    traefik:
      image: traefik:v3.7
      command:
        - --entrypoints.web.address=:80
        - --entrypoints.websecure.address=:443
        - --api.insecure=true
        - --providers.docker
      ports:
        - "80:80"
        - "443:443"
    userservice:
      image: users
      expose:
        - "8002"
      ports:
        - "9000:8002"
        - "9001:9001"
      deploy:
        replicas: 2
      labels:
        - "traefik.http.routers.users.rule=PathPrefix(\`/api/users\`)"
        - "traefik.http.routers.users.entrypoints=websecure"
        - "traefik.http.routers.users.tls=true"
    music:
      image: music
      labels:
        - "traefik.http.routers.music.rule=PathPrefix(\`/api/music\`)"
        - "traefik.http.routers.music.entrypoints=websecure,web"
    postgres:
      image: postgres
`;

test('services with their container ports, routed or not, with replicas', () => {
  const choices = gatewayChoices(projectOf(compose), FILE);
  assert.deepEqual(
    choices.services.map((s) => [s.name, s.ports, s.routed, s.replicas]),
    [
      ['traefik', [80, 443], false, undefined],
      ['userservice', [8002, 9001], true, 2],
      ['music', [], true, undefined],
      ['postgres', [], false, undefined],
    ],
  );
});

test('entry points of the static config, most used first; defaults follow the routers', () => {
  const choices = gatewayChoices(projectOf(compose), FILE);
  assert.equal(choices.entryPointsKnown, true);
  assert.deepEqual(
    choices.entryPoints.map((e) => [e.name, e.address, e.routers]),
    [
      ['websecure', ':443', 2],
      ['web', ':80', 1],
    ],
  );
  // One of websecure's two routers uses TLS: not a majority.
  assert.deepEqual(choices.defaults, { entryPoint: 'websecure', tls: false });
  const tls = compose.replace('websecure,web', 'websecure,web"\n      - "traefik.http.routers.music.tls=true');
  assert.deepEqual(gatewayChoices(projectOf(tls), FILE).defaults, { entryPoint: 'websecure', tls: true });
});

test('without a static config the entry points the routers name are offered', () => {
  const text = compose.replace(/ {4}command:\n(?: {6}- --.*\n)+/, '');
  const choices = gatewayChoices(projectOf(text), FILE);
  assert.equal(choices.entryPointsKnown, false);
  assert.deepEqual(
    choices.entryPoints.map((e) => [e.name, e.routers]),
    [
      ['websecure', 2],
      ['web', 1],
    ],
  );
});
