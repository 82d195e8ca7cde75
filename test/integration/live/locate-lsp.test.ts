// gatewayLens/locate over the real language server (stdio, real JSON-RPC client): files that
// are not open are read from disk, the project name narrows the search, and names from other
// providers find nothing. Reveal in Compose File and live diagnostics use this request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LocateRequest, type LocateParams, type RouteLocation } from '../../../server/src/protocol';
import { built } from '../../support/build';
import { LspClient } from '../../support/lspClient';

const SHOP = `services:
  users:
    image: users
    labels:
      - traefik.http.routers.users.rule=PathPrefix(\`/api/users\`)
      - traefik.http.services.users.loadbalancer.server.port=8002
`;
const BLOG = `name: blog
services:
  users:
    image: blog-users
    labels:
      - traefik.http.routers.users.rule=PathPrefix(\`/blog/users\`)
`;

let client: LspClient;
let dir: string;
let shop: string;
let blog: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-locate-'));
  fs.mkdirSync(path.join(dir, 'shop'));
  fs.mkdirSync(path.join(dir, 'blog'));
  shop = path.join(dir, 'shop', 'docker-compose.yml');
  blog = path.join(dir, 'blog', 'compose.yaml');
  fs.writeFileSync(shop, SHOP);
  fs.writeFileSync(blog, BLOG);
  client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  await client.initialize(dir);
});

after(async () => {
  await client?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function locate(params: Omit<LocateParams, 'files'>, files = [shop, blog]): Promise<RouteLocation[]> {
  return client.connection.sendRequest(LocateRequest, {
    ...params,
    files: files.map((f) => pathToFileURL(f).href),
  });
}

/** The text a location covers, read back from the file. */
function slice(l: RouteLocation): string {
  const lines = fs.readFileSync(new URL(l.uri), 'utf8').split('\n');
  assert.equal(l.range.start.line, l.range.end.line);
  return lines[l.range.start.line].slice(l.range.start.character, l.range.end.character);
}

test('a router defined in two projects: both, or the named project only', async () => {
  const both = await locate({ name: 'users@docker', kind: 'router' });
  assert.deepEqual(both.map((l) => [path.basename(path.dirname(new URL(l.uri).pathname)), slice(l)]).sort(), [
    ['blog', 'users'],
    ['shop', 'users'],
  ]);
  const blogOnly = await locate({ name: 'users@docker', kind: 'router', project: 'blog' });
  assert.deepEqual(
    blogOnly.map((l) => l.uri),
    [pathToFileURL(blog).href],
  );
  // A project name no searched folder has: search them all rather than find nothing.
  assert.equal((await locate({ name: 'users@docker', kind: 'router', project: 'elsewhere' })).length, 2);
});

test('services, compose services, and names Gateway Lens cannot find', async () => {
  const table: [Omit<LocateParams, 'files'>, string[]][] = [
    [{ name: 'users@docker', kind: 'service' }, ['users']],
    [{ name: 'users', kind: 'composeService', project: 'shop' }, ['users']],
    [{ name: 'users@file', kind: 'router' }, []],
    [{ name: 'missing@docker', kind: 'middleware' }, []],
  ];
  for (const [params, expected] of table) {
    assert.deepEqual((await locate(params, [shop])).map(slice), expected, JSON.stringify(params));
  }
  assert.deepEqual(await locate({ name: 'users@docker', kind: 'router' }, []), []);
});
