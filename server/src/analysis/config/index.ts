// The project's config file, .gateway-lens.yaml: found upward from the checked file's folder
// like .eslintrc or .hadolint.yaml, the nearest one wins (no merging of several files). The
// editor and the CLI both find it here and combine it with their own options here.
import * as path from 'path';
import type { AnalysisOptions } from '../project';
import type { GatewayLensConfig } from './parse';

export { ConfigValidator, INVALID_CONFIG, parseConfig, type GatewayLensConfig, type ParsedConfig } from './parse';
export { configSchema } from './schema';

export const CONFIG_FILE_NAMES = ['.gateway-lens.yaml', '.gateway-lens.yml'] as const;

/**
 * The candidates, nearest first: each name in `folder`, then in each parent up to `stop`
 * (inclusive; the filesystem root without one). The caller reads the first that exists.
 */
export function configCandidates(folder: string, stop?: string): string[] {
  const out: string[] = [];
  let dir = path.resolve(folder);
  const end = stop ? path.resolve(stop) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) out.push(path.join(dir, name));
    const parent = path.dirname(dir);
    if (dir === end || parent === dir || (end !== undefined && !dir.startsWith(end))) return out;
    dir = parent;
  }
}

/**
 * Options with the config file over them: the file wins for facts about the project (Traefik
 * version, external names) when it sets them; severity comes from the file alone.
 */
export function withConfig(options: AnalysisOptions, config: GatewayLensConfig | undefined): AnalysisOptions {
  if (!config) return options;
  const merged: AnalysisOptions = { ...options, severity: { ...options.severity, ...config.severity } };
  if (config.traefikVersion) {
    merged.version = config.traefikVersion;
    merged.versionSource = `traefik.version in ${path.basename(config.file)}`;
  }
  if (config.externalMiddlewares) merged.externalMiddlewares = config.externalMiddlewares;
  if (config.externalServices) merged.externalServices = config.externalServices;
  return merged;
}

/** The static configuration the file names, as an absolute path. */
export function configStaticFile(config: GatewayLensConfig | undefined): string | undefined {
  return config?.staticConfig ? path.resolve(path.dirname(config.file), config.staticConfig) : undefined;
}
