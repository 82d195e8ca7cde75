// gatewayLens/project over stdio: the text "Gateway Lens: Show Compose Project" opens, for a
// compose file of the seed's split gateway (base, override, included monitoring stack, .env),
// with the open editors' unsaved text, and a problem (not an error) for other files.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProjectRequest } from '../../server/src/protocol';
import { built, ROOT } from '../support/build';
import { LspClient } from '../support/lspClient';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-project-lsp-'));
fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'projects', 'gateway-split'), dir, { recursive: true });
const client = new LspClient(process.execPath, [built('server.js'), '--stdio'], ROOT);

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test(
  'gatewayLens/project describes the project of an open compose file, and refuses other files',
  { timeout: 60_000 },
  async () => {
    await client.initialize(dir);
    const override = path.join(dir, 'compose.override.yaml');
    const uri = pathToFileURL(override).href;
    const text = fs.readFileSync(override, 'utf8');
    await client.open(uri, 'dockercompose', text);
    const answer = await client.connection.sendRequest(ProjectRequest, { uri });
    assert.ok('text' in answer, JSON.stringify(answer));
    const lines = answer.text.split('\n');
    for (const line of [
      'Project musicshare (from the top-level name: of the compose files)',
      '  compose.yaml  (a compose file in this folder)',
      '  monitoring/compose.yaml  (included by compose.yaml)',
      '  compose.override.yaml  (an override file in this folder)',
      "  .env  (the project's env file: 1 set)",
      '  traefik  (compose.yaml + compose.override.yaml)',
      '  grafana  (monitoring/compose.yaml)',
      '  backend_net  -> backend_net',
    ])
      assert.ok(lines.includes(line), `${line}\n${answer.text}`);
    assert.ok(!answer.text.includes('process environment'), answer.text);

    // An unsaved service in the override is part of the project the editor shows.
    await client.change(uri, 2, `${text}  whoami:\n    image: traefik/whoami\n    profiles: [debug]\n`);
    const edited = await client.connection.sendRequest(ProjectRequest, { uri });
    assert.ok('text' in edited, JSON.stringify(edited));
    assert.ok(
      edited.text.split('\n').includes('  whoami  (compose.override.yaml, not started: profile debug is not active)'),
      edited.text,
    );

    const readme = pathToFileURL(path.join(dir, 'README.md')).href;
    const refused = await client.connection.sendRequest(ProjectRequest, { uri: readme });
    assert.ok('problem' in refused, JSON.stringify(refused));
    const broken = await client.connection.sendRequest(ProjectRequest.method, {});
    assert.ok(typeof broken === 'object' && broken !== null && 'problem' in broken, JSON.stringify(broken));
  },
);
