// Shapes of Traefik's API answers (pkg/api/handler*.go; fixtures in test/fixtures/traefik-api).
// Only the fields Gateway Lens reads are typed; everything else passes through untouched.

export type Status = 'enabled' | 'warning' | 'disabled';

export interface ApiRouter {
  name: string;
  provider: string;
  status: Status;
  rule?: string;
  service?: string;
  entryPoints?: string[];
  middlewares?: string[];
  priority?: number;
  priorityStr?: string;
  tls?: { options?: string; certResolver?: string; passthrough?: boolean };
  error?: string[];
  using?: string[];
}

export interface ApiServer {
  url?: string;
  address?: string;
  weight?: number;
}

export interface ApiService {
  name: string;
  provider: string;
  status: Status;
  type?: string;
  loadBalancer?: { servers?: ApiServer[]; sticky?: unknown; healthCheck?: unknown; passHostHeader?: boolean };
  serverStatus?: Record<string, 'UP' | 'DOWN'>;
  usedBy?: string[];
  error?: string[];
}

export interface ApiMiddleware {
  name: string;
  provider: string;
  status: Status;
  type?: string;
  usedBy?: string[];
  error?: string[];
  [type: string]: unknown;
}

export interface ApiEntryPoint {
  name: string;
  address: string;
}

export interface ApiVersion {
  Version: string;
  Codename?: string;
  startDate?: string;
}

export interface ApiOverview {
  http?: Record<string, { total: number; warnings: number; errors: number }>;
  tcp?: Record<string, { total: number; warnings: number; errors: number }>;
  udp?: Record<string, { total: number; warnings: number; errors: number }>;
  features?: Record<string, unknown>;
  providers?: string[];
}

/** What happened when Gateway Lens last asked Traefik; every failure is a state, never an exception. */
export type ApiState =
  | { kind: 'connected'; url: string; version: string }
  | { kind: 'unreachable'; url: string; message: string }
  | { kind: 'timeout'; url: string; ms: number }
  | { kind: 'unauthorized'; url: string }
  | { kind: 'not-traefik'; url: string; message: string }
  /** More pages or bytes than Gateway Lens reads (the bounds in api.ts): shown, not drawn. */
  | { kind: 'too-large'; url: string; message: string }
  | { kind: 'error'; url: string; status: number; message: string };

export interface GatewaySnapshot {
  state: ApiState;
  at: number;
  version?: ApiVersion;
  overview?: ApiOverview;
  entryPoints: ApiEntryPoint[];
  http: { routers: ApiRouter[]; services: ApiService[]; middlewares: ApiMiddleware[] };
  tcp: { routers: ApiRouter[]; services: ApiService[]; middlewares: ApiMiddleware[] };
  udp: { routers: ApiRouter[]; services: ApiService[] };
}

export function describeState(state: ApiState): string {
  switch (state.kind) {
    case 'connected':
      return `Connected to Traefik ${state.version} at ${state.url}`;
    case 'unreachable':
      return `Traefik unreachable at ${state.url}: ${state.message}`;
    case 'timeout':
      return `Traefik at ${state.url} did not answer within ${state.ms} ms`;
    case 'unauthorized':
      return `Traefik at ${state.url} refused the credentials (401); set gatewayLens.traefik.apiUser and "Gateway Lens: Set Traefik API Password"`;
    case 'not-traefik':
      return `${state.url} does not answer like Traefik's API: ${state.message}`;
    case 'too-large':
      return `Traefik at ${state.url} answered too much: ${state.message}`;
    case 'error':
      return `Traefik at ${state.url} answered ${state.status}: ${state.message}`;
  }
}
