// The project docker compose builds from a set of files (compose-go loader/loader.go
// loadYamlFile): file by file, the file's `include:` entries are loaded as projects of their own
// and their services merged under the file's own definitions (14-include.md; compose-go
// loader/include.go importResource merges, the including file on top), then the file's
// `extends:` are applied (05-services.md extends; a base may come from an include), then the file
// is merged over the files before it (13-merge.md); last, the services the active profiles leave
// out are set aside (15-profiles.md). What compose refuses (a missing file, a cycle) is a problem
// on the text that causes it; the rest of the project is still loaded.
import * as path from 'path';
import type { ComposeFile, ComposeService, Scalar } from '../model';
import type { Range, Related } from '../../types';
import type { Environment } from '../env';
import { interpolate, isResolved } from '../env/interpolate';
import { readIncludes } from './include';
import { includeEnvironment } from './environments';
import { nearest } from '../../traefik/values';
import { isStarted } from './profiles';
import { inactiveDependencies } from './dependencies';
import { isRemote } from './remote';
import { localFile } from './localFile';

export type LoadCode =
  | 'missing-compose-file'
  | 'missing-env-file'
  | 'unknown-extends-service'
  | 'extends-cycle'
  | 'include-cycle'
  | 'inactive-dependency';

export interface LoadProblem {
  code: LoadCode;
  file: string;
  range: Range;
  message: string;
  related?: Related[];
  /** Below the check's error, where what is missing is so by design (an env file kept out of git). */
  severity?: 'warning';
  /** What the explanation adds for this problem. */
  note?: string;
}

/** One service of the project: its definitions in merge order. */
export interface ServiceGroup {
  name: string;
  /** Every definition merged into it: extended bases first, then the service, file by file. */
  parts: ComposeService[];
  /** Its first own definition (what names the service and holds its key). */
  main: ComposeService;
  /** Its profiles, merged over all parts. */
  profiles: string[];
  /** False when the active profiles leave it out: compose never creates its container. */
  started: boolean;
}

/** A project pulled in by `include:`. */
export interface IncludedProject {
  files: string[];
  projectDirectory: string;
  /** `env_file`, resolved; empty means the project directory's `.env` (if any). */
  envFiles: string[];
  /** What its files are interpolated with, `include:` and `extends: file:` paths in them too (environments.ts). */
  environment?: Environment;
  /** The include entry. */
  file: string;
  range: Range;
}

export interface LoadedProject {
  /** The compose files of the project: the given ones, then the included ones, each once. */
  files: ComposeFile[];
  /** Files read only for a service they define that another one extends. */
  extendsFiles: ComposeFile[];
  services: ServiceGroup[];
  includes: IncludedProject[];
  /** `include:` and `extends: file:` references compose fetches (remote.ts): not read, the project is partial. */
  remote: RemoteReference[];
  problems: LoadProblem[];
  /**
   * The folder a file's relative paths (volumes, build context, env_file) resolve from: the
   * project directory for the files given, an include's project directory for its files, its own
   * folder for a file read for `extends:` (compose-go paths/resolve.go ResolveRelativePaths runs
   * once over the merged model with the project's working dir; loader/include.go gives an
   * included project its project_directory; loader/extends.go getExtendsBaseFromFile resolves the
   * base's paths against the base file's folder first).
   */
  directoryOf(file: string): string;
  /** What a file is interpolated with, when an include gave it variables of its own. */
  environmentOf(file: string): Environment | undefined;
}

export interface RemoteReference {
  /** The file that names it, and where. */
  file: string;
  range: Range;
  reference: string;
  kind: 'include' | 'extends';
}

export interface LoadInput {
  /** The files compose was given, parsed, in merge order. */
  files: ComposeFile[];
  /** Where the given files' relative paths resolve (default: the first file's folder). */
  projectDirectory?: string;
  /** Reads another file of the project (absolute path); undefined when it does not exist. */
  read(file: string): ComposeFile | undefined;
  /** True for a file `read` was not allowed to read (outside an untrusted workspace): it may exist, so it is not missing. */
  refused?(file: string): boolean;
  profiles: readonly string[];
  /** The project's variables (.env, the CLI's shell): `include:` and `extends: file:` paths are interpolated. */
  environment?: Environment;
  /** Reads an include's env file (absolute path); undefined when it does not exist. */
  readText?(file: string): string | undefined;
  /** The run's root (the CLI's working folder, the editor's workspace folder): see localFile. */
  runRoot?: string;
}

