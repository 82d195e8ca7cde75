// A whole load test of one router, as `gateway-lens loadtest` and the editor command run it:
// read the router from Traefik's API, plan the request, send, attribute, report.
import { DockerClient } from '../docker/client';
import type { ComposeContainer } from '../docker/types';
import { TraefikApi, type ApiOptions } from '../traefik/api';
import { describeState, type ApiRouter } from '../traefik/types';
import { attribute } from './attribution';
import { planLoadTest, type LoadTestPlan } from './plan';
import { buildReport, type LoadTestReport } from './report';
import { runLoadTest, type RequestResult } from './run';

export interface LoadTestOptions {
  api: ApiOptions;
  router: string;
  /** The only host requests go to (default localhost). */
  gatewayHost?: string;
  port?: number;
  requests?: number;
  delayMs?: number;
  headers?: string[];
  keepCookies?: boolean;
  accessLogFile?: string;
  /** Docker engine for Traefik's container logs and the replicas' addresses; null: do not ask Docker. */
  dockerHost?: string | null;
  traefikContainer?: string;
  replicaHeader?: string;
  onPlan?: (plan: LoadTestPlan) => void;
  onResult?: (r: RequestResult, done: number, total: number) => void;
  isCancelled?: () => boolean;
  settleMs?: number;
}

/** Finds `users@docker` by its full name, or `users` by the name before the provider. */
export function findRouter(routers: ApiRouter[], name: string): ApiRouter | undefined {
  return routers.find((r) => r.name === name) ?? routers.find((r) => r.name.split('@')[0] === name);
}

/** Resolves to a report, or rejects with a one-line Error the caller shows as is. */
export async function loadTestRouter(options: LoadTestOptions): Promise<LoadTestReport> {
  const api = new TraefikApi(options.api);
  const snapshot = await api.snapshot();
  if (snapshot.state.kind !== 'connected') throw new Error(describeState(snapshot.state));
  const router = findRouter(snapshot.http.routers, options.router);
  if (!router) {
    const known = snapshot.http.routers.map((r) => r.name).join(', ') || 'none';
    throw new Error(`Traefik has no HTTP router "${options.router}" (routers: ${known})`);
  }
  const major = /^v?2\./.test(snapshot.state.version) ? 'v2' : 'v3';
  const plan = planLoadTest({
    router,
    routers: snapshot.http.routers,
    entryPoints: snapshot.entryPoints,
    syntax: major,
    gatewayHost: options.gatewayHost ?? 'localhost',
    port: options.port,
    requests: options.requests,
    delayMs: options.delayMs,
    headers: options.headers,
    keepCookies: options.keepCookies,
  });
  if ('error' in plan) throw new Error(plan.error);
  options.onPlan?.(plan);
  const run = await runLoadTest(plan, {
    isCancelled: options.isCancelled,
    onResult: (r) => options.onResult?.(r, r.index + 1, plan.requests),
  });
  const docker = options.dockerHost === null ? undefined : new DockerClient(options.dockerHost);
  const attribution = await attribute(run, {
    accessLogFile: options.accessLogFile,
    docker: docker?.docker,
    traefikContainer: options.traefikContainer,
    replicaHeader: options.replicaHeader,
    settleMs: options.settleMs,
  });
  let containers: ComposeContainer[] = [];
  if (docker) containers = await docker.composeContainers().catch(() => []);
  const service = snapshot.http.services.find(
    (s) => s.name === router.service || s.name === `${router.service}@${router.provider}`,
  );
  return buildReport(run, attribution, service, containers);
}
