// Traefik's live complaints as plain data: which @docker router, service or middleware has
// errors, and how bad. The extension puts them on the matching labels (source `traefik`).
import type { LocateKind } from '../server/src/protocol';
import type { ApiMiddleware, ApiRouter, ApiService } from './traefik/types';
import type { LiveModel } from './model';

export interface LiveProblem {
  kind: Exclude<LocateKind, 'composeService'>;
  /** Traefik's name, `users@docker`. */
  name: string;
  /** disabled: Traefik does not serve it (error); warning or enabled with errors: a warning. */
  severity: 'error' | 'warning';
  messages: string[];
}

/** The kinds Traefik's API reports errors on; each is a code of its own with a docs/codes.md section. */
export const LIVE_KINDS: readonly LiveProblem['kind'][] = ['router', 'service', 'middleware'];

/** The diagnostic code of a live error: `live-router-error`. */
export function liveCode(kind: LiveProblem['kind']): string {
  return `live-${kind}-error`;
}

/** Only label-born items: other providers' errors are not fixed in a compose file. */
const FROM_LABELS = new Set(['docker', 'swarm']);

export function liveProblems(model: LiveModel): LiveProblem[] {
  if (model.traefik.kind !== 'connected') return [];
  const out: LiveProblem[] = [];
  const add = (kind: LiveProblem['kind'], items: (ApiRouter | ApiService | ApiMiddleware)[]): void => {
    for (const item of items) {
      if (!FROM_LABELS.has(item.provider) || !item.error?.length) continue;
      out.push({
        kind,
        name: item.name,
        severity: item.status === 'disabled' ? 'error' : 'warning',
        messages: item.error,
      });
    }
  };
  add('router', model.routers);
  add(
    'service',
    model.services.map((s) => s.api),
  );
  add('middleware', model.middlewares);
  return out;
}

/** A stable key of the problems: the diagnostics are recomputed only when it changes. */
export function problemsKey(problems: LiveProblem[]): string {
  return JSON.stringify(problems.map((p) => [p.kind, p.name, p.severity, p.messages]));
}
