// "Add Service to Gateway" without VS Code: the items offered, the defaults, each input read with
// the core's validation, and the closing message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultPathPrefix,
  doneMessage,
  normalizePathPrefix,
  parseReplicas,
  pathPrefixInputProblem,
  portInputProblem,
  replicasInputProblem,
  serviceItems,
} from '../../../client/src/route/addServiceForm';
import type { AddServiceChoices } from '../../../server/src/protocol';

const choices: AddServiceChoices = {
  services: [
    { name: 'userservice', ports: [8002], routed: true, replicas: 2 },
    { name: 'postgres', ports: [], routed: false },
  ],
  entryPoints: [{ name: 'websecure', address: ':443', routers: 3 }],
  entryPointsKnown: true,
  defaults: { entryPoint: 'websecure', tls: true },
};

test('service items: the existing ones, and a typed new name on top when valid and new', () => {
  const rows = (typed?: string) =>
    serviceItems(choices, typed).map((i) => [i.label, i.description, i.service, i.isNew]);
  assert.deepEqual(rows(), [
    ['userservice', 'port 8002 · has Traefik labels · 2 replicas', 'userservice', false],
    ['postgres', '', 'postgres', false],
  ]);
  assert.deepEqual(rows('searchservice')[0], [
    '$(add) New service "searchservice"',
    'a new block',
    'searchservice',
    true,
  ]);
  assert.equal(rows('userservice').length, 2, 'an existing name is not offered as new');
  assert.equal(rows('bad name!').length, 2, 'an invalid name is not offered');
});

test('path prefix: default from the service name, normalised, validated', () => {
  assert.equal(defaultPathPrefix('searchservice'), '/api/search');
  assert.equal(defaultPathPrefix('social-service'), '/api/social');
  assert.equal(defaultPathPrefix('Frontend'), '/api/frontend');
  assert.equal(defaultPathPrefix('service'), '/api/service');
  const table: [string, string][] = [
    ['api/search', '/api/search'],
    ['/api/search/', '/api/search'],
    [' /x ', '/x'],
    ['/', '/'],
    ['//', '/'],
  ];
  for (const [typed, expected] of table) assert.equal(normalizePathPrefix(typed), expected, typed);
  assert.equal(pathPrefixInputProblem('api/search'), undefined);
  assert.match(pathPrefixInputProblem('/a b') ?? '', /blanks/);
  assert.match(pathPrefixInputProblem('/a`b') ?? '', /quotes/);
});

test('port and replicas: whole numbers in range; empty replicas leave them as they are', () => {
  assert.equal(portInputProblem('8080'), undefined);
  for (const bad of ['', '0', '65536', '80.5', 'eighty', '-1'])
    assert.match(portInputProblem(bad) ?? '', /1 to 65535/, bad);
  assert.equal(replicasInputProblem(''), undefined);
  assert.equal(replicasInputProblem('3'), undefined);
  for (const bad of ['0', '1.5', 'two']) assert.match(replicasInputProblem(bad) ?? '', /at least 1/, bad);
  assert.equal(parseReplicas(' '), undefined);
  assert.equal(parseReplicas('3'), 3);
});

test('the closing message says what was written and what the checks report', () => {
  const request = {
    service: 'searchservice',
    pathPrefix: '/api/search',
    port: 8084,
    strip: true,
    entrypoint: 'websecure',
    tls: true,
    replicas: 2,
  };
  assert.equal(
    doneMessage(request, 0),
    '"searchservice" is behind the gateway at /api/search on websecure (port 8084, /api/search stripped, TLS, 2 replicas). The file checks clean.',
  );
  assert.equal(
    doneMessage({ ...request, strip: false, tls: false, replicas: undefined }, 1),
    '"searchservice" is behind the gateway at /api/search on websecure (port 8084, path kept). Gateway Lens reports 1 problem in the file; see the Problems view.',
  );
});
