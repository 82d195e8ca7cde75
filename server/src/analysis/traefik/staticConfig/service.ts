// Finds the Traefik service of a compose project and what compose hands it: the image, the
// `command:` in effect and the volumes, merged across override files and extended bases as
// compose merges them (command replaced by the last file that sets it, volumes merged by
// container path; 13-merge.md), relative bind sources resolved from the folder compose resolves
// them from (compose-go paths/resolve.go: the project directory; an extended file's folder).
import * as path from 'path';
import { hasInterpolation } from '../../compose/labels';
import type { ComposeFile, ComposeService, Scalar } from '../../compose/model';
import { structuralEquals } from '../../engine';
import type { Project } from '../../project';
import type { MajorVersion } from '../static';
import type { EnvSource } from './env';
import { bakedImage, type BakedImage } from './baked';
import { configMounts, type ConfigContent } from './configs';
import { launch } from './launch';
import { mountOf } from './mounts';

export interface Mount {
  /** Host path or volume name, as written. */
  source: string;
  /** Path inside the container. */
  target: string;
  scalar: Scalar;
  file: ComposeFile;
  /** Where a relative source resolves (LoadedProject.directoryOf of its file). */
  dir: string;
  /** A `configs:` entry with inline `content:` (configs.ts); its `source` is `config:<name>`. */
  content?: ConfigContent;
  /** A file the image's Dockerfile puts there that cannot be seen (baked.ts): the instruction. */
  unseen?: string;
}

/** What the project loader knows beyond the files: where paths resolve, how services merged. */
export interface TraefikProject {
  /** The folder a compose file's relative paths resolve from (compose/project LoadedProject.directoryOf). */
  directoryOf(file: string): string;
  /** The started services as the loader merged them (extended bases first), instead of by name over the files. */
  services?: readonly { name: string; parts: readonly ComposeService[] }[];
  /** Files read only for `extends:` (where a base's part comes from). */
  extendsFiles?: readonly ComposeFile[];
  /**
   * `text`, written in compose file `file`, as compose interpolates it with that file's variables;
   * undefined when a variable in it has no value here.
   */
  resolve?(file: string, text: string): string | undefined;
}

export interface TraefikService {
  name: string;
  /** The service's entries across the project's files, in file order. */
  parts: ComposeService[];
  /** The image as compose interpolates it with the project's environment. */
  image?: Scalar;
  /** The image as the file writes it, when that differs (`traefik:${TAG}`). */
  imageWritten?: string;
  /** Traefik's major version from the image tag; 'v1' for Traefik 1.x, which reads other flags. */
  version?: MajorVersion | 'v1';
  /** The words Traefik receives as flags (launch.ts): none when a script of the container starts it. */
  command?: { words: Scalar[]; file: ComposeFile };
  /** The program the container runs instead of Traefik itself (`entrypoint: [/bin/sh, start.sh]`). */
  script?: Scalar;
  mounts: Mount[];
  /** Each part's `environment:` and `env_file:`, in file order (env.ts reads them). */
  env: EnvSource[];
  /** Built from a Dockerfile FROM a Traefik image (baked.ts): `image` is then that FROM. */
  baked?: BakedImage;
  /** The flags its Dockerfile's CMD hands Traefik (`CMD ["--configFile=/etc/t.yml"]`), not in any compose file. */
  imageArgs?: { words: string[]; written: string };
}

/** `traefik`, `traefik:v3.1`, `docker.io/library/traefik:2.10`: the official image, by name. */
export function isTraefikImage(image: string): boolean {
  const { name } = splitImage(image);
  return name.replace(/^(docker\.io\/|index\.docker\.io\/|registry-1\.docker\.io\/)?(library\/)?/, '') === 'traefik';
}

/**
 * Major version from the tag: `v3.1`, `3`, `latest` (= v3 today), no tag, or a release code name
 * (`maroilles`); a digest without a tag (`traefik@sha256:…`) and other tags are unknown.
 */
