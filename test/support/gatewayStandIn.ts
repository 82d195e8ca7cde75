// A gateway played on 127.0.0.1 for the tests, since Traefik cannot run here: an entry point
// that round-robins requests over local replica servers (weight 0 or DOWN servers get none, as
// in Traefik's weighted round robin and health checks), Traefik's API answered by the fake
// (test/support/fakeTraefik.ts) with these routers and services, /metrics with Traefik's names
// and label sets (pkg/observability/metrics/prometheus.go), and access-log lines in Traefik's
// common and JSON formats (pkg/middlewares/accesslog/logger_formatters.go, logdata.go).
// Everything listens on 127.0.0.1 and stops with close().
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { ApiEntryPoint, ApiRouter, ApiService } from '../../live/traefik/types';
import { defaultState, startFakeTraefik, type FakeTraefik } from './fakeTraefik';

export interface StandInOptions {
  replicas?: number;
  /** Indexes of replicas with weight 0: listed, UP, never chosen. */
  starved?: number[];
  /** Indexes of replicas DOWN in the health check: never chosen. */
  down?: number[];
  router?: string;
  service?: string;
  rule?: string;
  /** The path prefix the stand-in routes on (what `rule` says). */
  pathPrefix?: string;
  commonLog?: string;
  jsonLog?: string;
  /** metrics.prometheus.addRoutersLabels (Traefik's default is off). */
  routerMetrics?: boolean;
  /** Extra latency per answer, ms. */
  latencyMs?: number;
}

export interface Replica {
  name: string;
  url: string;
  served: number;
}

export interface StandIn {
  gatewayPort: number;
  api: FakeTraefik;
  replicas: Replica[];
  /** Requests that reached the entry point (also /metrics' counters). */
  requests: number;
  close(): Promise<void>;
}

const BUCKETS = [0.1, 0.3, 1.2, 5];

class Metrics {
  private counters = new Map<string, number>();
  private histograms = new Map<string, number[]>();