export function loadProject(input: LoadInput): LoadedProject {
  const loader = new Loader(input);
  const dir = input.projectDirectory ?? (input.files[0] ? path.dirname(input.files[0].file) : '.');
  const services = loader.load(input.files, dir, [], input.environment);
  for (const g of services) g.started = isStarted(g.profiles, input.profiles);
  loader.envFiles(services.filter((g) => g.started));
  loader.problems.push(...inactiveDependencies(services));
  const { directories, environments } = loader;
  return {
    directoryOf: (file) => directories.get(file) ?? path.dirname(file),
    environmentOf: (file) => environments.get(file),
    files: loader.files,
    extendsFiles: loader.extendsFiles.filter((f) => !loader.files.includes(f)),
    services,
    includes: loader.includes,
    remote: loader.remote,
    problems: loader.problems,
  };
}

class Loader {
  files: ComposeFile[] = [];
  extendsFiles: ComposeFile[] = [];
  includes: IncludedProject[] = [];
  remote: RemoteReference[] = [];
  problems: LoadProblem[] = [];
  /** Each file's folder for relative paths: the first project that loads it decides. */
  directories = new Map<string, string>();
  /** Each file's variables, where the root project's are not its (an include's files, their extends files). */
  environments = new Map<string, Environment>();
  private reported = new Set<string>();
  /** Each file read once, so a file reached twice is the same definitions (no conflict with itself). */
  private texts = new Map<string, ComposeFile | undefined>();

  /** The project directory: missing files are named relative to it. */
  private readonly root: string;

  constructor(private readonly input: LoadInput) {
    for (const f of input.files) this.texts.set(f.file, f);
    this.root = path.resolve(input.projectDirectory ?? (input.files[0] ? path.dirname(input.files[0].file) : '.'));
  }

  /**
   * A value as compose reads it (a path, a profile name): interpolated with the project's variables
   * (compose-go interpolates the whole file, include and extends included, before it loads them).
   * Undefined when a variable in it has no value here: a path then names no file. `env`: the
   * variables of the project the file belongs to (an included one's own: include.go ApplyInclude
   * loads it with them). `certain`: compose reads this very path, so a missing file is one compose
   * refuses. The CLI knows the shell, so every resolved path is (a variable the shell does not set
   * takes its default). The editor does not: only a path whose every variable an env file sets is;
   * a default (`${STACK:-monitoring}`) is written for the shell to choose, which the editor cannot see.
   */
  private interpolatedValue(
    scalar: Scalar,
    env: Environment | undefined,
  ): { value: string; interpolated: boolean; certain: boolean } | undefined {
    if (!scalar.value.includes('$')) return { value: scalar.value, interpolated: false, certain: true };
    if (!env) return undefined;
    const result = interpolate(scalar.value, env.lookup);
    if (!isResolved(result)) return undefined;
    const certain = env.shell || result.variables.every((v) => v.set && typeof env.origin(v.name) === 'object');
    return { value: result.value, interpolated: true, certain };
  }

  private read(file: string): ComposeFile | undefined {
    if (!this.texts.has(file)) this.texts.set(file, this.input.read(file));
    return this.texts.get(file);
  }

  /**
   * One set of files merged (a `-f` set, or an include's `path` list); `chain`: the include path
   * so far; `env`: the variables the set is interpolated with.
   */
  load(set: ComposeFile[], dir: string, chain: string[], env: Environment | undefined): ServiceGroup[] {
    const groups = new Map<string, ServiceGroup>();
    for (const file of set) {
      if (!this.files.includes(file)) this.files.push(file);
      this.place(file.file, dir, env);
      // compose-go loader.go loadYamlFile: a file's includes are merged into it first, under its own
      // definitions (include.go importResource), then its extends are applied, then the file is
      // merged over the files before it (13-merge.md).
      const imported = new Map<string, ServiceGroup>();
      for (const entry of readIncludes(file.text)) this.include(file, entry, dir, chain, env, imported);
      const own = new Map<string, ServiceGroup>();
      for (const service of file.services) {
        const parts = this.extended(service, file, dir, [], env, imported);
        const group = own.get(service.name);
        if (group) group.parts.push(...parts);
        else {
          const under = imported.get(service.name)?.parts ?? [];
          own.set(service.name, {
            name: service.name,
            parts: [...under, ...parts],
            main: service,
            profiles: [],
            started: true,
          });
        }
      }
      for (const g of imported.values()) if (!own.has(g.name)) own.set(g.name, g);
      for (const g of own.values()) mergeOver(groups, g);
    }
    for (const g of groups.values())
      g.profiles = [...new Set(g.parts.flatMap((p) => p.profiles.map((s) => this.profileName(s, p.file))))];
    return [...groups.values()];
  }

