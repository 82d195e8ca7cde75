// The Gateway view's rows with traffic: req/s, p95 and 5xx/min on each HTTP router and service,
// throughput on each entry point. Traefik's metrics label routers and services by their full
// name (`users@docker`) and entry points by theirs, as the API does.
import type { Node } from '../tree';
import type { Figures, MetricsView } from './rates';
import { figuresLine, round } from './render';

/** The rows with figures; unchanged when there is no view. */
export function withFigures(nodes: Node[], view: MetricsView | undefined): Node[] {
  if (!view) return nodes;
  return nodes.map((n) => decorate(n, view));
}

function decorate(node: Node, view: MetricsView): Node {
  const children = node.children.map((c) => decorate(c, view));
  // HTTP entry points (live/tree.ts ids them ep:<name>; the TCP/UDP groups share the context value).
  if (node.contextValue === 'entryPoint' && node.id.startsWith('ep:')) {
    const f = view.entryPoints.get(node.label);
    const line = f ? `${round(f.reqPerSec)} req/s` : missing(view, 'entry point') ? undefined : '0 req/s';
    return withLine({ ...node, children }, line, missing(view, 'entry point'));
  }
  const ref = node.ref;
  if (!ref || ref.protocol || (ref.kind !== 'router' && ref.kind !== 'service')) return { ...node, children };
  const level = ref.kind;
  const f: Figures | undefined = (level === 'router' ? view.routers : view.services).get(ref.name);
  const hint = missing(view, level);
  return withLine({ ...node, children }, hint && !f ? undefined : figuresLine(f), hint);
}

/** Why a level has no figures (its metrics.prometheus.add*Labels switch is off), if it has none. */
function missing(view: MetricsView, level: 'entry point' | 'router' | 'service'): string | undefined {
  return view.missing.find((m) => m.startsWith(`no ${level} metrics`) || m.startsWith('no request metrics'));
}

function withLine(node: Node, line: string | undefined, hint: string | undefined): Node {
  const tooltip = [node.tooltip, line ? `Traffic: ${line}` : undefined, hint].filter(Boolean).join('\n');
  return {
    ...node,
    description: line ? [line, node.description].filter(Boolean).join(' · ') : node.description,
    tooltip: tooltip || undefined,
  };
}

/**
 * The CodeLens above a router's rule: its own figures, else (router metrics off) its
 * service's, named, else why there are none.
 */
export function lensTitle(view: MetricsView, router: string, service: string): string {
  const own = view.routers.get(router);
  if (own) return figuresLine(own);
  const hint = missing(view, 'router');
  if (!hint) return figuresLine(undefined);
  const svc = view.services.get(service);
  if (svc) return `service ${service}: ${figuresLine(svc)}`;
  return missing(view, 'service') ? 'no traffic figures: ' + hint : `service ${service}: ${figuresLine(undefined)}`;
}
