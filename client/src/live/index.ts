// Entry of dist/live.js: everything the live view needs that the extension loads lazily
// (dockerode, the Traefik API client). No vscode imports: the CLI loads it too.
export { TraefikApi } from '../traefik/api';
export type { ApiOptions } from '../traefik/api';
export * from '../traefik/types';
export { DockerClient } from '../docker/client';
export { detectCompose, runCompose, scaleArgs, composeError } from '../docker/compose';
export type { ComposeCli, RunResult } from '../docker/compose';
export * from '../docker/types';
export { buildLiveModel, traefikServicesOf, routerPriority } from './model';
export type { LiveModel, LiveService, LiveComposeService, LiveServer } from './model';
export { renderText, renderJson } from './render';
export * from './tree';
export { LiveSession } from './session';
export type { SessionOptions } from './session';
export type { KnownComposeService } from './model';
export { liveProblems, problemsKey } from './problems';
export type { LiveProblem } from './problems';
export * from '../scale/plan';
export { executeScale } from '../scale/run';
export type { ScaleOutcome, ExecuteOptions } from '../scale/run';
