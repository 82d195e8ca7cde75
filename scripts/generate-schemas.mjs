// Generates the JSON Schema (draft-07) of Traefik's docker labels from Traefik's own reference
// list of label keys (docs/content/reference/dynamic-configuration/docker-labels.yml), plus a
// small overlay, each entry cited, for what that list lacks.
//
//   node scripts/generate-schemas.mjs <docker-labels.yml> <out.json> [--version v2|v3]
//
// The schema describes labels as a nested object (traefik -> http -> routers -> <name> -> rule).
// Label values are strings, so every value type is a string `pattern`. Custom keywords:
//   x-type     bool | int | duration | string | list | int-list | enum | enable | port (how to read the value)
//   x-value    schema of the value a node takes itself while also having sub-keys ("allowEmpty" pointers)
//   x-soft     true when Traefik accepts other values without an error (a warning, not an error)
//   x-fallback what Traefik does with a value outside a soft enum
//   x-enum     the values of a case-insensitive enum (validated by `pattern`)
//   x-name     what the user-chosen names of a map are (router, service, middleware, ...)
//   x-raw      anything below is accepted (plugin configuration)
//   x-ignored  Traefik finds the key but never reads it from labels; the text says why
//   x-doc      the Traefik documentation page, relative to the Traefik repository
// Empty values: Traefik reads an empty string, list or enum value as "unset", so consumers should
// accept "" for x-type string, list, int-list, enum and port; bool, int and duration reject it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

// Placeholder names the reference list uses where users choose a name (router0, service03, name1, ...).
const PLACEHOLDER = /^((?:tcp|udp)?(?:router|service|middleware)|name|store|pluginconf)\d+$/;
const LIST_ELEMENT = /^(.+)\[\d+\]$/;
// What the user-chosen names stand for, written as `x-name` on their map.
const NAME_KINDS = { pluginconf: 'plugin' };

// Go strconv.ParseBool; paerser decodes bool labels with it (parser/element_fill.go).
const BOOL = '^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$';
// strconv.ParseInt base 10 (element_fill.go setInt).
const INT = '^[+-]?[0-9]+$';
// paerser types.Duration: a bare integer is seconds, else Go time.ParseDuration (types/duration.go).
const DURATION = '^[+-]?([0-9]+|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
// List items are split on "," and trimmed (element_fill.go makeSlice).
const INT_LIST = '^\\s*[+-]?[0-9]+\\s*(,\\s*[+-]?[0-9]+\\s*)*$';
// A server port: Traefik builds `scheme://ip:port` from it (pkg/provider/docker/config.go addServer)
// and fails the service when Go's url.Parse rejects the URL (pkg/server/service/service.go "error
// parsing server URL"); a number outside 1-65535 cannot be dialled.
const PORT = '^0*([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$';
// allowEmpty pointers: "true" in any case (or empty) enables, any other value disables
// (parser/nodes_metadata.go: Disabled unless strings.EqualFold(value, "true")).
const ENABLE = '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?$';

const TYPE_TEXT = {
  bool: 'Boolean: true or false (also 1/0, t/f, TRUE/FALSE).',
  int: 'Whole number.',
  duration: 'Duration: seconds (10) or a Go duration (10s, 1m30s, 100ms).',
  list: 'Comma-separated list.',
  'int-list': 'Comma-separated list of whole numbers.',
  enable: '`true` (or an empty value) enables it with defaults, `false` disables it; any sub-key also enables it.',
  port: 'Port number from 1 to 65535.',
};

// Label values the reference list types as plain strings that Traefik reads as a port.
const PORTS = ['http', 'tcp', 'udp'].map((p) => `traefik.${p}.services.*.loadbalancer.server.port`);

