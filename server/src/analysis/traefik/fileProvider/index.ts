// Finds the files Traefik's file provider reads: `providers.file.directory` (which wins when both
// are set) or `providers.file.filename`, paths inside Traefik's container mapped to the host
// through the Traefik service's volumes (pkg/provider/file/file.go BuildConfiguration).
// A directory is read in name order, sub-directories where they fall, .toml/.yaml/.yml only
// (loadFileConfigFromDirectory, which uses os.ReadDir).
import * as path from 'path';
import type { MajorVersion, StaticConfig, StaticPath } from '../static';
import { hostPath, mountOf } from '../staticConfig/mounts';
import type { Mount, TraefikService } from '../staticConfig/service';
import { fileDefinitions } from './definitions';
import type { DirEntry, DynamicFile, FileProvider, FileProviderIo } from './model';
import { dynamicFormat, readDynamicFile } from './read';
import { validateDynamic } from './validate';

export { fileNames } from './definitions';
export type { DirEntry, DynamicFile, FileDefinition, FileProvider, FileProviderIo } from './model';
export { UNKNOWN_FILE_PROVIDER } from './model';

/** Directories deeper than this are not followed (a symlink loop). */
const MAX_DEPTH = 8;

export function readFileProvider(
  config: StaticConfig,
  service: TraefikService | undefined,
  io: FileProviderIo,
  parse: (file: string, containerPath: string, text: string) => DynamicFile = parseDynamicFile,
): FileProvider {
  const unknown = (note: string): FileProvider => ({ state: 'unknown', note, files: [], uncertain: true });
  if (!config.settingsKnown) return unknown('the static configuration could not be read');
  if (!config.fileProvider)
    return { state: 'none', note: 'the static configuration enables no file provider', files: [], uncertain: false };
  const { directory, filename } = config.fileProviderPaths ?? {};
  const given: StaticPath | undefined = directory ?? filename;
  if (!given)
    return {
      state: 'none',
      note: 'providers.file sets neither filename nor directory ("no filename defined")',
      files: [],
      uncertain: false,
    };
  const mode = directory ? 'directory' : 'filename';
  if (given.interpolated) return unknown(`providers.file.${mode} is a compose variable`);
  if (!service) return unknown('no Traefik service mounts it');
  const containerPath = path.posix.resolve('/', given.value.trim());
  const view: FileProvider = { state: 'read', mode, path: containerPath, files: [], uncertain: false };
  if (mode === 'filename') {
    const mount = mountOf(service.mounts, containerPath);
    const host = mount && hostPath(mount, containerPath);
    if (host === undefined) return unknown(`${containerPath} is not bind-mounted from the project`);
    const text = io.readFile?.(host);
    if (text === undefined) return unknown(`${containerPath} (${host}) cannot be read`);
    view.files.push(parse(host, containerPath, text));
  } else {
    const tree = new ContainerTree(service.mounts, io);
    if (!tree.mountedAt(containerPath)) return unknown(`${containerPath} is not bind-mounted from the project`);
    if (!walk(tree, containerPath, parse, view, 0)) return unknown(`${containerPath} cannot be listed`);
  }
  view.refusedBy = view.files.find((f) => f.refused);
  // A template that writes only values leaves the names as written: only one that may write names makes them a guess.
  view.uncertain ||= view.files.some((f) => f.read.namesTemplated || f.read.unread);
  return view;
}

/**
 * The container's file tree as the mounts build it: a directory holds what its bind-mounted host
 * folder holds plus every mount whose target lies below it (a file bind-mounted on its own into
 * the provider's directory is read like the others).
 */
class ContainerTree {
  constructor(
    private readonly mounts: Mount[],
    private readonly io: FileProviderIo,
  ) {}

  /** Some mount puts something at or below `dir` (else the folder is the image's, unseen). */
  mountedAt(dir: string): boolean {
    return this.mounts.some((m) => m.target === dir || m.target.startsWith(`${dir}/`) || mountOf([m], dir) === m);
  }

  read(host: string): string | undefined {
    return this.io.readFile?.(host);
  }

  hostOf(containerPath: string): string | undefined {
    const mount = mountOf(this.mounts, containerPath);
    return mount && hostPath(mount, containerPath);
  }

  /** Entries of `dir` with `complete: false` when part of it cannot be seen (a named volume, an unlistable folder). */
  list(dir: string): { entries: DirEntry[]; complete: boolean } | undefined {
    const byName = new Map<string, DirEntry>();
    let complete = true;
    const holder = mountOf(this.mounts, dir);
    const host = holder && hostPath(holder, dir);
    const listed = host !== undefined ? this.io.listDir?.(host) : undefined;
    if (listed) for (const e of listed) byName.set(e.name, e);
    else if (holder) complete = false;
    let nested = false;
    for (const m of this.mounts) {
      if (!m.target.startsWith(`${dir}/`)) continue;
      nested = true;
      const rest = m.target.slice(dir.length + 1);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      if (slash >= 0) {
        byName.set(name, { name, directory: true });
        continue;
      }
      const source = hostPath(m, m.target);
      if (source === undefined) {
        // A named volume here: what it holds is not seen.
        byName.delete(name);
        complete = false;
        continue;
      }
      // A mount's target is a directory when its source lists as one (Docker mounts what the source is).
      byName.set(name, { name, directory: this.io.listDir?.(source) !== undefined });
    }
    if (!listed && !nested) return undefined;
    return { entries: [...byName.values()], complete };
  }
}

function walk(
  tree: ContainerTree,
  containerDir: string,
  parse: (file: string, containerPath: string, text: string) => DynamicFile,
  view: FileProvider,
  depth: number,
): boolean {
  const listing = tree.list(containerDir);
  if (!listing) return false;
  if (!listing.complete) view.uncertain = true;
  for (const e of [...listing.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const inside = path.posix.join(containerDir, e.name);
    if (e.directory) {
      if (depth >= MAX_DEPTH || !walk(tree, inside, parse, view, depth + 1)) view.uncertain = true;
      continue;
    }
    if (!dynamicFormat(e.name)) continue;
    const host = tree.hostOf(inside);
    const text = host !== undefined ? tree.read(host) : undefined;
    if (text === undefined) {
      view.uncertain = true;
      continue;
    }
    view.files.push(parse(host!, inside, text));
  }
  return true;
}

/** `version`: the Traefik major version when known (undefined: judged for both). */
export function parseDynamicFile(
  file: string,
  containerPath: string,
  text: string,
  version?: MajorVersion,
): DynamicFile {
  const format = dynamicFormat(containerPath);
  if (!format)
    return {
      file,
      containerPath,
      text,
      read: { format: 'yaml', keys: [], settings: [], templated: false, namesTemplated: false, steered: false },
      definitions: [],
      problems: [],
      refused: { message: `unsupported file extension: ${containerPath}`, range: { start: 0, end: 0 } },
    };
  const read = readDynamicFile(file, text, format);
  const definitions = fileDefinitions(file, read.keys, read.settings);
  // A template may render into something else: nothing in a templated file is judged.
  const problems =
    read.templated || read.syntaxError || read.unread ? [] : validateDynamic(read.keys, read.settings, version);
  const out: DynamicFile = { file, containerPath, text, read, definitions, problems };
  if (read.templateError) out.refused = read.templateError;
  else if (read.syntaxError && !read.templated) out.refused = read.syntaxError;
  else if (problems.length > 0) out.refused = { message: problems[0].what, range: problems[0].range };
  return out;
}
