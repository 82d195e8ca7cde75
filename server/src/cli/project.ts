// The compose project `check` loads as docker compose would (compose-go cli/options.go): the
// project directory (--project-directory, else the first -f file's folder, else the working
// directory), its environment (the shell over `.env` there, or each --env-file), the files (-f,
// else COMPOSE_FILE, else the default names), and the active profiles (--profile, else
// COMPOSE_PROFILES).
import * as fs from 'fs';
import * as path from 'path';
import { readEnvironment, type Environment } from '../analysis/compose/env';
import {
  activeProfiles,
  DEFAULT_OVERRIDE_NAMES,
  selectComposeFiles as select,
  type FileSource,
} from '../analysis/compose/project';
import { Analyzer, type Project } from '../analysis';
import { readProblem, UsageError, type Io } from './command';
import { readInputs, type Inputs } from './inputs';
import { projectOfFile } from './owner';

export interface ComposeFlags {
  files: string[];
  projectDirectory?: string;
  envFiles: string[];
  profiles: string[];
  /** -p / --project-name (compose-go cli/options.go WithName). */
  projectName?: string;
}

/** The options docker compose takes to name a project (compose-go cli/options.go), for parseCommandArgs. */
export const COMPOSE_OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  'project-directory': { type: 'string' },
  'env-file': { type: 'string', multiple: true },
  profile: { type: 'string', multiple: true },
  'project-name': { type: 'string', short: 'p' },
} as const;

/** Their lines of a command's --help. */
export const COMPOSE_OPTIONS_HELP = `  -f, --file FILE            a compose file of the project, in merge order (repeatable)
  --project-directory DIR    where relative paths and .env are read (default: the first
                             file's folder)
  --env-file FILE            read variables from FILE instead of DIR/.env (repeatable)
  --profile NAME             start the services of this profile (repeatable; default:
                             COMPOSE_PROFILES)
  -p, --project-name NAME    the project name, as docker compose -p (default:
                             COMPOSE_PROJECT_NAME, then name:, then the folder's name)`;

/** The parsed COMPOSE_OPTIONS as flags. */
export function composeFlags(v: {
  file?: string[];
  'project-directory'?: string;
  'env-file'?: string[];
  profile?: string[];
  'project-name'?: string;
}): ComposeFlags {
  return {
    files: v.file ?? [],
    projectDirectory: v['project-directory'],
    envFiles: v['env-file'] ?? [],
    profiles: v.profile ?? [],
    ...(v['project-name'] !== undefined ? { projectName: v['project-name'] } : {}),
  };
}

export interface ComposeProject {
  files: string[];
  /** What named the files: -f, COMPOSE_FILE, or compose's default names. */
  source: FileSource;
  projectDirectory: string;
  profiles: string[];
  environment: Environment;
  /** What compose would warn about while choosing the files. */
  notes: string[];
}

/** The environment compose interpolates `folder`'s project with. */
export function composeEnvironment(io: Io, folder: string, envFiles: string[] = []): Environment {
  const given = envFiles.length > 0;
  const names = given ? envFiles.map((f) => path.resolve(io.cwd, f)) : [path.join(folder, '.env')];
  const files: { file: string; text: string }[] = [];
  for (const file of names) {
    try {
      files.push({ file, text: io.readFile(file) });
    } catch (err) {
      // An --env-file compose cannot read stops it; a missing default .env is ordinary.
      if (given) throw new UsageError(`cannot read ${path.relative(io.cwd, file) || file}: ${readProblem(err)}`);
    }
  }
  return readEnvironment({ files, shell: io.env ?? {} });
}

