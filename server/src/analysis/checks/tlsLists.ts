// A TLS option's cipherSuites and curvePreferences are looked up by exact name in Traefik's
// CipherSuites and CurveIDs maps (pkg/tls/cipher.go, pkg/tls/certificate.go); any other name makes
// buildTLSConfig fail ("invalid CipherSuite", "invalid CurveID in curvePreferences",
// pkg/tls/tlsmanager.go), so no router using that option is built (pkg/server/router/router.go
// buildRouterHandler) and TLS connections for its domains are closed (pkg/server/router/tcp/manager.go).
import type { Project } from '../project';
import { nearest } from '../traefik/values';
import type { Range } from '../types';
import type { Report } from './check';
import { tlsOptionSettings } from './tlsVersions';

/** pkg/tls/cipher.go CipherSuites (the same 28 names in v2.11 and v3). */
const CIPHER_SUITES = [
  'TLS_RSA_WITH_RC4_128_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
  'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_FALLBACK_SCSV',
];

/**
 * pkg/tls/certificate.go CurveIDs, every release's names: v2.11 knows the first eight only, but
 * the Traefik minor version is not known here, so a newer name is never called unknown.
 */
const CURVES = [
  'secp256r1',
  'CurveP256',
  'secp384r1',
  'CurveP384',
  'secp521r1',
  'CurveP521',
  'x25519',
  'X25519',
  'x25519mlkem768',
  'X25519MLKEM768',
  'secp256r1mlkem768',
  'SecP256r1MLKEM768',
  'secp384r1mlkem1024',
  'SecP384r1MLKEM1024',
];

/** OpenSSL's and the NIST names for the curves, which Traefik does not take: the name it does. */
const CURVE_ALIASES: Record<string, string> = {
  'p-256': 'CurveP256',
  p256: 'CurveP256',
  prime256v1: 'CurveP256',
  'p-384': 'CurveP384',
  p384: 'CurveP384',
  'p-521': 'CurveP521',
  p521: 'CurveP521',
};

const LISTS = {
  ciphersuites: { names: CIPHER_SUITES, what: 'cipher suite', error: 'invalid CipherSuite' },
  curvepreferences: { names: CURVES, what: 'curve', error: 'invalid CurveID in curvePreferences' },
} as const;

/** invalid-value on the file provider's `tls.options.<name>.cipherSuites` / `curvePreferences` items. */
export function tlsListProblems(project: Project): Report<'invalid-value'>[] {
  const out: Report<'invalid-value'>[] = [];
  for (const { s, key: field } of tlsOptionSettings(project)) {
    const list = LISTS[field as keyof typeof LISTS];
    if (!list || s.value === undefined || s.interpolated || s.value.includes('$')) continue;
    const items = s.value.split(',');
    const whole = s.valueRange ?? s.path[3].range;
    const ranges: (Range | undefined)[] = s.itemRanges?.length === items.length ? s.itemRanges : [];
    const option = s.path[2].text;
    const key = s.path.map((p) => p.text).join('.');
    for (const [i, raw] of items.entries()) {
      const name = raw.trim();
      if (name === '' || (list.names as readonly string[]).includes(name)) continue;
      const alias = list.what === 'curve' ? CURVE_ALIASES[name.toLowerCase()] : undefined;
      const suggestion = alias ?? nearest(name, list.names);
      const routers =
        option === 'default'
          ? 'every TLS router that names no other option'
          : `each router using TLS option "${option}"`;
      out.push({
        file: s.file,
        range: ranges[i] ?? whole,
        severity: 'error',
        message: `unknown ${list.what} "${name}": ${suggestion ? `did you mean "${suggestion}"?` : `Traefik refuses TLS option "${option}"`}`,
        explanation: `Traefik looks ${s.path[3].text} up by exact name (pkg/tls/cipher.go, pkg/tls/certificate.go) and fails on any other ("${list.error}: ${name}", pkg/tls/tlsmanager.go buildTLSConfig): ${routers} is not built (pkg/server/router/router.go), and TLS connections for its domains are closed.`,
        data: { key, ...(suggestion ? { suggestion } : {}) },
      });
    }
  }
  return out;
}