// Keys Traefik decodes that the reference list omits. Each line is written like a reference line.
const EXTRA_KEYS = [
  {
    versions: ['v2', 'v3'],
    cite: 'pkg/provider/docker/shared_labels.go extractDockerLabels (v2: pkg/provider/docker/label.go getConfiguration)',
    keys: ['traefik.enable=true', 'traefik.docker.network=foobar', 'traefik.docker.lbswarm=true'],
  },
  {
    versions: ['v3'],
    cite: 'pkg/provider/docker/shared_labels.go dockerSpecificConfiguration (v3.6+), extractSwarmLabels',
    keys: ['traefik.docker.allownonrunning=true', 'traefik.swarm.network=foobar', 'traefik.swarm.lbswarm=true'],
  },
  {
    versions: ['v3'],
    cite: 'pkg/config/dynamic/middlewares.go Retry; pkg/config/label/label_test.go',
    keys: [
      'traefik.http.middlewares.middleware0.retry.timeout=42s',
      'traefik.http.middlewares.middleware0.retry.status=foobar, foobar',
      'traefik.http.middlewares.middleware0.retry.maxrequestbodybytes=42',
      'traefik.http.middlewares.middleware0.retry.disableretryonnetworkerror=true',
      'traefik.http.middlewares.middleware0.retry.retrynonidempotentmethod=true',
    ],
  },
  {
    versions: ['v3'],
    since: 'v3.7',
    cite: 'pkg/config/dynamic/middlewares.go ForwardAuth.AuthSigninURL, EncodedCharacters; http_config.go Service.Middlewares',
    keys: [
      'traefik.http.middlewares.middleware0.forwardauth.authsigninurl=foobar',
      ...['slash', 'backslash', 'nullcharacter', 'semicolon', 'percent', 'questionmark', 'hash'].map(
        (c) => `traefik.http.middlewares.middleware0.encodedcharacters.allowencoded${c}=true`,
      ),
      'traefik.http.services.service0.middlewares=foobar, foobar',
    ],
  },
  {
    versions: ['v3'],
    since: 'v3.6',
    cite: 'pkg/config/dynamic/tcp_config.go TCPServersLoadBalancer.HealthCheck, TCPServerHealthCheck',
    keys: [
      'traefik.tcp.services.tcpservice0.loadbalancer.healthcheck=true',
      'traefik.tcp.services.tcpservice0.loadbalancer.healthcheck.port=42',
      'traefik.tcp.services.tcpservice0.loadbalancer.healthcheck.send=foobar',
      'traefik.tcp.services.tcpservice0.loadbalancer.healthcheck.expect=foobar',
      'traefik.tcp.services.tcpservice0.loadbalancer.healthcheck.interval=42s',
      'traefik.tcp.services.tcpservice0.loadbalancer.healthcheck.unhealthyinterval=42s',
      'traefik.tcp.services.tcpservice0.loadbalancer.healthcheck.timeout=42s',
    ],
  },
  {
    versions: ['v2', 'v3'],
    cite: 'pkg/config/dynamic/http_config.go HTTPConfiguration.Models, Model',
    keys: [
      'traefik.http.models.name0.middlewares=foobar, foobar',
      'traefik.http.models.name0.tls=true',
      'traefik.http.models.name0.tls.options=foobar',
      'traefik.http.models.name0.tls.certresolver=foobar',
      'traefik.http.models.name0.tls.domains[0].main=foobar',
      'traefik.http.models.name0.tls.domains[0].sans=foobar, foobar',
    ],
  },
  {
    versions: ['v3'],
    cite: 'pkg/config/dynamic/http_config.go Model.Observability',
    keys: ['accesslogs', 'metrics', 'tracing'].map((k) => `traefik.http.models.name0.observability.${k}=true`),
  },
  {
    versions: ['v3'],
    cite: 'pkg/config/dynamic/http_config.go Model.Observability',
    keys: ['traefik.http.models.name0.observability.traceverbosity=foobar'],
  },
];

// Keys Traefik finds but never reads from labels (struct tag label:"-", or outside the decoded prefixes).
const TRANSPORTS =
  'serversTransports cannot be declared with Docker labels; declare them in the file provider and reference them as `name@file`.';
