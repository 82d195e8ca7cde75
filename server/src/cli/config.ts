// The config file as `gateway-lens check` finds it: `--config FILE`, else the nearest
// .gateway-lens.yaml at or above each project's folder (analysis/config), read once per path.
import * as path from 'path';
import { configCandidates, type Analyzer, type GatewayLensConfig, type SourceFile } from '../analysis';
import { UsageError } from './command';

export interface ConfigLookup {
  /** The config source for a project folder, if any. */
  forFolder(folder: string): SourceFile | undefined;
  /** Its parsed settings (problems are reported by the analysis). */
  settings(source: SourceFile | undefined): GatewayLensConfig | undefined;
}

export function configLookup(
  explicit: string | undefined,
  cwd: string,
  readFile: (file: string) => string | undefined,
  analyzer: Analyzer,
): ConfigLookup {
  const read = (file: string): SourceFile | undefined => {
    const text = readFile(file);
    return text === undefined ? undefined : { file, text };
  };
  let given: SourceFile | undefined;
  if (explicit !== undefined) {
    given = read(path.resolve(cwd, explicit));
    if (!given) throw new UsageError(`cannot read ${explicit} (--config)`);
  }
  const found = new Map<string, SourceFile | undefined>();
  return {
    forFolder(folder) {
      if (given) return given;
      if (!found.has(folder)) {
        const file = configCandidates(folder).find((f) => readFile(f) !== undefined);
        found.set(folder, file ? read(file) : undefined);
      }
      return found.get(folder);
    },
    settings: (source) => (source ? analyzer.config(source).config : undefined),
  };
}
