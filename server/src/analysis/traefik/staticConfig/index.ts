// Finds and reads the static configuration a project's Traefik runs with. Traefik reads ONE
// source: a configuration file if it finds one, else its command-line flags, else TRAEFIK_*
// environment variables (cmd/traefik/traefik.go loader order; paerser cli/commands.go run stops
// at the first loader that loads; docs/content/getting-started/configuration-overview.md).
import type { ComposeFile } from '../../compose/model';
import { emptyStaticConfig, IgnoredStatic, MajorVersion, Origin, StaticConfig } from '../static';
import { containerVariables, DYNAMIC_ROOTS, EnvSetting, readEnv } from './env';
import { buildStatic, type BuildOptions } from './build';
import { isToml, readStaticFile, readStaticText } from './file';
import { readToml, type TomlRead } from '../toml';
import { Flag, readFlags } from './flags';
import { findConfigFile } from './mounts';
import { findTraefikService, TraefikService, type TraefikProject } from './service';
import type { Setting } from './setting';
import type { Range } from '../../types';

export { findTraefikService, fragmentServices, isFragment, traefikServiceName, type TraefikProject } from './service';
export type { TraefikService } from './service';
export { readFlags } from './flags';
export { readEnv } from './env';
export type { EnvSetting } from './env';
export type { Flag } from './flags';
export { isToml, readStaticFile, readStaticText } from './file';
export { lookupStaticKey, STATIC_SCHEMA } from './schema';
export type { StaticKeyLookup, StaticSchema } from './schema';
export type { KeyPart, Setting } from './setting';

export interface SourceFile {
  file: string;
  text: string;
}

export interface StaticInput {
  files: ComposeFile[];
  /** traefik.yml files named explicitly (setting / --traefik-config). */
  explicit: SourceFile[];
  /** Reads a file the compose file mounts into Traefik (relative paths resolved by the caller). */
  readFile?: (path: string) => string | undefined;
  /** The loaded project: where relative mounts resolve, and the services with their extended bases. */
  project?: TraefikProject;
  /** The version an option (or the workspace) sets, for a Traefik whose image names none. */
  version?: MajorVersion;
}

type Versions = Pick<BuildOptions, 'v2' | 'swarmMode'>;

export interface StaticResult {
  config: StaticConfig;
  /** Static files that were read (explicit or mounted), to validate and to watch. */
  staticFiles: SourceFile[];
}

