// `gateway-lens metrics`: req/s, p95 and 5xx per minute for each entry point, router and
// service, from two scrapes of Traefik's /metrics (or one round of queries to Prometheus).
import * as live from '../../../live';
import { EXIT, parseCommandArgs, UsageError, type Command, type Io } from './command';

const HELP = `Usage: gateway-lens metrics [--api URL | --metrics-url URL | --prometheus URL] [--interval MS] [--format text|json]

Prints requests per second, p95 latency and 5xx answers per minute for each entry point,
router and service, computed from Traefik's Prometheus metrics as the queries
sum(rate(traefik_*_requests_total[1m])), histogram_quantile(0.95, ...[5m]) and
increase(...{code=~"5.."}[1m]) compute them.

  --api URL           Traefik's API; metrics are read from its /metrics (default http://localhost:8080;
                      metrics.prometheus.entryPoint defaults to the API's "traefik" entry point)
  --metrics-url URL   Traefik's metrics URL when it is elsewhere (metrics.prometheus.entryPoint)
  --prometheus URL    Ask a Prometheus server that scrapes Traefik instead (its HTTP API)
  --interval MS       Time between the two scrapes the rates come from (default 2000, 100..60000)
  --format text|json  Output format (default text)
  --timeout MS        Time allowed for each request (default 5000)
  --user NAME         Basic-auth user; the password is read from GATEWAY_LENS_TRAEFIK_PASSWORD

Exit status: 0 when metrics were read, 2 when they could not be or the arguments are wrong.
`;

function positive(value: string | undefined, name: string, fallback: number, min = 1, max = Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export const metricsCommand: Command = {
  name: 'metrics',
  summary: "show req/s, p95 and 5xx per router and service (Traefik's Prometheus metrics)",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      help: { type: 'boolean', short: 'h' },
      api: { type: 'string' },
      'metrics-url': { type: 'string' },
      prometheus: { type: 'string' },
      interval: { type: 'string' },
      format: { type: 'string' },
      timeout: { type: 'string' },
      user: { type: 'string' },
    });
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const interval = positive(values.interval, '--interval', 2000, 100, 60_000);
    const timeoutMs = positive(values.timeout, '--timeout', 5000);
    const credentials = {
      timeoutMs,
      username: values.user,
      password: values.user !== undefined ? (process.env.GATEWAY_LENS_TRAEFIK_PASSWORD ?? '') : undefined,
    };
    const metricsUrl = values['metrics-url'] ?? live.defaultMetricsUrl(values.api ?? 'http://localhost:8080');
    const source = new live.MetricsSource(
      values.prometheus !== undefined
        ? { prometheus: { baseUrl: values.prometheus, ...credentials } }
        : { metrics: { baseUrl: metricsUrl, ...credentials } },
    );
    let result = await source.read();
    if (result.ok && source.kind === 'traefik') {
      await new Promise((r) => setTimeout(r, interval));
      result = await source.read();
    }
    if (!result.ok) {
      io.err(`gateway-lens: metrics: ${live.describeState(result.state)}\n`);
      return EXIT.usage;
    }
    io.out(
      format === 'json'
        ? live.renderMetricsJson(result.view, source.url)
        : live.renderMetricsText(result.view, source.url),
    );
    return EXIT.ok;
  },
};
