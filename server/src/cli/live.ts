// `gateway-lens live`: the running gateway as the Gateway view shows it, from Traefik's API and
// Docker. Exits 2 with a one-line reason when Traefik cannot be reached.
import * as live from '../../../live';
import { EXIT, UsageError, type Command, type Io } from './command';

const HELP = `Usage: gateway-lens live [--api URL] [--docker-host URL] [--format text|json] [--timeout MS]

Prints Traefik's routers (status, rule, entry points, priority, errors), services (servers and
UP/DOWN) and middlewares, next to the compose services whose containers serve them (replicas
running/desired, state, health).

  --api URL           Traefik's API (default http://localhost:8080; api.insecure or a router to api@internal);
                      credentials in it (http://user:pass@host) are sent, never printed
  --docker-host URL   Docker engine (default: DOCKER_HOST, else the platform socket)
  --format text|json  Output format (default text)
  --timeout MS        Time allowed for each API request (default 5000)
  --user NAME         Basic-auth user; the password is read from GATEWAY_LENS_TRAEFIK_PASSWORD

Exit status: 0 when Traefik answered, 2 when it could not be reached or the arguments are wrong.
`;

interface Options {
  api: string;
  dockerHost?: string;
  format: 'text' | 'json';
  timeoutMs: number;
  user?: string;
}

function parse(args: string[]): Options {
  const options: Options = { api: 'http://localhost:8080', format: 'text', timeoutMs: 5000 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--api':
        options.api = value();
        break;
      case '--docker-host':
        options.dockerHost = value();
        break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
        options.format = f;
        break;
      }
      case '--timeout': {
        const t = Number(value());
        if (!Number.isInteger(t) || t <= 0) throw new UsageError('--timeout must be a positive number of milliseconds');
        options.timeoutMs = t;
        break;
      }
      case '--user':
        options.user = value();
        break;
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  return options;
}

export const liveCommand: Command = {
  name: 'live',
  summary: 'show the running gateway: routers, services, replicas (Traefik API + Docker)',
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(HELP);
      return EXIT.ok;
    }
    const options = parse(args);
    const api = new live.TraefikApi({
      baseUrl: options.api,
      timeoutMs: options.timeoutMs,
      username: options.user,
      password: options.user !== undefined ? (process.env.GATEWAY_LENS_TRAEFIK_PASSWORD ?? '') : undefined,
    });
    const docker = new live.DockerClient(options.dockerHost);
    // What Traefik and Docker say is printed as text, never as terminal control sequences.
    const [traefikSaid, dockerSaid] = await Promise.all([api.snapshot(), docker.state()]);
    const snapshot = live.printableDeep(traefikSaid);
    const dockerState = live.printableDeep(dockerSaid);
    if (snapshot.state.kind !== 'connected') {
      io.err(`gateway-lens: ${live.describeState(snapshot.state)}\n`);
      return EXIT.usage;
    }
    let containers: Awaited<ReturnType<typeof docker.composeContainers>> = [];
    if (dockerState.kind === 'connected') {
      try {
        containers = live.printableDeep(await docker.composeContainers());
      } catch {
        containers = [];
      }
    }
    const model = live.buildLiveModel(snapshot, containers, dockerState);
    io.out(options.format === 'json' ? live.renderJson(model) : live.renderText(model));
    return EXIT.ok;
  },
};
