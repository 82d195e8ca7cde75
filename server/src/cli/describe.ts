// `gateway-lens project`: prints what Gateway Lens assembled for one compose project, the one
// `check` judges with the same flags (compose/project/describe.ts says what and why).
import * as path from 'path';
import { Analyzer } from '../analysis';
import { activeProfiles, DEFAULT_OVERRIDE_NAMES, describeProject, formatProject } from '../analysis/compose/project';
import { EXIT, parseCommandArgs, UsageError, type Command, type Io } from './command';
import { readInputs } from './inputs';
import { COMPOSE_OPTIONS, COMPOSE_OPTIONS_HELP, composeEnvironment, composeFlags, composeProject } from './project';

const HELP = `Usage: gateway-lens project [-f FILE]... [--project-directory DIR] [--env-file FILE]...
                           [--profile NAME]... [--format text|json] [FILE...]

Prints the compose project Gateway Lens assembles, as \`check\` reads it with the same
options: the files loaded and why (-f, COMPOSE_FILE, the default names and their override,
include:, extends:), the project name and what decided it, the env files the variables come
from, the active profiles, each service with the files that define it (and whether its
profiles leave it out), and each network with the name Docker gives it. FILEs given without
-f form one project with their folder as its directory.

Options:
${COMPOSE_OPTIONS_HELP}
  --format FORMAT            text (default) or json
  -h, --help                 show this help

Exit status: 0 printed, 2 bad usage or unreadable file.
`;

/** Why compose loaded a file it selected (compose/project/files.ts FileSource). */
const WHY = { flag: '-f', COMPOSE_FILE: 'COMPOSE_FILE', default: "compose's default file names" } as const;

/** The files, the reason for each, and what they are read with: as `check` would load them. */
function selected(args: string[], io: Io) {
  const { values: v, positionals } = parseCommandArgs(args, { ...COMPOSE_OPTIONS, format: { type: 'string' } });
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`unknown format '${format}' (expected text or json)`);
  const flags = composeFlags(v);
  if (positionals.length > 0 && flags.files.length > 0)
    throw new UsageError('give compose files with -f or as FILE..., not both');
  if (positionals.length > 0) {
    const files = positionals.map((f) => path.resolve(io.cwd, f));
    const projectDirectory = path.resolve(io.cwd, flags.projectDirectory ?? path.dirname(files[0]));
    const environment = composeEnvironment(io, projectDirectory, flags.envFiles);
    const profiles = activeProfiles(flags.profiles, environment.lookup);
    return { format, files, projectDirectory, environment, profiles, given: () => 'given on the command line' };
  }
  const project = composeProject(flags, io);
  if (!project) throw new UsageError('no compose file found (give -f FILE, or run where compose.yaml is)');
  for (const note of project.notes) io.err(`gateway-lens: ${note}\n`);
  const source = project.source;
  const given = (file: string): string =>
    source === 'default' && DEFAULT_OVERRIDE_NAMES.includes(path.basename(file))
      ? "the default names' override file"
      : WHY[source];
  return { format, ...project, given };
}

function run(args: string[], io: Io): number {
  const { format, files, projectDirectory, environment, profiles, given } = selected(args, io);
  const inputs = readInputs(
    files.map((f) => path.relative(io.cwd, f) || f),
    undefined,
    io,
    projectDirectory,
  );
  const project = new Analyzer().project({
    files: [...inputs.projects.values()].flat(),
    readFile: inputs.readFile,
    listDir: inputs.listDir,
    profiles,
    projectDirectory,
    environment,
  });
  const description = describeProject(project, { given, profiles, shell: true });
  if (format === 'json') io.out(JSON.stringify(description, null, 2) + '\n');
  else io.out(formatProject(description, (f) => path.relative(io.cwd, f) || f));
  return EXIT.ok;
}

export const projectCommand: Command = {
  name: 'project',
  summary: 'print the compose project as Gateway Lens assembles it (files, name, variables, services, networks)',
  help: HELP,
  run,
};
