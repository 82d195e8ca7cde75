// Traefik's live errors that become diagnostics (source `traefik`): only label-born items with
// errors, disabled ones as errors, and nothing while Traefik does not answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLiveModel } from '../../../live/model';
import { LIVE_KINDS, liveCode, liveProblems, problemsKey } from '../../../live/problems';
import type { ApiMiddleware, ApiRouter, ApiService, ApiState, GatewaySnapshot } from '../../../live/traefik/types';

function model(
  routers: ApiRouter[],
  services: ApiService[] = [],
  middlewares: ApiMiddleware[] = [],
  state: ApiState = { kind: 'connected', url: 'http://127.0.0.1:8080', version: '3.7.9' },
) {
  const snapshot: GatewaySnapshot = {
    state,
    at: 0,
    entryPoints: [],
    http: { routers, services, middlewares },
    tcp: { routers: [], services: [], middlewares: [] },
    udp: { routers: [], services: [] },
  };
  return buildLiveModel(snapshot, []);
}

const broken: ApiRouter = {
  name: 'broken@docker',
  provider: 'docker',
  status: 'disabled',
  error: ['the service "nope@docker" does not exist'],
};

test('which live errors become diagnostics, and how severe', () => {
  const table: { name: string; m: ReturnType<typeof model>; expected: [string, string, string, string[]][] }[] = [
    {
      name: 'disabled docker router: error',
      m: model([broken]),
      expected: [['router', 'broken@docker', 'error', ['the service "nope@docker" does not exist']]],
    },
    {
      name: 'warning router: warning',
      m: model([{ ...broken, name: 'w@docker', status: 'warning', error: ['entry point "x" does not exist'] }]),
      expected: [['router', 'w@docker', 'warning', ['entry point "x" does not exist']]],
    },
    { name: 'file provider: not a label', m: model([{ ...broken, name: 'f@file', provider: 'file' }]), expected: [] },
    { name: 'no errors', m: model([{ ...broken, status: 'enabled', error: undefined }]), expected: [] },
    {
      name: 'swarm service and docker middleware',
      m: model(
        [],
        [{ name: 's@swarm', provider: 'swarm', status: 'disabled', error: ['port is missing'] }],
        [{ name: 'm@docker', provider: 'docker', status: 'warning', error: ['bad regexp'] }],
      ),
      expected: [
        ['service', 's@swarm', 'error', ['port is missing']],
        ['middleware', 'm@docker', 'warning', ['bad regexp']],
      ],
    },
    {
      name: 'Traefik unreachable: no live problems',
      m: model([broken], [], [], { kind: 'unreachable', url: 'http://x', message: 'ECONNREFUSED' }),
      expected: [],
    },
  ];
  for (const row of table) {
    assert.deepEqual(
      liveProblems(row.m).map((p) => [p.kind, p.name, p.severity, p.messages]),
      row.expected,
      row.name,
    );
  }
});

test('the key changes exactly when the problems do', () => {
  const a = problemsKey(liveProblems(model([broken])));
  assert.equal(problemsKey(liveProblems(model([broken]))), a);
  assert.notEqual(problemsKey(liveProblems(model([{ ...broken, error: ['other'] }]))), a);
  assert.notEqual(problemsKey(liveProblems(model([]))), a);
});

test('every kind a live problem can have is a LIVE_KINDS code (docs/codes.md documents each)', () => {
  const all = model(
    [broken],
    [{ name: 's@docker', provider: 'docker', status: 'disabled', error: ['port is missing'] }],
    [{ name: 'm@docker', provider: 'docker', status: 'warning', error: ['bad regexp'] }],
  );
  const kinds = liveProblems(all).map((p) => p.kind);
  assert.deepEqual(kinds, ['router', 'service', 'middleware']);
  for (const kind of kinds) assert.ok(LIVE_KINDS.includes(kind), kind);
  assert.deepEqual(LIVE_KINDS.map(liveCode), ['live-router-error', 'live-service-error', 'live-middleware-error']);
});
