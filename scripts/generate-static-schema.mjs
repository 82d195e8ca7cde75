// Generates the key tree of Traefik's static (install) configuration from Traefik's own reference
// file (docs/content/reference/static-configuration/file.yaml), plus cited overlays for what that
// file lacks (keys it omits, and Traefik v2 keys that v3 removed).
//
//   node scripts/generate-static-schema.mjs <static-config.v3.yaml> <out.json>
//
// The output is a JSON Schema (draft-07) shaped tree that keeps the reference's camelCase names.
// Traefik matches static keys against Go field names case-insensitively (paerser
// parser/nodes_metadata.go findTypedField), so consumers compare names ignoring case.
// Custom keywords:
//   x-name     what the user-chosen names of a map are (entry point, certificate resolver, ...)
//   x-raw      anything below is accepted (plugin configuration, map[string]any)
//   x-type     bool | duration | list | number | string: the reference's sample value kind
//   x-removed  the key existed in Traefik v2 and v3 refuses it; the text says what replaced it
//   x-cite     where a key that is not in the reference comes from (Traefik repository paths)
// Unknown top-level keys are ignored by Traefik's file loader (paerser file/raw_node.go sortKeys
// keeps only root field names), while unknown keys below them stop Traefik ("field not found").
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

// Placeholder names the reference uses where users choose a name, with what the names stand for;
// providers.plugin.<name> is a PluginConf (map[string]any): anything goes below it (`raw`).
const STATIC_NAMES = {
  placeholder: /^(EntryPoint|CertificateResolver|LocalDescriptor|Descriptor|PluginConf|name)\d+$/,
  kinds: {
    EntryPoint: 'entry point',
    CertificateResolver: 'certificate resolver',
    Descriptor: 'plugin',
    LocalDescriptor: 'local plugin',
    PluginConf: 'plugin',
    name: 'name',
  },
  raw: ['PluginConf'],
};

// Keys of the Go structs that file.yaml omits. Read from Traefik's generated option list
// docs/content/reference/install-configuration/configuration-options.md (master fd5a576d, written
// from the structs) and the struct tags; sample values give the kind as in the reference.
const EXTRA_KEYS = [
  {
    cite: 'cmd/configuration.go TraefikCmdConfiguration.ConfigFile',
    keys: ['configFile: foobar'],
  },
  {
    cite: 'pkg/config/static/static_config.go Global, API, Providers.Precedence, Providers.Knative',
    keys: [
      'global.notAppendXForwardedFor: true',
      'api.dashboardName: foobar',
      'providers.precedence: [foobar]',
      'providers.knative.endpoint: foobar',
      'providers.knative.token: foobar',
      'providers.knative.certAuthFilePath: foobar',
      'providers.knative.namespaces: [foobar]',
      'providers.knative.labelSelector: foobar',
      'providers.knative.throttleDuration: 42s',
      'providers.knative.privateEntryPoints: [foobar]',
      'providers.knative.privateService.name: foobar',
      'providers.knative.privateService.namespace: foobar',
      'providers.knative.publicEntryPoints: [foobar]',
      'providers.knative.publicService.name: foobar',
      'providers.knative.publicService.namespace: foobar',
    ],
  },
  {
    cite: 'pkg/config/static/experimental.go Experimental.Knative; pkg/plugins/types.go Descriptor.Hash',
    keys: ['experimental.knative: true', 'experimental.plugins.Descriptor0.hash: foobar'],
  },
  {
    cite: 'pkg/config/static/entrypoints.go ForwardedHeaders, HTTP2Config',
    keys: [
      'entryPoints.EntryPoint0.forwardedHeaders.notAppendXForwardedFor: true',
      'entryPoints.EntryPoint0.http2.maxDecoderHeaderTableSize: 42',
      'entryPoints.EntryPoint0.http2.maxEncoderHeaderTableSize: 42',
    ],
  },
  {
    cite: 'pkg/observability/types/logs.go AccessLog.DualOutput, AccessLogFields.QueryParameters',
    keys: ['accessLog.dualOutput: true', 'accessLog.fields.queryParameters.defaultMode: foobar'],
  },
  {
    cite: 'pkg/provider/acme/provider.go Configuration.CertificateTimeout',
    keys: ['certificatesResolvers.CertificateResolver0.acme.certificateTimeout: 42s'],
  },
  {
    cite: 'pkg/provider/kubernetes/{crd,gateway,ingress}/kubernetes.go (crossProviderNamespaces: v3.6.17+, v3.7.1+)',
    keys: [
      'providers.kubernetesCRD.crossProviderNamespaces: [foobar]',
      'providers.kubernetesGateway.crossProviderNamespaces: [foobar]',
      'providers.kubernetesGateway.qps: 42',
      'providers.kubernetesGateway.burst: 42',
      'providers.kubernetesIngress.crossProviderNamespaces: [foobar]',
      'providers.kubernetesIngress.reportNodeInternalIPs: true',
    ],
  },
  {
    cite: 'pkg/provider/kubernetes/ingress-nginx/kubernetes.go Provider',
    keys: [
      'allowCrossNamespaceResources: true',
      'allowSnippetAnnotations: true',
      'clientBodyBufferSize: 42',
      'customHTTPErrors: [foobar]',
      'globalAllowedResponseHeaders: [foobar]',
      'globalAuthURL: foobar',
      'httpEntryPoint: foobar',
      'httpsEntryPoint: foobar',
      'ipAllowListStrategy.depth: 42',
      'ipAllowListStrategy.excludedIPs: [foobar]',
      'ipAllowListStrategy.ipv6Subnet: 42',
      'proxyBodySize: 42',
      'proxyBuffering: true',
      'proxyBufferSize: 42',
      'proxyBuffersNumber: 42',
      'proxyConnectTimeout: 42',
      'proxyNextUpstream: foobar',
      'proxyNextUpstreamTimeout: 42',
      'proxyNextUpstreamTries: 42',
      'proxyReadTimeout: 42',
      'proxyRequestBuffering: true',
      'proxySendTimeout: 42',
      'strictValidatePathType: true',
      'upstreamKeepaliveTimeout: 42',
    ].map((k) => `providers.kubernetesIngressNGINX.${k}`),
  },
];