const IGNORED = [
  {
    versions: ['v2', 'v3'],
    path: 'traefik.http.serverstransports',
    note: TRANSPORTS,
    cite: 'http_config.go HTTPConfiguration',
  },
  { versions: ['v3'], path: 'traefik.tcp.serverstransports', note: TRANSPORTS, cite: 'tcp_config.go TCPConfiguration' },
  {
    versions: ['v3'],
    path: 'traefik.tcp.models',
    note: 'TCP entry point models are not read from labels.',
    cite: 'tcp_config.go TCPConfiguration.Models',
  },
  ...['weighted', 'mirroring', 'failover'].map((kind) => ({
    versions: ['v2', 'v3'],
    path: `traefik.http.services.*.${kind}`,
    note: `Only loadBalancer services can be declared with labels; ${kind} services are read from the file provider only.`,
    cite: 'http_config.go Service',
  })),
  {
    versions: ['v3'],
    path: 'traefik.http.services.*.highestrandomweight',
    note: 'Only loadBalancer services can be declared with labels; highestRandomWeight services are read from the file provider only.',
    cite: 'http_config.go Service',
  },
  ...['tcp', 'udp'].flatMap((protocol) => [
    {
      versions: ['v2', 'v3'],
      path: `traefik.${protocol}.services.*.weighted`,
      note: 'Only loadBalancer services can be declared with labels; weighted services are read from the file provider only.',
      cite: `${protocol}_config.go ${protocol.toUpperCase()}Service`,
    },
    {
      versions: ['v2', 'v3'],
      path: `traefik.${protocol}.services.*.loadbalancer.server.address`,
      note: "The server address is built from the container's IP and `server.port`; labels cannot set it.",
      cite: `${protocol}_config.go ${protocol.toUpperCase()}Server.Address`,
    },
  ]),
  {
    versions: ['v2'],
    path: 'traefik.http.services.*.loadbalancer.server.url',
    note: 'Traefik v2 does not read `server.url` from labels (label-settable from v3.4); use server.port and server.scheme.',
    cite: 'v2.11 http_config.go Server.URL',
  },
  {
    versions: ['v3'],
    path: 'traefik.http.routers.*.parentrefs',
    note: 'Parent routers cannot be set with labels.',
    cite: 'http_config.go Router.ParentRefs',
  },
  {
    versions: ['v3'],
    path: 'traefik.http.services.*.loadbalancer.sticky.cookie.expires',
    note: 'Only the Ingress NGINX provider sets cookie expiry; use `maxage`.',
    cite: 'http_config.go Cookie.Expires',
  },
  {
    versions: ['v3'],
    path: 'traefik.http.middlewares.*.redirectregex.statuscode',
    note: 'Only the Ingress NGINX provider sets the redirect status; use `permanent`.',
    cite: 'middlewares.go RedirectRegex.StatusCode',
  },
  {
    versions: ['v2', 'v3'],
    path: 'traefik.tls.stores.default.defaultcertificate',
    note: 'The default certificate cannot be set with labels; declare it in the file provider.',
    cite: 'pkg/tls/tls.go Store.DefaultCertificate',
  },
  {
    versions: ['v2', 'v3'],
    path: 'traefik.tls.options',
    note: 'TLS options cannot be declared with Docker labels; declare them in the file provider and reference them as `name@file`.',
    cite: 'pkg/config/label/label.go DecodeConfiguration filters; dynamic/config.go TLSConfiguration',
  },
  {
    versions: ['v2', 'v3'],
    path: 'traefik.tls.certificates',
    note: 'TLS certificates cannot be declared with Docker labels; declare them in the file provider.',
    cite: 'pkg/config/label/label.go DecodeConfiguration filters; dynamic/config.go TLSConfiguration',
  },
  {
    versions: ['v2'],
    path: 'traefik.swarm',
    note: 'Traefik v2 has no traefik.swarm.* labels (they belong to the v3 swarm provider); use traefik.docker.network / traefik.docker.lbswarm.',
    cite: 'v2.11 pkg/provider/docker/label.go getConfiguration',
  },
];

// Only the store named `default` is decoded (label.go filter "traefik.tls.stores.default").
const OTHER_STORE = 'Only the TLS store named `default` is read from labels; Traefik ignores this one.';

