// Reads a project's static configuration again on every analysis (its origins carry offsets,
// which move with edits above the Traefik service), but tells whether its content changed: the
// token stays the same object while the Traefik service's parts, the explicit static files and
// every file read for it are unchanged. Checks key their reused findings on the token.
import type { ComposeService } from '../../compose/model';
import { findTraefikService, type TraefikService } from './service';
import { readStaticConfig, type StaticInput, type StaticResult } from './index';

interface Last {
  parts: ComposeService[];
  explicit: string[];
  version: string | undefined;
  reads: Map<string, string | undefined>;
  token: object;
}

export class StaticReader {
  private last: Last | undefined;

  /** `service`: the Traefik service the configuration was read for (found once here, with its Dockerfile). */
  read(input: StaticInput): StaticResult & { token: object; service: TraefikService | undefined } {
    const explicit = input.explicit.map((f) => `${f.file}\n${f.text}`);
    const reads = new Map<string, string | undefined>();
    const readFile = input.readFile;
    const recording = readFile
      ? (file: string): string | undefined => {
          const text = readFile(file);
          reads.set(file, text);
          return text;
        }
      : undefined;
    // A Traefik built from a Dockerfile is found by reading it: the Dockerfile is one of the reads.
    const service = findTraefikService(input.files, input.project, recording);
    const parts = service?.parts ?? [];
    // What compose's interpolation gave is read like a file: the same text may resolve otherwise after a .env edit.
    const resolve = input.project?.resolve;
    const project = input.project && {
      ...input.project,
      resolve: resolve
        ? (file: string, text: string): string | undefined => {
            const value = resolve(file, text);
            reads.set(`${file}\u0000${text}`, value);
            return value;
          }
        : undefined,
    };
    const result = readStaticConfig({ ...input, readFile: recording, project }, service);
    const last = this.last;
    const same =
      last !== undefined &&
      sameList(last.parts, parts) &&
      sameList(last.explicit, explicit) &&
      last.version === input.version &&
      last.reads.size === reads.size &&
      [...reads].every(([file, text]) => last.reads.has(file) && last.reads.get(file) === text);
    const token = same ? last.token : {};
    this.last = { parts, explicit, version: input.version, reads, token };
    return { ...result, token, service };
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
