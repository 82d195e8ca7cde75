// Reading the files a command names: compose files grouped into projects by folder (files of one
// folder merge like docker compose's -f list), an optional static config, and every other file
// the analysis asks for (a mounted traefik.yml), each read once.
import * as path from 'path';
import type { SourceFile } from '../analysis';
import type { DirEntry } from '../analysis/traefik/fileProvider';
import { lineMap, type LineMap } from '../convert';
import { listFolder, UnreadableFile } from '../readText';
import { stripBom } from '../workspace';
import { readProblem, UsageError, type Io } from './command';

export interface Inputs {
  /** Folder -> its compose files, in the order given. */
  projects: Map<string, SourceFile[]>;
  staticFiles: SourceFile[];
  readFile(file: string): string | undefined;
  listDir(folder: string): DirEntry[] | undefined;
  /** How to show an absolute path: as given, else relative to the working directory. */
  shown(file: string): string;
  lines(file: string): LineMap | undefined;
  /** Every file read so far with a text (given, included, extended, mounted, a Dockerfile). */
  readFiles(): string[];
}

/** Reads everything first: an unreadable file stops the run before any output. */
/** `oneProject`: the project directory of files that form one project wherever they are (-f). */
export function readInputs(given: string[], traefikConfig: string | undefined, io: Io, oneProject?: string): Inputs {
  const texts = new Map<string, string | undefined>();
  const shownAs = new Map<string, string>();
  const mustRead = (name: string): SourceFile => {
    const file = path.resolve(io.cwd, name);
    let text: string;
    try {
      text = stripBom(io.readFile(file));
    } catch (err) {
      throw new UsageError(`cannot read ${name}: ${readProblem(err)}`);
    }
    texts.set(file, text);
    if (!shownAs.has(file)) shownAs.set(file, name);
    return { file, text };
  };
  const projects = new Map<string, SourceFile[]>();
  for (const name of given) {
    const source = mustRead(name);
    const folder = oneProject ?? path.dirname(source.file);
    const files = projects.get(folder) ?? [];
    if (!files.some((f) => f.file === source.file)) files.push(source);
    projects.set(folder, files);
  }
  const staticFiles = traefikConfig ? [mustRead(traefikConfig)] : [];
  const readFile = (file: string): string | undefined => {
    const absolute = path.resolve(io.cwd, file);
    if (texts.has(absolute)) return texts.get(absolute);
    try {
      const text = stripBom(io.readFile(absolute));
      texts.set(absolute, text);
      return text;
    } catch (err) {
      // A mount or a COPY names it: a missing one is ordinary (Traefik's search tries several
      // names), and so is a folder (a mount or COPY source may be either); a device, FIFO or
      // oversized file is worth a line.
      if (err instanceof UnreadableFile && err.code !== 'EISDIR')
        io.err(`gateway-lens: not reading ${path.relative(io.cwd, absolute)}: ${err.message}\n`);
      texts.set(absolute, undefined);
      return undefined;
    }
  };
  const maps = new Map<string, LineMap>();
  return {
    projects,
    staticFiles,
    readFile,
    listDir: (folder) => listFolder(path.resolve(io.cwd, folder)),
    shown: (file) => shownAs.get(file) ?? path.relative(io.cwd, file),
    lines: (file) => {
      let map = maps.get(file);
      const text = texts.get(file) ?? readFile(file);
      if (!map && text !== undefined) maps.set(file, (map = lineMap(text)));
      return map;
    },
    readFiles: () => [...texts].flatMap(([file, text]) => (text === undefined ? [] : [file])),
  };
}
