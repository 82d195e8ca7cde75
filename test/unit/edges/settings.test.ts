// settings.ts: whatever settings.json holds becomes usable Settings and analysis options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisOptions, DEFAULT_SETTINGS, readSettings, SettingsCache } from '../../../server/src/settings';

test('settings are read defensively', () => {
  const cases: [unknown, unknown][] = [
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['x', DEFAULT_SETTINGS],
    [
      { files: 'stack.yml', traefik: [], externalMiddlewares: [1, null, ' ', 'auth'] },
      { ...DEFAULT_SETTINGS, externalMiddlewares: ['auth'] },
    ],
    [
      {
        files: ['stack-*.yml'],
        traefik: { staticConfig: ' traefik/traefik.yml ', version: 'v2' },
        externalServices: ['api'],
      },
      {
        files: ['stack-*.yml'],
        traefik: { staticConfig: 'traefik/traefik.yml', version: 'v2' },
        externalMiddlewares: [],
        externalServices: ['api'],
        check: 'workspace',
        compose: { profiles: [] },
      },
    ],
    [{ compose: { profiles: ['debug', 2, ''] } }, { ...DEFAULT_SETTINGS, compose: { profiles: ['debug'] } }],
    [{ compose: 'debug' }, DEFAULT_SETTINGS],
    [{ check: 'openFiles' }, { ...DEFAULT_SETTINGS, check: 'openFiles' }],
    [{ check: 'all' }, DEFAULT_SETTINGS],
    [{ traefik: { version: 'v9', staticConfig: 3 } }, DEFAULT_SETTINGS],
  ];
  for (const [raw, expected] of cases) assert.deepEqual(readSettings(raw), expected, JSON.stringify(raw));
});

test('analysis options: a version only when one is forced', () => {
  assert.deepEqual(analysisOptions(DEFAULT_SETTINGS), { externalMiddlewares: [], externalServices: [] });
  const v3 = readSettings({ traefik: { version: 'v3' }, externalServices: ['s'] });
  assert.deepEqual(analysisOptions(v3), {
    externalMiddlewares: [],
    externalServices: ['s'],
    version: 'v3',
    versionSource: 'the gatewayLens.traefik.version setting',
  });
});

test('settings are fetched once per scope until cleared; a failing fetch gives the defaults', async () => {
  const asked: (string | undefined)[] = [];
  const cache = new SettingsCache(async (scope) => {
    asked.push(scope);
    if (scope === 'file:///bad') throw new Error('no');
    return { files: [scope ?? 'global'] };
  });
  assert.deepEqual((await cache.get('file:///a')).files, ['file:///a']);
  await cache.get('file:///a');
  assert.deepEqual((await cache.get()).files, ['global']);
  assert.deepEqual(await cache.get('file:///bad'), DEFAULT_SETTINGS);
  assert.deepEqual(asked, ['file:///a', undefined, 'file:///bad']);
  cache.clear();
  await cache.get('file:///a');
  assert.equal(asked.length, 4);
});
