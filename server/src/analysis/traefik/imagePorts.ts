// The ports a container's image EXPOSEs. Docker reports them among the container's ports
// (NetworkSettings.Ports) next to `ports`/`expose`, and Traefik's docker provider picks the lowest
// of all of them (pkg/provider/docker/shared.go parseContainer, getPort). A compose service
// built locally gets them from its Dockerfile (compose spec build.md: `context`, `dockerfile`,
// `dockerfile_inline`, `args`, `target`); one that only names an image, from the table of
// well-known images.
import * as path from 'path';
import type { BuildSpec, ComposeService } from '../compose/model';
import { dockerfilePorts } from '../compose/dockerfile';
import { exposedByImage } from './images';

export interface ImagePorts {
  ports: number[];
  /** Every port of the image is known (a well-known image, or a Dockerfile read to its base). */
  complete: boolean;
  /** What could not be seen, for messages: `image "x"`, `app/Dockerfile`, `FROM base:1` in it. */
  unseen?: string;
  /** The Dockerfile read, when the image is built from one. */
  dockerfile?: string;
}

export type ReadFile = (absolutePath: string) => string | undefined;

/**
 * Where compose looks for the build's Dockerfile; undefined for a remote context (a Git URL).
 * `base`: where a relative context resolves, the project directory (compose-go paths/resolve.go
 * absContextPath; an extended file's folder for a base read from it).
 */
export function dockerfilePath(build: BuildSpec, base: string): string | undefined {
  const context = build.context?.value ?? '.';
  if (/^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i.test(context) || context.includes('$')) return undefined;
  const dir = path.resolve(base, context);
  const file = build.dockerfile?.value ?? 'Dockerfile';
  if (file.includes('$')) return undefined;
  return path.resolve(dir, file);
}

/** The image ports of the last part (override files win) that says how its image is made. */
export function imagePorts(
  parts: readonly ComposeService[],
  readFile: ReadFile | undefined,
  directoryOf: (composeFile: string) => string = path.dirname,
  memo: DockerfileMemo = new WeakMap(),
): ImagePorts {
  const part = [...parts].reverse().find((p) => p.build !== undefined || p.image !== undefined);
  if (!part) return { ports: [], complete: false, unseen: 'the image' };
  // With `build:`, compose builds the image (and tags it with `image:`, if given).
  if (part.build) return builtPorts(part.build, part.file, directoryOf(part.file), readFile, memo);
  const image = part.image!.value;
  const known = image.includes('$') ? undefined : exposedByImage(image);
  return known ? { ports: [...known], complete: true } : { ports: [], complete: false, unseen: `image "${image}"` };
}

/**
 * Per parsed `build:` (kept while its service's text is unchanged): the last Dockerfile, its text
 * and its ports. The analyser keeps one (containers.ts ContainerMemo).
 */
export type DockerfileMemo = WeakMap<
  BuildSpec,
  { file: string | undefined; text: string | undefined; ports: ImagePorts }
>;

function builtPorts(
  build: BuildSpec,
  composeFile: string,
  base: string,
  readFile: ReadFile | undefined,
  read: DockerfileMemo,
): ImagePorts {
  const inline = build.inline?.value;
  const file = inline === undefined ? dockerfilePath(build, base) : undefined;
  const text = inline ?? (file !== undefined ? readFile?.(file) : undefined);
  const last = read.get(build);
  if (last && last.file === file && last.text === text) return last.ports;
  const ports = fromDockerfile(build, composeFile, file, text);
  read.set(build, { file, text, ports });
  return ports;
}

function fromDockerfile(
  build: BuildSpec,
  composeFile: string,
  file: string | undefined,
  text: string | undefined,
): ImagePorts {
  const shown = file ? path.relative(path.dirname(composeFile), file) || file : 'the Dockerfile';
  if (text === undefined) return { ports: [], complete: false, unseen: shown, dockerfile: file };
  const args = new Map<string, string | null>();
  // A value compose interpolates (`${PORT}`) is not known yet.
  for (const [k, v] of build.args) args.set(k, v !== null && v.includes('$') ? null : v);
  const found = dockerfilePorts(text, { args, target: build.target?.value }, exposedByImage);
  if (!found) return { ports: [], complete: false, unseen: `${shown} (no stage ${build.target?.value ?? ''})` };
  return {
    ports: found.ports,
    complete: found.complete,
    unseen: found.complete ? undefined : `${found.unknown} in ${shown}`,
    dockerfile: file,
  };
}

/** A short fingerprint: containers whose image ports changed are built again. */
export function portsKey(p: ImagePorts): string {
  return `${p.ports.join(',')}|${p.complete}|${p.unseen ?? ''}`;
}
