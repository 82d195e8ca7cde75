// Traefik v1 docker labels (docs/configuration/backends/docker.md at tag v1.7.34) and their
// v2+ counterparts. Traefik v2 and v3 decode only traefik.http/tcp/udp/tls.stores.default and the
// provider labels, so v1 keys are silently ignored (pkg/config/label/label.go).
import { lookupLabelKey } from './lookup';
import type { LabelVersion } from './tree';

/** First segments after `traefik.` that only Traefik v1 reads on a container. */
const V1_ROOTS = new Set(['port', 'protocol', 'weight', 'backend', 'frontend', 'domain', 'tags']);
/** What follows `traefik.<segment>.` in v1 segment labels (`traefik.web.port=80`). */
const V1_SEGMENT_FIELDS = new Set(['port', 'protocol', 'weight', 'backend', 'frontend', 'domain']);
/** Second segments that make a key a v2+ key, never a v1 segment label. */
const V2_ROOTS = new Set(['http', 'tcp', 'udp', 'tls', 'docker', 'swarm', 'enable']);

const SERVICE = 'http.services.<name>.loadbalancer';
const MIDDLEWARE = 'http.middlewares.<name>';
/** v1 key (after `traefik.` or `traefik.<segment>.`, lower case; `*` = same last segment) -> v2+ key. */
const REPLACEMENTS: Record<string, string> = {
  port: `${SERVICE}.server.port`,
  protocol: `${SERVICE}.server.scheme`,
  weight: `${SERVICE}.server.weight`,
  'frontend.rule': 'http.routers.<name>.rule',
  'frontend.entrypoints': 'http.routers.<name>.entrypoints',
  'frontend.priority': 'http.routers.<name>.priority',
  'frontend.passhostheader': `${SERVICE}.passhostheader`,
  'frontend.auth.basic': `${MIDDLEWARE}.basicauth.users`,
  'frontend.auth.basic.*': `${MIDDLEWARE}.basicauth.*`,
  'frontend.auth.digest.*': `${MIDDLEWARE}.digestauth.*`,
  'frontend.auth.forward.*': `${MIDDLEWARE}.forwardauth.*`,
  'frontend.auth.forward.tls.*': `${MIDDLEWARE}.forwardauth.tls.*`,
  'frontend.headers.*': `${MIDDLEWARE}.headers.*`,
  'frontend.redirect.regex': `${MIDDLEWARE}.redirectregex.regex`,
  'frontend.redirect.replacement': `${MIDDLEWARE}.redirectregex.replacement`,
  'frontend.whitelist.sourcerange': `${MIDDLEWARE}.ipallowlist.sourcerange`,
  'backend.healthcheck.*': `${SERVICE}.healthcheck.*`,
  'backend.loadbalancer.sticky': `${SERVICE}.sticky.cookie`,
  'backend.loadbalancer.stickiness': `${SERVICE}.sticky.cookie`,
  'backend.loadbalancer.stickiness.cookiename': `${SERVICE}.sticky.cookie.name`,
  'backend.loadbalancer.stickiness.*': `${SERVICE}.sticky.cookie.*`,
  'backend.loadbalancer.swarm': 'docker.lbswarm',
  'backend.circuitbreaker.expression': `${MIDDLEWARE}.circuitbreaker.expression`,
  'backend.buffering.*': `${MIDDLEWARE}.buffering.*`,
  'backend.maxconn.amount': `${MIDDLEWARE}.inflightreq.amount`,
  'backend.responseforwarding.flushinterval': `${SERVICE}.responseforwarding.flushinterval`,
};

export interface V1Label {
  /** The v2+ key to use instead, with `<name>` where a router, service or middleware name goes. */
  replacement?: string;
  /** The segment name of a v1 segment label (`web` in `traefik.web.port`), if any. */
  segment?: string;
}

/** Recognises a Traefik v1 label from its segments; undefined when the key is not one. */
export function v1Label(segments: readonly string[], version: LabelVersion): V1Label | undefined {
  if (segments.length < 2 || segments[0].toLowerCase() !== 'traefik') return undefined;
  const lower = segments.map((s) => s.toLowerCase());
  let rest: string[];
  let segment: string | undefined;
  if (V1_ROOTS.has(lower[1])) {
    rest = lower.slice(1);
  } else if (segments.length >= 3 && V1_SEGMENT_FIELDS.has(lower[2]) && !V2_ROOTS.has(lower[1])) {
    rest = lower.slice(2);
    segment = segments[1];
  } else {
    return undefined;
  }
  const replacement = replacementFor(rest, version);
  return { ...(replacement ? { replacement: `traefik.${replacement}` } : {}), ...(segment ? { segment } : {}) };
}

function replacementFor(rest: string[], version: LabelVersion): string | undefined {
  const exact = REPLACEMENTS[rest.join('.')];
  const last = rest[rest.length - 1];
  const wild = REPLACEMENTS[[...rest.slice(0, -1), '*'].join('.')]?.replace(/\*$/, last);
  for (const candidate of [exact, wild]) {
    if (!candidate) continue;
    // Offer only keys this Traefik version knows (server.weight is v3 only, v1 header names may be gone).
    const check = lookupLabelKey(['traefik', ...candidate.replace('<name>', 'name').split('.')], version);
    if (check.status === 'known' && check.schema) return candidate;
  }
  return undefined;
}