  /** `imported`: what the file's earlier includes brought; each include goes under it (importResource). */
  private include(
    file: ComposeFile,
    entry: ReturnType<typeof readIncludes>[number],
    dir: string,
    chain: string[],
    env: Environment | undefined,
    imported: Map<string, ServiceGroup>,
  ): void {
    const paths: { scalar: Scalar; file: string; value: string; certain: boolean }[] = [];
    for (const p of entry.paths) {
      const named = this.interpolatedValue(p, env);
      if (!named) return; // a variable with no value here: the included file cannot be named
      if (isRemote(named.value)) return this.fetched(file.file, p.range, named.value, 'include');
      paths.push({ scalar: p, file: path.resolve(dir, named.value), value: named.value, certain: named.certain });
    }
    const first = paths[0].file;
    if (chain.includes(first)) {
      // The files from the included one round to it: the chain so far, this file, the included one.
      const walked = [...chain, file.file].filter((f, i, all) => i === 0 || all[i - 1] !== f);
      const loop = [...walked.slice(walked.indexOf(first)), first].map((f) => path.basename(f)).join(' → ');
      return this.problem(
        'include-cycle',
        file.file,
        paths[0].scalar.range,
        `include closes a cycle (${loop}): remove the entry that points back`,
      );
    }
    const parsed: ComposeFile[] = [];
    for (const p of paths) {
      const read = this.read(p.file);
      // Missing after interpolation where a variable may hold another value where compose runs: not judged.
      if (!read)
        return !p.certain || this.input.refused?.(p.file)
          ? undefined
          : this.missing(file.file, p.scalar, p.value, 'include');
      parsed.push(read);
    }
    const projectDirectory = entry.projectDirectory
      ? path.resolve(dir, entry.projectDirectory.value)
      : path.dirname(first);
    const included: IncludedProject = {
      files: parsed.map((f) => f.file),
      projectDirectory,
      envFiles: entry.envFiles.map((e) => path.resolve(dir, e.value)),
      file: file.file,
      range: entry.range,
    };
    // ApplyInclude stats each env_file it is given (a relative one from the including project's directory).
    for (const e of entry.envFiles)
      if (e.value !== '/dev/null' && !e.value.includes('$'))
        this.envFile(file.file, e, path.resolve(dir, e.value), 'include');
    if (env) included.environment = includeEnvironment(included, env, this.input.readText);
    this.includes.push(included);
    for (const g of this.load(parsed, projectDirectory, [...chain, file.file], included.environment)) {
      const have = imported.get(g.name);
      if (!have) imported.set(g.name, g);
      else have.parts = [...g.parts.filter((p) => !have.parts.includes(p)), ...have.parts];
    }
  }

  /**
   * The definitions `extends:` merges into `service`, bases first, the service last. `imported`: the
   * services the file's includes brought, which a base without `file:` may be (compose-go applies
   * includes before extends); an extended `file:` is read without its includes (getExtendsBaseFromFile
   * SkipInclude).
   */
  private extended(
    service: ComposeService,
    file: ComposeFile,
    dir: string,
    seen: string[],
    env: Environment | undefined,
    imported?: Map<string, ServiceGroup>,
  ): ComposeService[] {
    const ref = service.extends;
    if (!ref) return [service];
    const key = `${file.file}#${service.name}`;
    if (seen.includes(key)) {
      const loop = [...seen, key].map((k) => k.slice(k.lastIndexOf('#') + 1)).join(' → ');
      this.problem('extends-cycle', file.file, ref.range, `extends closes a cycle (${loop}): remove one extends of it`);
      return [service];
    }
    let target = file;
    let targetDir = dir;
    if (ref.file) {
      const named = this.interpolatedValue(ref.file, env);
      if (!named) return [service];
      if (isRemote(named.value)) {
        this.fetched(file.file, ref.file.range, named.value, 'extends');
        return [service];
      }
      const resolved = path.resolve(dir, named.value);
      const found = this.read(resolved);
      if (!found) {
        if (named.certain && !this.input.refused?.(resolved)) this.missing(file.file, ref.file, named.value, 'extends');
        return [service];
      }
      target = found;
      // An extended file's own relative paths resolve from its folder (compose-go getExtendsBaseFromFile).
      targetDir = path.dirname(found.file);
      this.place(found.file, targetDir, env);
      if (!this.extendsFiles.includes(found)) this.extendsFiles.push(found);
      imported = undefined;
    }
    const base = target.services.find((s) => s.name === ref.service.value);
    const under = imported?.get(ref.service.value)?.parts ?? [];
    if (!base && under.length > 0) return [...under, service];
    if (!base) {
      if (!ref.service.value.includes('$'))
        this.problem(
          'unknown-extends-service',
          file.file,
          ref.service.range,
          unknownBase(ref.service.value, ref.file?.value, [
            ...target.services.map((s) => s.name),
            ...(imported ? [...imported.keys()] : []),
          ]),
        );
      return [service];
    }
    return [...under, ...this.extended(base, target, targetDir, [...seen, key], env, imported), service];
  }

