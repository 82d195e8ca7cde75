// The `gatewayLens.*` settings as the server uses them: read defensively (a hand-edited
// settings.json may hold anything) and cached per workspace folder until they change.
import type { AnalysisOptions } from './analysis';

export type VersionSetting = 'auto' | 'v3' | 'v2';

/** Which compose projects are checked: those with an open file, or every one of the workspace. */
export type CheckSetting = 'openFiles' | 'workspace';

export interface Settings {
  /** Extra globs for compose files (besides docker-compose*.yml and compose*.yml). */
  files: string[];
  traefik: {
    /** traefik.yml relative to the workspace folder; '' = find it from the compose file. */
    staticConfig: string;
    version: VersionSetting;
  };
  externalMiddlewares: string[];
  externalServices: string[];
  check: CheckSetting;
  /** The compose profiles whose services are started; [] = COMPOSE_PROFILES from the project's .env. */
  compose: { profiles: string[] };
}

export const DEFAULT_SETTINGS: Settings = {
  files: [],
  traefik: { staticConfig: '', version: 'auto' },
  externalMiddlewares: [],
  externalServices: [],
  check: 'workspace',
  compose: { profiles: [] },
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** The `gatewayLens` section as the client sent it -> Settings, defaults for anything unusable. */
export function readSettings(raw: unknown): Settings {
  const section = record(raw);
  const traefik = record(section.traefik);
  const version = traefik.version;
  return {
    files: strings(section.files),
    traefik: {
      staticConfig: typeof traefik.staticConfig === 'string' ? traefik.staticConfig.trim() : '',
      version: version === 'v2' || version === 'v3' ? version : 'auto',
    },
    externalMiddlewares: strings(section.externalMiddlewares),
    externalServices: strings(section.externalServices),
    check: section.check === 'openFiles' ? 'openFiles' : 'workspace',
    compose: { profiles: strings(record(section.compose).profiles) },
  };
}

export function analysisOptions(settings: Settings): AnalysisOptions {
  const options: AnalysisOptions = {
    externalMiddlewares: settings.externalMiddlewares,
    externalServices: settings.externalServices,
  };
  if (settings.traefik.version !== 'auto') {
    options.version = settings.traefik.version;
    options.versionSource = 'the gatewayLens.traefik.version setting';
  }
  return options;
}

/** Settings per scope (workspace folder uri, '' for global), fetched once until cleared. */
export class SettingsCache {
  private cache = new Map<string, Promise<Settings>>();

  /** `fetch` asks the client (workspace/configuration) or returns the last pushed settings. */
  constructor(private readonly fetch: (scopeUri: string | undefined) => Promise<unknown>) {}

  get(scopeUri?: string): Promise<Settings> {
    const key = scopeUri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.fetch(scopeUri).then(readSettings, () => DEFAULT_SETTINGS);
      this.cache.set(key, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }
}