export function imageVersion(image: string): MajorVersion | 'v1' | undefined {
  const { tag } = splitImage(image);
  if (hasInterpolation(tag)) return undefined;
  if (tag === '' && image.includes('@')) return undefined;
  if (tag === '' || tag === 'latest') return 'v3';
  const m = /^v?([123])(?:$|[.-])/.exec(tag);
  if (!m) return CODENAMES.get(/^[a-z]+/.exec(tag)?.[0] ?? '');
  return m[1] === '1' ? 'v1' : m[1] === '2' ? 'v2' : 'v3';
}

// Release code names, also tags of the official image (`traefik:maroilles`, `comte-alpine`):
// the CODENAME of each vX.Y.0 tag's CI file (.travis.yml, .semaphore/semaphore.yml,
// .github/workflows/release.yaml). v2.5.0 shipped still named livarot; its later tags say brie.
// `cheddar` is the Makefile's default for builds outside a release, not a version.
const CODENAMES = new Map<string, MajorVersion | 'v1'>([
  ...['reblochon', 'camembert', 'morbier', 'raclette', 'roquefort', 'cancoillotte', 'tetedemoine', 'maroilles'].map(
    (n) => [n, 'v1'] as const,
  ),
  ...[
    'montdor',
    'cantal',
    'chevrotin',
    'picodon',
    'livarot',
    'brie',
    'rocamadour',
    'epoisses',
    'vacherin',
    'banon',
    'saintmarcelin',
    'mimolette',
  ].map((n) => [n, 'v2'] as const),
  ...['beaufort', 'comte', 'munster', 'saintnectaire', 'chaource', 'chabichou', 'ramequin', 'langres'].map(
    (n) => [n, 'v3'] as const,
  ),
]);

/** Name and tag of an image reference; a variable in it (`${TAG:-v3}`) may hold `:` or `/`. */
function splitImage(image: string): { name: string; tag: string } {
  const ref = image.trim().split('@')[0];
  const masked = ref.replace(/\$\{[^}]*\}/g, (v) => 'X'.repeat(v.length));
  const colon = masked.lastIndexOf(':');
  if (colon <= masked.lastIndexOf('/')) return { name: ref, tag: '' };
  return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}

// A service without an image (built from a Dockerfile, or an override fragment whose base file
// names the image) is taken for Traefik when its command configures entry points or providers.
const TRAEFIK_FLAG = /^--?(entrypoints|providers)\./i;

/**
 * `readFile`: reads the Dockerfile of a service built locally, which may start FROM a Traefik
 * image (without it, such a service counts only by its command's flags).
 */
export function findTraefikService(
  files: ComposeFile[],
  project?: TraefikProject,
  readFile?: (absolutePath: string) => string | undefined,
): TraefikService | undefined {
  // Only a name with a part that may be Traefik is merged: the merged image or command is
  // some part's, so a name without such a part cannot qualify (and merging all costs on big files).
  const byName = new Map<string, Part[]>();
  const candidates = new Set<string>();
  const add = (name: string, service: ComposeService, file: ComposeFile | undefined): void => {
    if (!file) return;
    const parts = byName.get(name);
    if (parts) parts.push({ service, file });
    else byName.set(name, [{ service, file }]);
    if (mayBeTraefik(service)) candidates.add(name);
  };
  if (project?.services) {
    const byPath = new Map([...(project.extendsFiles ?? []), ...files].map((f) => [f.file, f]));
    for (const g of project.services) for (const part of g.parts) add(g.name, part, byPath.get(part.file));
  } else for (const file of files) for (const service of file.services) add(service.name, service, file);
  const dirOf = project ? (f: string): string => project.directoryOf(f) : (f: string): string => path.dirname(f);
  const merged = [...byName.entries()]
    .filter(([name]) => candidates.has(name))
    .map(([name, parts]) => merge(name, parts, dirOf, files));
  const found =
    merged.find((s) => s.image !== undefined && isTraefikImage(s.image.value)) ??
    merged.find((s) => s.image === undefined && s.command?.words.some((w) => TRAEFIK_FLAG.test(w.value)));
  if (!readFile) return found;
  if (found)
    return found.image === undefined ? (baked(found, byName.get(found.name)!, dirOf, readFile) ?? found) : found;
  for (const [name, parts] of byName) {
    if (candidates.has(name) || !lastBuild(parts)) continue;
    const built = baked(merge(name, parts, dirOf, files), parts, dirOf, readFile);
    if (built) return built;
  }
  return undefined;
}