export function readStaticConfig(
  input: StaticInput,
  service = findTraefikService(input.files, input.project, input.readFile),
): StaticResult {
  const config = emptyStaticConfig();
  const staticFiles: SourceFile[] = [...input.explicit];
  const notes: string[] = [];
  if (service?.version === 'v1') {
    notes.push('Traefik v1 reads another configuration format; its static configuration is not read.');
    return { config: { ...config, notes, traefikV1: true }, staticFiles };
  }
  if (service?.version) config.version = service.version;
  if (service?.script) config.script = true;
  const known = config.version ?? input.version;
  const version: MajorVersion = known ?? 'v3';
  // v3 refuses providers.docker.swarmMode: a Traefik of unknown version that starts with it is v2.
  const versions: Versions = { v2: version === 'v2', swarmMode: known !== 'v3' };
  const flags = service?.command
    ? resolveFlags(readFlags(service.command.words, service.command.file.text, version).flags, service, input.project)
    : [];

  if (service) {
    const names = containerVariables(service.env, input.readFile);
    if (names.length > 0) config.containerVariables = names;
  }
  const explicit = input.explicit[0];
  if (explicit) {
    fromFile(config, explicit.file, explicit.text, notes, versions);
    config.sources.push({ file: explicit.file, range: { start: 0, end: 0 } });
    return done(config, staticFiles, notes);
  }
  if (!service) return done(config, staticFiles, notes);

  const env = readEnv(service.env, input.readFile);
  const dynamic = env.filter((v) => !v.read && DYNAMIC_ROOTS.includes(v.path[0]?.text ?? ''));
  if (dynamic.length > 0) ignore(config, 'dynamic', dynamic.map(envItem));
  const variables = env.filter((v) => v.read);
  if (variables.length > 0) config.variables = variables.map(({ name, file, path }) => ({ name, file, path }));

  const imageArgs = service.imageArgs;
  const configFileFlag = imageArgs
    ? imageConfigFile(imageArgs.words)
    : flags.filter((f) => f.name.toLowerCase() === 'configfile').pop()?.value;
  if (configFileFlag === null) {
    notes.push(
      `Traefik's --configFile comes from ${imageArgs!.written} in a form not read here: its static configuration is unknown.`,
    );
    return done(config, staticFiles, notes);
  }
  const search = findConfigFile(service.mounts, configFileFlag, input.readFile);
  if (search.kind === 'found') {
    const { file } = search;
    config.sources.push({ file: file.mount.file.file, range: file.mount.scalar.range });
    const content = file.mount.content;
    if (content && file.text !== undefined) {
      // Read in place in the compose file, not a static file of its own (no check re-reads it as one).
      config.sources.push({ file: content.file, range: content.range });
      fromFile(config, content.file, file.text, notes, versions, {
        toml: isToml(file.path),
        interpolated: content.interpolated,
      });
      config.inlineFile = { file: content.file, text: file.text, toml: isToml(file.path) };
    } else if (file.text !== undefined && file.host !== undefined) {
      staticFiles.push({ file: file.host, text: file.text });
      config.sources.push({ file: file.host, range: { start: 0, end: 0 } });
      fromFile(config, file.host, file.text, notes, versions);
    } else {
      config.found = true;
      config.from = 'file';
      notes.push(`Traefik loads ${file.path}, which could not be read: entry points and providers are unknown.`);
    }
    // FileLoader comes first (cmd/traefik/traefik.go): with a file found, flags and variables are never decoded.
    const winner = {
      source: 'file' as const,
      name: file.path,
      origin: { file: file.mount.file.file, range: file.mount.scalar.range },
    };
    const ignoredFlags = flags.filter((f) => f.name.toLowerCase() !== 'configfile');
    if (ignoredFlags.length > 0) {
      notes.push(`Traefik ignores the command flags because it loads ${file.path}.`);
      ignore(
        config,
        'flags',
        ignoredFlags.map((f) => flagItem(f, service)),
        winner,
      );
    }
    if (variables.length > 0) ignore(config, 'env', variables.map(envItem), winner);
    return done(config, staticFiles, notes);
  }
  if (search.kind === 'unknown') {
    config.found = true;
    config.from = 'file';
    notes.push(
      search.why
        ? `Traefik may load ${search.path}: ${search.why}, so its static configuration is unknown.`
        : `--configFile names ${search.path}, which no volume mounts: its content is unknown.`,
    );
    return done(config, staticFiles, notes);
  }
  if (imageArgs && imageArgs.words.length > 0) {
    // Traefik reads the CMD's flags, which no compose file holds (the editor cannot point at them).
    notes.push(
      `Traefik reads its flags from ${imageArgs.written}, which are not read here: its static configuration is unknown.`,
    );
    return done(config, staticFiles, notes);
  }
  if (service.script) {
    // The script passes Traefik flags this file does not show, and flags beat TRAEFIK_* variables
    // (paerser cli/commands.go: the first loader that loads wins): nothing here is the whole of it.
    notes.push(
      `Service "${service.name}" starts Traefik from ${service.script.value}: the flags it passes cannot be seen, so its static configuration is unknown.`,
    );
    return done(config, staticFiles, notes);
  }
  const imageEnv = flags.length === 0 ? service.baked?.traefikEnv : undefined;
  if (imageEnv && imageEnv.length > 0) {
    notes.push(
      `The image's Dockerfile sets ${imageEnv[0]}: Traefik reads its TRAEFIK_* variables, which are not read here; its static configuration is unknown.`,
    );
    return done(config, staticFiles, notes);
  }
  if (flags.length > 0) {
    fromFlags(config, service, flags, versions);
    // FlagLoader loads whenever Traefik has arguments (paerser cli/loader_flag.go): variables are then unused.
    const words = service.command!.words;
    const winner = { source: 'flags' as const, name: 'command', origin: config.sources[config.sources.length - 1] };
    if (variables.length > 0 && words.length > 0) ignore(config, 'env', variables.map(envItem), winner);
    return done(config, staticFiles, notes);
  }
  if (variables.length > 0) {
    fromEnv(config, variables, versions);
    return done(config, staticFiles, notes);
  }
  notes.push(`Service "${service.name}" has no command flags, no TRAEFIK_* variables and no mounted traefik.yml.`);
  return done(config, staticFiles, notes);
}

/** `--configFile=x` / `--configfile x` among a Dockerfile CMD's words; null when it is there in another form. */
function imageConfigFile(words: string[]): string | undefined | null {
  let found: string | undefined | null;
  words.forEach((w, i) => {
    const m = /^--?configfile(?:=(.*))?$/i.exec(w);
    if (!m) return;
    const value = m[1] ?? words[i + 1];
    found = value === undefined || value.startsWith('-') || value.includes('$') ? null : value;
  });
  return found;
}

