// Ports that well-known images EXPOSE in their Dockerfile. Traefik's port detection sees them
// (it reads the container's exposed ports), while the compose file does not show them.
const EXPOSED: Record<string, number[]> = {
  'traefik/whoami': [80],
  'containous/whoami': [80],
  'emilevauge/whoami': [80],
  // Traefik's own image: `EXPOSE 80` (the Dockerfile at the root of github.com/traefik/traefik).
  traefik: [80],
  nginx: [80],
  'nginxinc/nginx-unprivileged': [8080],
  httpd: [80],
  caddy: [80, 443, 2019],
  'grafana/grafana': [3000],
  'grafana/grafana-oss': [3000],
  'prom/prometheus': [9090],
  'prom/alertmanager': [9093],
  'prom/node-exporter': [9100],
  adminer: [8080],
  'phpmyadmin/phpmyadmin': [80],
  phpmyadmin: [80],
  'dpage/pgadmin4': [80, 443],
  nextcloud: [80],
  wordpress: [80],
  'gitea/gitea': [22, 3000],
  'portainer/portainer-ce': [8000, 9000, 9443],
  'jellyfin/jellyfin': [8096],
  'vaultwarden/server': [80],
  'n8nio/n8n': [5678],
  'docker.n8n.io/n8nio/n8n': [5678],
  'authelia/authelia': [9091],
  'thomseddon/traefik-forward-auth': [4181],
  'matrixdotorg/synapse': [8008, 8009, 8448],
  'vectorim/element-web': [80],
  'louislam/uptime-kuma': [3001],
  // Base images that EXPOSE nothing (their Docker Official Images Dockerfiles): a service built
  // FROM them exposes only what its own Dockerfile adds.
  alpine: [],
  busybox: [],
  debian: [],
  ubuntu: [],
  node: [],
  python: [],
  golang: [],
  ruby: [],
  rust: [],
  'eclipse-temurin': [],
  openjdk: [],
  'gcr.io/distroless/static': [],
  'gcr.io/distroless/base': [],
};

/** The image's EXPOSEd ports when we know them: `nginx:1.27-alpine` -> [80]. */
export function exposedByImage(image: string | undefined): number[] | undefined {
  if (!image) return undefined;
  return EXPOSED[imageName(image)];
}

/** The repository without registry prefix, tag or digest: `docker.io/library/redis:7@sha256:…` -> `redis`. */
export function imageName(image: string): string {
  let name = image.trim().split('@')[0];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) name = name.slice(0, colon);
  return name.replace(/^(docker\.io\/|index\.docker\.io\/)?(library\/)?/, '');
}

/**
 * Servers that speak their own protocol, not HTTP, on their well-known port (each image's
 * Docker Official Images Dockerfile EXPOSEs it): an HTTP router sending requests there gets no
 * HTTP answer.
 */
export const NON_HTTP_PORTS: Readonly<Record<string, { port: number; protocol: string }>> = {
  postgres: { port: 5432, protocol: 'PostgreSQL' },
  'postgis/postgis': { port: 5432, protocol: 'PostgreSQL' },
  mysql: { port: 3306, protocol: 'MySQL' },
  mariadb: { port: 3306, protocol: 'MySQL' },
  redis: { port: 6379, protocol: 'Redis' },
  'valkey/valkey': { port: 6379, protocol: 'Redis' },
  mongo: { port: 27017, protocol: 'MongoDB' },
};

/**
 * Images built FROM scratch: no shell and no other program than their own, so a compose
 * healthcheck running wget, curl or a shell command fails (traefik/whoami's Dockerfile is
 * `FROM scratch` with the whoami binary alone; distroless static has no shell).
 */
export const FROM_SCRATCH: ReadonlySet<string> = new Set([
  'traefik/whoami',
  'containous/whoami',
  'emilevauge/whoami',
  'gcr.io/distroless/static',
  'gcr.io/distroless/static-debian12',
]);