/** The part that says how the image is made, when it builds one (override files win). */
function lastBuild(parts: Part[]): Part | undefined {
  const part = [...parts].reverse().find((p) => p.service.build !== undefined || p.service.image !== undefined);
  return part?.service.build ? part : undefined;
}

/**
 * The service as its built image makes it, when the Dockerfile starts FROM a Traefik image: the
 * image's version, the files COPY puts in it under the compose mounts (a volume hides what the
 * image holds below it), and a CMD or ENTRYPOINT of its own, which hands Traefik words no compose
 * file shows unless `command:` / `entrypoint:` replace it (compose spec 05-services.md).
 */
function baked(
  service: TraefikService,
  parts: Part[],
  dirOf: (file: string) => string,
  readFile: (absolutePath: string) => string | undefined,
): TraefikService | undefined {
  const part = lastBuild(parts);
  const image = part && bakedImage(part.service.build!, dirOf(part.file.file), readFile, isTraefikImage);
  if (!part || !image?.from || !isTraefikImage(image.from)) return undefined;
  const range = part.service.build!.range;
  const out: TraefikService = { ...service, image: { value: image.from, range }, baked: image };
  out.imageWritten = undefined;
  out.version = imageVersion(image.from);
  const hidden = (target: string): boolean =>
    service.mounts.some((m) => m.target === target || m.target === '/' || target.startsWith(`${m.target}/`));
  const copies = new Map<string, Mount>();
  for (const c of image.copies) {
    if (hidden(c.target)) continue;
    copies.set(c.target, {
      source: c.source ?? `image:${c.written}`,
      target: c.target,
      scalar: { value: c.written, range },
      file: part.file,
      dir: '/',
      ...(c.source ? {} : { unseen: c.written }),
    });
  }
  out.mounts = [...copies.values(), ...service.mounts];
  const replaced =
    image.launch?.keyword === 'CMD'
      ? parts.some((p) => p.service.command || p.service.entrypoint)
      : parts.some((p) => p.service.entrypoint);
  if (image.launch && !replaced) {
    const shown =
      image.dockerfile === 'dockerfile_inline'
        ? 'dockerfile_inline'
        : path.relative(dirOf(part.file.file), image.dockerfile);
    const words = image.launch.words;
    const written = `${image.launch.keyword} of ${shown}`;
    out.command = undefined;
    // The image's entrypoint runs `traefik "$@"` for a CMD of flags (launch.ts): those words are Traefik's.
    const args =
      image.launch.keyword === 'CMD' && words ? (/(^|\/)traefik$/.test(words[0]) ? words.slice(1) : words) : undefined;
    out.imageArgs = args?.every((w) => w.startsWith('-')) ? { words: args, written } : undefined;
    if (!out.imageArgs) out.script = { value: written, range };
  }
  // The image's ENTRYPOINT is still /entrypoint.sh: a file COPY or a volume puts there runs instead (launch.ts).
  const ownEntrypoint = image.launch?.keyword === 'ENTRYPOINT' || parts.some((p) => p.service.entrypoint);
  const script = ownEntrypoint ? undefined : mountOf(out.mounts, '/entrypoint.sh');
  if (script && script.target === '/entrypoint.sh') {
    out.command = undefined;
    out.imageArgs = undefined;
    out.script = script.scalar;
  }
  return out;
}

/**
 * A Traefik image, or a command configuring entry points or providers. Asked of every service on
 * every analysis: an image whose name does not contain "traefik" is ruled out by one string
 * search (isTraefikImage compares the name without registry and library/ to "traefik").
 */