// Plugin configuration is a free-form map (dynamic/plugins.go PluginConf map[string]any).
const RAW = ['traefik.http.middlewares.*.plugin.*'];

const ENUMS = [
  {
    versions: ['v3'],
    path: 'traefik.http.services.*.loadbalancer.strategy',
    values: ['wrr', 'p2c', 'hrw', 'leasttime'],
    cite: 'pkg/server/service/service.go: other values fail with "unsupported load-balancer strategy"',
  },
  {
    versions: ['v3'],
    path: 'traefik.http.services.*.loadbalancer.healthcheck.mode',
    values: ['http', 'grpc'],
    soft: true,
    fallback: 'runs an HTTP health check for any value other than `grpc`',
    cite: 'pkg/healthcheck/healthcheck.go executeHealthCheck',
  },
  {
    versions: ['v2', 'v3'],
    path: 'traefik.http.services.*.loadbalancer.sticky.cookie.samesite',
    values: ['none', 'lax', 'strict'],
    caseInsensitive: true,
    soft: true,
    fallback: "sends the cookie without a SameSite attribute (the browser's default)",
    cite: 'pkg/server/service/loadbalancer/sticky.go convertSameSite',
  },
  ...['http', 'tcp'].map((protocol) => ({
    versions: ['v3'],
    path: `traefik.${protocol}.routers.*.rulesyntax`,
    values: ['v2', 'v3'],
    soft: true,
    fallback: 'parses the rule with the v3 syntax',
    cite: 'pkg/muxer/http/parser.go SyntaxParser.parse',
  })),
  ...['routers', 'models'].map((kind) => ({
    versions: ['v3'],
    path: `traefik.http.${kind}.*.observability.traceverbosity`,
    values: ['minimal', 'detailed'],
    soft: true,
    fallback: 'traces with minimal verbosity',
    cite: 'pkg/observability/types/tracing.go TracingVerbosity.Allows',
  })),
];

