// A container whose traefik.enable is false is skipped by every Traefik before any other label
// is decoded (pkg/provider/docker/config.go buildConfiguration: keepContainer, then
// label.DecodeConfiguration), so mistakes in its other labels are never seen by Traefik: only
// not-enabled (an information) speaks. Each row plants one mistake and expects its finding with
// traefik.enable=true and none with false (literal, or from a variable's default).
// After mayan-edms/Mayan-EDMS docker/docker-compose.yml (rabbitmq: router labels under traefik.enable=${X:-false}).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll } from '../../helpers';

const compose = (enable: string, labels: string, source = 'labels') => `services:
  traefik:
    image: traefik:v3.1
    command: [--entrypoints.http.address=:80, --providers.docker=true, --certificatesresolvers.le.acme.email=a@b.c, --certificatesresolvers.le.acme.tlschallenge=true]
  app:
    image: nginx
${source === 'labels' ? '    labels:' : '    deploy:\n      labels:'}
      - traefik.enable=${enable}
${labels
  .split('\n')
  .map((l) => `      - "${l}"`)
  .join('\n')}
`;

const rows: { code: string; labels: string }[] = [
  { code: 'rule-syntax', labels: 'traefik.http.routers.app.rule=Host(`a`' },
  {
    code: 'undefined-entrypoint',
    labels: 'traefik.http.routers.app.rule=Host(`a`)\ntraefik.http.routers.app.entrypoints=https',
  },
  {
    code: 'undefined-certresolver',
    labels: 'traefik.http.routers.app.rule=Host(`a`)\ntraefik.http.routers.app.tls.certresolver=lee',
  },
  { code: 'unknown-label', labels: 'traefik.http.routers.app.rulle=Host(`a`)' },
  {
    code: 'invalid-value',
    labels: 'traefik.http.routers.app.rule=Host(`a`)\ntraefik.http.services.app.loadbalancer.server.port=80a',
  },
  {
    code: 'undefined-middleware',
    labels: 'traefik.http.routers.app.rule=Host(`a`)\ntraefik.http.routers.app.middlewares=nope',
  },
];

for (const { code, labels } of rows) {
  test(`switched off: ${code} only when Traefik reads the labels`, () => {
    const codes = (enable: string, opts = {}) => runAll(compose(enable, labels), opts).map((f) => f.code);
    assert.ok(codes('true').includes(code), `${code} with traefik.enable=true: ${codes('true')}`);
    assert.deepEqual(codes('false'), ['not-enabled']);
    assert.deepEqual(codes('${RABBITMQ_ENABLE:-false}', { env: 'DOMAIN=x\n' }), ['not-enabled']);
  });
}

test('switched off: an unparsable traefik.enable is still judged, and the other labels with it', () => {
  const found = runAll(compose('ture', 'traefik.http.routers.app.rulle=Host(`a`)')).map((f) => f.code);
  assert.ok(found.includes('invalid-value'), String(found));
  assert.ok(found.includes('unknown-label'), String(found));
});
