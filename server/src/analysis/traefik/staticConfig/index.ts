// Finds and reads the static configuration a project runs with.
// PLACEHOLDER (being written): returns "not found" until the command-flag and traefik.yml readers land.
import type { ComposeFile } from '../../compose/model';
import { emptyStaticConfig, StaticConfig } from '../static';

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
}

export interface StaticResult {
  config: StaticConfig;
  /** Static files that were read (explicit or mounted), to validate and to watch. */
  staticFiles: SourceFile[];
}

export function readStaticConfig(input: StaticInput): StaticResult {
  return { config: emptyStaticConfig(), staticFiles: input.explicit };
}
