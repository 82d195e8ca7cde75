// Traefik's static (install) configuration as far as label checks need it.
// Filled from the Traefik service's `command:` flags and/or a traefik.yml (see staticConfig/).
import type { Range } from '../types';
import type { KeyPart } from './staticConfig/setting';

export type RuleSyntax = 'v2' | 'v3';
export type MajorVersion = 'v2' | 'v3';

/** Where a static setting was read, for related information and hovers. */
export interface Origin {
  file: string;
  range: Range;
}

export interface EntryPoint {
  name: string;
  address?: string;
  asDefault?: boolean;
  origin?: Origin;
  /** Created by Traefik, not configured: `http` (:80) when none is, `traefik` (:8080) for the API. */
  implicit?: boolean;
  /**
   * `http.redirections.entryPoint`: Traefik adds a router `<ep>-to-<to>@internal` matching every
   * request (pkg/provider/traefik/internal.go; scheme defaults to https, priority to MaxInt-1).
   */
  redirect?: { to: string; scheme: string; priority?: number };
  /** `http.tls`: routers on this entry point without their own `tls` get TLS (aggregator applyModel). */
  tls?: boolean;
  /** `http.middlewares`: prepended to each router on this entry point (aggregator applyModel). */
  middlewares?: { value: string; file: string; range: Range; interpolated: boolean };
  /** `http.tls.certResolver`: the resolver of every router on this entry point without its own `tls` (internal.go). */
  certResolver?: { value: string; file: string; range: Range; interpolated: boolean };
}

/** `certificatesResolvers.<name>`: what `tls.certresolver` labels may name. */
export interface CertResolver {
  name: string;
  /** The ACME challenge it is configured with (`httpChallenge`, `tlsChallenge`, `dnsChallenge`). */
  challenge?: string;
  origin?: Origin;
  /** Its `acme` challenges, when it has `acme` settings (missing-challenge). */
  acme?: AcmeChallenges;
}

/**
 * Whether Traefik's ACME client for a resolver has a challenge it can use: a dnsChallenge with a
 * provider, an httpChallenge with an entryPoint, or a tlsChallenge (pkg/provider/acme/provider.go getClient).
 */
export interface AcmeChallenges {
  /** A usable challenge is configured, or a value deciding it is not known here. */
  usable: boolean;
  /** Challenges written without what Traefik needs to use them, where their key is written. */
  incomplete: { challenge: 'dnsChallenge' | 'httpChallenge'; missing: 'provider' | 'entryPoint'; origin: Origin }[];
}

export interface DockerProviderConfig {
  exposedByDefault: boolean;
  /** v2's docker provider with `swarmMode: true`: it reads Swarm services and still names things `@docker`. */
  swarmMode?: true;
  network?: string;
  /** Where `network` is set (its key), for unknown-network. */
  networkOrigin?: Origin;
  defaultRule?: string;
  /** Where `defaultRule` is written (its value when the reader knows it, else its key); `interpolated`: a compose variable is in it. */
  defaultRuleAt?: { origin: Origin; interpolated?: true };
  constraints?: string;
  allowEmptyServices?: boolean;
  origin?: Origin;
  /** exposedByDefault is a compose variable (`${VAR}`): its value is a guess. */
  exposedByDefaultUnknown?: boolean;
}

export interface StaticPath {
  value: string;
  /** Written with a compose variable: the path Traefik sees is not known. */
  interpolated: boolean;
  origin: Origin;
}

/** Traefik's static configuration sources, in the order its loaders try them (cmd/traefik/traefik.go). */
export type StaticSource = 'file' | 'flags' | 'env';

/** A group of settings Traefik never reads, and why. */
export interface IgnoredStatic {
  /**
   * `flags`, `env`: a source that another one, loaded first, overrides. `dynamic`: dynamic
   * configuration (`TRAEFIK_HTTP_…`) in variables, which only the static loader sees.
   */
  kind: 'flags' | 'env' | 'dynamic';
  /** Each ignored flag or variable as written, where it is written. */
  items: { text: string; origin: Origin }[];
  /** The source Traefik reads instead (for `flags` and `env`). */
  winner?: { source: StaticSource; name: string; origin?: Origin };
}

export interface StaticConfig {
  /** False when no Traefik service or static file was found: checks that need it stay quiet. */
  found: boolean;
  /** Files and services the settings came from, for messages. */
  sources: Origin[];
  /** Major version from the Traefik image tag, when one was found. */
  version?: MajorVersion;
  /** The Traefik service runs Traefik v1, which reads v1 labels and another static format. */
  traefikV1?: true;
  /** Every entry point by name; empty map + found=false means "unknown". */
  entryPoints: Map<string, EntryPoint>;
  /** True when entry points were read from somewhere (so unknown names can be reported). */
  entryPointsKnown: boolean;
  /** Certificate resolvers by name; set once a source was read (empty: it defines none). */
  certResolvers?: Map<string, CertResolver>;
  docker?: DockerProviderConfig;
  swarm?: DockerProviderConfig;
  /** `providers.file` is configured: `@file` references may resolve. */
  fileProvider: boolean;
  /** `providers.file.filename` / `.directory` as written: paths inside Traefik's container. */
  fileProviderPaths?: { filename?: StaticPath; directory?: StaticPath };
  defaultRuleSyntax?: RuleSyntax;
  api?: { insecure: boolean; dashboard: boolean };
  /** `ping`: Traefik routes `PathPrefix(`/ping`)` on this entry point (pkg/provider/traefik/internal.go). */
  ping?: { entryPoint: string };
  /** Where Traefik reads its static configuration: a file, the command flags or the variables (one only). */
  from?: StaticSource;
  /** The TRAEFIK_* variables Traefik's environment loader finds on the service (unknown-static-key). */
  variables?: { name: string; file: string; path: KeyPart[] }[];
  /** Every variable the Traefik service's `environment:` and `env_file:` set (literal-variable). */
  containerVariables?: string[];
  /** The container starts Traefik from a script (launch.ts, a built image's ENTRYPOINT): it may render the file first. */
  script?: true;
  /** Static settings written where Traefik never reads them (ignored-static-config). */
  ignored?: IgnoredStatic[];
  /**
   * The static file Traefik loads is a compose `configs:` entry's inline `content:`, read in place:
   * the compose file's text with all but the content blanked (staticConfig/configs.ts), for the
   * checks that judge a static file's keys.
   */
  inlineFile?: { file: string; text: string; toml: boolean };
  /** That source was read, so a missing `api`, `docker`, `fileProvider`... means Traefik has none. */
  settingsKnown?: boolean;
  /** What the reader could not know, for hovers and the CLI (TOML file, environment, ...). */
  notes?: string[];
}

export function emptyStaticConfig(): StaticConfig {
  return { found: false, sources: [], entryPoints: new Map(), entryPointsKnown: false, fileProvider: false };
}
