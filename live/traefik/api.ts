// Client for Traefik's read-only API: follows pagination, bounds time, pages and bytes (per
// answer and per snapshot: a server that answers X-Next-Page forever, or 200 MB, is stopped and
// shown as a state), backs off while Traefik is unreachable, and turns every failure into an
// ApiState. Credentials in the URL (http://user:pass@host) are sent, never shown. No UI here.
import * as http from 'http';
import * as https from 'https';
import type {
  ApiEntryPoint,
  ApiMiddleware,
  ApiOverview,
  ApiRouter,
  ApiService,
  ApiState,
  ApiVersion,
  GatewaySnapshot,
} from './types';
import { errorMessage } from '../../server/src/analysis/errors';

export interface ApiOptions {
  /** e.g. http://localhost:8080 (an api.basePath is kept: http://host/traefik). */
  baseUrl: string;
  username?: string;
  password?: string;
  timeoutMs?: number;
  /** One answer larger than this is refused (protects the extension host). */
  maxBytes?: number;
  /** Every answer of one snapshot together. */
  maxTotalBytes?: number;
  perPage?: number;
  /** Pages read of one list (at perPage items each). */
  maxPages?: number;
}

/** Traefik pages lists 100 items at a time by default (pkg/api/handler.go defaultPerPage). */
const PER_PAGE = 100;
/** 10,000 routers (or services, ...) per list: beyond any gateway Gateway Lens draws. */
const MAX_PAGES = 100;
const MAX_ANSWER_BYTES = 16 * 2 ** 20;
const MAX_SNAPSHOT_BYTES = 64 * 2 ** 20;

