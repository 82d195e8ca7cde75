// `gateway-lens check`: the files given (or found under the working directory), grouped into
// compose projects by folder (files of one folder are merged like docker compose's -f list),
// each analysed as Traefik would see it, with the nearest .gateway-lens.yaml applied.
import * as fs from 'fs';
import * as path from 'path';
import { version } from '../../../package.json';
import {
  Analyzer,
  CHECKS,
  configStaticFile,
  TOO_MANY_FINDINGS,
  type AnalysisResult,
  type Finding,
  type ProjectInput,
} from '../analysis';
import { EXIT, parseCommandArgs, traefikVersionOption, UsageError, type Command, type Io } from './command';
import { configLookup } from './config';
import { discoverComposeFiles } from './discover';
import { withOtherProjects } from './elsewhere';
import { traefikConfigHost } from './configHost';
import { runFixes } from './fix';
import { formatGithub, formatGitlab } from './formats';
import { readInputs } from './inputs';
import {
  COMPOSE_OPTIONS,
  COMPOSE_OPTIONS_HELP,
  composeEnvironment,
  composeFlags,
  composeProject,
  type ComposeFlags,
  type ComposeProject,
} from './project';
import { activeProfiles, agreedFindings, withSiblingFragments } from '../analysis/compose/project';
import { loadedElsewhere, regroup, type Group } from './groups';
import { isLocalFileProbe } from '../analysis/compose/project/localFile';
import { lineMap } from '../convert';
import { codeDocs } from '../codeDocs';
import { formatJson, formatSarif, formatText, locate, type Located, type Sources } from './report';

const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: gateway-lens check [options] [FILE...]
       gateway-lens check [-f FILE]... [--project-directory DIR] [--env-file FILE]... [--profile P]... [-p NAME]

Checks the Traefik labels of compose files. With -f (or with no FILE, in a folder where
docker compose finds a project: COMPOSE_FILE, or compose.yaml / docker-compose.yml and its
override), checks the one project docker compose would load: its files merged, what they
include: and extends:, the services the active profiles start. A FILE given alone is the
project docker compose loads with it: a file that a project of the current folder (or of
one between it and the file) includes or extends is checked in that project; else a default
name means the folder's default project (with its override), any other file a project of its
own (over the base file when it only overrides services). Several FILEs in one folder form one project, in their order (like
docker compose -f); files in different folders are separate projects. Without FILE and
without a project in the current folder, every compose file under it (docker-compose*.yml,
compose*.yml and the config file's \`files\` globs; node_modules and dot-folders skipped),
each folder grouped the same way. A folder given as FILE stands for the compose files found
under it the same way (check dirA dirB: the projects of both, as one Docker host); a file
that a project of the run includes, extends or merges is checked there only, and a fragment
compose refuses alone over the nearest project above it (docker compose -f base -f fragment),
reporting what also holds with the other fragments over that base in the set.

The nearest .gateway-lens.yaml at or above each project's folder sets severities and
project facts; the options below win over it.

Options:
${COMPOSE_OPTIONS_HELP}
  --format FORMAT            text (default), json, sarif, github (workflow annotations)
                             or gitlab (code-quality report)
  --config FILE              the config file to use instead of the nearest one
  --traefik-config FILE      Traefik's static configuration (traefik.yml)
  --traefik-version v2|v3    Traefik version of the labels (default: the config file,
                             else the Traefik image tag, else v3)
  --quiet                    report errors only
  --max-warnings N           exit 1 when more than N warnings are found
  --fix                      apply the fixes that have exactly one safe edit, each
                             verified by checking again; report what is left
  --fix-dry-run              print the diff --fix would apply, change nothing
  --list                     list the checks and exit
  --demo                     exit 0 even when errors are found
  -h, --help                 show this help

Suppress one finding with a comment: "# gateway-lens-disable-next-line CODE" on the
line before, "# gateway-lens-disable-line CODE" at the end of its line, or
"# gateway-lens-disable CODE" for the rest of the file.

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage or unreadable file.
`;

interface Options {
  format: Format;
  config?: string;
  traefikConfig?: string;
  traefikVersion?: 'v2' | 'v3';
  quiet: boolean;
  maxWarnings?: number;
  fix: boolean;
  fixDryRun: boolean;
  list: boolean;
  demo: boolean;
  files: string[];
  compose: ComposeFlags;
}

function parse(args: string[]): Options {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    config: { type: 'string' },
    'traefik-config': { type: 'string' },
    'traefik-version': { type: 'string' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
    list: { type: 'boolean' },
    demo: { type: 'boolean' },
    ...COMPOSE_OPTIONS,
  });
  const v = parsed.values;
  const format = v.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' (expected ${FORMATS.join(', ')})`);
  }
  const max = v['max-warnings'];
  if (max !== undefined && !/^\d+$/.test(max)) {
    throw new UsageError(`--max-warnings needs a whole number, not '${max}'`);
  }
  if (v.fix && v['fix-dry-run']) throw new UsageError('give --fix or --fix-dry-run, not both');
  if (v.file && parsed.positionals.length > 0)
    throw new UsageError('give compose files with -f or as FILE..., not both');
  return {
    format: format as Format,
    config: v.config,
    traefikConfig: v['traefik-config'],
    traefikVersion: traefikVersionOption(v['traefik-version']),
    quiet: v.quiet ?? false,
    maxWarnings: max === undefined ? undefined : Number(max),
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    list: v.list ?? false,
    demo: v.demo ?? false,
    files: parsed.positionals,
    compose: composeFlags(v),
  };
}

