// A middleware another project of the workspace folder defines settles the app's
// undefined-middleware, in the editor as in `gateway-lens check` there (one Docker host: Traefik's
// docker provider reads every container's labels, pkg/provider/docker/pdocker.go). Trial6 min-7:
// auth/ defines authelia, app/ uses authelia@docker. The real server over stdio.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from '../support/build';
import { LspClient, type Published } from '../support/lspClient';

const AUTH = `services:
  authelia:
    image: authelia/authelia
    networks: [proxy]
    labels:
      - traefik.enable=true
      - traefik.http.middlewares.authelia.forwardAuth.address=http://authelia:9091/api/verify
      - traefik.http.services.authelia.loadbalancer.server.port=9091
networks:
  proxy:
    external: true
`;
const APP = `services:
  nginx:
    image: nginx
    networks: [proxy]
    labels:
      - traefik.enable=true
      - traefik.http.routers.nginx.rule=Host(\`nginx.example.com\`)
      - traefik.http.routers.nginx.middlewares=authelia@docker
networks:
  proxy:
    external: true
`;

const dirs: string[] = [];
const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const codes = (p: Published): string[] => p.diagnostics.map((d) => String(d.code));

test('openFiles: app/ opened alone, its middleware defined by auth/: quiet, and re-checked when auth/ changes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-others-'));
  dirs.push(dir);
  for (const [file, text] of [
    ['auth/docker-compose.yaml', AUTH],
    ['app/docker-compose.yaml', APP],
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const client = new LspClient(process.execPath, [built('server.js'), '--stdio']);
  clients.push(client);
  client.settings = { gatewayLens: { check: 'openFiles' } };
  await client.initialize(dir);
  const app = pathToFileURL(path.join(dir, 'app/docker-compose.yaml')).href;
  const first = client.nextDiagnostics(app);
  await client.open(app, 'dockercompose', APP);
  assert.deepEqual(codes(await first), []);

  // auth/ renames its middleware: app/'s reference is now undefined.
  const auth = pathToFileURL(path.join(dir, 'auth/docker-compose.yaml')).href;
  const warned = client.nextDiagnostics(app, (p) => codes(p).includes('undefined-middleware'));
  await client.open(auth, 'dockercompose', AUTH);
  await client.change(auth, 2, AUTH.replace('middlewares.authelia.', 'middlewares.authelia2.'));
  await warned;
});
