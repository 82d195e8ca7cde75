// The workspace-trust boundary over stdio, as the extension drives it: started with
// initializationOptions { trusted: false } (VS Code's Restricted Mode), the server does not read
// a traefik.yml the compose file mounts from outside the workspace folder and says so in its
// log; after the gatewayLens/trust notification (the user trusted the workspace) it reads it.
// The extension's own trust module (client/src/trust.ts) sends both here, over a real JSON-RPC
// connection to the real server: only VS Code's workspace (its isTrusted and grant event) is
// played by the test, since vscode-languageclient needs the extension host.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { forwardTrust, trustOptions, type TrustSource } from '../../client/src/trust';
import type { NotificationType } from 'vscode-jsonrpc';
import type { InitializationOptions } from '../../server/src/protocol';
import { built } from '../support/build';
import { LspClient, type Published } from '../support/lspClient';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-trust-')));
const workspace = path.join(root, 'workspace');
const outside = path.join(root, 'outside', 'traefik.yml');
fs.mkdirSync(workspace);
fs.mkdirSync(path.dirname(outside));
// Only the file outside defines entry points: read, it makes the router's "web" undefined.
fs.writeFileSync(outside, 'providers:\n  docker: {}\nentryPoints:\n  websecure:\n    address: ":443"\n');
const COMPOSE = `services:
  traefik:
    image: traefik:v3.4
    command: ["--providers.docker=true"]
    volumes:
      - ${outside}:/etc/traefik/traefik.yml:ro
  app:
    image: traefik/whoami
    labels:
      - "traefik.http.routers.app.rule=Host(\`app.example.com\`)"
      - "traefik.http.routers.app.entrypoints=web"
      - "traefik.http.services.app.loadbalancer.server.port=80"
`;
const file = path.join(workspace, 'docker-compose.yml');
fs.writeFileSync(file, COMPOSE);
const uri = pathToFileURL(file).href;

const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

const entryPointFindings = (p: Published): string[] =>
  p.diagnostics.filter((d) => d.code === 'undefined-entrypoint').map((d) => d.message);

async function started(options: InitializationOptions | undefined): Promise<{ client: LspClient; logs: string[] }> {
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  clients.push(client);
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', (m: { message: string }) => logs.push(m.message));
  await client.initialize(workspace, {}, {}, options);
  return { client, logs };
}

/** VS Code's workspace trust: untrusted until grant() fires onDidGrantWorkspaceTrust. */
function restrictedWorkspace(): TrustSource & { grant(): void } {
  const listeners: (() => void)[] = [];
  const workspace = {
    isTrusted: false,
    onDidGrantWorkspaceTrust: (listener: () => void) => (listeners.push(listener), { dispose: () => undefined }),
    grant: () => {
      workspace.isTrusted = true;
      for (const l of listeners) l();
    },
  };
  return workspace;
}

test('untrusted: the mounted file outside the folder is not read; once trust is granted it is', async () => {
  const workspace = restrictedWorkspace();
  assert.deepEqual(trustOptions(workspace), { trusted: false });
  const { client, logs } = await started(trustOptions(workspace));
  const notifier = {
    isRunning: () => client.process.exitCode === null,
    sendNotification: <P>(type: NotificationType<P>, params?: P) => client.connection.sendNotification(type, params),
  };
  forwardTrust(workspace, notifier);
  const first = client.nextDiagnostics(uri);
  await client.open(uri, 'dockercompose', COMPOSE);
  assert.deepEqual(entryPointFindings(await first), [], 'nothing from the file outside');
  assert.ok(
    logs.some((l) => l.includes(`not reading ${outside}`) && l.includes('Restricted Mode')),
    logs.join('\n'),
  );

  const read = client.nextDiagnostics(uri, (p) => entryPointFindings(p).length > 0);
  workspace.grant();
  const [message] = entryPointFindings(await read);
  assert.match(message, /entry point "web" is not defined: use "websecure"/);
});

test('trust granted while the server is not running sends nothing', () => {
  const workspace = restrictedWorkspace();
  const sent: string[] = [];
  forwardTrust(workspace, { isRunning: () => false, sendNotification: async (type) => void sent.push(type.method) });
  workspace.grant();
  assert.deepEqual(sent, []);
  assert.deepEqual(trustOptions(workspace), { trusted: true });
});

test('a client that says nothing of trust (every editor but VS Code) is trusted: the mount is read', async () => {
  const { client } = await started(undefined);
  const shown = client.nextDiagnostics(uri, (p) => entryPointFindings(p).length > 0);
  await client.open(uri, 'dockercompose', COMPOSE);
  assert.match(entryPointFindings(await shown)[0], /"web"/);
});
