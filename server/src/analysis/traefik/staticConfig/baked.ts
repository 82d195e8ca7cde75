// A Traefik service built from the project (`build: ./traefik` whose Dockerfile says
// `FROM traefik:2.2` and `COPY traefik.yml /etc/traefik/`): the stage compose builds (`target`,
// else the last; a stage inherits an earlier one it starts FROM), the Traefik image it starts
// from, and the files COPY and ADD put in it from the build context, as mounts Traefik reads like
// bind mounts (docs.docker.com/reference/dockerfile: COPY, ADD, WORKDIR, CMD, ENTRYPOINT; a
// source folder's content is copied, not the folder itself). What cannot be seen (a wildcard, a
// variable, a URL, COPY --from another stage or image, a heredoc) is `unseen` where it lands.
import * as path from 'path';
import type { BuildSpec } from '../../compose/model';
import { assignments, instructions, splitWords, substitute } from '../../compose/dockerfile';
import { dockerfilePath } from '../imagePorts';

export interface BakedCopy {
  /** Absolute host path (the build context joined with the source), or undefined when not seen. */
  source?: string;
  /** Path inside the image. */
  target: string;
  /** The instruction, for notes: `COPY *.yml /etc/traefik/`. */
  written: string;
}

export interface BakedImage {
  /** The Dockerfile read (an absolute path), or `dockerfile_inline`. */
  dockerfile: string;
  /** The image the built stage starts from, as FROM names it after ARG substitution. */
  from?: string;
  copies: BakedCopy[];
  /** `TRAEFIK_*` variables its ENV sets: Traefik's environment source, when it reads no file and no flags. */
  traefikEnv: string[];
  /** The built stage sets CMD or ENTRYPOINT, other than the Traefik image's own (`traefik`): the words as written. */
  launch?: { keyword: 'CMD' | 'ENTRYPOINT'; words: string[] | undefined };
}

/** A COPY or ADD as written, with the stage's variables and WORKDIR at that line: read once the stage is wanted. */
interface CopyStep {
  keyword: string;
  rest: string;
  env: Map<string, string | undefined>;
  workdir?: string;
}

interface Stage {
  name?: string;
  from?: string;
  /** COPY/ADD steps to resolve, and the paths a RUN may write (already unseen copies), in order. */
  steps: (CopyStep | BakedCopy)[];
  workdir?: string;
  env: Map<string, string | undefined>;
  /** Names ENV sets (ARG values are build-time only). */
  envNames: string[];
  launch?: BakedImage['launch'];
}

type ReadFile = (absolutePath: string) => string | undefined;

/**
 * The built image, or undefined when its Dockerfile cannot be read (or names no such stage).
 * `wanted` says from its FROM image whether the caller needs the files COPY puts in it: the
 * sources of other images' COPY lines are never looked at (a folder among them is ordinary).
 */