// Traefik v2 keys that v3 no longer has (v2.11.53 file.yaml against this reference). v3 stops on
// all of them: pkg/cli/deprecation.go rejects most with a migration hint before loading, and the
// loaders fail on the rest with "field not found". Below each one, anything is accepted (v2 knew it);
// `type` is the v2 value kind of a removed leaf (sections without one were pointers to structs).
const MIGRATE = 'docs/content/migrate/v2-to-v3-details.md';
const REMOVED = [
  { path: 'pilot', note: 'Traefik Pilot was removed in v3.', cite: 'pkg/cli/deprecation.go' },
  { path: 'providers.marathon', note: 'The Marathon provider was removed in v3.', cite: 'pkg/cli/deprecation.go' },
  { path: 'providers.rancher', note: 'The Rancher v1 provider was removed in v3.', cite: 'pkg/cli/deprecation.go' },
  {
    path: 'providers.docker.swarmMode',
    note: 'v3 reads Swarm services with its own provider: use `providers.swarm`.',
    type: 'bool',
    cite: 'pkg/cli/deprecation.go',
  },
  {
    path: 'providers.docker.swarmModeRefreshSeconds',
    note: 'v3 reads Swarm services with its own provider: use `providers.swarm.refreshSeconds`.',
    type: 'duration',
    cite: MIGRATE,
  },
  ...['docker', 'consul', 'etcd', 'redis', 'http', 'consulCatalog.endpoint', 'nomad.endpoint'].map((p) => ({
    path: `providers.${p}.tls.caOptional`,
    note: '`tls.caOptional` was removed in v3 (client authentication is a server-side option).',
    type: 'bool',
    cite: 'pkg/cli/deprecation.go',
  })),
  ...['consul', 'consulCatalog', 'nomad'].map((p) => ({
    path: `providers.${p}.namespace`,
    note: '`namespace` was removed in v3: use `namespaces`.',
    type: 'string',
    cite: 'pkg/cli/deprecation.go',
  })),
  { path: 'metrics.influxDB', note: 'InfluxDB v1 metrics were removed in v3: use `influxDB2`.', cite: MIGRATE },
  {
    path: 'tracing.spanNameLimit',
    note: 'Span names have a fixed length in v3; remove `spanNameLimit`.',
    type: 'number',
    cite: 'pkg/cli/deprecation.go',
  },
  ...['jaeger', 'zipkin', 'datadog', 'instana', 'haystack', 'elastic'].map((backend) => ({
    path: `tracing.${backend}`,
    note: `The ${backend} tracing backend was removed in v3: use \`tracing.otlp\` (OpenTelemetry).`,
    cite: 'pkg/cli/deprecation.go',
  })),
  {
    path: 'experimental.http3',
    note: 'HTTP/3 is no longer experimental in v3: remove `experimental.http3` and set `entryPoints.<name>.http3`.',
    type: 'bool',
    cite: 'pkg/cli/deprecation.go',
  },
];

