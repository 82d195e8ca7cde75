// The `gateway-lens` command (dist/cli.js): a table of subcommands over the analysis core.
// Each command gets its args and an Io, and returns an exit status.
import { version } from '../../package.json';
import { checkCommand } from './cli/check';
import { projectCommand } from './cli/describe';
import { liveCommand } from './cli/live';
import { loadtestCommand } from './cli/loadtest';
import { metricsCommand } from './cli/metrics';
import { routeCommand } from './cli/route';
import { configCommand } from './cli/show';
import { EXIT, nodeIo, UsageError, type Command, type Io } from './cli/command';
import { describe } from './analysis/errors';

export const COMMANDS: Command[] = [
  checkCommand,
  projectCommand,
  routeCommand,
  configCommand,
  liveCommand,
  metricsCommand,
  loadtestCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: gateway-lens <command> [options]

Checks Traefik docker labels in compose files as Traefik reads them.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help
  -v, --version  show the version

Run 'gateway-lens <command> --help' for the options of a command.
`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined) throw new UsageError("missing command (try 'gateway-lens --help')");
    if (name === '--help' || name === '-h' || name === 'help') {
      io.out(help());
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(`${version}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command '${name}' (try 'gateway-lens --help')`);
    // Help before parsing: `check --bad-flag --help` still shows the options.
    if (args.some((a) => a === '--help' || a === '-h')) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`gateway-lens: ${err.message}\n`);
      return EXIT.usage;
    }
    // Not the user's fault, but nothing was checked either: not a clean 0, not "findings" 1.
    io.err(`gateway-lens: internal error: ${describe(err)}\n`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  // `gateway-lens check ... | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  void main(process.argv.slice(2), nodeIo).then((status) => {
    process.exitCode = status;
  });
}
