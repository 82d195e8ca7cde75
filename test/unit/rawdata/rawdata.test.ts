// The configuration Traefik would assemble (analysis/rawdata): names with @provider, Traefik's
// defaults filled in, what it drops left out with why; table-driven on compose snippets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, exactJson, rawData, rawDataJson, rawDataText, type RawData } from '../../../server/src/analysis';
import { DIR, listMounted, yaml } from '../../helpers';

function assemble(text: string, mounted: Record<string, string> = {}): RawData {
  const project = new Analyzer().project({
    files: [{ file: `${DIR}/docker-compose.yml`, text }],
    readFile: (p) => mounted[p],
    listDir: (d) => listMounted(mounted, d),
  });
  return rawData(project);
}

const TRAEFIK = yaml`
  traefik:
    image: traefik:v3.1
    command:
      - --providers.docker.exposedByDefault=false
      - --entrypoints.web.address=:80
      - --entrypoints.websecure.address=:443
      - --entrypoints.dns.address=:53/udp
      - --providers.file.filename=/etc/traefik/dynamic.yml
    volumes:
      - ./dynamic.yml:/etc/traefik/dynamic.yml:ro
`;

const project = (apps: string) => `services:\n${TRAEFIK.replace(/^/gm, '  ')}\n${apps}`;

const APP = yaml`
  app:
    image: traefik/whoami
    labels:
      - traefik.enable=true
      - traefik.http.routers.app.rule=Host(\`a.example\`)
      - traefik.http.routers.app.middlewares=auth@file
      - traefik.http.services.app.loadbalancer.server.port=8080
`.replace(/^/gm, '  ');

const DYNAMIC =
  'http:\n  middlewares:\n    auth:\n      basicAuth:\n        users: ["u:p"]\n  routers:\n    legacy:\n      rule: PathPrefix(`/old`)\n      service: app@docker\n';

interface Case {
  name: string;
  text: string;
  mounted?: Record<string, string>;
  /** section -> name -> the fields expected (a subset of what is built). */
  expect: Record<string, Record<string, unknown>>;
  /** Names that must not be there. */
  absentNames?: string[];
  absent?: RegExp[];
}

