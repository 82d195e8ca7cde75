// Traefik v1's top-level static configuration keys that v2 and v3 do not have (v1.7
// configuration/configuration.go GlobalConfiguration, in its TOML spelling), and the file
// provider's [frontends] and [backends] that v1 read from traefik.toml itself. Keys both know
// (entryPoints, api, ping, metrics, accessLog, tracing) are not here: they say nothing of the version.
const WEAK = [
  'lifeCycle',
  'graceTimeOut',
  'debug',
  'checkNewVersion',
  'sendAnonymousUsage',
  'accessLogsFile',
  'traefikLogsFile',
  'traefikLog',
  'logLevel',
  'cluster',
  'constraints',
  'providersThrottleDuration',
  'maxIdleConnsPerHost',
  'idleTimeout',
  'insecureSkipVerify',
  'rootCAs',
  'retry',
  'healthCheck',
  'respondingTimeouts',
  'forwardingTimeouts',
  'allowMinWeightZero',
  'keepTrailingSlash',
];

// A provider, ACME or the default entry points at the top: v2 moved each elsewhere
// (providers.docker, certificatesResolvers.<name>.acme, entryPoints.<name>.asDefault), so one of
// these alone already reads as a v1 file (docs/content/migration/v1-to-v2.md).
const STRONG = [
  'defaultEntryPoints',
  'acme',
  'web',
  'docker',
  'file',
  'marathon',
  'consul',
  'consulCatalog',
  'etcd',
  'zookeeper',
  'boltdb',
  'kubernetes',
  'mesos',
  'eureka',
  'ecs',
  'rancher',
  'dynamodb',
  'rest',
  'frontends',
  'backends',
];

const weak = new Set(WEAK.map((k) => k.toLowerCase()));
const strong = new Set(STRONG.map((k) => k.toLowerCase()));

/** A top-level key of Traefik v1's static configuration that v2 and v3 do not know (case-insensitive, as paerser). */
export function isV1Root(key: string): boolean {
  const k = key.toLowerCase();
  return weak.has(k) || strong.has(k);
}

/**
 * Top-level keys that make a file Traefik v1's: two v1 keys, or one v1 section v2 moved
 * elsewhere (a provider, acme, defaultEntryPoints). One stray `logLevel` is not enough.
 */
export function readsAsV1File(roots: readonly string[]): boolean {
  const v1 = roots.filter(isV1Root);
  return v1.length >= 2 || v1.some((k) => strong.has(k.toLowerCase()));
}