  observe(level: string, labels: Record<string, string>, seconds: number): void {
    const key = `${level}|${Object.entries(labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
    const h = this.histograms.get(key) ?? [...BUCKETS.map(() => 0), 0, 0];
    BUCKETS.forEach((b, i) => (h[i] += seconds <= b ? 1 : 0));
    h[BUCKETS.length] += seconds;
    h[BUCKETS.length + 1] += 1;
    this.histograms.set(key, h);
  }

  text(openConnections: number): string {
    const out = [
      '# HELP traefik_open_connections How many open connections exist, by entryPoint and protocol',
      '# TYPE traefik_open_connections gauge',
      `traefik_open_connections{entrypoint="web",protocol="TCP"} ${openConnections}`,
    ];
    for (const level of ['entrypoint', 'router', 'service']) {
      const mine = [...this.counters].filter(([k]) => k.startsWith(`${level}|`));
      if (!mine.length) continue;
      out.push(`# TYPE traefik_${level}_requests_total counter`);
      for (const [k, v] of mine) out.push(`traefik_${level}_requests_total{${k.split('|')[1]}} ${v}`);
      out.push(`# TYPE traefik_${level}_request_duration_seconds histogram`);
      for (const [k] of mine) {
        const labels = k.split('|')[1];
        const h = this.histograms.get(k)!;
        BUCKETS.forEach((b, i) =>
          out.push(`traefik_${level}_request_duration_seconds_bucket{${labels},le="${b}"} ${h[i]}`),
        );
        out.push(`traefik_${level}_request_duration_seconds_bucket{${labels},le="+Inf"} ${h[BUCKETS.length + 1]}`);
        out.push(`traefik_${level}_request_duration_seconds_sum{${labels}} ${h[BUCKETS.length]}`);
        out.push(`traefik_${level}_request_duration_seconds_count{${labels}} ${h[BUCKETS.length + 1]}`);
      }
    }
    return out.join('\n') + '\n';
  }
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** `02/Jan/2006:15:04:05 -0700` in UTC. */
function clfTime(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const count = options.replicas ?? 3;
  const router = options.router ?? 'users@docker';
  const service = options.service ?? 'users@docker';
  const prefix = options.pathPrefix ?? '/api/users';
  const servers: http.Server[] = [];
  const replicas: Replica[] = [];
  for (let i = 0; i < count; i++) {
    const name = `replica-${i + 1}`;
    const server = http.createServer((req, res) => {
      const answer = () => {
        res.writeHead(200, { 'content-type': 'text/plain', 'x-replica': name });
        res.end(`Hostname: ${name}\n`);
      };
      if (options.latencyMs) setTimeout(answer, options.latencyMs);
      else answer();
    });
    servers.push(server);
    replicas.push({ name, url: `http://127.0.0.1:${await listen(server)}`, served: 0 });
  }
  const eligible = replicas.filter((_, i) => !options.starved?.includes(i) && !options.down?.includes(i));
  const metrics = new Metrics();
  let next = 0;
  let requestCount = 0;
  let open = 0;
  const standIn = { replicas, requests: 0 } as StandIn;
  const log = (line: string, file: string | undefined) => file && fs.appendFileSync(file, line + '\n');
  const gateway = http.createServer((req, res) => {
    open++;
    const started = new Date();
    const t0 = process.hrtime.bigint();
    const path = req.url ?? '/';
    standIn.requests++;
    requestCount++;
    const matched =
      path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || path.startsWith(`${prefix}?`);
    const target = matched && eligible.length ? eligible[next++ % eligible.length] : undefined;
    const done = (status: number, size: number) => {
      open--;
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const base = { code: String(status), method: req.method ?? 'GET', protocol: 'http' };
      metrics.observe('entrypoint', { ...base, entrypoint: 'web' }, seconds);
      if (target) {
        if (options.routerMetrics) metrics.observe('router', { ...base, router, service }, seconds);
        metrics.observe('service', { ...base, service }, seconds);
      }
      const ua = req.headers['user-agent'] ?? '-';
      const ms = Math.round(seconds * 1000);
      log(
        `127.0.0.1 - - [${clfTime(started)}] "${req.method} ${path} HTTP/${req.httpVersion}" ${status} ${size} "-" "${ua}" ${requestCount} "${target ? router : '-'}" "${target?.url ?? '-'}" ${ms}ms`,
        options.commonLog,
      );
      log(
        JSON.stringify({
          ClientHost: '127.0.0.1',
          DownstreamContentSize: size,
          DownstreamStatus: status,
          Duration: Math.round(seconds * 1e9),
          OriginStatus: target ? status : 0,
          RequestCount: requestCount,
          RequestHost: req.headers.host ?? '',
          RequestMethod: req.method,
          RequestPath: path,
          RequestProtocol: `HTTP/${req.httpVersion}`,
          RouterName: target ? router : undefined,
          ServiceAddr: target ? new URL(target.url).host : undefined,
          ServiceName: target ? service : undefined,
          ServiceURL: target?.url,
          StartUTC: started.toISOString(),
          entryPointName: 'web',
          level: 'info',
          msg: '',
          time: new Date().toISOString(),
        }),
        options.jsonLog,
      );
    };
    if (!target) {
      const body = '404 page not found\n';
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
      return done(404, body.length);
    }
    target.served++;
    const upstream = http.request(target.url + path, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      let size = 0;
      answer.on('data', (c: Buffer) => {
        size += c.length;
        res.write(c);
      });
      answer.on('end', () => {
        res.end();
        done(answer.statusCode ?? 502, size);
      });
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end('Bad Gateway');
      done(502, 11);
    });
    req.pipe(upstream);
  });
  const gatewayPort = await listen(gateway);
  const state = defaultState();
  const api = await startFakeTraefik(state);
  const apiPort = Number(new URL(api.url).port);
  const serverStatus: Record<string, 'UP' | 'DOWN'> = Object.fromEntries(
    replicas.map((r, i) => [r.url, options.down?.includes(i) ? 'DOWN' : 'UP']),
  );
  const entryPoints: ApiEntryPoint[] = [
    { name: 'traefik', address: `:${apiPort}` },
    { name: 'web', address: `:${gatewayPort}` },
  ];
  const routers: ApiRouter[] = [
    {
      name: router,
      provider: 'docker',
      status: 'enabled',
      rule: options.rule ?? `PathPrefix(\`${prefix}\`)`,
      service: service.split('@')[0],
      entryPoints: ['web'],
      using: ['web'],
    },
  ];
  const services: ApiService[] = [
    {
      name: service,
      provider: 'docker',
      status: 'enabled',
      type: 'loadbalancer',
      loadBalancer: {
        servers: replicas.map((r, i) => ({ url: r.url, ...(options.starved?.includes(i) ? { weight: 0 } : {}) })),
        passHostHeader: true,
      },
      serverStatus,
      usedBy: [router],
    },
  ];
  state.lists['/api/entrypoints'] = entryPoints;
  state.lists['/api/http/routers'] = routers;
  state.lists['/api/http/services'] = services;
  state.lists['/api/http/middlewares'] = [];
  state.metrics = () => metrics.text(open);
  return Object.assign(standIn, {
    gatewayPort,
    api,
    close: async () => {
      await api.close();
      await Promise.all(
        [gateway, ...servers].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  });
}