const cases: Case[] = [
  {
    name: 'labels: @docker names, default entry points (not the UDP one), priority, service and server URL',
    text: project(APP),
    mounted: { [`${DIR}/dynamic.yml`]: DYNAMIC },
    expect: {
      routers: {
        'app@docker': {
          rule: 'Host(`a.example`)',
          entryPoints: ['web', 'websecure'],
          priority: 17,
          service: 'app',
          middlewares: ['auth@file'],
        },
        'legacy@file': {
          rule: 'PathPrefix(`/old`)',
          service: 'app@docker',
          priority: 18,
          entryPoints: ['web', 'websecure'],
        },
      },
      services: {
        'app@docker': {
          loadBalancer: {
            servers: [{ url: 'http://app:8080' }],
            passHostHeader: true,
            responseForwarding: { flushInterval: '100ms' },
          },
        },
        'noop@internal': {},
      },
      middlewares: { 'auth@file': { basicAuth: { users: ['u:p'] } } },
    },
    absentNames: ['traefik-project@docker'],
  },
  {
    name: 'field names as Traefik writes them, typed values, an explicit priority kept, tls=true is {}',
    text: project(
      yaml`
        app:
          image: traefik/whoami
          labels:
            - traefik.enable=true
            - traefik.http.routers.app.rule=Host(\`a.example\`)
            - traefik.http.routers.app.entrypoints=websecure
            - traefik.http.routers.app.priority=5
            - traefik.http.routers.app.tls=true
            - traefik.http.services.app.loadbalancer.passhostheader=false
            - traefik.http.services.app.loadbalancer.server.scheme=https
            - traefik.http.middlewares.strip.stripprefix.prefixes=/a,/b
      `.replace(/^/gm, '  '),
    ),
    expect: {
      routers: { 'app@docker': { entryPoints: ['websecure'], priority: 5, tls: {} } },
      services: { 'app@docker': { loadBalancer: { passHostHeader: false, servers: [{ url: 'https://app:80' }] } } },
      middlewares: { 'strip@docker': { stripPrefix: { prefixes: ['/a', '/b'] } } },
    },
  },
  {
    name: 'TCP and UDP: address servers, the UDP router on every UDP entry point',
    text: project(
      yaml`
        db:
          image: postgres:16
          expose: ['5432']
          labels:
            - traefik.enable=true
            - traefik.tcp.routers.db.rule=HostSNI(\`*\`)
            - traefik.tcp.routers.db.entrypoints=websecure
            - traefik.udp.routers.dns.service=dns
            - traefik.udp.services.dns.loadbalancer.server.port=53
      `.replace(/^/gm, '  '),
    ),
    expect: {
      tcpRouters: { 'db@docker': { rule: 'HostSNI(`*`)', priority: -1 } },
      tcpServices: { 'db-project@docker': { loadBalancer: { servers: [{ address: 'db:5432' }] } } },
      udpRouters: { 'dns@docker': { entryPoints: ['dns'], service: 'dns' } },
      udpServices: { 'dns@docker': { loadBalancer: { servers: [{ address: 'db:53' }] } } },
    },
  },
  {
    name: 'a container Traefik drops is absent, with the finding that drops it',
    text: project(`${APP.trimEnd()}\n      - traefik.http.services.app.loadbalancer.passhostheader=yes\n`),
    mounted: { [`${DIR}/dynamic.yml`]: DYNAMIC },
    expect: { middlewares: { 'auth@file': {} } },
    absentNames: ['app@docker'],
    absent: [/^container "app": invalid-value: /],
  },
  {
    name: '--providers.docker=false: no container is routed by default; a labelled one is absent, with why',
    // paerser disables a section whose own value is not "true", whatever its children say.
    text: yaml`
      services:
        traefik:
          image: traefik:v3.4
          command: [--providers.file.directory=/x, --providers.docker=false, --providers.docker.exposedbydefault=false, --entrypoints.web.address=:80]
        db:
          image: postgres:16
        app:
          image: nginx
          labels:
            - traefik.http.routers.app.rule=Host(\`x\`)
    `,
    expect: {},
    absentNames: ['db@docker', 'db-project@docker', 'traefik@docker', 'app@docker'],
    absent: [/^container "app": Traefik reads no container labels: .*neither the docker nor the swarm provider/],
  },
  {
    name: 'exposedByDefault=false: a labelled container without traefik.enable is absent, with why',
    text: project(APP.replace('      - traefik.enable=true\n', '')),
    mounted: { [`${DIR}/dynamic.yml`]: DYNAMIC },
    expect: {},
    absentNames: ['app@docker'],
    absent: [/^container "app": Traefik ignores it: exposedByDefault=false and no traefik.enable=true$/],
  },
  {
    name: 'a refused file is absent, with why; its names are gone',
    text: project(APP),
    mounted: { [`${DIR}/dynamic.yml`]: `${DYNAMIC}  bad: [\n` },
    expect: { routers: { 'app@docker': { status: 'disabled' } } },
    absentNames: ['auth@file', 'legacy@file'],
    absent: [/^file \/etc\/traefik\/dynamic\.yml: Traefik refuses it/],
  },
  {
    name: "the API and dashboard: Traefik's internal routers, middlewares and services",
    text: yaml`
      services:
        traefik:
          image: traefik:v3.1
          command: [--api.insecure=true, --providers.docker, --entrypoints.web.address=:80, --entrypoints.web.http.redirections.entrypoint.to=websecure, --entrypoints.websecure.address=:443]
    `,
    expect: {
      routers: {
        'api@internal': { entryPoints: ['traefik'], service: 'api@internal', rule: 'PathPrefix(`/api`)' },
        'dashboard@internal': { middlewares: ['dashboard_redirect@internal', 'dashboard_stripprefix@internal'] },
        'web-to-websecure@internal': {
          entryPoints: ['web'],
          service: 'noop@internal',
          middlewares: ['redirect-web-to-websecure'],
        },
      },
      middlewares: {
        'redirect-web-to-websecure@internal': { redirectScheme: { scheme: 'https', port: '443', permanent: true } },
      },
      services: { 'api@internal': {}, 'dashboard@internal': {}, 'noop@internal': {} },
    },
  },
];

