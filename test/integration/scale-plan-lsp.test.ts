// gatewayLens/scalePlan over the real language server (stdio, real JSON-RPC client): the server
// reads the compose files a running project names (its -f set, override files merged), so the
// extension parses none. Refusals name the cause; outside the workspace in Restricted Mode the
// server reads nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ScalePlanRequest, type ScalePlanParams } from '../../server/src/protocol';
import { built } from '../support/build';
import { LspClient } from '../support/lspClient';

const BASE = `services:
  api:
    image: api
  pinned:
    image: pinned
    container_name: shop_pinned
`;
const OVERRIDE = `services:
  api:
    ports:
      - "8443:443"
`;

const clients: LspClient[] = [];
let dir: string;
let outside: string;
let base: string;
let override: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-scaleplan-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-scaleplan-out-'));
  base = path.join(dir, 'docker-compose.yml');
  override = path.join(dir, 'docker-compose.prod.yml');
  fs.writeFileSync(base, BASE);
  fs.writeFileSync(override, OVERRIDE);
  fs.writeFileSync(path.join(outside, 'docker-compose.yml'), BASE);
});

after(async () => {
  for (const c of clients) await c.stop();
  for (const d of [dir, outside]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

async function started(trusted: boolean): Promise<LspClient> {
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  clients.push(client);
  await client.initialize(dir, {}, {}, { trusted });
  return client;
}

const params = (over: Partial<ScalePlanParams>): ScalePlanParams => ({
  project: 'shop',
  service: 'api',
  configFiles: [base, override],
  workingDir: dir,
  replicas: 3,
  max: 10,
  ...over,
});

test('the plan: the -f set, the project directory, and the warnings of the merged service', async () => {
  const client = await started(true);
  const table: { name: string; p: Partial<ScalePlanParams>; expect: unknown }[] = [
    {
      name: 'override file adds a fixed port',
      p: {},
      expect: {
        files: [base, override],
        projectDirectory: dir,
        project: 'shop',
        service: 'api',
        warnings: ['Host port 8443 is fixed: only one replica can bind it; the others will fail to start.'],
      },
    },
    {
      name: 'base file alone',
      p: { configFiles: [base] },
      expect: { files: [base], projectDirectory: dir, project: 'shop', service: 'api', warnings: [] },
    },
    {
      name: 'container_name',
      p: { service: 'pinned' },
      expect: {
        refuse:
          '"pinned" sets container_name "shop_pinned"; compose cannot run two containers with one name. Remove container_name to scale it.',
      },
    },
    {
      name: 'not defined in the files',
      p: { service: 'ghost' },
      expect: {
        refuse: `"ghost" was started from ${base}, ${override}, but it is not defined there; scaling it through compose would fail.`,
      },
    },
    {
      name: 'files gone',
      p: { configFiles: [path.join(dir, 'gone.yml')] },
      expect: {
        refuse: `"api" was started from ${path.join(dir, 'gone.yml')}, but none of them could be read; scaling it through compose would fail.`,
      },
    },
    { name: 'no files named', p: { configFiles: [] }, expect: { refuse: /do not name their compose files/ } },
  ];
  for (const row of table) {
    const answer = await client.connection.sendRequest(ScalePlanRequest, params(row.p));
    if (row.expect && typeof row.expect === 'object' && 'refuse' in row.expect && row.expect.refuse instanceof RegExp) {
      assert.match(answer.refuse ?? '', row.expect.refuse, row.name);
    } else {
      assert.deepEqual(answer, row.expect, row.name);
    }
  }
});

test('Restricted Mode: a compose file outside the workspace folders is not read', async () => {
  const untrusted = await started(false);
  const file = path.join(outside, 'docker-compose.yml');
  const answer = await untrusted.connection.sendRequest(ScalePlanRequest, params({ configFiles: [file] }));
  assert.match(answer.refuse ?? '', /none of them could be read/);
  const inside = await untrusted.connection.sendRequest(ScalePlanRequest, params({ configFiles: [base] }));
  assert.equal(inside.refuse, undefined);
  const trusted = await started(true);
  assert.equal(
    (await trusted.connection.sendRequest(ScalePlanRequest, params({ configFiles: [file] }))).refuse,
    undefined,
  );
});

test('a half-formed request is answered, never thrown', async () => {
  const client = await started(true);
  const broken = { project: 'shop', service: 'api', replicas: 2, max: 10 } as unknown as ScalePlanParams;
  const answer = await client.connection.sendRequest(ScalePlanRequest, broken);
  assert.match(answer.refuse ?? '', /do not name their compose files/);
});
