// `gateway-lens project`: prints what Gateway Lens assembled for one compose project, the one
// `check` judges with the same flags (compose/project/describe.ts says what and why).
import * as path from 'path';
import { describeProject, formatProject } from '../analysis/compose/project';
import { EXIT, parseCommandArgs, UsageError, type Command, type Io } from './command';
import { COMPOSE_OPTIONS, COMPOSE_OPTIONS_HELP, composeFlags, oneProject } from './project';

const HELP = `Usage: gateway-lens project [-f FILE]... [--project-directory DIR] [--env-file FILE]...
                           [--profile NAME]... [--format text|json] [FILE...]

Prints the compose project Gateway Lens assembles, as \`check\` reads it with the same
options: the files loaded and why (-f, COMPOSE_FILE, the default names and their override,
include:, extends:), the project name and what decided it, the env files the variables come
from, the active profiles, each service with the files that define it (and whether its
profiles leave it out), and each network with the name Docker gives it. One FILE means
that file's project, as for \`check\`: the project that includes or extends it, else its
folder's default project when it has a default name; several FILEs given without -f form
one project with their folder as its directory.

Options:
${COMPOSE_OPTIONS_HELP}
  --format FORMAT            text (default) or json
  -h, --help                 show this help

Exit status: 0 printed, 2 bad usage or unreadable file.
`;

function run(args: string[], io: Io): number {
  const { values: v, positionals } = parseCommandArgs(args, { ...COMPOSE_OPTIONS, format: { type: 'string' } });
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`unknown format '${format}' (expected text or json)`);
  const { project, selected } = oneProject({ compose: composeFlags(v), files: positionals }, io);
  const description = describeProject(project, { given: selected.given, profiles: selected.profiles, shell: true });
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