// Short descriptions, keyed by the path after `traefik.<protocol>.` (or the whole path).
const DESCRIPTIONS = {
  traefik: 'Labels Traefik reads from a container.',
  'traefik.enable': "Whether Traefik exposes this container; overrides the provider's exposedByDefault.",
  'traefik.docker': 'Settings of the Docker provider for this container.',
  'traefik.docker.network':
    'Network whose IP Traefik uses to reach the container, by its Docker name (compose prefixes it with the project name).',
  'traefik.docker.lbswarm': 'Swarm: load-balance through the Swarm service VIP instead of the task IPs.',
  'traefik.docker.allownonrunning': 'Keep the container in the configuration while it is not running (Traefik v3.6+).',
  'traefik.swarm': 'Settings of the Swarm provider for this service.',
  'traefik.swarm.network': 'Network whose IP Traefik uses to reach the service.',
  'traefik.swarm.lbswarm': 'Load-balance through the Swarm service VIP instead of the task IPs.',
  'traefik.http': 'HTTP routers, services and middlewares.',
  'traefik.tcp': 'TCP routers, services and middlewares.',
  'traefik.udp': 'UDP routers and services.',
  'traefik.tls': 'TLS settings; labels can only set the default TLS store.',
  'traefik.tls.stores': 'TLS stores by name; labels can only set the `default` store.',
  'traefik.tls.stores.default': 'The default TLS store (Traefik uses no other): its default certificate.',
  'traefik.tls.stores.default.defaultgeneratedcert':
    'Certificate served when no other matches, obtained from a resolver.',
  'traefik.tls.stores.default.defaultgeneratedcert.resolver':
    'Certificate resolver (certificatesResolvers in the static configuration) that obtains the default certificate.',
  'traefik.tls.stores.default.defaultgeneratedcert.domain': 'Domain the default certificate is requested for.',
  'traefik.tls.stores.default.defaultgeneratedcert.domain.main': 'Main domain of the default certificate.',
  'traefik.tls.stores.default.defaultgeneratedcert.domain.sans':
    'Subject alternative names of the default certificate (comma-separated).',
  routers: 'Routers by name.',
  services: 'Services by name.',
  middlewares: 'Middlewares by name.',
  models: 'Entry point models by name (default router settings).',
  'routers.*.rule': 'Matcher expression, e.g. Host(`example.com`) && PathPrefix(`/api`).',
  'routers.*.entrypoints': 'Entry points the router listens on; default: the default entry points.',
  'routers.*.middlewares': 'Middlewares applied in order; `name@provider` for another provider.',
  'routers.*.service': "Service the router forwards to; default: the container's only service.",
  'routers.*.priority': 'Priority among matching routers; 0 or unset means the length of the rule.',
  'routers.*.rulesyntax': 'Rule syntax of this router (deprecated).',
  'routers.*.tls': 'Serve this router over TLS only.',
  'routers.*.tls.certresolver': 'Certificate resolver that obtains the certificates for the router.',
  'routers.*.tls.options': 'TLS options by name (`default` or `name@file`).',
  'routers.*.tls.domains': 'Domains to request certificates for.',
  'routers.*.tls.domains.[].main': 'Main domain of the certificate.',
  'routers.*.tls.domains.[].sans': 'Subject alternative names.',
  'routers.*.tls.passthrough': 'Forward the TLS connection without terminating it.',
  'routers.*.observability': 'Access logs, metrics and tracing for this router.',
  'services.*.loadbalancer': 'Load balancer over the container (one server per container).',
  'services.*.loadbalancer.server': "This container's server.",
  'services.*.loadbalancer.server.port':
    "Container port Traefik sends traffic to; default: the container's lowest exposed port.",
  'services.*.loadbalancer.server.scheme': 'Scheme used to reach the server (http, https, h2c).',
  'services.*.loadbalancer.server.url': 'Full server URL; excludes port and scheme.',
  'services.*.loadbalancer.server.weight': 'Weight of this server.',
  'services.*.loadbalancer.passhostheader': 'Forward the client Host header to the server (default true).',
  'services.*.loadbalancer.healthcheck': 'Active health check of the server.',
  'services.*.loadbalancer.healthcheck.path': 'Path the health check requests on the server.',
  'services.*.loadbalancer.healthcheck.method': 'HTTP method of the health check request (default GET).',
  'services.*.loadbalancer.healthcheck.hostname': 'Host header of the health check request.',
  'services.*.loadbalancer.healthcheck.scheme': "Scheme of the health check request; default: the server's.",
  'services.*.loadbalancer.healthcheck.headers': 'Headers added to the health check request, by name.',
  'services.*.loadbalancer.passivehealthcheck':
    'Passive health check: takes a server out after failed responses to real requests.',
  'services.*.loadbalancer.responseforwarding': 'How the response is forwarded to the client.',
  'services.*.loadbalancer.sticky.cookie.name': 'Name of the sticky cookie; default: a hash of the service name.',
  'services.*.loadbalancer.sticky.cookie.path': 'Path of the sticky cookie (default /).',
  'services.*.loadbalancer.sticky.cookie.domain': 'Domain of the sticky cookie.',
  'services.*.loadbalancer.sticky': 'Sticky sessions; needs `sticky.cookie` to take effect.',
  'services.*.loadbalancer.sticky.cookie': 'Cookie that pins a client to a server.',
  'services.*.loadbalancer.strategy': 'Load-balancing strategy.',
  'services.*.loadbalancer.serverstransport': 'Servers transport by name (declared in the file provider: `name@file`).',
  'services.*.loadbalancer.proxyprotocol': 'Send the PROXY protocol header to the server.',
};
const MIDDLEWARE_DESCRIPTIONS = {
  addprefix: 'Adds a prefix to the request path.',
  basicauth: 'HTTP Basic authentication.',
  buffering: 'Buffers request and response bodies.',
  chain: 'Applies other middlewares in order.',
  circuitbreaker: 'Stops calling an unhealthy service.',
  compress: 'Compresses responses.',
  contenttype: 'Sets or detects the response Content-Type.',
  digestauth: 'HTTP Digest authentication.',
  encodedcharacters: 'Allows encoded characters in the request path.',
  errors: 'Serves error pages from another service.',
  forwardauth: 'Delegates authentication to an external service.',
  grpcweb: 'Translates gRPC-Web requests to gRPC.',
  headers: 'Adds or removes request and response headers.',
  inflightconn: 'Limits simultaneous connections.',
  inflightreq: 'Limits simultaneous requests.',
  ipallowlist: 'Allows requests only from the given IP ranges.',
  ipwhitelist: 'Allows requests only from the given IP ranges (deprecated name of ipallowlist).',
  passtlsclientcert: 'Passes the client certificate to the server in a header.',
  plugin: 'Plugin middlewares by plugin name; the configuration is free-form.',
  ratelimit: 'Limits the request rate.',
  redirectregex: 'Redirects by regular expression.',
  redirectscheme: 'Redirects to another scheme (e.g. http to https).',
  replacepath: 'Replaces the request path.',
  replacepathregex: 'Replaces the request path by regular expression.',
  retry: 'Retries failed requests.',
  stripprefix: 'Removes prefixes from the request path.',
  stripprefixregex: 'Removes prefixes matching regular expressions from the request path.',
};