function listChecks(format: Format): string {
  const rows = [...CHECKS, TOO_MANY_FINDINGS].map((c) => ({
    code: c.code,
    severity: c.severity,
    description: c.description,
  }));
  if (format !== 'text') return JSON.stringify(rows, null, 2) + '\n';
  const width = Math.max(0, ...rows.map((r) => r.code.length));
  return rows.map((r) => `${r.code.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n') + '\n';
}

/**
 * The files to check: as given, else the compose files found under the working directory. A
 * folder given stands for what `check` finds when run there (README: `check dirA dirB`);
 * `found` holds the files found so, which are grouped as the folder's projects, not as given.
 */
function filesToCheck(
  options: Options,
  io: Io,
  analyzer: Analyzer,
): { files: string[]; found: Set<string>; walked: string[] } {
  const lookup = configLookup(options.config, io.cwd, (f) => readOrUndefined(io, f), analyzer);
  const under = (folder: string): string[] => {
    const source = lookup.forFolder(folder);
    const found = discoverComposeFiles(folder, source?.file, lookup.settings(source)?.files ?? []);
    return found.map((f) => path.relative(io.cwd, path.resolve(folder, f)) || f);
  };
  const found = new Set<string>();
  const walked: string[] = [];
  if (options.files.length > 0) {
    const files = options.files.flatMap((name) => {
      const folder = path.resolve(io.cwd, name);
      if (!isDirectory(folder)) return [name];
      walked.push(folder);
      const inside = under(folder);
      if (inside.length === 0) throw new UsageError(`no compose files under ${name}`);
      for (const f of inside) found.add(path.resolve(io.cwd, f));
      return inside;
    });
    return { files, found, walked };
  }
  const files = under(io.cwd);
  if (files.length === 0) {
    throw new UsageError(
      'no compose files under this folder (give FILE..., or list globs under `files:` in .gateway-lens.yaml)',
    );
  }
  return { files, found: new Set(files.map((f) => path.resolve(io.cwd, f))), walked: [io.cwd] };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function readOrUndefined(io: Io, file: string): string | undefined {
  try {
    return io.readFile(file);
  } catch {
    return undefined;
  }
}

function output(located: Located[], options: Options, io: Io, fileCount: number): void {
  const shown = options.quiet ? located.filter((l) => l.severity === 'error') : located;
  if (options.format === 'json') io.out(formatJson(shown));
  else if (options.format === 'sarif')
    io.out(formatSarif(shown, [...CHECKS, TOO_MANY_FINDINGS], version, io.cwd, codeDocs()));
  else if (options.format === 'github') io.out(formatGithub(shown));
  else if (options.format === 'gitlab') io.out(formatGitlab(shown, io.cwd));
  else io.out(formatText(shown, fileCount));
}

/** The one project docker compose would load, when the flags or the working directory name one. */
function oneProject(options: Options, io: Io): ComposeProject | undefined {
  const flagged = options.compose.files.length > 0 || options.compose.projectDirectory !== undefined;
  if (!flagged && options.files.length > 0) return undefined;
  const project = composeProject(options.compose, io, !flagged);
  if (!project && flagged) throw new UsageError('no compose file found (give -f FILE, or run where compose.yaml is)');
  for (const note of project?.notes ?? []) io.err(`gateway-lens: ${note}\n`);
  return project;
}

function check(options: Options, io: Io): number {
  const analyzer = new Analyzer();
  const compose = oneProject(options, io);
  const toCheck = compose ? undefined : filesToCheck(options, io, analyzer);
  const inputs = toCheck
    ? readInputs(toCheck.files, options.traefikConfig, io)
    : readInputs(
        compose!.files.map((f) => path.relative(io.cwd, f) || f),
        options.traefikConfig,
        io,
        compose!.projectDirectory,
      );
  const configs = configLookup(options.config, io.cwd, inputs.readFile, analyzer);
  const override = options.traefikVersion
    ? { version: options.traefikVersion, versionSource: '--traefik-version' }
    : undefined;
  // --traefik-config naming the file a Traefik project beside it mounts: that Traefik judges the
  // projects without one, with its file provider as its mounts map it (cli/configHost.ts).
  const configHost = options.traefikConfig ? traefikConfigHost(options.traefikConfig, io, inputs, analyzer) : undefined;
  const projects: (ProjectInput & { only?: string })[] = [];
  const groups: Group[] = compose
    ? [...inputs.projects].map(([folder, files]) => ({ folder, files }))
    : regroup(inputs, toCheck?.found ?? new Set(), toCheck?.walked ?? [], io, analyzer);
  for (const { folder, files, only } of groups) {
    const config = configs.forFolder(folder);
    let staticFiles = inputs.staticFiles;
    const named = options.traefikConfig ? undefined : configStaticFile(configs.settings(config));
    if (named) {
      const text = inputs.readFile(named);
      if (text === undefined) {
        throw new UsageError(
          `cannot read ${path.relative(io.cwd, named)} (traefik.staticConfig in ${inputs.shown(config!.file)})`,
        );
      }
      staticFiles = [{ file: named, text }];
    }
    // Positional files: each folder's own .env says which profiles are active and interpolates.
    const environment = compose?.environment ?? composeEnvironment(io, folder);
    const profiles = compose?.profiles ?? activeProfiles(options.compose.profiles, environment.lookup);
    const projectDirectory = compose?.projectDirectory;
    projects.push({
      only,
      files,
      staticFiles: configHost ? [] : staticFiles,
      ...(configHost ? { options: { traefikElsewhere: configHost } } : {}),
      readFile: inputs.readFile,
      listDir: inputs.listDir,
      config,
      override,
      profiles,
      projectName: options.compose.projectName,
      projectDirectory,
      runRoot: io.cwd,
      environment,
    });
  }
  // A file another project of the run loads is checked there (retrial I1: `check DIR` checked
  // what DIR's project includes or merges alone too, unlike `cd DIR && check`); a project without
  // Traefik is judged by the run's one Traefik (elsewhere.ts).
  const judge = <P extends ProjectInput>(given: P[]) => {
    const analysed = given.map((input) => analyzer.analyze(input));
    const dropped = loadedElsewhere(
      groups,
      analysed.map((r) => new Set([...r.project.files, ...r.project.load.extendsFiles].map((f) => f.file))),
    );
    const kept = given.filter((_, i) => !dropped.has(i));
    const judged = withOtherProjects(
      analyzer,
      kept,
      analysed.filter((_, i) => !dropped.has(i)),
      inputs.shown,
    );
    // Each project as it is judged (a kept one with what the others settle), for the fixes.
    const asJudged = given.map((p, i) => (dropped.has(i) ? p : judged.inputs[kept.indexOf(p)]));
    return { kept, keptGroups: groups.filter((_, i) => !dropped.has(i)), judged, asJudged };
  };
  let sources: Sources = inputs;
  let round = judge(projects);
  if (options.fix || options.fixDryRun) {
    // Fixed as judged: an app's findings from the host's Traefik are fixed too (trial6 min-11).
    const fixed = runFixes(round.asJudged, inputs, io, options.fixDryRun);
    if (options.fixDryRun) return EXIT.ok;
    const texts = fixed.texts;
    const again = projects.map((p) => ({
      ...p,
      files: p.files.map((f) => (texts.has(f.file) ? { ...f, text: texts.get(f.file)! } : f)),
    }));
    projects.splice(0, projects.length, ...again);
    round = judge(projects);
    const maps = new Map([...texts].map(([file, text]) => [file, lineMap(text)]));
    sources = { shown: inputs.shown, lines: (file) => maps.get(file) ?? inputs.lines(file) };
  }
  const findings: Finding[] = [];
  // The summary counts every file read: an include's 34 files are not "1 file".
  const read = new Set<string>();
  const { kept, keptGroups, judged } = round;
  for (const [i, input] of kept.entries()) {
    const result = results(analyzer, judged.inputs[i], judged.results[i], keptGroups[i], inputs.readFile);
    findings.push(...(input.only ? result.findings.filter((f) => f.file === input.only) : result.findings));
    for (const d of result.project.environment.dotenv) read.add(d.file);
  }
  // Only the projects' files: not a .gitignore, .git or template read to judge a missing env
  // file, nor the .gateway-lens.yaml that configures the run.
  const texts = new Set(inputs.readFiles());
  const settings = new Set(projects.flatMap((p) => (p.config ? [p.config.file] : [])));
  for (const file of texts) if (!settings.has(file) && !isLocalFileProbe(file, (f) => texts.has(f))) read.add(file);
  const located = locate(findings, sources);
  output(located, options, io, read.size);

  if (options.demo) return EXIT.ok;
  const counted = located.filter((l) => !l.suppressed);
  if (counted.some((l) => l.severity === 'error')) return EXIT.findings;
  const warnings = counted.filter((l) => l.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`gateway-lens: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * A fragment's findings that hold with and without the other fragments found over its base too
 * (compose/project/fragments.ts): compose runs it only in a -f set nobody wrote down.
 */
function results(
  analyzer: Analyzer,
  input: ProjectInput,
  result: AnalysisResult,
  group: Group,
  readFile: (file: string) => string | undefined,
): AnalysisResult {
  if (!group.only || !group.base || !group.siblings?.length) return result;
  const files = withSiblingFragments(group.base, group.only, group.siblings).flatMap((file) => {
    const text = readFile(file);
    return text === undefined ? [] : [{ file, text }];
  });
  const merged = analyzer.analyze({ ...input, files });
  return { ...result, findings: agreedFindings(result.findings, merged.findings, group.only) };
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check compose files and report what Traefik would do wrong',
  help: HELP,
  run(args, io) {
    const options = parse(args);
    if (options.list) {
      io.out(listChecks(options.format));
      return EXIT.ok;
    }
    return check(options, io);
  },
};