/** The project the flags name, or undefined when compose finds no file (none given, none by default). */
export function composeProject(flags: ComposeFlags, io: Io, defaultsOnly = false): ComposeProject | undefined {
  const given = flags.projectDirectory === undefined ? undefined : path.resolve(io.cwd, flags.projectDirectory);
  const working = given ?? (flags.files[0] ? path.dirname(path.resolve(io.cwd, flags.files[0])) : io.cwd);
  const environment = composeEnvironment(io, working, flags.envFiles);
  const selection = select({
    cwd: io.cwd,
    files: flags.files,
    projectDirectory: given,
    env: environment.lookup,
    exists: (f) => isFile(f),
  });
  if (!selection) return undefined;
  // Without flags, only a project of the working directory itself: elsewhere `check` looks for files below it.
  if (defaultsOnly && selection.source === 'default' && path.dirname(selection.files[0]) !== working) return undefined;
  return {
    files: selection.files,
    source: selection.source,
    projectDirectory: selection.projectDirectory,
    profiles: activeProfiles(flags.profiles, environment.lookup),
    environment,
    notes: selection.notes,
  };
}

function readOrUndefined(io: Io, file: string): string | undefined {
  try {
    return io.readFile(file);
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** One project's files as a command reads them: what compose loads, and why each file. */
export interface SelectedProject {
  files: string[];
  projectDirectory: string;
  environment: Environment;
  profiles: string[];
  /** Why the file was loaded, for `project`. */
  given: (file: string) => string;
}

/** Why compose loaded a file it selected (compose/project/files.ts FileSource). */
const WHY = { flag: '-f', COMPOSE_FILE: 'COMPOSE_FILE', default: "compose's default file names" } as const;

/**
 * The project of FILEs given without -f (their folder is its directory), else the one the
 * compose flags name, else what `docker compose` loads in the working directory.
 */
export function selectProject(flags: ComposeFlags, positionals: string[], io: Io): SelectedProject {
  if (positionals.length > 0 && flags.files.length > 0)
    throw new UsageError('give compose files with -f or as FILE..., not both');
  // One FILE alone means that file's project, as for `check` (owner.ts projectOfFile).
  if (positionals.length === 1 && flags.projectDirectory === undefined) {
    const file = path.resolve(io.cwd, positionals[0]);
    const one = projectOfFile(file, io, (f) => readOrUndefined(io, f), new Analyzer());
    const environment = composeEnvironment(io, one.folder, flags.envFiles);
    const profiles = activeProfiles(flags.profiles, environment.lookup);
    return { files: one.files, projectDirectory: one.folder, environment, profiles, given: one.why };
  }
  if (positionals.length > 0) {
    const files = positionals.map((f) => path.resolve(io.cwd, f));
    const projectDirectory = path.resolve(io.cwd, flags.projectDirectory ?? path.dirname(files[0]));
    const environment = composeEnvironment(io, projectDirectory, flags.envFiles);
    const profiles = activeProfiles(flags.profiles, environment.lookup);
    return { files, projectDirectory, environment, profiles, given: () => 'given on the command line' };
  }
  const project = composeProject(flags, io);
  if (!project) throw new UsageError('no compose file found (give -f FILE, or run where compose.yaml is)');
  for (const note of project.notes) io.err(`gateway-lens: ${note}\n`);
  const source = project.source;
  const given = (file: string): string =>
    source === 'default' && DEFAULT_OVERRIDE_NAMES.includes(path.basename(file))
      ? "the default names' override file"
      : WHY[source];
  return { ...project, given };
}

/** The one compose project `route`, `config` and `project` read, as `check` would load it. */
export function oneProject(
  options: { compose: ComposeFlags; files: string[]; traefikConfig?: string; traefikVersion?: 'v2' | 'v3' },
  io: Io,
): { project: Project; inputs: Inputs; selected: SelectedProject } {
  const selected = selectProject(options.compose, options.files, io);
  const { files, projectDirectory, environment, profiles } = selected;
  const inputs = readInputs(
    files.map((f) => path.relative(io.cwd, f) || f),
    options.traefikConfig,
    io,
    projectDirectory,
  );
  const project = new Analyzer().project({
    files: [...inputs.projects.values()].flat(),
    staticFiles: inputs.staticFiles,
    options: options.traefikVersion ? { version: options.traefikVersion, versionSource: '--traefik-version' } : {},
    readFile: inputs.readFile,
    listDir: inputs.listDir,
    profiles,
    projectName: options.compose.projectName,
    projectDirectory,
    runRoot: io.cwd,
    environment,
  });
  return { project, inputs, selected };
}
