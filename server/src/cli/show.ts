// `gateway-lens config`: the dynamic configuration Traefik would assemble from the project's
// providers (docker labels, the file provider, its internal provider), in the shape of
// /api/rawdata, each item with the file and line it came from. Nothing needs to run.
import { exactJson, rawData, rawDataJson, rawDataText, type Place } from '../analysis';
import { toLineColumn } from '../convert';
import { EXIT, parseCommandArgs, traefikVersionOption, UsageError, type Command, type Io } from './command';
import { COMPOSE_OPTIONS, COMPOSE_OPTIONS_HELP, composeFlags, oneProject } from './project';

const HELP = `Usage: gateway-lens config [options] [FILE...]

Prints the dynamic configuration Traefik would assemble from one compose project (FILEs
given, else the -f files, else what docker compose loads here; one FILE means that file's
project, as for \`check\`):
routers, services and middlewares (HTTP, TCP, UDP) from the docker labels, the file
provider's files and Traefik's internal provider, named <name>@<provider>, with the
defaults Traefik fills in (entry points, priority, passHostHeader, server URLs).
Containers Traefik drops and files it refuses are left out, with why.

Options:
  --format text|json         text (YAML, with file:line comments) or json, in the
                             shape of Traefik's /api/rawdata plus "gatewayLens" with
                             each item's origin (default: text)
  --json                     the same as --format json
  --traefik-config FILE      Traefik's static configuration (traefik.yml)
  --traefik-version v2|v3    Traefik version of the labels (default: from the
                             Traefik image tag, else v3)
${COMPOSE_OPTIONS_HELP}
  -h, --help                 show this help

Exit status: 0 printed, 2 bad usage or unreadable file.
`;

function parse(args: string[]) {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    json: { type: 'boolean' },
    'traefik-config': { type: 'string' },
    'traefik-version': { type: 'string' },
    ...COMPOSE_OPTIONS,
  });
  const v = parsed.values;
  const format = v.json ? 'json' : (v.format ?? 'text');
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`unknown format '${format}' (expected text or json)`);
  return {
    format,
    traefikConfig: v['traefik-config'],
    traefikVersion: traefikVersionOption(v['traefik-version']),
    files: parsed.positionals,
    compose: composeFlags(v),
  };
}

function show(options: ReturnType<typeof parse>, io: Io): number {
  const { project, inputs } = oneProject(options, io);
  const place: Place = {
    shown: inputs.shown,
    position: (file, offset) => {
      const lines = inputs.lines(file);
      return lines ? toLineColumn(lines, { start: offset, end: offset }) : undefined;
    },
  };
  const data = rawData(project);
  io.out(options.format === 'json' ? exactJson(rawDataJson(data, place)) + '\n' : rawDataText(data, place).text);
  return EXIT.ok;
}

export const configCommand: Command = {
  name: 'config',
  summary: 'print the dynamic configuration Traefik would assemble (like /api/rawdata)',
  help: HELP,
  run: (args, io) => show(parse(args), io),
};