function subset(actual: unknown, expected: unknown, where: string): void {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    assert.ok(actual && typeof actual === 'object', `${where}: missing`);
    for (const [k, v] of Object.entries(expected)) subset((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
  } else assert.deepEqual(actual, expected, where);
}

for (const c of cases) {
  test(`rawdata: ${c.name}`, () => {
    const data = assemble(c.text, c.mounted);
    for (const [section, entries] of Object.entries(c.expect)) {
      for (const [name, want] of Object.entries(entries)) {
        const entry = data.sections[section as keyof RawData['sections']].get(name);
        assert.ok(
          entry,
          `${section} ${name} missing; have ${[...data.sections[section as keyof RawData['sections']].keys()].join(', ')}`,
        );
        const { status, ...fields } = want as Record<string, unknown>;
        if (status) assert.equal(entry.status, status);
        subset(entry.config, fields, `${section}.${name}`);
      }
    }
    const all = Object.values(data.sections).flatMap((m) => [...m.keys()]);
    for (const name of c.absentNames ?? []) assert.ok(!all.includes(name), `${name} should be absent`);
    const why = data.absent.map((a) => `${a.what}: ${a.why}`);
    assert.equal(why.length, (c.absent ?? []).length, why.join('\n'));
    (c.absent ?? []).forEach((re, i) => assert.match(why[i], re));
  });
}

test('rawdata: defaults are marked with why, and usedBy lists the routers', () => {
  const data = assemble(project(APP), { [`${DIR}/dynamic.yml`]: DYNAMIC });
  const router = data.sections.routers.get('app@docker')!;
  assert.deepEqual(Object.keys(router.defaults).sort(), ['entryPoints', 'priority', 'service']);
  assert.equal(router.defaults.priority, "the rule's length");
  assert.deepEqual(data.sections.middlewares.get('auth@file')!.usedBy, ['app@docker']);
  assert.deepEqual(data.sections.services.get('app@docker')!.usedBy, ['app@docker', 'legacy@file']);
});

test('rawdata: every prefix of a label line assembles without throwing', () => {
  const full = project(APP);
  const at = full.indexOf('traefik.http.routers.app.middlewares');
  for (let end = at; end <= full.indexOf('\n', at); end++) {
    const text = full.slice(0, end) + full.slice(full.indexOf('\n', at));
    assert.doesNotThrow(() => assemble(text), `prefix ${end - at}`);
  }
});

const API = yaml`
  services:
    traefik:
      image: traefik:v3.1
      command: [--api.insecure=true, --providers.docker]
`;

test("rawdata: Traefik's own priorities near 2^63 are written digit for digit, in JSON and text", () => {
  const data = assemble(API);
  const place = { shown: (f: string) => f, position: () => ({ line: 1, column: 1 }) };
  const json = exactJson(rawDataJson(data, place));
  assert.match(json, /"priority": 9223372036854775806,/);
  assert.match(json, /"priority": 9223372036854775805,/);
  const { text, links } = rawDataText(data, place);
  assert.match(text, /^ {4}priority: 9223372036854775806$/m);
  // Every link spans the file:line written on its line.
  const lines = text.split('\n');
  assert.ok(links.length > 0);
  for (const l of links) assert.equal(lines[l.line].slice(l.start, l.end), `${l.file}:1`);
});
