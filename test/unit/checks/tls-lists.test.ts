// invalid-value on a file-provider TLS option's cipherSuites / curvePreferences item that is no
// name of Traefik's CipherSuites / CurveIDs maps (pkg/tls/cipher.go, pkg/tls/certificate.go):
// buildTLSConfig fails on it (pkg/tls/tlsmanager.go), so routers using that option are not built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const compose = (file: string): string =>
  [
    'services:',
    '  traefik:',
    '    image: traefik:v3.3',
    `    command: [--providers.docker=true, --providers.file.filename=/etc/traefik/${file}]`,
    `    volumes: [./${file}:/etc/traefik/${file}]`,
    '',
  ].join('\n');

const cases: { name: string; file?: string; body: string; expect: string[] }[] = [
  {
    name: 'known names',
    body:
      '    o:\n      cipherSuites:\n        - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n        - TLS_AES_256_GCM_SHA384\n' +
      '      curvePreferences: [CurveP521, secp384r1, X25519, x25519mlkem768]\n',
    expect: [],
  },
  {
    name: 'a misspelt cipher suite, block list',
    body: '    o:\n      cipherSuites:\n        - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n        - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265\n',
    expect: [
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265: unknown cipher suite "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265": did you mean "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"?',
    ],
  },
  {
    name: 'names compare with case',
    body: '    o:\n      cipherSuites: [tls_aes_128_gcm_sha256]\n',
    expect: [
      'tls_aes_128_gcm_sha256: unknown cipher suite "tls_aes_128_gcm_sha256": did you mean "TLS_AES_128_GCM_SHA256"?',
    ],
  },
  {
    name: 'OpenSSL names are not Go names',
    body: '    o:\n      cipherSuites: ["ECDHE-RSA-AES128-GCM-SHA256"]\n',
    expect: [
      'ECDHE-RSA-AES128-GCM-SHA256: unknown cipher suite "ECDHE-RSA-AES128-GCM-SHA256": Traefik refuses TLS option "o"',
    ],
  },
  {
    name: 'a misspelt curve, flow list',
    body: '    default:\n      curvePreferences: [CurveP521, CurveP348]\n',
    expect: ['CurveP348: unknown curve "CurveP348": did you mean "CurveP384"?'],
  },
  {
    name: 'P-256 is no name Traefik knows',
    body: '    o:\n      curvePreferences:\n        - P-256\n',
    expect: ['P-256: unknown curve "P-256": did you mean "CurveP256"?'],
  },
  {
    name: 'a templated file is not judged',
    body: '    o:\n      cipherSuites:\n        - {{ env "CIPHER" }}\n',
    expect: [],
  },
  {
    name: 'TOML: on the whole list',
    file: 'dynamic.toml',
    body: '',
    expect: [
      '["TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM"]: unknown cipher suite "TLS_AES_128_GCM": Traefik refuses TLS option "o"',
    ],
  },
];

for (const c of cases) {
  test(`TLS option lists: ${c.name}`, () => {
    const file = c.file ?? 'dynamic.yaml';
    const text = file.endsWith('.toml')
      ? '[tls.options.o]\n  cipherSuites = ["TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM"]\n'
      : `tls:\n  options:\n${c.body}`;
    const found = run('invalid-value', compose(file), { mounted: { [`/project/${file}`]: text } });
    assert.deepEqual(
      found.map((f) => `${f.text}: ${f.message}`),
      c.expect,
    );
    for (const f of found) {
      assert.equal(f.severity, 'error');
      assert.match(f.explanation, /buildTLSConfig\): .* is not built/);
    }
  });
}
