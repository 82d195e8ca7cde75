// gatewayLens/traefikConfiguration over stdio: the assembled configuration's text, with each
// file:line a link whose target is the line the item is written on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TraefikConfigurationAnswer } from '../../server/src/protocol';
import { built } from '../support/build';
import { LspClient } from '../support/lspClient';

const COMPOSE = path.resolve(__dirname, '..', 'fixtures', 'knock-on', 'docker-compose.yml');
const uri = pathToFileURL(COMPOSE).toString();
let client: LspClient;

before(async () => {
  client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  await client.initialize(path.dirname(COMPOSE));
  await client.open(uri, 'dockercompose', fs.readFileSync(COMPOSE, 'utf8'));
});

after(async () => {
  await client.stop();
});

test('gatewayLens/traefikConfiguration answers the text and links to where each item is written', async () => {
  const answer = (await client.connection.sendRequest('gatewayLens/traefikConfiguration', {
    uri,
  })) as TraefikConfigurationAnswer;
  assert.deepEqual(answer.notes, []);
  const lines = answer.text.split('\n');
  const compose = fs.readFileSync(COMPOSE, 'utf8').split('\n');
  const app = lines.findIndex((l) => l.startsWith('  app@docker:'));
  assert.ok(app >= 0, answer.text);
  const link = answer.links.find((l) => l.line === app)!;
  assert.equal(lines[app].slice(link.start, link.end), 'docker-compose.yml:25');
  assert.equal(link.target.uri, uri);
  assert.match(compose[link.target.range.start.line], /traefik\.http\.routers\.app\.rule/);
  assert.match(answer.text, /# {3}container "auth" {2}# docker-compose\.yml:19 invalid-value/);
});

test('gatewayLens/traefikConfiguration on a file that is not a compose file answers a note', async () => {
  const answer = (await client.connection.sendRequest('gatewayLens/traefikConfiguration', {
    uri: pathToFileURL(path.resolve(__dirname, 'nothing.yml')).toString(),
  })) as TraefikConfigurationAnswer;
  assert.equal(answer.text, '');
  assert.equal(answer.notes.length, 1);
});
