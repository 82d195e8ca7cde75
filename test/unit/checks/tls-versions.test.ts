// invalid-value on a file-provider TLS option's minVersion/maxVersion that is no name of Traefik's
// MinVersion/MaxVersion maps (pkg/tls/certificate.go): buildTLSConfig skips it silently
// (pkg/tls/tlsmanager.go), so the option keeps Go's default bound (trial4 min-10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const COMPOSE = [
  'services:',
  '  traefik:',
  '    image: traefik:v3.3',
  '    command: [--providers.docker=true, --providers.file.filename=/etc/traefik/dynamic.yaml]',
  '    volumes: [./dynamic.yaml:/etc/traefik/dynamic.yaml]',
  '',
].join('\n');

const options = (body: string): Record<string, string> => ({
  '/project/dynamic.yaml': `tls:\n  options:\n    o:\n${body}`,
});

const cases: { name: string; body: string; expect: string[] }[] = [
  { name: 'a known name', body: '      minVersion: VersionTLS12\n      maxVersion: VersionTLS13\n', expect: [] },
  {
    name: 'VersionTLS1',
    body: '      minVersion: VersionTLS1\n',
    expect: ['VersionTLS1: "VersionTLS1" is no TLS version name: did you mean "VersionTLS10"?'],
  },
  {
    name: 'TLS1.2 as maxVersion',
    body: '      maxVersion: TLS1.2\n',
    expect: ['TLS1.2: "TLS1.2" is no TLS version name: did you mean "VersionTLS12"?'],
  },
  {
    name: 'names compare with case',
    body: '      minversion: versiontls12\n',
    expect: ['versiontls12: "versiontls12" is no TLS version name: did you mean "VersionTLS12"?'],
  },
  {
    name: 'nothing close',
    body: '      minVersion: modern\n',
    expect: [
      'modern: "modern" is no TLS version name: use one of VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13',
    ],
  },
  { name: 'a templated file is not judged', body: '      minVersion: {{ env "TLS_MIN" }}\n', expect: [] },
];

for (const c of cases) {
  test(`TLS option versions: ${c.name}`, () => {
    const found = run('invalid-value', COMPOSE, { mounted: options(c.body) });
    assert.deepEqual(
      found.map((f) => `${f.text}: ${f.message}`),
      c.expect,
    );
    for (const f of found) {
      assert.equal(f.severity, 'warning');
      assert.match(f.explanation, /skips any other .*Go's default/);
    }
  });
}
