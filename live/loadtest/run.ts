// Sends a planned load test: N requests one after the other, spaced by the delay, to the plan's
// host only, bounded by MAX_REQUESTS, without cookies unless asked, stoppable at any time.
import * as http from 'http';
import * as https from 'https';
import { checkLimits, type LoadTestPlan } from './plan';

export interface RequestResult {
  index: number;
  /** 0 when no answer came (the error says why). */
  status: number;
  ms: number;
  start: number;
  /** Values of the response headers the report may attribute by (lower-case names). */
  headers: Record<string, string>;
  error?: string;
}

export interface LoadTestRun {
  plan: LoadTestPlan;
  /** Marks this run's requests in the access log (common format: the User-Agent field). */
  userAgent: string;
  started: number;
  finished: number;
  results: RequestResult[];
  cancelled: boolean;
}

export interface RunOptions {
  onResult?: (r: RequestResult, run: LoadTestRun) => void;
  isCancelled?: () => boolean;
  timeoutMs?: number;
}

export async function runLoadTest(plan: LoadTestPlan, options: RunOptions = {}): Promise<LoadTestRun> {
  const limit = checkLimits(plan.requests, plan.delayMs, plan.host);
  if (limit) throw new Error(limit);
  const run: LoadTestRun = {
    plan,
    userAgent: `gateway-lens-loadtest/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    started: Date.now(),
    finished: 0,
    results: [],
    cancelled: false,
  };
  let cookies = '';
  for (let i = 0; i < plan.requests; i++) {
    if (options.isCancelled?.()) {
      run.cancelled = true;
      break;
    }
    if (i > 0 && plan.delayMs > 0) await new Promise((r) => setTimeout(r, plan.delayMs));
    const result = await send(plan, i, run.userAgent, cookies, options.timeoutMs ?? 10_000);
    if (plan.keepCookies && result.setCookie.length) {
      cookies = result.setCookie.map((c) => c.split(';')[0]).join('; ');
    }
    run.results.push(result.result);
    options.onResult?.(result.result, run);
  }
  run.finished = Date.now();
  return run;
}

function send(
  plan: LoadTestPlan,
  index: number,
  userAgent: string,
  cookies: string,
  timeoutMs: number,
): Promise<{ result: RequestResult; setCookie: string[] }> {
  const start = Date.now();
  const t0 = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const headers: Record<string, string> = { ...plan.headers, host: plan.hostHeader, 'user-agent': userAgent };
  if (plan.keepCookies && cookies) headers.cookie = cookies;
  const lib = plan.tls ? https : http;
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number, res?: http.IncomingMessage, error?: string) => {
      if (done) return;
      done = true;
      const answer: Record<string, string> = {};
      for (const [k, v] of Object.entries(res?.headers ?? {})) if (typeof v === 'string') answer[k] = v;
      resolve({
        result: { index, status, ms: elapsed(), start, headers: answer, error },
        setCookie: res?.headers['set-cookie'] ?? [],
      });
    };
    const req = lib.request(
      {
        host: plan.host.replace(/^\[|\]$/g, ''),
        port: plan.port,
        method: plan.method,
        path: plan.path,
        headers,
        timeout: timeoutMs,
        agent: false,
        // A local gateway's certificate is usually self-signed; the request goes to the user's own host.
        ...(plan.tls ? { rejectUnauthorized: false, servername: plan.hostHeader.replace(/:\d+$/, '') } : {}),
      },
      (res) => {
        // Read (and drop) the body so the time is the whole answer's.
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > 16 * 2 ** 20) req.destroy();
        });
        res.on('end', () => finish(res.statusCode ?? 0, res));
        res.on('error', () => finish(res.statusCode ?? 0, res));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      finish(0, undefined, `no answer within ${timeoutMs} ms`);
    });
    req.on('error', (err) => finish(0, undefined, err.message));
    req.end();
  });
}
