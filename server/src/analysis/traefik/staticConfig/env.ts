// Reads the TRAEFIK_* environment variables of the Traefik service as Traefik's environment
// loader does (pkg/cli/loader_env.go; github.com/traefik/paerser env/filter.go
// FindPrefixedEnvVars, env/env.go Decode): only names starting with `TRAEFIK_` and a root field
// of the static configuration in upper case (`TRAEFIK_ENTRYPOINTS…`) are read; each `_` then
// separates key segments, compared ignoring case. Anything else, such as dynamic configuration
// (`TRAEFIK_HTTP_ROUTERS_…`), is never read and never reported by Traefik.
import * as path from 'path';
import { parseDotenv } from '../../compose/env';
import { hasInterpolation } from '../../compose/labels';
import type { ComposeFile, Scalar } from '../../compose/model';
import type { Range } from '../../types';
import { STATIC_SCHEMA } from './schema';
import type { KeyPart, Setting } from './setting';

export interface EnvSetting extends Setting {
  /** The variable's name as written. */
  name: string;
  /** Where the variable is written: its name in `environment:`, or the `env_file:` entry. */
  range: Range;
  /** Whether Traefik's loader reads it (its name starts with a static root in upper case). */
  read: boolean;
}

/** The static configuration's root fields (`ENTRYPOINTS`, `PROVIDERS`, …), as paerser upper-cases them. */
const ROOTS = Object.keys(STATIC_SCHEMA.properties ?? {}).map((n) => n.toUpperCase());

/** Roots of Traefik's dynamic configuration: never static, whatever the source. */
export const DYNAMIC_ROOTS = ['http', 'tcp', 'udp', 'tls'];

export interface EnvSource {
  file: ComposeFile;
  /** Where a relative `env_file:` resolves (the project directory: compose-go paths/resolve.go). */
  dir: string;
  environment: ComposeFile['services'][number]['environment'];
  envFiles: Scalar[];
}

/** The names of every variable the service's `environment:` and `env_file:` set, TRAEFIK_* or not. */
export function containerVariables(sources: EnvSource[], readFile?: (file: string) => string | undefined): string[] {
  const names = new Set<string>();
  for (const { dir, environment, envFiles } of sources) {
    for (const v of environment) names.add(v.name);
    for (const entry of envFiles) {
      const text = hasInterpolation(entry.value) ? undefined : readFile?.(path.resolve(dir, entry.value));
      if (text !== undefined) for (const name of parseDotenv(entry.value, text).values.keys()) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * The service's variables in effect: `env_file:` entries first, then `environment:`, which wins
 * (compose spec 05-services.md env_file); across override files the later value of a name wins.
 */
export function readEnv(sources: EnvSource[], readFile?: (file: string) => string | undefined): EnvSetting[] {
  const byName = new Map<string, EnvSetting>();
  for (const { file, dir, envFiles } of sources) {
    for (const entry of envFiles) {
      if (hasInterpolation(entry.value)) continue;
      const host = path.resolve(dir, entry.value);
      const text = readFile?.(host);
      if (text === undefined) continue;
      for (const [name, value] of parseDotenv(host, text).values) {
        if (name.startsWith('TRAEFIK_')) byName.set(name, setting(file.file, name, value, entry.range, false));
      }
    }
  }
  for (const { file, environment } of sources) {
    for (const v of environment) {
      if (!v.name.startsWith('TRAEFIK_') || v.value === undefined) continue;
      const exact = file.text.slice(v.nameRange.start, v.nameRange.end) === v.name;
      byName.set(v.name, setting(file.file, v.name, v.value, v.nameRange, exact, v.valueRange));
    }
  }
  return [...byName.values()];
}

/** `valueRange`: where `environment:` writes the value (none from an env_file, whose line is not shown). */
function setting(
  file: string,
  name: string,
  value: string,
  range: Range,
  exact: boolean,
  valueRange?: Range,
): EnvSetting {
  const parts = name.slice('TRAEFIK_'.length).split('_');
  let from = range.start + 'TRAEFIK_'.length;
  const keyParts: KeyPart[] = parts.map((text) => {
    const part = { text: text.toLowerCase(), range: exact ? { start: from, end: from + text.length } : range };
    from += text.length + 1;
    return part;
  });
  const read = ROOTS.some((root) => name.startsWith(`TRAEFIK_${root}`));
  const at = valueRange ? { valueRange } : {};
  return { file, name, range, path: keyParts, value, interpolated: hasInterpolation(value), read, ...at };
}
