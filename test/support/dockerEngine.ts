// Starts a real Docker engine for the tests (Debian's dockerd): its own data root in a temp folder, no bridge and no iptables so no container
// can reach any network, and a busybox image made with `docker import` (nothing is pulled).
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const TEST_IMAGE = 'gateway-lens-test/busybox:latest';

/** A compose service `api` on the test image that sleeps, with no network, routed by Traefik labels. */
export const SLEEPING_API = `  api:
    image: ${TEST_IMAGE}
    command: ["sleep", "600"]
    network_mode: none
    stop_grace_period: 1s
    labels:
      - traefik.enable=true
      - traefik.http.routers.api.rule=PathPrefix(\`/api\`)
      - traefik.http.services.api.loadbalancer.server.port=8080
`;

export interface Engine {
  host: string;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const full = path.join(dir, name);
    if (fs.existsSync(full)) return full;
  }
  return undefined;
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

export async function startEngine(): Promise<Engine> {
  const dockerd = which('dockerd');
  const busybox = which('busybox') ?? (fs.existsSync('/bin/busybox') ? '/bin/busybox' : undefined);
  if (!dockerd || !busybox || !which('docker')) {
    throw new Error(
      'Docker engine tests need dockerd, docker and busybox (apt-get install docker.io docker-compose busybox-static; .ci/run does this)',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-engine-'));
  const socket = path.join(dir, 'docker.sock');
  const log = fs.openSync(path.join(dir, 'dockerd.log'), 'w');
  const child: ChildProcess = spawn(
    dockerd,
    [
      '--host',
      `unix://${socket}`,
      '--data-root',
      path.join(dir, 'data'),
      '--exec-root',
      path.join(dir, 'exec'),
      '--pidfile',
      path.join(dir, 'docker.pid'),
      '--bridge=none',
      '--iptables=false',
      '--ip-forward=false',
      '--ip-masq=false',
    ],
    { stdio: ['ignore', log, log] },
  );
  const host = `unix://${socket}`;
  const env = { ...process.env, DOCKER_HOST: host };
  const ping = (): boolean => {
    try {
      execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { env, stdio: 'ignore', timeout: 5000 });
      return true;
    } catch {
      return false;
    }
  };
  try {
    await waitFor(() => child.exitCode === null && fs.existsSync(socket) && ping(), 60_000, 'dockerd to answer');
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(
      `${(err as Error).message}\n${fs.readFileSync(path.join(dir, 'dockerd.log'), 'utf8').slice(-2000)}`,
    );
  }
  const root = path.join(dir, 'image');
  fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
  fs.copyFileSync(busybox, path.join(root, 'bin', 'busybox'));
  fs.chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
  for (const tool of ['sh', 'sleep', 'true']) fs.symlinkSync('busybox', path.join(root, 'bin', tool));
  const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 64 * 2 ** 20 });
  execFileSync('docker', ['import', '-', TEST_IMAGE], { env, input: tar, stdio: ['pipe', 'ignore', 'inherit'] });
  return {
    host,
    env,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
