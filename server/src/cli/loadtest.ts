// `gateway-lens loadtest`: sends N requests a router matches through the gateway and reports
// statuses, times and the spread over the service's replicas (the seed's load-test.ps1).
import * as live from '../../../live';
import { EXIT, parseCommandArgs, UsageError, type Command, type Io } from './command';
import { errorMessage } from '../analysis/errors';

const HELP = `Usage: gateway-lens loadtest --router NAME [--requests 20] [--delay 500] [--header "Name: value"]... [--keep-cookies]

Builds a request the router's rule matches (host, path, headers: the route tester's witness),
sends it N times through the gateway to the router's entry point, one after the other, and
prints each request's status and time, min/avg/p95/max, and how the requests spread over the
service's replicas, with a percentage each.

  --router NAME           Traefik router (users@docker, or users)
  --requests N            How many requests (default 20, at most 1000)
  --delay MS              Pause between requests (default 500)
  --header "Name: value"  Extra request header (repeatable)
  --keep-cookies          Send back the cookies the gateway sets (sticky sessions then pin one replica)
  --gateway-host HOST     The only host requests go to (default localhost)
  --port N                Port to send to instead of the entry point's (a published port)
  --api URL               Traefik's API (default http://localhost:8080)
  --user NAME             Basic-auth user for the API; password from GATEWAY_LENS_TRAEFIK_PASSWORD
  --access-log FILE       Traefik's access log file (accessLog.filePath) to read the replicas from
  --docker-host URL       Docker engine for Traefik's container logs (default DOCKER_HOST)
  --traefik-container N   Traefik's container (default: found by image or name)
  --no-docker             Do not ask Docker
  --replica-header NAME   Response header that names the replica (Hostname with traefik/whoami)
  --format text|json      Output format (default text)
  --quiet                 No line per request

Exit status: 0 when every request was answered and every replica got some, 1 with warnings,
2 when the test could not run or the arguments are wrong.
`;

function whole(value: string | undefined, name: string, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number`);
  return n;
}

export const loadtestCommand: Command = {
  name: 'loadtest',
  summary: "send N requests through a router and show the spread over the service's replicas",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      help: { type: 'boolean', short: 'h' },
      router: { type: 'string' },
      requests: { type: 'string' },
      delay: { type: 'string' },
      header: { type: 'string', multiple: true },
      'keep-cookies': { type: 'boolean' },
      'gateway-host': { type: 'string' },
      port: { type: 'string' },
      api: { type: 'string' },
      user: { type: 'string' },
      'access-log': { type: 'string' },
      'docker-host': { type: 'string' },
      'traefik-container': { type: 'string' },
      'no-docker': { type: 'boolean' },
      'replica-header': { type: 'string' },
      format: { type: 'string' },
      quiet: { type: 'boolean' },
    });
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.router) throw new UsageError('--router NAME is required');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const requests = whole(values.requests, '--requests', 20)!;
    const delayMs = whole(values.delay, '--delay', 500)!;
    if (requests < 1 || requests > live.MAX_REQUESTS) {
      throw new UsageError(`--requests must be 1 to ${live.MAX_REQUESTS}`);
    }
    let report;
    try {
      report = await live.loadTestRouter({
        api: {
          baseUrl: values.api ?? 'http://localhost:8080',
          username: values.user,
          password: values.user !== undefined ? (process.env.GATEWAY_LENS_TRAEFIK_PASSWORD ?? '') : undefined,
        },
        router: values.router,
        gatewayHost: values['gateway-host'],
        port: whole(values.port, '--port', undefined),
        requests,
        delayMs,
        headers: values.header,
        keepCookies: values['keep-cookies'],
        accessLogFile: values['access-log'],
        dockerHost: values['no-docker'] ? null : values['docker-host'],
        traefikContainer: values['traefik-container'],
        replicaHeader: values['replica-header'],
        onPlan: (plan) => {
          if (format === 'text' && !values.quiet) {
            io.err(
              `sending ${plan.requests} x ${plan.method} ${plan.path} (Host: ${plan.hostHeader}) to ${plan.host}:${plan.port}\n`,
            );
          }
        },
      });
    } catch (err) {
      io.err(`gateway-lens: loadtest: ${errorMessage(err)}\n`);
      return EXIT.usage;
    }
    io.out(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : live.renderReportText(report, !values.quiet));
    return report.warnings.length ? EXIT.findings : EXIT.ok;
  },
};