// ---------------------------------------------------------------------------------------------
// Reading the reference into a tree.

function newNode() {
  return { fields: new Map(), names: undefined, nameKind: undefined, items: undefined, type: undefined };
}

function valueType(value) {
  if (value === 'true') return 'bool';
  if (value === '42') return 'int';
  if (value === '42s') return 'duration';
  if (/^42(, 42)+$/.test(value)) return 'int-list';
  if (value.includes(',')) return 'list';
  return 'string';
}

function addKey(root, line, since) {
  const eq = line.indexOf('=');
  if (eq < 0) throw new Error(`reference line without "=": ${line}`);
  const key = line.slice(0, eq);
  const value = line.slice(eq + 1);
  let node = root;
  for (const segment of key.split('.')) {
    const element = LIST_ELEMENT.exec(segment);
    const name = (element ? element[1] : segment).toLowerCase();
    const placeholder = PLACEHOLDER.exec(name);
    if (placeholder) {
      node.names ??= newNode();
      node.nameKind = NAME_KINDS[placeholder[1]] ?? placeholder[1];
      node = node.names;
    } else {
      if (!node.fields.has(name)) node.fields.set(name, { ...newNode(), since });
      node = node.fields.get(name);
    }
    if (element) {
      node.items ??= newNode();
      node = node.items;
    }
  }
  const type = valueType(value);
  if (node.type && node.type !== type) throw new Error(`conflicting types for ${key}: ${node.type} / ${type}`);
  node.type = type;
}

/** Finds (and with `create`, makes) the node at a dotted path where `*` is a user name and `[]` a list element. */
function nodeAt(root, path, create = false) {
  let node = root;
  for (const part of path.split('.')) {
    if (!node) return undefined;
    if (part === '*') {
      if (!node.names && create) node.names = newNode();
      node = node.names;
    } else if (part === '[]') {
      node = node.items;
    } else {
      if (!node.fields.has(part) && create) node.fields.set(part, newNode());
      node = node.fields.get(part);
    }
  }
  return node;
}

