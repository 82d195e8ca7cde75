// TCP and UDP in the Gateway view and `gateway-lens live`, and entry point addresses, from
// Traefik's own API fixtures (test/fixtures/traefik-api).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layer4RouterNodes, layer4ServiceNodes } from '../../../live/layer4';
import { buildLiveModel } from '../../../live/model';
import { renderJson, renderText } from '../../../live/render';
import { routerNodes } from '../../../live/tree';
import type { ApiRouter, ApiService, GatewaySnapshot } from '../../../live/traefik/types';
import { fixture } from '../../support/fakeTraefik';

function snapshot(withLayer4: boolean): GatewaySnapshot {
  return {
    state: { kind: 'connected', url: 'http://127.0.0.1:8080', version: '3.7.9' },
    at: 0,
    entryPoints: fixture('entrypoints.json'),
    http: { routers: fixture('routers.json'), services: fixture('services.json'), middlewares: [] },
    tcp: {
      routers: withLayer4 ? fixture<ApiRouter[]>('tcprouters.json') : [],
      services: withLayer4 ? fixture<ApiService[]>('tcpservices.json') : [],
      middlewares: [],
    },
    udp: {
      routers: withLayer4 ? fixture<ApiRouter[]>('udprouters.json') : [],
      services: withLayer4 ? fixture<ApiService[]>('udpservices.json') : [],
    },
  };
}

test('TCP and UDP routers and services get their own groups, with rules, entry points and servers', () => {
  const m = buildLiveModel(snapshot(true), []);
  const routers = layer4RouterNodes(m);
  assert.deepEqual(
    routers.map((g) => [g.label, g.children.map((r) => r.label)]),
    [
      ['TCP routers', fixture<ApiRouter[]>('tcprouters.json').map((r) => r.name)],
      ['UDP routers', fixture<ApiRouter[]>('udprouters.json').map((r) => r.name)],
    ],
  );
  const tcpBar = routers[0].children[0];
  assert.equal(tcpBar.description, 'Host(`foo.bar`) · entry points: web · → foo-service@myprovider');
  assert.deepEqual(tcpBar.ref, { kind: 'router', name: 'bar@myprovider', protocol: 'tcp' });
  assert.equal(routers[1].children[0].description, 'entry points: web · → foo-service@myprovider');
  const services = layer4ServiceNodes(m);
  assert.deepEqual(
    services.map((g) => g.label),
    ['TCP services', 'UDP services'],
  );
  const server = services[0].children[0].children[0];
  assert.deepEqual([server.label, server.description, server.icon], ['127.0.0.1:2345', 'UP', 'pass']);
  assert.equal(services[1].children[0].children[0].description, undefined);
  // No TCP/UDP at all: no empty groups.
  const none = buildLiveModel(snapshot(false), []);
  assert.deepEqual([layer4RouterNodes(none), layer4ServiceNodes(none)], [[], []]);
});

test('entry point rows show their address', () => {
  const m = buildLiveModel(snapshot(false), []);
  const rows = routerNodes(m);
  const web = rows.find((r) => r.label === 'web');
  const address = fixture<{ name: string; address: string }[]>('entrypoints.json').find(
    (e) => e.name === 'web',
  )!.address;
  assert.ok(web?.description?.startsWith(`${address} · `), web?.description);
});

test('gateway-lens live lists TCP and UDP, and entry point addresses', () => {
  const m = buildLiveModel(snapshot(true), []);
  const text = renderText(m);
  for (const title of ['TCP routers', 'TCP services', 'UDP routers', 'UDP services'])
    assert.match(text, new RegExp(`^${title}$`, 'm'));
  assert.match(text, /^ {2}⚠ bar@myprovider {2}Host\(`foo\.bar`\) {2}\[web\] -> foo-service@myprovider$/m);
  assert.match(text, /^ {6}127\.0\.0\.1:2345$/m);
  const json = JSON.parse(renderJson(m));
  assert.equal(json.tcp.routers.length, 3);
  assert.deepEqual(json.udp.services[0].servers, ['127.0.0.1:2345']);
  assert.equal(typeof json.entryPointAddresses.web, 'string');
  assert.doesNotMatch(renderText(buildLiveModel(snapshot(false), [])), /TCP routers/);
});