function ignore(
  config: StaticConfig,
  kind: IgnoredStatic['kind'],
  items: IgnoredStatic['items'],
  winner?: IgnoredStatic['winner'],
): void {
  (config.ignored ??= []).push(winner ? { kind, items, winner } : { kind, items });
}

/**
 * Flag values as Traefik receives them: compose interpolates `command:` before the container
 * starts (compose spec 12-interpolation.md), so `--api.insecure=${INSECURE:-false}` is
 * `--api.insecure=false` when INSECURE is unset. A value whose variables have no value here stays
 * `interpolated`, and nothing is judged from it.
 */
function resolveFlags(flags: Flag[], service: TraefikService, project: TraefikProject | undefined): Flag[] {
  const file = service.command!.file.file;
  return flags.map((f) => {
    if (!f.interpolated || f.name.includes('$') || !project?.resolve) return f;
    const value = project.resolve(file, f.value);
    return value === undefined ? f : { ...f, value, interpolated: false };
  });
}

function flagItem(f: Flag, service: TraefikService): IgnoredStatic['items'][number] {
  return { text: f.word.value, origin: { file: service.command!.file.file, range: f.word.range } };
}

function envItem(v: EnvSetting): IgnoredStatic['items'][number] {
  return { text: v.name, origin: { file: v.file, range: v.range } };
}

function fromEnv(config: StaticConfig, variables: EnvSetting[], versions: Versions): void {
  config.found = true;
  config.from = 'env';
  config.sources.push({ file: variables[0].file, range: variables[0].range });
  Object.assign(config, buildStatic(variables, { mergeNameCase: true, ...versions }));
  config.settingsKnown = true;
}

function done(config: StaticConfig, staticFiles: SourceFile[], notes: string[]): StaticResult {
  return { config: notes.length > 0 ? { ...config, notes } : config, staticFiles };
}

/** `as`: a `configs:` content read from the compose file, by its target's format; `$` in it is compose's. */
function fromFile(
  config: StaticConfig,
  file: string,
  text: string,
  notes: string[],
  versions: Versions,
  as?: { toml: boolean; interpolated: boolean },
): void {
  config.found = true;
  config.from = 'file';
  const read: TomlRead = as
    ? as.toml
      ? readToml(file, text)
      : readStaticFile(file, text)
    : readStaticText(file, text);
  if (read.unread) {
    notes.push(`${file} could not be read here (${read.unread}); its settings are not judged.`);
    return;
  }
  if (!read.ok) {
    const format = isToml(file) ? 'TOML' : 'YAML';
    const why = read.refused ? ` (${read.refused})` : read.error ? ` (${read.error.message})` : '';
    notes.push(`${file} is not valid ${format}${why}: Traefik does not start with it.`);
    return;
  }
  // compose interpolates a config's content before Traefik reads it: a value with `$` is not as written.
  const settings = as?.interpolated
    ? read.settings.map((s) => (s.value?.includes('$') ? { ...s, interpolated: true } : s))
    : read.settings;
  Object.assign(config, buildStatic(settings, { mergeNameCase: false, ...versions }));
  config.settingsKnown = true;
}

function fromFlags(config: StaticConfig, service: TraefikService, flags: Flag[], versions: Versions): void {
  const settings: Setting[] = flags
    .filter((f) => !f.missingValue)
    .map((f) => ({
      file: service.command!.file.file,
      path: f.segments,
      value: f.value,
      interpolated: f.interpolated,
      ...flagValueRange(f),
    }));
  config.found = true;
  config.from = 'flags';
  const words = service.command!.words;
  const origin: Origin = {
    file: service.command!.file.file,
    range: { start: words[0].range.start, end: words[words.length - 1].range.end },
  };
  config.sources.push(origin);
  Object.assign(config, buildStatic(settings, { mergeNameCase: true, ...versions }));
  config.settingsKnown = true;
}

/** Where a flag's value is written: its own word, or the word after the name's last segment; none when not exact. */
function flagValueRange(f: Flag): { valueRange?: Range } {
  if (f.valueWord) return { valueRange: f.valueWord.range };
  const last = f.segments[f.segments.length - 1];
  // Segments are exact only when the word is written as Traefik reads it; then the value follows `=`.
  if (!last || (last.range.start === f.word.range.start && last.range.end === f.word.range.end)) return {};
  // The word as written (f.value may be interpolated since): `--` + name + `=` + value.
  const dashes = f.word.value.length - f.word.value.replace(/^-+/, '').length;
  const end = f.segments[0].range.start - dashes + f.word.value.length;
  const start = last.range.end + 1;
  return start < end && end <= f.word.range.end ? { valueRange: { start, end } } : {};
}