  /**
   * A profile name as compose reads it: interpolated with the variables of the file that names
   * it (compose-go interpolates the whole model before it applies profiles: loader.go, then
   * types.Project.WithProfiles). As written when a variable in it has no value here.
   */
  private profileName(profile: Scalar, file: string): string {
    return (
      this.interpolatedValue(profile, this.environments.get(file) ?? this.input.environment)?.value ?? profile.value
    );
  }

  /** Where a file's relative paths resolve and what it is interpolated with: the first project that reads it decides. */
  private place(file: string, dir: string, env: Environment | undefined): void {
    if (this.directories.has(file)) return;
    this.directories.set(file, dir);
    if (env && env !== this.input.environment) this.environments.set(file, env);
  }

  /** A reference compose fetches: noted once, not read. */
  private fetched(file: string, range: Range, reference: string, kind: RemoteReference['kind']): void {
    if (this.remote.some((r) => r.file === file && r.range.start === range.start)) return;
    this.remote.push({ file, range, reference, kind });
  }

  /**
   * The `env_file:` entries of the started services: compose reads each one before it creates a
   * container and stops on a missing one unless it is `required: false` (compose-go
   * types/project.go WithServicesEnvironmentResolved, loadEnvFile); services the profiles leave
   * out are never resolved. Relative paths resolve as the part's other paths do.
   */
  envFiles(started: ServiceGroup[]): void {
    for (const g of started)
      for (const part of g.parts)
        for (const ref of part.envFiles) {
          if (ref.optional || ref.value === '/dev/null') continue;
          const named = this.interpolatedValue(ref, this.environments.get(part.file) ?? this.input.environment);
          // A variable with no value here, or one that may hold another where compose runs.
          if (!named || !named.certain) continue;
          const dir = this.directories.get(part.file) ?? path.dirname(part.file);
          this.envFile(part.file, ref, path.resolve(dir, named.value), 'service');
        }
  }

  private envFile(file: string, ref: Scalar, resolved: string, from: 'service' | 'include'): void {
    const read = this.input.readText;
    if (!read || read(resolved) !== undefined || this.input.refused?.(resolved)) return;
    // Kept out of git on purpose (a template beside it, a .gitignore naming it): compose still
    // refuses the project without it, but a clean clone lacks it by design, so a warning that says
    // how to create it, not an error that calls the path wrong.
    const local = localFile(resolved, { project: this.root, root: this.input.runRoot }, read);
    if (local.template || local.ignoredBy) {
      const fix = local.template ? `create it from ${local.template}` : 'create it (it is gitignored)';
      const why = [
        local.ignoredBy ? `${path.relative(this.root, local.ignoredBy) || '.gitignore'} names it` : '',
        local.template ? `${local.template} is its template` : '',
      ].filter(Boolean);
      this.problem(
        'missing-env-file',
        file,
        ref.range,
        `env file "${ref.value}" does not exist: ${fix} (compose refuses the project without it)`,
        undefined,
        {
          severity: 'warning',
          note: `The project keeps it out of git (${why.join(', ')}), so a clean clone (CI) lacks it by design: create it before docker compose runs${from === 'service' ? ', or write required: false if the service runs without it' : ''}.`,
        },
      );
      return;
    }
    const fix = from === 'service' ? 'create it, or write required: false' : 'correct the path or create it';
    this.problem('missing-env-file', file, ref.range, `env file "${ref.value}" does not exist: ${fix}`);
  }

  /** `value`: the path as interpolated, named in the message when it differs from the text. */
  private missing(file: string, scalar: Scalar, value: string, what: 'include' | 'extends'): void {
    const shown = value === scalar.value ? `"${value}"` : `"${value}" (${scalar.value})`;
    this.problem(
      'missing-compose-file',
      file,
      scalar.range,
      `${what === 'include' ? 'included' : 'extended'} file ${shown} does not exist: correct the path or create it`,
    );
  }

  private problem(
    code: LoadCode,
    file: string,
    range: Range,
    message: string,
    related?: Related[],
    extra?: Pick<LoadProblem, 'severity' | 'note'>,
  ): void {
    const id = `${code}|${file}|${range.start}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.problems.push({ code, file, range, message, ...(related ? { related } : {}), ...extra });
  }
}

/** A file's services merged over the groups of the files before it, each definition once (a file reached twice). */
function mergeOver(groups: Map<string, ServiceGroup>, g: ServiceGroup): void {
  const have = groups.get(g.name);
  if (!have) groups.set(g.name, { ...g, parts: [...g.parts] });
  else have.parts.push(...g.parts.filter((p) => !have.parts.includes(p)));
}

/** `no service "ap" in common.yml to extend: did you mean "app"?` */
function unknownBase(name: string, file: string | undefined, names: string[]): string {
  const suggestion = nearest(name, names);
  return `no service "${name}" in ${file ?? 'this file or its includes'} to extend: ${suggestion ? `did you mean "${suggestion}"?` : 'name one it defines'}`;
}