/** The URL as shown: without the user and password it may carry. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url.replace(/\/+$/, '');
    u.username = '';
    u.password = '';
    return u.href.replace(/\/+$/, '');
  } catch {
    // Not a URL: still never show what could be a user:password@ part.
    return url.replace(/\/\/[^/@\s]*@/, '//').replace(/\/+$/, '');
  }
}

class ApiFailure extends Error {
  constructor(readonly state: ApiState) {
    super(state.kind);
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const BACKOFF_MAX_MS = 60_000;

export class TraefikApi {
  private failures = 0;
  private retryAt = 0;
  /** Bytes read by the snapshot in progress. */
  private spent = 0;

  constructor(private readonly options: ApiOptions) {}

  /** The API's URL as shown in states and messages (no credentials). */
  get url(): string {
    return shownUrl(this.options.baseUrl);
  }

  /** The URL requested, credentials and all. */
  private get target(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  /** Milliseconds until the next automatic attempt is due (0 = now). Manual refreshes ignore it. */
  backoffRemaining(now = Date.now()): number {
    return Math.max(0, this.retryAt - now);
  }

  /** Reads everything the Gateway view shows. Never rejects. */
  async snapshot(): Promise<GatewaySnapshot> {
    const empty: GatewaySnapshot = {
      state: { kind: 'unreachable', url: this.url, message: 'not asked yet' },
      at: Date.now(),
      entryPoints: [],
      http: { routers: [], services: [], middlewares: [] },
      tcp: { routers: [], services: [], middlewares: [] },
      udp: { routers: [], services: [] },
    };
    this.spent = 0;
    try {
      const version = await this.getJson<ApiVersion>('/api/version');
      if (!version || typeof version.Version !== 'string') {
        throw new ApiFailure({ kind: 'not-traefik', url: this.url, message: '/api/version has no "Version"' });
      }
      const [overview, entryPoints, routers, services, middlewares] = await Promise.all([
        this.getJson<ApiOverview>('/api/overview'),
        this.list<ApiEntryPoint>('/api/entrypoints'),
        this.list<ApiRouter>('/api/http/routers'),
        this.list<ApiService>('/api/http/services'),
        this.list<ApiMiddleware>('/api/http/middlewares'),
      ]);
      const [tcpRouters, tcpServices, tcpMiddlewares, udpRouters, udpServices] = await Promise.all([
        this.list<ApiRouter>('/api/tcp/routers'),
        this.list<ApiService>('/api/tcp/services'),
        this.list<ApiMiddleware>('/api/tcp/middlewares', true),
        this.list<ApiRouter>('/api/udp/routers'),
        this.list<ApiService>('/api/udp/services'),
      ]);
      this.failures = 0;
      this.retryAt = 0;
      return {
        state: { kind: 'connected', url: this.url, version: version.Version },
        at: Date.now(),
        version,
        overview,
        entryPoints,
        http: { routers, services, middlewares },
        tcp: { routers: tcpRouters, services: tcpServices, middlewares: tcpMiddlewares },
        udp: { routers: udpRouters, services: udpServices },
      };
    } catch (err) {
      this.failures++;
      this.retryAt = Date.now() + Math.min(BACKOFF_MAX_MS, 1000 * 2 ** Math.min(this.failures, 6));
      const state: ApiState =
        err instanceof ApiFailure ? err.state : { kind: 'unreachable', url: this.url, message: errorMessage(err) };
      return { ...empty, state, at: Date.now() };
    }
  }

  /** A list endpoint, page by page while Traefik's X-Next-Page says there is more. */
  async list<T>(path: string, optional = false): Promise<T[]> {
    const perPage = this.options.perPage ?? PER_PAGE;
    const maxPages = this.options.maxPages ?? MAX_PAGES;
    const out: T[] = [];
    for (let page = 1; ; page++) {
      if (page > maxPages) {
        throw new ApiFailure({
          kind: 'too-large',
          url: this.url,
          message: `${path} has more than ${maxPages} pages of ${perPage} (X-Next-Page never ends); Gateway Lens stopped reading`,
        });
      }
      const answer = await this.get(`${path}?per_page=${perPage}&page=${page}`);
      // Older Traefik versions lack some endpoints (TCP middlewares before v2.5).
      if (optional && answer.status === 404) return out;
      const items = this.decode<T[]>(answer, path);
      if (!Array.isArray(items)) {
        throw new ApiFailure({ kind: 'not-traefik', url: this.url, message: `${path} did not return a list` });
      }
      out.push(...items);
      const next = Number(answer.headers['x-next-page'] ?? '1');
      if (!(next > page)) return out;
    }
  }

  async getJson<T>(path: string): Promise<T> {
    return this.decode<T>(await this.get(path), path);
  }

  /**
   * A text answer (Traefik's /metrics) with the same bounds and credentials; a failure
   * becomes an ApiState, never a rejection.
   */
  async getText(path: string): Promise<{ ok: true; body: string } | { ok: false; state: ApiState }> {
    try {
      const answer = await this.get(path, 'text/plain');
      if (answer.status === 401 || answer.status === 403)
        return { ok: false, state: { kind: 'unauthorized', url: this.url } };
      if (answer.status !== 200) {
        const state: ApiState = {
          kind: 'error',
          url: this.url,
          status: answer.status,
          message: errorText(answer.body),
        };
        return { ok: false, state };
      }
      return { ok: true, body: answer.body };
    } catch (err) {
      const state: ApiState =
        err instanceof ApiFailure ? err.state : { kind: 'unreachable', url: this.url, message: errorMessage(err) };
      return { ok: false, state };
    }
  }

  private decode<T>(answer: Answer, path: string): T {
    if (answer.status === 401 || answer.status === 403) throw new ApiFailure({ kind: 'unauthorized', url: this.url });
    if (answer.status !== 200) {
      throw new ApiFailure({ kind: 'error', url: this.url, status: answer.status, message: errorText(answer.body) });
    }
    try {
      return JSON.parse(answer.body) as T;
    } catch {
      throw new ApiFailure({ kind: 'not-traefik', url: this.url, message: `${path} did not return JSON` });
    }
  }

  private get(path: string, accept = 'application/json'): Promise<Answer> {
    const timeoutMs = this.options.timeoutMs ?? 5000;
    const maxBytes = this.options.maxBytes ?? MAX_ANSWER_BYTES;
    const maxTotal = this.options.maxTotalBytes ?? MAX_SNAPSHOT_BYTES;
    let target: URL;
    try {
      target = new URL(this.target + path);
    } catch {
      return Promise.reject(new ApiFailure({ kind: 'unreachable', url: this.url, message: 'not a valid URL' }));
    }
    const lib = target.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { accept };
    if (this.options.username !== undefined) {
      const token = Buffer.from(`${this.options.username}:${this.options.password ?? ''}`).toString('base64');
      headers.authorization = `Basic ${token}`;
    }
    return new Promise((resolve, reject) => {
      const req = lib.get(target, { headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const tooLarge = (message: string): void => {
          req.destroy();
          chunks.length = 0;
          reject(new ApiFailure({ kind: 'too-large', url: this.url, message }));
        };
        // A Content-Length over the bound is refused before its body is read.
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > maxBytes) return tooLarge(`${path} answers ${declared} bytes, more than ${maxBytes}`);
        res.on('data', (chunk: Buffer) => {
          if (req.destroyed) return;
          size += chunk.length;
          this.spent += chunk.length;
          if (size > maxBytes) return tooLarge(`${path} answered more than ${maxBytes} bytes`);
          if (this.spent > maxTotal) return tooLarge(`the API answered more than ${maxTotal} bytes in all`);
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (err) => reject(new ApiFailure({ kind: 'unreachable', url: this.url, message: err.message })));
      });
      req.on('timeout', () => {
        req.destroy();
        reject(new ApiFailure({ kind: 'timeout', url: this.url, ms: timeoutMs }));
      });
      req.on('error', (err) => reject(new ApiFailure({ kind: 'unreachable', url: this.url, message: err.message })));
    });
  }
}

/** Traefik writes errors as `{"message": "..."}` with a text/plain content type. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON
  }
  return body.trim().slice(0, 200) || 'no message';
}
