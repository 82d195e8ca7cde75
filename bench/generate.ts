// Generates compose files of N services behind one Traefik with a realistic label mix
// (routers, stripprefix middlewares, ports, health checks, sticky cookies) and a few planted
// mistakes of each finding code, for `npm run bench`.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

const TRAEFIK = `  traefik:
    image: traefik:v3.7
    command:
      - --providers.docker.exposedbydefault=false
      - --entrypoints.web.address=:80
      - --entrypoints.websecure.address=:443
      - --api.insecure=true
    ports:
      - "80:80"
      - "443:443"
      - "8080:8080"
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
    networks:
      - backend_net
`;

/** One routed service; `mistake` plants one finding of a given kind. */
function service(i: number, mistake: string | undefined): string {
  const name = `svc${String(i).padStart(4, '0')}`;
  const prefix = `/api/${name}`;
  const labels = [
    `traefik.enable=true`,
    `traefik.http.routers.${name}.rule=PathPrefix(\`${prefix}\`)`,
    `traefik.http.routers.${name}.entrypoints=${mistake === 'entrypoint' ? 'websecur' : 'websecure'}`,
    `traefik.http.routers.${name}.tls=true`,
    `traefik.http.routers.${name}.middlewares=${mistake === 'middleware' ? `${name}-strip` : `${name}-stripprefix`}`,
    `traefik.http.middlewares.${name}-stripprefix.stripprefix.prefixes=${prefix}`,
    `traefik.http.services.${name}.loadbalancer.server.port=${mistake === 'value' ? 'http' : 8000 + (i % 1000)}`,
    `traefik.http.services.${name}.loadbalancer.healthcheck.path=/health`,
    `traefik.http.services.${name}.loadbalancer.healthcheck.interval=10s`,
  ];
  if (i % 3 === 0) {
    labels.push(`traefik.http.services.${name}.loadbalancer.sticky.cookie=true`);
    labels.push(`traefik.http.services.${name}.loadbalancer.sticky.cookie.name=${name}_session`);
  }
  if (mistake === 'key') labels.push(`traefik.http.routers.${name}.rulle=PathPrefix(\`${prefix}\`)`);
  if (mistake === 'rule') labels[1] = `traefik.http.routers.${name}.rule=Host(\`a.example.com\`, \`b.example.com\`)`;
  const lines = [
    `  ${name}:`,
    `    image: registry.example.com/${name}:1.${i % 10}`,
    ...(mistake === 'scale' ? [`    container_name: ${name}`] : []),
    `    environment:`,
    `      PORT: "${8000 + (i % 1000)}"`,
    `    networks:`,
    `      - backend_net`,
    `    deploy:`,
    `      replicas: 2`,
    `      resources:`,
    `        limits:`,
    `          cpus: '0.5'`,
    `          memory: 512M`,
    `    labels:`,
    ...labels.map((l) => `      - "${l}"`),
  ];
  return lines.join('\n') + '\n';
}

const MISTAKES = ['entrypoint', 'middleware', 'value', 'key', 'rule', 'scale'];

export function composeFile(count: number): string {
  let out = 'services:\n' + TRAEFIK;
  for (let i = 0; i < count; i++) {
    // One mistake of each kind every 50 services (and at least one each in small files).
    const slot = count <= 50 ? i : i % 50;
    out += service(i, slot < MISTAKES.length ? MISTAKES[slot] : undefined);
  }
  out += 'networks:\n  backend_net: {}\n';
  return out;
}

export function generate(dir: string, sizes: number[]): Record<number, string> {
  mkdirSync(dir, { recursive: true });
  const files: Record<number, string> = {};
  for (const n of sizes) {
    const sub = join(dir, `services-${n}`);
    mkdirSync(sub, { recursive: true });
    const file = join(sub, 'docker-compose.yml');
    writeFileSync(file, composeFile(n));
    files[n] = file;
  }
  return files;
}