export function bakedImage(
  build: BuildSpec,
  base: string,
  readFile: ReadFile | undefined,
  wanted: (from: string) => boolean,
): BakedImage | undefined {
  const context = build.context?.value ?? '.';
  const inline = build.inline?.value;
  const file = inline === undefined ? dockerfilePath(build, base) : undefined;
  const text = inline ?? (file !== undefined ? readFile?.(file) : undefined);
  if (text === undefined) return undefined;
  const dir = path.resolve(base, context);
  const args = new Map<string, string | undefined>();
  for (const [k, v] of build.args) args.set(k, v === null || v.includes('$') ? undefined : v);
  const stages: Stage[] = [];
  const global = new Map<string, string | undefined>();
  let stage: Stage | undefined;
  for (const { keyword, args: rest } of instructions(text)) {
    if (keyword === 'FROM') {
      const words = splitWords(rest).filter((w) => !w.startsWith('--'));
      const image = substitute(words[0] ?? '', global);
      const as = words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
      const parent = image === undefined ? undefined : stages.find((s) => s.name === image.toLowerCase());
      stage = parent
        ? { ...parent, name: as, steps: [...parent.steps], env: new Map(parent.env), envNames: [...parent.envNames] }
        : // An ARG without a value keeps the image's name readable: `traefik:${TAG}` is Traefik of unknown version.
          { name: as, from: image ?? words[0], steps: [], workdir: '/', env: new Map(), envNames: [] };
      stages.push(stage);
    } else if (keyword === 'ARG') {
      for (const [name, value] of assignments(rest, false)) {
        const v = args.has(name) ? args.get(name) : value;
        if (!stage) global.set(name, v);
        else stage.env.set(name, v ?? global.get(name));
      }
    } else if (!stage) continue;
    else if (keyword === 'ENV') {
      for (const [name, value] of assignments(rest, true)) {
        stage.env.set(name, value === undefined ? undefined : substitute(value, stage.env));
        stage.envNames.push(name);
      }
    } else if (keyword === 'WORKDIR') {
      const w = substitute(rest.trim(), stage.env);
      stage.workdir = w === undefined || stage.workdir === undefined ? undefined : path.posix.resolve(stage.workdir, w);
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      stage.steps.push({ keyword, rest, env: new Map(stage.env), workdir: stage.workdir });
    } else if (keyword === 'RUN') {
      // A command may write any path it names (`mkdir -p /etc/traefik && envsubst > …`): what is there is not seen.
      for (const m of rest.matchAll(/(?:^|[\s"'=>])(\/[A-Za-z0-9_.@/-]*[A-Za-z0-9_])/g))
        stage.steps.push({ target: path.posix.normalize(m[1]), written: `RUN ${rest.trim()}`.slice(0, 80) });
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      stage.launch = launchOf(keyword, rest);
    }
  }
  const target = build.target?.value.toLowerCase();
  const built = target ? stages.find((s) => s.name === target) : stages[stages.length - 1];
  if (!built) return undefined;
  const copied: BakedCopy[] = [];
  if (built.from !== undefined && wanted(built.from))
    for (const step of built.steps) copied.push(...('keyword' in step ? copies(step, copied, dir, readFile) : [step]));
  return {
    dockerfile: file ?? 'dockerfile_inline',
    from: built.from,
    copies: copied,
    traefikEnv: built.envNames.filter((k) => /^TRAEFIK_/i.test(k)),
    ...(built.launch ? { launch: built.launch } : {}),
  };
}

/** `CMD ["traefik"]` (the image's own) is no launch of its own; an ENTRYPOINT or any other CMD is. */
function launchOf(keyword: 'CMD' | 'ENTRYPOINT', rest: string): BakedImage['launch'] {
  const words = execForm(rest);
  if (keyword === 'CMD' && words?.length === 1 && /(^|\/)traefik$/.test(words[0])) return undefined;
  return { keyword, words };
}

/** `["a", "b"]` (exec form) as words; undefined for the shell form. */
function execForm(rest: string): string[] | undefined {
  const t = rest.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(t);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** What one COPY or ADD puts where, after the copies before it (`earlier`) in the same image. */
function copies(step: CopyStep, earlier: BakedCopy[], dir: string, readFile: ReadFile | undefined): BakedCopy[] {
  const { keyword, rest, env } = step;
  const written = `${keyword} ${rest.trim()}`;
  const words = execForm(rest) ?? splitWords(rest).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
  const options = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  if (paths.length < 2) return [];
  const destWritten = paths[paths.length - 1];
  const dest = substitute(destWritten, env);
  if (dest === undefined || (!dest.startsWith('/') && step.workdir === undefined)) return [];
  const destPath = path.posix.resolve(step.workdir ?? '/', dest);
  const intoFolder = /(\/|(^|\/)\.)$/.test(dest) || paths.length > 2;
  const unseen = (target: string): BakedCopy => ({ target, written });
  // Another stage's or image's files, a heredoc, a URL: what lands there is not seen.
  if (options.some((o) => /^--from=/i.test(o)) || /<</.test(rest)) return [unseen(destPath)];
  const out: BakedCopy[] = [];
  for (const src of paths.slice(0, -1)) {
    const s = substitute(src, env);
    if (s === undefined || /[*?[]/.test(s) || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(s)) {
      out.push(unseen(destPath));
      continue;
    }
    const source = path.resolve(dir, s.replace(/^\/+/, ''));
    const isFile = !/\/$|(^|\/)\.$/.test(s) && readFile?.(source) !== undefined;
    if (!isFile) {
      // A folder's content goes into the destination (an ADD archive is unpacked there: not seen).
      out.push(
        keyword === 'ADD' && /\.(tar|tgz|gz|bz2|xz)$/i.test(s)
          ? unseen(destPath)
          : { source, target: destPath, written },
      );
      continue;
    }
    const folder =
      intoFolder ||
      earlier.some((c) => c.target.startsWith(`${destPath}/`)) ||
      out.some((c) => c.target.startsWith(`${destPath}/`));
    out.push({ source, target: folder ? path.posix.join(destPath, path.basename(source)) : destPath, written });
  }
  return out;
}
