// "Add Service to Gateway": consistent labels in the file's style, and the result checks clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addServiceToGateway,
  gatewayRequestProblem,
  type GatewayRequest,
} from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { apply, FILE, findings, projectOf, summary } from './helpers';

const gateway = yaml`
  name: musicshare

  services:
    traefik:
      image: traefik:v3.7
      command:
        - --providers.docker.exposedByDefault=false
        - --entrypoints.web.address=:80
        - --entrypoints.websecure.address=:443
      networks:
        - backend_net

    userservice:
      build: ./userservice
      networks:
        - backend_net
      labels:
        - "traefik.enable=true"
        - "traefik.http.routers.userservice.rule=PathPrefix(\`/api/users\`)"
        - "traefik.http.routers.userservice.entrypoints=websecure"
        - "traefik.http.services.userservice.loadbalancer.server.port=8002"

  networks:
    backend_net:
      name: backend_net
`;

const request: GatewayRequest = {
  service: 'searchservice',
  pathPrefix: '/api/search',
  port: 8084,
  strip: true,
  entrypoint: 'websecure',
  tls: true,
  replicas: 2,
};

function added(text: string, req: GatewayRequest): string {
  const after = apply(text, addServiceToGateway(projectOf(text), FILE, req));
  // Clean: whatever was reported before, nothing more.
  const before = summary(text, findings(text));
  for (const f of summary(after, findings(after))) assert.ok(before.includes(f), `new finding: ${f}`);
  assert.equal(projectOf(after).files[0].problems.length, 0);
  return after;
}

test('a new service: a whole block after the last one, network shared with the routed services', () => {
  const after = added(gateway, request);
  const block = [
    '',
    '  searchservice:',
    // The routed service is built from its folder: the new one follows that convention.
    '    build: ./searchservice',
    '    networks:',
    '      - backend_net',
    '    deploy:',
    '      replicas: 2',
    '    labels:',
    '      - "traefik.enable=true"',
    '      - "traefik.http.routers.searchservice.rule=PathPrefix(`/api/search`)"',
    '      - "traefik.http.routers.searchservice.entrypoints=websecure"',
    '      - "traefik.http.routers.searchservice.tls=true"',
    '      - "traefik.http.routers.searchservice.middlewares=searchservice-stripprefix"',
    '      - "traefik.http.middlewares.searchservice-stripprefix.stripprefix.prefixes=/api/search"',
    '      - "traefik.http.services.searchservice.loadbalancer.server.port=8084"',
  ];
  const last = 'loadbalancer.server.port=8002"';
  assert.equal(after, gateway.replace(last, [last, ...block].join('\n')));
});

test('a new service: image placeholder when the routed services use images; the guess is marked for the cursor', () => {
  const text = gateway.replace('build: ./userservice', 'image: example/userservice:1');
  const [edit, ...more] = addServiceToGateway(projectOf(text), FILE, request);
  assert.equal(more.length, 0);
  assert.ok(edit.select);
  assert.equal(edit.newText.slice(edit.select.start, edit.select.end), 'searchservice:latest');
  const built = addServiceToGateway(projectOf(gateway), FILE, request)[0];
  assert.equal(built.newText.slice(built.select!.start, built.select!.end), './searchservice');
});

test('an existing service without labels: a labels block in the map style of the file, no strip', () => {
  const text = yaml`
    services:
      web:
        image: nginx
        labels:
          traefik.enable: "true"
          traefik.http.routers.web.rule: PathPrefix(\`/\`)
      search:
        image: search
  `;
  const after = added(text, {
    ...request,
    service: 'search',
    replicas: undefined,
    strip: false,
    tls: false,
    entrypoint: 'web',
  });
  assert.equal(
    after,
    text.replace(/\n$/, '') +
      '\n    labels:\n      traefik.enable: "true"\n      traefik.http.routers.search.rule: PathPrefix(`/api/search`)\n      traefik.http.routers.search.entrypoints: web\n      traefik.http.services.search.loadbalancer.server.port: "8084"\n',
  );
});

test('an existing service with labels, a container_name and more replicas', () => {
  const text = yaml`
    services:
      search:
        image: search
        container_name: musicshare-search
        labels:
          - traefik.http.routers.search.entrypoints=web
        restart: unless-stopped
  `;
  const after = added(text, { ...request, service: 'search', replicas: 3 });
  assert.equal(
    after,
    yaml`
      services:
        search:
          image: search
          labels:
            - traefik.enable=true
            - traefik.http.routers.search.entrypoints=websecure
            - traefik.http.routers.search.rule=PathPrefix(\`/api/search\`)
            - traefik.http.routers.search.tls=true
            - traefik.http.routers.search.middlewares=search-stripprefix
            - traefik.http.middlewares.search-stripprefix.stripprefix.prefixes=/api/search
            - traefik.http.services.search.loadbalancer.server.port=8084
          restart: unless-stopped
          deploy:
            replicas: 3
    `,
  );
});

test('names another service already uses get one suffix for all three', () => {
  const text = yaml`
    services:
      old:
        image: x
        labels:
          - traefik.http.routers.search.rule=Path(\`/old\`)
          - traefik.http.services.old.loadbalancer.server.port=80
  `;
  const after = added(text, { ...request, replicas: undefined });
  assert.ok(after.includes('traefik.http.routers.searchservice.rule'), 'searchservice is free');
  const clash = added(text, { ...request, service: 'search', replicas: undefined });
  assert.ok(clash.includes('traefik.http.routers.search-2.middlewares=search-2-stripprefix'));
  assert.ok(clash.includes('traefik.http.services.search-2.loadbalancer.server.port=8084'));
});

test('CRLF files get CRLF lines', () => {
  const text = gateway.replace(/\n/g, '\r\n');
  const after = added(text, request);
  assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
});

test('requests that cannot be written are refused with a reason', () => {
  const bad: [Partial<GatewayRequest>, RegExp][] = [
    [{ service: 'bad name' }, /compose service name/],
    [{ pathPrefix: 'api' }, /start with "\/"/],
    [{ pathPrefix: '/a`b' }, /quotes/],
    [{ port: 70000 }, /port/],
    [{ entrypoint: 'a,b' }, /entry point/],
    [{ replicas: 0 }, /Replicas/],
  ];
  for (const [patch, message] of bad) {
    const req = { ...request, ...patch };
    assert.match(gatewayRequestProblem(req) ?? '', message);
    assert.throws(() => addServiceToGateway(projectOf(gateway), FILE, req), message);
  }
  assert.equal(gatewayRequestProblem(request), undefined);
});
