// What the file provider gives Traefik: the dynamic configuration files it reads and the
// routers, services and middlewares they define, named `<name>@file`.
import type { Range } from '../../types';
import type { Kind, Protocol } from '../model';
import type { Setting } from '../staticConfig/setting';
import type { DynamicRead } from './read';
import type { DynamicProblem } from './validate';

export interface FileDefinition {
  protocol: Protocol;
  kind: Kind;
  /** As written (Traefik keeps the case of names). */
  name: string;
  /** Host path of the file that defines it. */
  file: string;
  /** The name's key. */
  nameRange: Range;
  /** Field path after the name (lower-cased, dot-joined) -> setting. */
  fields: Map<string, Setting>;
}

export interface DynamicFile {
  /** Host path. */
  file: string;
  /** Where Traefik reads it, inside its container. */
  containerPath: string;
  text: string;
  read: DynamicRead;
  definitions: FileDefinition[];
  /** Unknown keys and values Traefik cannot decode (none judged in a templated file). */
  problems: DynamicProblem[];
  /** Why Traefik refuses the whole file (it then defines nothing): the first problem it meets. */
  refused?: { message: string; range: Range };
}

export interface FileProvider {
  /**
   * `none`: the static configuration is known and enables no file provider (or gives it no file);
   * `unknown`: the file provider's files cannot be seen (say nothing about `@file` names);
   * `read`: its files were read.
   */
  state: 'none' | 'unknown' | 'read';
  /** Why the state is `none` or `unknown`, for messages and hovers. */
  note?: string;
  mode?: 'filename' | 'directory';
  /** The path Traefik is given (`providers.file.filename` / `.directory`), inside its container. */
  path?: string;
  files: DynamicFile[];
  /**
   * A file Traefik refuses. With `filename` the provider then has nothing; with `directory` the
   * whole directory fails on it (loadFileConfigFromDirectory returns the first file's error).
   */
  refusedBy?: DynamicFile;
  /** Some file's names are a guess (a Go template, an unreadable file): a missing name is not proof. */
  uncertain: boolean;
}

export interface DirEntry {
  name: string;
  directory: boolean;
}

/** How the provider's files are found: absolute host paths in, text / entries or undefined out. */
export interface FileProviderIo {
  readFile?: (absolutePath: string) => string | undefined;
  listDir?: (absolutePath: string) => DirEntry[] | undefined;
}

export const UNKNOWN_FILE_PROVIDER: FileProvider = { state: 'unknown', files: [], uncertain: true };
