// The provider names Traefik qualifies its configuration with (`name@provider`): a reference
// whose provider is none of them names nothing, since Traefik looks `name@provider` up as is
// (pkg/server/provider/provider.go GetQualifiedName keeps a name with `@`).
// v3: pkg/config/static/static_config.go providerNames, plus `internal`
// (pkg/provider/traefik/internal.go); v2 also had marathon and rancher.

const NAMES = [
  'docker',
  'swarm',
  'file',
  'internal',
  'kubernetes',
  'kubernetescrd',
  'kubernetesgateway',
  'kubernetesingressnginx',
  'knative',
  'consul',
  'consulcatalog',
  'nomad',
  'etcd',
  'zookeeper',
  'redis',
  'ecs',
  'http',
  'rest',
  'marathon',
  'rancher',
] as const;

export const PROVIDER_NAMES: readonly string[] = NAMES;

/**
 * Whether Traefik may have a provider of that name: one of the names above, a plugin's
 * (`plugin-<name>`, pkg/plugins/providers.go), a namespaced instance (`consulcatalog-<ns>`,
 * `consul-<ns>`, `nomad-<ns>`: pkg/provider/consulcatalog/consul_catalog.go), or a resolver's
 * (`<resolver>.acme`, `<resolver>.tailscale`).
 */
export function isProviderName(name: string): boolean {
  if (PROVIDER_NAMES.includes(name)) return true;
  if (name.startsWith('plugin-') || name.includes('.')) return true;
  const dash = name.indexOf('-');
  return dash > 0 && PROVIDER_NAMES.includes(name.slice(0, dash));
}
