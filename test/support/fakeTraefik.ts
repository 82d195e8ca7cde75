// An HTTP server on 127.0.0.1 that answers like Traefik's API (pkg/api):
// lists sorted by name, per_page/page pagination with X-Next-Page, 400/404 bodies as Traefik
// writes them. It can also misbehave on purpose: 401, 500, slow, invalid JSON, huge bodies.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'traefik-api');

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}

export type Mode =
  | 'ok'
  | 'unauthorized'
  | 'error'
  | 'slow'
  | 'invalid-json'
  | 'huge'
  | 'not-traefik'
  /** Every list page says X-Next-Page: page + 1, forever. */
  | 'endless-pages'
  /** Lists answer a 200 MB body, written chunk by chunk while the client reads (chunked, no Content-Length). */
  | 'stream';

export interface FakeState {
  version: string;
  /** Path (e.g. /api/http/routers) -> list of objects with a `name`. */
  lists: Record<string, { name: string }[]>;
  overview: unknown;
  mode: Mode;
  /** For basic auth: the expected `user:password`. */
  credentials?: string;
  /** Authorization headers received, in order. */
  authorizations?: (string | undefined)[];
  slowMs: number;
  requests: string[];
  /** Answers /metrics with this exposition when set (the gateway stand-in's metrics). */
  metrics?: () => string;
}

export function defaultState(): FakeState {
  return {
    version: '3.7.9',
    lists: {
      '/api/entrypoints': fixture('entrypoints.json'),
      '/api/http/routers': fixture('routers.json'),
      '/api/http/services': fixture('services.json'),
      '/api/http/middlewares': fixture('middlewares.json'),
      '/api/tcp/routers': fixture('tcprouters.json'),
      '/api/tcp/services': fixture('tcpservices.json'),
      '/api/tcp/middlewares': fixture('tcpmiddlewares.json'),
      '/api/udp/routers': fixture('udprouters.json'),
      '/api/udp/services': fixture('udpservices.json'),
    },
    overview: fixture('overview-dynamic.json'),
    mode: 'ok',
    slowMs: 2000,
    requests: [],
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Go's http.Error: JSON text, but a text/plain content type and a trailing newline. */
function goError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify({ message }) + '\n');
}

function handle(state: FakeState, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  state.requests.push(url.pathname + url.search);
  state.authorizations?.push(req.headers.authorization);
  if (state.credentials !== undefined) {
    const given = req.headers.authorization?.replace(/^Basic /, '');
    if (given !== Buffer.from(state.credentials).toString('base64')) return goError(res, 401, 'unauthorized');
  }
  switch (state.mode) {
    case 'unauthorized':
      return goError(res, 401, 'unauthorized');
    case 'error':
      return goError(res, 500, 'internal error');
    case 'invalid-json':
      return send(res, 200, '{"Version": "3.7.9", oops');
    case 'not-traefik':
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body>Grafana</body></html>');
    case 'slow':
      setTimeout(() => send(res, 200, { Version: state.version }), state.slowMs).unref();
      return;
    case 'huge':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('[' + '"x",'.repeat(5_000_000) + '"x"]');
    case 'endless-pages':
    case 'stream':
    case 'ok':
      break;
  }
  if (url.pathname === '/metrics' && state.metrics) {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    return void res.end(state.metrics());
  }
  if (url.pathname === '/api/version')
    return send(res, 200, { Version: state.version, Codename: 'test', startDate: '2026-11-28T00:00:00Z' });
  if (url.pathname === '/api/overview') return send(res, 200, state.overview);
  const list = state.lists[url.pathname];
  if (list && state.mode === 'endless-pages') {
    const page = intParam(url, 'page', 1);
    return send(res, 200, [{ name: `r${page}@docker` }], { 'x-next-page': String(page + 1) });
  }
  if (list && state.mode === 'stream') return stream(res, 200 * 2 ** 20);
  if (list) return paginate(res, url, list);
  const slash = url.pathname.lastIndexOf('/');
  const parent = state.lists[url.pathname.slice(0, slash)];
  if (parent) {
    const id = decodeURIComponent(url.pathname.slice(slash + 1));
    const item = parent.find((x) => x.name === id);
    return item ? send(res, 200, item) : goError(res, 404, `not found: ${id}`);
  }
  return goError(res, 404, '404 page not found');
}

function paginate(res: http.ServerResponse, url: URL, list: { name: string }[]): void {
  const perPage = intParam(url, 'per_page', 100);
  const page = intParam(url, 'page', 1);
  if (perPage <= 0) return goError(res, 400, `invalid request: per_page: ${perPage}`);
  if (page <= 0) return goError(res, 400, `invalid request: page: ${page}`);
  const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const start = (page - 1) * perPage;
  if (start >= sorted.length && page !== 1) {
    return goError(res, 400, `invalid request: page: ${page}, per_page: ${perPage}`);
  }
  const next = start + perPage < sorted.length ? page + 1 : 1;
  send(res, 200, sorted.slice(start, start + perPage), { 'x-next-page': String(next) });
}

/** `bytes` of a JSON list, written as fast as the client takes it; stops when it hangs up. */
function stream(res: http.ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.from(
    '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",'.repeat(
      640,
    ),
  );
  let sent = 0;
  res.write('[');
  const more = (): void => {
    while (sent < bytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end('"x"]');
  };
  res.on('close', () => (sent = bytes));
  more();
}

function intParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : 0;
}

export interface FakeTraefik {
  url: string;
  state: FakeState;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeTraefik(state: FakeState = defaultState()): Promise<FakeTraefik> {
  const sockets = new Set<import('net').Socket>();
  // Tests swap `fake.state` wholesale; the handler reads whatever is current.
  const fake = { state } as FakeTraefik;
  const server = http.createServer((req, res) => handle(fake.state, req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}
