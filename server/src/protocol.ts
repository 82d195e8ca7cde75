// What the server and the client agree on beyond LSP itself, typed once: each request is one
// RequestType<Params, Result> that both sides pass to sendRequest/onRequest, so neither names a
// method as a string nor casts a result. Plain data and vscode-jsonrpc only (no vscode import),
// so the client bundle, the server bundle, the CLI and the tests share it.
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { ComposeScalePlan, ComposeScaleTarget } from './analysis/compose/scale';

/** Compose file names docker compose picks up (besides those `gatewayLens.files` adds). */
export const COMPOSE_FILE_GLOBS = ['**/docker-compose*.{yml,yaml}', '**/compose*.{yml,yaml}'] as const;

/**
 * Files whose change on disk the server hears of: compose files and a mounted traefik.yml (any
 * YAML or TOML), and the Dockerfiles services build from (`Dockerfile`, `Dockerfile.dev`,
 * `api.dockerfile`, `Containerfile`).
 */
export const WATCHED_FILE_GLOBS = [
  '**/*.{yml,yaml,toml}',
  '**/*{Dockerfile,dockerfile,Containerfile}*',
  '**/.env',
  '**/*.env',
  '**/.env.*',
] as const;

/**
 * Env files compose interpolates with: the project's `.env`, and the names an include's
 * `env_file` (compose spec 14-include.md) or `--env-file` usually has (`stack.env`, `.env.prod`).
 * The client sends these documents too, so their unsaved text is what the server reads.
 */
export const ENV_FILE_GLOBS = ['**/.env', '**/*.env', '**/.env.*'] as const;

/** Language ids a compose file may carry: VS Code's YAML, or its built-in "Compose" language. */
export const COMPOSE_LANGUAGE_IDS = ['yaml', 'dockercompose'] as const;

/** The configuration section the server reads and the client synchronises. */
export const SETTINGS_SECTION = 'gatewayLens';

/**
 * A user glob as both sides match it: against the whole path, anywhere in the tree.
 * `stack-*.yml` becomes `**\/stack-*.yml`, like a .gitignore pattern without a slash.
 */
export function normalizeGlob(glob: string): string {
  const g = glob.trim().replace(/\\/g, '/');
  if (g.startsWith('**/') || g.startsWith('/')) return g;
  return `**/${g.replace(/^\.\//, '')}`;
}

export interface DocumentFilter {
  scheme: string;
  language?: string;
  pattern?: string;
}

/**
 * The client's document selector: every file VS Code calls "Compose", plus YAML files whose
 * name is a compose name or matches `gatewayLens.files`. The server applies the same rule.
 */
export function composeDocumentFilters(extraGlobs: readonly string[] = []): DocumentFilter[] {
  const globs = [...COMPOSE_FILE_GLOBS, ...extraGlobs.filter((g) => g.trim() !== '').map(normalizeGlob)];
  return [
    { scheme: 'file', language: 'dockercompose' },
    ...globs.flatMap((pattern) => COMPOSE_LANGUAGE_IDS.map((language) => ({ scheme: 'file', language, pattern }))),
  ];
}

/**
 * The file provider's dynamic configuration files, YAML and TOML (pkg/provider/file/file.go
 * reads .yml, .yaml and .toml). Their paths come from each project's static configuration, known
 * only to the server, so the client syncs every such file and the server answers for those a
 * project's file provider reads (and nothing for the rest).
 */
export const DYNAMIC_FILE_FILTERS: DocumentFilter[] = [{ scheme: 'file', pattern: '**/*.{yml,yaml,toml}' }];

/** What the language client sends the server: compose documents, the dynamic files, and env files in any language. */
export function serverDocumentFilters(extraGlobs: readonly string[] = []): DocumentFilter[] {
  return [
    ...composeDocumentFilters(extraGlobs),
    ...DYNAMIC_FILE_FILTERS,
    ...ENV_FILE_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
  ];
}

export type ServerState = 'analysing' | 'idle';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface StatusParams {
  state: ServerState;
  /** Findings over every project the server currently shows diagnostics for. */
  problems: ProblemCounts;
  /** Compose projects (folders) with an open compose file. */
  projects: number;
  /** The Traefik version each of those projects is judged for, and why (analysis/traefik/version.ts). */
  traefikVersions?: TraefikVersionStatus[];
}

export interface TraefikVersionStatus {
  /** The project's folder. */
  folder: string;
  assumed: 'v2' | 'v3';
  /** `unknown`: nothing in the project says; version-dependent findings name both majors. */
  source: 'setting' | 'image' | 'static' | 'workspace' | 'unknown';
  why: string;
}

/** Server -> client: the analysis state, for the status bar. */
export const StatusNotification = new NotificationType<StatusParams>('gatewayLens/status');

