// The live Traefik state in the status bar: connected (version, routers with errors), being
// tried, or why it does not answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLiveModel } from '../../../live/model';
import { traefikStatusView } from '../../../live/statusItem';
import type { ApiRouter, ApiState } from '../../../live/traefik/types';
import { fixture } from '../../support/fakeTraefik';

const url = 'http://127.0.0.1:8080';
const connected: ApiState = { kind: 'connected', url, version: '3.7.9' };

function model(routers: ApiRouter[]) {
  return buildLiveModel(
    {
      state: connected,
      at: 0,
      entryPoints: [],
      http: { routers, services: [], middlewares: [] },
      tcp: { routers: [], services: [], middlewares: [] },
      udp: { routers: [], services: [] },
    },
    [],
    { kind: 'unreachable', host: 'unix:///var/run/docker.sock', message: 'ENOENT' },
  );
}

test('the status item for each Traefik state', () => {
  const clean = fixture<ApiRouter[]>('routers.json').map((r) => ({ ...r, error: undefined }));
  const broken = [...clean, { ...clean[0], name: 'x@docker', status: 'disabled' as const, error: ['boom'] }];
  const cases: [Parameters<typeof traefikStatusView>[0], ApiRouter[], string, string | undefined][] = [
    [{ kind: 'loading', url }, [], '$(loading~spin) Traefik', undefined],
    [connected, clean, '$(plug) Traefik 3.7.9', undefined],
    [connected, broken, '$(warning) Traefik 3.7.9: 1', 'warning'],
    [{ kind: 'unreachable', url, message: 'connect ECONNREFUSED' }, [], '$(debug-disconnect) Traefik', 'warning'],
    [{ kind: 'timeout', url, ms: 5000 }, [], '$(debug-disconnect) Traefik', 'warning'],
    [{ kind: 'unauthorized', url }, [], '$(lock) Traefik: 401', 'warning'],
  ];
  for (const [state, routers, text, background] of cases) {
    const view = traefikStatusView(state, model(routers));
    assert.deepEqual([view.text, view.background], [text, background], JSON.stringify(state));
  }
  assert.match(
    traefikStatusView(connected, model(broken)).tooltip,
    /1 router with errors\nDocker unreachable at unix:/,
  );
  assert.match(traefikStatusView({ kind: 'timeout', url, ms: 5000 }).tooltip, /did not answer within 5000 ms/);
  assert.match(
    traefikStatusView({ kind: 'loading', url }).tooltip,
    /connecting to Traefik's API at http:\/\/127\.0\.0\.1:8080/,
  );
});