function mayBeTraefik(service: ComposeService): boolean {
  const image = service.image?.value;
  if (image !== undefined && image.includes('traefik') && isTraefikImage(image)) return true;
  return service.command?.some((w) => TRAEFIK_FLAG.test(w.value)) ?? false;
}

interface Part {
  service: ComposeService;
  file: ComposeFile;
}

function merge(name: string, parts: Part[], dirOf: (file: string) => string, files: ComposeFile[]): TraefikService {
  const out: TraefikService = { name, parts: parts.map((p) => p.service), mounts: [], env: [] };
  const mounts = new Map<string, Mount>();
  let entrypoint: TraefikService['command'];
  for (const { service, file } of parts) {
    if (service.entrypoint) entrypoint = { words: service.entrypoint, file };
    if (service.image) {
      out.image = service.image;
      const written = file.text
        .slice(service.image.range.start, service.image.range.end)
        .replace(/^(['"])(.*)\1$/s, '$2');
      out.imageWritten = written !== service.image.value ? written : undefined;
    }
    if (service.command) out.command = { words: service.command, file };
    if (service.environment.length > 0 || service.envFiles.length > 0)
      out.env.push({ file, dir: dirOf(file.file), environment: service.environment, envFiles: service.envFiles });
    for (const scalar of service.volumes) {
      const mount = parseVolume(scalar, file, dirOf(file.file));
      if (mount) mounts.set(mount.target, mount);
    }
  }
  for (const mount of configMounts(name, parts, files, dirOf)) mounts.set(mount.target, mount);
  if (out.image) out.version = imageVersion(out.image.value);
  // The official image's ENTRYPOINT is /entrypoint.sh (traefik-library-image Dockerfile).
  const official = out.image !== undefined && isTraefikImage(out.image.value);
  const launched = launch(entrypoint, out.command, official ? mounts.get('/entrypoint.sh')?.scalar : undefined);
  out.command = launched.command;
  if (launched.script) out.script = launched.script;
  out.mounts = [...mounts.values()];
  return out;
}

/** Short syntax `source:target[:mode]` (long syntax arrives as `source:target`). */
function parseVolume(scalar: Scalar, file: ComposeFile, dir: string): Mount | undefined {
  const parts = splitColons(scalar.value);
  if (parts.length < 2) return undefined; // anonymous volume
  const [source, target] = parts;
  if (!target.startsWith('/')) return undefined;
  return { source, target: target.replace(/\/+$/, '') || '/', scalar, file, dir };
}

/** Splits on `:` outside `${...}` (a variable's default may hold one: `${DIR:-/srv}/x:/y`). */
function splitColons(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') depth++;
    else if (text[i] === '}' && depth > 0) depth--;
    else if (text[i] === ':' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * A service entry with neither `image:` nor `build:` only overrides a service of a compose file
 * that is not part of the project: that base may hold labels this entry does not show.
 */
export function isFragment(parts: readonly ComposeService[], files: readonly ComposeFile[]): boolean {
  return parts.every((part) => {
    if (part.image) return false;
    const text = files.find((f) => f.file === part.file)?.text ?? '';
    // `build:` as a key of the entry (the compose model does not keep it).
    return !/\n[ \t]+build[ \t]*:/.test(text.slice(part.range.start, part.range.end));
  });
}

/**
 * The name of the compose service that runs Traefik, when one does: an `image: traefik` service,
 * one built FROM a Traefik image, or one whose command configures Traefik (findTraefikService, as
 * the static configuration was read for it). Network reach, the missing-port exemption and the
 * dashboard loop all ask this, never the image again.
 */
export function traefikServiceName(project: Project): string | undefined {
  return project.derived.get('traefik service name', () => project.traefikService?.name);
}

/** The compose services whose containers are override fragments (isFragment), by name. */
export function fragmentServices(project: Project): ReadonlySet<string> {
  return project.derived.get(
    'fragment services',
    () =>
      new Set(project.containers.filter((c) => isFragment(c.composeParts, project.files)).map((c) => c.compose.name)),
    structuralEquals,
  );
}