/** A request to route, as the route tester takes it (`gateway-lens route`). */
export interface RouteParams {
  /** Any compose file of the project (its folder decides which files are read together). */
  uri: string;
  url: string;
  method?: string;
  /** "Name: value" lines. */
  headers?: string[];
  /** Entry point name; default: the one whose port matches the URL's scheme/port, else every one. */
  entryPoint?: string;
  /** The client's address, for ClientIP rules. */
  clientIP?: string;
}

export interface RouteLocation {
  uri: string;
  /** LSP range of the router's rule (or first label) in `uri`. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface RouteCandidate {
  /** Traefik's name, `users@docker`. */
  router: string;
  /** Exact, as text: Traefik's own routers sit near 2^63, beyond a JSON number's precision. */
  priority: string;
  rule: string;
  entryPoint: string;
  location?: RouteLocation;
}

/** A router that would match ahead of the winner but that Traefik does not load. */
export interface RouteUnloaded extends RouteCandidate {
  /** `its container "userservice" is dropped`, `Traefik disables it`. */
  reason: string;
  /** What Gateway Lens cannot see that may still load it. */
  unless?: string;
  /** The finding that says why. */
  code: string;
  finding?: RouteLocation;
}

export interface RouteAnswer {
  /** null when no router matches. */
  router: string | null;
  service: string | null;
  priority: string | null;
  rule: string | null;
  entrypoint: string | null;
  middlewares: string[];
  /** The path the backend receives after the router's path middlewares. */
  forwardedPath: string | null;
  /** Every router that matched, in the order Traefik tries them. */
  candidates: RouteCandidate[];
  /** Routers that would match first, and why they do not serve (the diagnostics' findings). */
  unloaded: RouteUnloaded[];
  /** Where Traefik's entry point redirection sends the client, when it answers. */
  redirect: string | null;
  /** Request facts a router at or above the winner matches on that the request did not give. */
  depends: { headers: string[]; clientIP: boolean };
  /** When the URL's port names no entry point: the ones to choose from. */
  entryPointChoices?: { name: string; address?: string }[];
  /** Why nothing matched, or why the answer is uncertain (a regexp we could not evaluate, a tie). */
  notes: string[];
  location?: RouteLocation;
}

/** The client command a code action runs to show a place (route-conflict's other definition); argument: a RouteLocation. */
export const REVEAL_LOCATION_COMMAND = 'gatewayLens.revealLocation';

/** Client -> server: which router serves this URL? */
export const RouteRequest = new RequestType<RouteParams, RouteAnswer, void>('gatewayLens/route');

/** What the Gateway view asks the server to find in the compose files. */
export type LocateKind = 'router' | 'service' | 'middleware' | 'composeService';

export interface LocateParams {
  /** Traefik's name (`users@docker`; no `@` means @docker), or the compose service name for composeService. */
  name: string;
  kind: LocateKind;
  /** http (default), tcp or udp. */
  protocol?: 'http' | 'tcp' | 'udp';
  /** Compose files to look in (file uris): the containers' config_files, the workspace's compose files. */
  files: string[];
  /** Compose project (com.docker.compose.project): when a searched project has this name, only it is searched. */
  project?: string;
  /** With `project`: search only projects of that name, never the others (live errors go on the running project's labels). */
  onlyProject?: boolean;
}

/** Client -> server: where in the compose files is this router, service, middleware or compose service? Answers RouteLocation[]. */
export const LocateRequest = new RequestType<LocateParams, RouteLocation[], void>('gatewayLens/locate');

export interface DefinitionsParams {
  /** Compose files (uris): each file's folder is one project. */
  files: string[];
}

/** A router or service the compose files define for Traefik (containers Traefik is told to keep). */
export interface FileDefinition {
  kind: 'router' | 'service';
  protocol: 'http' | 'tcp' | 'udp';
  /** Traefik's name, `users@docker`. */
  name: string;
  /** The compose project it belongs to. */
  project: string;
  location: RouteLocation;
}

/** Client -> server: every router and service the files define (the Gateway view's drift). Answers FileDefinition[]. */
export const DefinitionsRequest = new RequestType<DefinitionsParams, FileDefinition[], void>('gatewayLens/definitions');

/** What "Add Service to Gateway" can offer for one compose file. */
export interface AddServiceChoicesParams {
  uri: string;
}

export interface AddServiceChoices {
  /** The file's compose services with their container ports (`expose`, `ports`). */
  services: { name: string; ports: number[]; routed: boolean; replicas?: number }[];
  /** Entry points of the static configuration, most used first. */
  entryPoints: { name: string; address?: string; routers: number }[];
  /** False when no static configuration was found: the entry point may be typed. */
  entryPointsKnown: boolean;
  /** The entry point most routers use, and whether most of its routers use TLS. */
  defaults: { entryPoint?: string; tls: boolean };
}

/** Client -> server: the services and entry points to offer. Answers AddServiceChoices or null. */
export const AddServiceChoicesRequest = new RequestType<AddServiceChoicesParams, AddServiceChoices | null, void>(
  'gatewayLens/addServiceChoices',
);

