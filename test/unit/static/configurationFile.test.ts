// Which texts are Traefik's own configuration by their top-level keys (traefik/configurationFile.ts),
// so that a traefik.yml or a dynamic file the editor opened as a compose file is not validated as one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTraefikConfiguration } from '../../../server/src/analysis/traefik/configurationFile';

const cases: [text: string, traefik: boolean][] = [
  ['entryPoints:\n  web:\n    address: ":80"\nproviders:\n  docker: {}\n', true],
  ['# static\n---\napi:\n  dashboard: true\nlog:\n  level: INFO\n', true],
  ['ENTRYPOINTS:\n  web: {}\n', true],
  ['"certificatesResolvers":\n  le: {}\n', true],
  ['http:\n  routers: {}\ntls:\n  options: {}\n', true],
  ['tcp: # raw\n  routers: {}\n', true],
  ['services:\n  web:\n    image: nginx\n', false],
  ['http:\n  routers: {}\nservices:\n  web: {}\n', false],
  ['x-traefik: &t\n  a: 1\n', false],
  ['entr', false],
  ['entryPoints', false],
  ['', false],
  ['# nothing yet\n', false],
  ['- entryPoints\n', false],
  ['{entryPoints: {}}\n', false],
];

for (const [text, traefik] of cases) {
  test(`${JSON.stringify(text)} is ${traefik ? '' : 'not '}Traefik's configuration`, () => {
    assert.equal(isTraefikConfiguration(text), traefik);
  });
}