function buildTree(referenceLines, version) {
  const root = newNode();
  for (const line of referenceLines) addKey(root, line);
  for (const extra of EXTRA_KEYS) {
    if (extra.versions.includes(version)) for (const line of extra.keys) addKey(root, line, extra.since);
  }
  const stores = nodeAt(root, 'traefik.tls.stores');
  if (stores?.names) {
    stores.fields.set('default', stores.names);
    stores.names = { ...newNode(), ignored: OTHER_STORE };
    stores.nameKind = 'store';
  }
  for (const raw of RAW) {
    const node = nodeAt(root, raw);
    if (node) Object.assign(node, newNode(), { raw: true });
  }
  for (const ignored of IGNORED) {
    if (!ignored.versions.includes(version)) continue;
    const node = nodeAt(root, ignored.path, true);
    Object.assign(node, newNode(), { ignored: ignored.note });
  }
  for (const port of PORTS) {
    const node = nodeAt(root, port);
    if (node) node.type = 'port';
  }
  for (const e of ENUMS) {
    if (!e.versions.includes(version)) continue;
    // A reference without the key (an older or a trimmed list) simply gets no enum.
    const node = nodeAt(root, e.path);
    if (node) node.enum = e;
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Writing the tree as JSON Schema.

function describe(path) {
  const whole = path.join('.');
  if (DESCRIPTIONS[whole]) return DESCRIPTIONS[whole];
  const local = path.slice(2).join('.');
  if (DESCRIPTIONS[local]) return DESCRIPTIONS[local];
  if (path[2] === 'middlewares' && path.length === 5) return MIDDLEWARE_DESCRIPTIONS[path[4]];
  return undefined;
}

const V3_DOCS = 'docs/content/reference/routing-configuration';
const MIDDLEWARE_PAGES = { errors: 'errorpages', ipwhitelist: 'ipallowlist', plugin: 'overview' };

/** The Traefik documentation page for a path (relative to the Traefik repository), if known. */
function docPage(path, version) {
  const [, protocol, kind, , type] = path;
  const page = MIDDLEWARE_PAGES[type] ?? type;
  if (version === 'v3') {
    if (protocol === 'enable' || protocol === 'docker') return `${V3_DOCS}/other-providers/docker.md`;
    if (protocol === 'swarm') return `${V3_DOCS}/other-providers/swarm.md`;
    if (protocol === 'tls') return `${V3_DOCS}/http/tls/tls-certificates.md`;
    if (protocol === 'http' && kind === 'routers') {
      if (path[4] === 'tls') return `${V3_DOCS}/http/tls/overview.md`;
      if (path[4] === 'observability') return `${V3_DOCS}/http/routing/observability.md`;
      return `${V3_DOCS}/http/routing/router.md`;
    }
    if (protocol === 'http' && kind === 'services') return `${V3_DOCS}/http/load-balancing/service.md`;
    if (protocol === 'http' && kind === 'middlewares' && type) return `${V3_DOCS}/http/middlewares/${page}.md`;
    if (protocol === 'tcp' && kind === 'routers') {
      return path[4] === 'tls' ? `${V3_DOCS}/tcp/tls.md` : `${V3_DOCS}/tcp/routing/router.md`;
    }
    if (protocol === 'tcp' && kind === 'services') return `${V3_DOCS}/tcp/service.md`;
    if (protocol === 'tcp' && kind === 'middlewares' && type) return `${V3_DOCS}/tcp/middlewares/${page}.md`;
    if (protocol === 'udp' && kind === 'routers') return `${V3_DOCS}/udp/routing/router.md`;
    if (protocol === 'udp' && kind === 'services') return `${V3_DOCS}/udp/service.md`;
    return undefined;
  }
  if (protocol === 'enable' || protocol === 'docker') return 'docs/content/routing/providers/docker.md';
  if (protocol === 'tls') return 'docs/content/https/tls.md';
  if (kind === 'routers') return 'docs/content/routing/routers/index.md';
  if (kind === 'services') return 'docs/content/routing/services/index.md';
  if (kind === 'middlewares' && type && protocol !== 'udp') {
    return `docs/content/middlewares/${protocol}/${type === 'errors' ? 'errorpages' : type}.md`;
  }
  return undefined;
}

function caseInsensitive(value) {
  return [...value].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toUpperCase()}${c}]`)).join('');
}

function valueSchema(type, e) {
  if (e) {
    const schema = { type: 'string', 'x-type': 'enum' };
    if (e.caseInsensitive) {
      schema.pattern = `^(${e.values.map(caseInsensitive).join('|')})$`;
      schema['x-enum'] = e.values;
    } else {
      schema.enum = e.values;
    }
    if (e.soft) Object.assign(schema, { 'x-soft': true, 'x-fallback': e.fallback });
    return schema;
  }
  const patterns = { bool: BOOL, int: INT, duration: DURATION, 'int-list': INT_LIST, enable: ENABLE, port: PORT };
  const schema = { type: 'string', 'x-type': type };
  if (patterns[type]) schema.pattern = patterns[type];
  if (type === 'enable') schema['x-soft'] = true;
  return schema;
}

function annotate(schema, path, node, version) {
  const parts = [describe(path)];
  if (node.since) parts.push(`Since Traefik ${node.since}.`);
  if (node.type && !node.enum && !hasChildren(node)) parts.push(TYPE_TEXT[node.type]);
  if (node.enum) parts.push(`One of: ${node.enum.values.join(', ')}.`);
  const description = parts.filter(Boolean).join(' ');
  if (description) schema.description = description;
  const doc = docPage(path, version);
  if (doc) schema['x-doc'] = doc;
  return schema;
}

function hasChildren(node) {
  return node.fields.size > 0 || node.names !== undefined || node.items !== undefined;
}

function emit(node, path, version) {
  if (node.ignored) return annotate({ 'x-ignored': node.ignored }, path, node, version);
  if (node.raw) return annotate({ type: 'object', 'x-raw': true }, path, node, version);
  if (node.items) {
    return annotate({ type: 'array', items: emit(node.items, [...path, '[]'], version) }, path, node, version);
  }
  if (!hasChildren(node)) return annotate(valueSchema(node.type, node.enum), path, node, version);
  const properties = {};
  for (const name of [...node.fields.keys()].sort()) {
    properties[name] = emit(node.fields.get(name), [...path, name], version);
  }
  const schema = { type: 'object', properties };
  // The root `traefik` object also holds keys Traefik never decodes (traefik.constraint-label, ...).
  schema.additionalProperties = node.names ? emit(node.names, [...path, '*'], version) : path.length === 1;
  if (node.nameKind) schema['x-name'] = node.nameKind;
  // A node with sub-keys that takes a value itself: an allowEmpty pointer (paerser parser/element_fill.go).
  if (node.type) {
    const type = node.type === 'bool' ? 'enable' : node.type;
    schema['x-value'] = { ...valueSchema(type), description: TYPE_TEXT[type] };
  }
  return annotate(schema, path, node, version);
}

/** Recursively sorts object keys so the output is byte-for-byte stable. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted(value[k])]),
  );
}

export function buildSchema(referenceText, version) {
  const lines = parse(referenceText);
  if (!Array.isArray(lines) || lines.some((l) => typeof l !== 'string')) {
    throw new Error('expected a YAML list of "key=value" strings');
  }
  const root = buildTree(lines, version);
  const traefik = root.fields.get('traefik');
  if (!traefik || root.fields.size !== 1 || root.names) throw new Error('every reference key must start with traefik.');
  return sorted({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `urn:gateway-lens:traefik-labels:${version}`,
    title: `Traefik ${version} Docker labels`,
    description:
      `Traefik ${version} Docker labels as a nested object: the key traefik.http.routers.api.rule is the path ` +
      'traefik > http > routers > api > rule, and values are the raw label strings. Field names match ' +
      'case-insensitively; which keys Traefik decodes at all depends on their prefix (pkg/config/label/label.go). ' +
      "Generated by scripts/generate-schemas.mjs from Traefik's docker-labels.yml; do not edit.",
    type: 'object',
    properties: { traefik: emit(traefik, ['traefik'], version) },
  });
}

function main(args) {
  const flag = args.indexOf('--version');
  const files = flag < 0 ? args : args.filter((_, i) => i !== flag && i !== flag + 1);
  if (files.length !== 2) {
    console.error('usage: generate-schemas.mjs <docker-labels.yml> <out.json> [--version v2|v3]');
    process.exit(2);
  }
  // Without --version, the version is read from the file names (docker-labels.v2.yml).
  const named = files.map((f) => /\.(v[23])\./.exec(basename(f))?.[1]).find(Boolean);
  const version = flag >= 0 ? args[flag + 1] : (named ?? 'v3');
  if (version !== 'v2' && version !== 'v3') throw new Error(`unknown version ${version}`);
  const schema = buildSchema(readFileSync(files[0], 'utf8'), version);
  writeFileSync(files[1], JSON.stringify(schema, null, 2) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