/** A compose service to put behind Traefik on a path prefix (the core's GatewayRequest). */
export interface AddServiceParams {
  /** The compose file to write into. */
  uri: string;
  service: string;
  pathPrefix: string;
  port: number;
  strip: boolean;
  entrypoint: string;
  tls: boolean;
  replicas?: number;
}

export interface TextEditData {
  range: RouteLocation['range'];
  newText: string;
}

/** The LSP WorkspaceEdit to apply, or why the request cannot be written. */
export type AddServiceResult =
  | {
      edit: { changes: Record<string, TextEditData[]> };
      /** What the user must fill in (a new service's image or build folder), in the edited text. */
      select?: TextEditData['range'];
    }
  | { error: string };

/** Client -> server: the labels (and service block) for AddServiceParams, as an edit. */
export const AddServiceRequest = new RequestType<AddServiceParams, AddServiceResult, void>('gatewayLens/addService');

/** `initializationOptions` the extension starts the server with. */
export interface InitializationOptions {
  /** VS Code's workspace trust; absent (other clients): trusted. Untrusted: nothing outside the workspace folders is read. */
  trusted?: boolean;
}

/** Client -> server: the user trusted the workspace (VS Code's onDidGrantWorkspaceTrust). */
export interface TrustParams {
  trusted: boolean;
}
export const TrustNotification = new NotificationType<TrustParams>('gatewayLens/trust');

export interface RouterRulesParams {
  /** A compose file (uri). */
  uri: string;
}

/** An HTTP router whose `rule` label is written in the file: where the editor shows its traffic. */
export interface RouterRule {
  /** Traefik's name, as its metrics label it: `users@docker`. */
  router: string;
  /** The service it sends to, `users-svc@docker`. */
  service: string;
  /** The `rule` label's key. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Client -> server: the HTTP routers whose rule label is in this file (the traffic CodeLens). Answers RouterRule[]. */
export const RouterRulesRequest = new RequestType<RouterRulesParams, RouterRule[], void>('gatewayLens/routerRules');

export interface TraefikConfigurationParams {
  /** A compose file of the project (uri). */
  uri: string;
}

/** A `file:line` in the text, linking to where the item is written. */
export interface TraefikConfigurationLink {
  /** 0-based line of the text, and the span on it. */
  line: number;
  start: number;
  end: number;
  target: RouteLocation;
}

export interface TraefikConfigurationAnswer {
  /** The configuration as YAML, with `# file:line` comments; '' when there is none. */
  text: string;
  links: TraefikConfigurationLink[];
  /** Why there is no text (not a compose file, the analysis failed). */
  notes: string[];
}

/** Client -> server: the dynamic configuration Traefik would assemble for this file's project (like /api/rawdata). */
export const TraefikConfigurationRequest = new RequestType<
  TraefikConfigurationParams,
  TraefikConfigurationAnswer,
  void
>('gatewayLens/traefikConfiguration');

export interface ProjectParams {
  /** A compose file of the project (uri). */
  uri: string;
}

/** What Gateway Lens assembled for the project (the text `gateway-lens project` prints), or why there is none. */
export type ProjectAnswer = { text: string } | { problem: string };

/** Client -> server: "Gateway Lens: Show Compose Project", the compose project this file belongs to. */
export const ProjectRequest = new RequestType<ProjectParams, ProjectAnswer, void>('gatewayLens/project');

/** The -f set, project directory and warnings compose scales with, or why it must not. */
export type ScalePlanAnswer = ComposeScalePlan;

/** A compose service to scale: what its containers' labels say, and the count asked for. */
export interface ScalePlanParams extends ComposeScaleTarget {
  replicas: number;
  /** gatewayLens.scale.maxReplicas */
  max: number;
}

/**
 * Client -> server: the compose files the project was started with, read and merged by the
 * server, decide whether and how compose scales the service (analysis/compose/scale.ts).
 */
export const ScalePlanRequest = new RequestType<ScalePlanParams, ScalePlanAnswer, void>('gatewayLens/scalePlan');

/** What the analyser's engine has done since the server started (analysis/session EngineCounts). */
export interface EngineCounters {
  /** Check functions run (per compose service, container, router or project). */
  checkRuns: number;
  /** Check findings handed out again without a run. */
  checkReuses: number;
  /** Pairwise tests between two routers the routing checks made (overlap, shadow, tie). */
  routerJudgements: number;
  /** The engine's revision: one more for every input an analysis changed. */
  revision: number;
}

/**
 * Client -> server, for diagnostics and the benchmark (bench/run.ts), not for the extension's UI:
 * the engine's counters, so a caller can tell how much work one edit caused.
 */
export const EngineCountersRequest = new RequestType<null, EngineCounters, void>('gatewayLens/engineCounters');
