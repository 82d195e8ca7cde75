// `gateway-lens config` on the fixture projects: what Traefik would assemble, per provider, with
// file:line origins (text) and the /api/rawdata shape plus origins (--json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import type { Io } from '../../server/src/cli/command';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

async function config(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    cwd: FIXTURES,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readFile: (f) => readFileSync(f, 'utf8'),
    env: {},
  };
  const status = await main(['config', ...args], io);
  return { status, out, err };
}

const cases: { fixture: string; lines: (string | RegExp)[]; not?: RegExp[] }[] = [
  {
    fixture: 'knock-on',
    lines: [
      /^ {2}app@docker: {2}# knock-on\/docker-compose\.yml:25 disabled \(undefined-middleware: middleware "sso" is defined only by container "auth"/,
      "    priority: 23  # default: the rule's length",
      '        - url: http://app:80',
      /^# {3}container "auth" {2}# knock-on\/docker-compose\.yml:19 invalid-value: /,
    ],
    not: [/sso@docker/, /^ {2}auth@docker/m],
  },
  {
    fixture: 'fileprovider/directory',
    lines: [
      /^ {2}security@file: {2}# fileprovider\/directory\/dynamic\/middlewares\.yml:3$/,
      '      middlewares: [headers, compress]',
      '    compress: {}',
    ],
  },
  {
    fixture: 'fileprovider/toml',
    lines: [/^ {2}legacy@file: {2}# fileprovider\/toml\/dynamic\.toml:\d+$/],
  },
  {
    fixture: 'fileprovider/refused',
    lines: [/^# {3}file \/etc\/traefik\/dynamic\.yml {2}# fileprovider\/refused\/dynamic\.yml:\d+ Traefik refuses it/],
    not: [/auth@file:/],
  },
  {
    fixture: 'static-source-env',
    lines: ['    entryPoints: [web]', /^# note: Not in the configuration: TRAEFIK_HTTP_ROUTERS_API_RULE/],
  },
];

for (const c of cases) {
  test(`config: ${c.fixture} (text)`, async () => {
    const r = await config(`${c.fixture}/docker-compose.yml`);
    assert.equal(r.status, 0, r.err);
    const lines = r.out.split('\n');
    for (const want of c.lines)
      assert.ok(
        lines.some((l) => (typeof want === 'string' ? l === want : want.test(l))),
        `${String(want)} not in\n${r.out}`,
      );
    for (const bad of c.not ?? []) assert.doesNotMatch(r.out, bad);
  });
}

test('config --json: the /api/rawdata shape, origins with file:line:column, absent items with why', async () => {
  const r = await config('--json', 'knock-on/docker-compose.yml');
  assert.equal(r.status, 0, r.err);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read field by field
  const json = JSON.parse(r.out) as Record<string, any>;
  assert.deepEqual(Object.keys(json).sort(), ['gatewayLens', 'routers', 'services']);
  assert.equal(json.routers['app@docker'].status, 'disabled');
  assert.match(json.routers['app@docker'].error[0], /^undefined-middleware: /);
  assert.deepEqual(json.services['app@docker'].usedBy, ['app@docker']);
  assert.deepEqual(json.gatewayLens.origins.routers['app@docker'], {
    file: 'knock-on/docker-compose.yml',
    line: 25,
    column: 30,
  });
  assert.equal(json.gatewayLens.absent[0].what, 'container "auth"');
  assert.equal(json.gatewayLens.defaults.routers['app@docker'].priority, "the rule's length");
});

test('config: no file, and none where it runs, is a usage error', async () => {
  const r = await config();
  assert.equal(r.status, 2);
  assert.match(r.err, /no compose file found/);
});

test('config: the project check reads, with its flags: profiles start their services', async () => {
  const docker = (name: string) => `  ${name}@docker`;
  const routers = async (...args: string[]) =>
    (await config('-f', 'projects/profiles/compose.yaml', ...args)).out.match(/^ {2}[\w-]+@docker(?=:)/gm);
  // Routers, then services: debug's only with its profile active.
  assert.deepEqual(await routers(), ['traefik-profiles', 'web', 'traefik-profiles', 'web-profiles'].map(docker));
  assert.deepEqual(
    await routers('--profile', 'debug'),
    ['traefik-profiles', 'web', 'debug', 'traefik-profiles', 'web-profiles', 'debug-profiles'].map(docker),
  );
});