export function newNode() {
  return { properties: {}, additionalProperties: false };
}

function kindOf(value) {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string' && /^\d+s$/.test(value)) return 'duration';
  return 'string';
}

/** The node under `name` in `node`, created as a plain field or as a user-chosen name. */
function child(node, name, names) {
  const placeholder = names.placeholder.exec(name);
  if (placeholder) {
    const kind = placeholder[1];
    const fields = Object.keys(node.properties ?? {});
    if (fields.length > 0) throw new Error(`placeholder ${name} next to fields ${fields.join(', ')}`);
    if (typeof node.additionalProperties !== 'object') {
      delete node.properties;
      node.additionalProperties = newNode();
      node['x-name'] = names.kinds[kind];
      if (names.raw.includes(kind)) node.additionalProperties = { 'x-raw': true };
    }
    return node.additionalProperties;
  }
  if (typeof node.additionalProperties === 'object') {
    throw new Error(`field ${name} next to a placeholder`);
  }
  node.properties[name] ??= newNode();
  return node.properties[name];
}

/** Walks one value of the reference: maps become fields, sample values become typed leaves. */
export function add(node, value, names = STATIC_NAMES) {
  if (node['x-raw']) return;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, sub] of Object.entries(value)) add(child(node, name, names), sub, names);
    return;
  }
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && value[0] !== null) {
    node.items ??= newNode();
    for (const item of value) add(node.items, item, names);
    delete node.properties;
    delete node.additionalProperties;
    return;
  }
  delete node.properties;
  delete node.additionalProperties;
  node['x-type'] = kindOf(value);
}

/** The node at a dotted path, created along the way. */
function nodeAt(root, path, names) {
  let node = root;
  for (const name of path.split('.')) node = child(node, name, names);
  return node;
}

/** Applies `path: sample` lines (the overlay's own shorthand of the reference's YAML). */
export function addExtra(root, line, cite, names = STATIC_NAMES) {
  const colon = line.indexOf(': ');
  const path = line.slice(0, colon);
  const sample = parse(line.slice(colon + 2));
  const dot = path.lastIndexOf('.');
  const parent = dot < 0 ? root : nodeAt(root, path.slice(0, dot), names);
  const name = path.slice(dot + 1);
  if (parent.properties?.[name]) throw new Error(`${path} is already in the reference; drop it from the overlay`);
  const node = child(parent, name, names);
  add(node, sample, names);
  node['x-cite'] = cite;
}

function addRemoved(root, { path, note, type, cite }) {
  const dot = path.lastIndexOf('.');
  const parent = dot < 0 ? root : nodeAt(root, path.slice(0, dot), STATIC_NAMES);
  const name = path.slice(dot + 1);
  if (parent.properties?.[name]) throw new Error(`${path} is in the v3 reference, so it was not removed`);
  parent.properties[name] = { 'x-raw': true, 'x-removed': note, 'x-cite': cite, ...(type ? { 'x-type': type } : {}) };
}

/** Object keys in a stable order, so the committed file only changes when the tree does. */
export function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted(value[k])]),
  );
}

export function generate(referenceText, source = 'static-config.v3.yaml') {
  const reference = parse(referenceText);
  const root = newNode();
  add(root, reference);
  for (const group of EXTRA_KEYS) for (const line of group.keys) addExtra(root, line, group.cite);
  for (const removed of REMOVED) addRemoved(root, removed);
  // Traefik's file loader ignores unknown top-level keys instead of failing.
  root.additionalProperties = true;
  return sorted({
    $id: 'urn:gateway-lens:traefik-static:v3',
    $schema: 'http://json-schema.org/draft-07/schema#',
    description:
      `Traefik v3 static (install) configuration keys as a tree. Names match case-insensitively. ` +
      `Generated by scripts/generate-static-schema.mjs from Traefik's ${source}; do not edit.`,
    ...root,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node scripts/generate-static-schema.mjs <static-config.v3.yaml> <out.json>');
    process.exit(2);
  }
  const schema = generate(readFileSync(input, 'utf8'), basename(input));
  writeFileSync(output, `${JSON.stringify(schema, null, 2)}\n`);
}
