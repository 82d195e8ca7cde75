// Traefik decodes label values with Go's strconv and time.ParseDuration; a value it cannot parse, or a
// struct key given alone, fails the decoding and drops the whole container, and some values fall back
// silently (paerser parser/element_fill.go, nodes_metadata.go, types/duration.go).
import type { ComposeService, Label } from '../compose/model';
import { type KeyLookup, validateKnownValue } from '../schema';
import { parseBool } from '../traefik/values';
import { labelsTraefikReads } from '../traefik/containers';
import type { Check, Report } from './check';
import { dropsContainer } from './unknown-label';
import { dynamicProblems } from './dynamicFiles';
import { tlsListProblems } from './tlsLists';
import { tlsVersionProblems } from './tlsVersions';

export const check: Check<'invalid-value'> = {
  code: 'invalid-value',
  severity: 'error',
  description:
    'A label value Traefik cannot decode (boolean, integer, duration, enum), or one it accepts but reads differently than intended; in a file-provider file, a value Traefik cannot decode (it refuses the file).',
  run(ctx) {
    for (const r of dynamicProblems(ctx.project, 'invalid-value')) ctx.report(r);
    for (const r of tlsVersionProblems(ctx.project)) ctx.report(r);
    for (const r of tlsListProblems(ctx.project)) ctx.report(r);
  },
  service(service, { version, labelKeys, report }) {
    for (const label of labelsTraefikReads(service.labels)) {
      if (label.interpolated) continue;
      const texts = label.segments.map((s) => s.text);
      const found = labelKeys.lookup(texts, version);
      // Unknown and ignored keys are unknown-label's.
      if (found.status !== 'known') continue;
      const problem = found.schema ? badValue(label, found, service.name) : valueOfStruct(label, found, service);
      const sticky = problem ? undefined : stickyWithoutCookie(label, found, service);
      if (problem ?? sticky) report((problem ?? sticky)!);
    }
  },
};

function badValue(label: Label, found: KeyLookup, service: string): Report<'invalid-value'> | undefined {
  const problem = validateKnownValue(found, label.value);
  if (!problem) return undefined;
  return {
    file: label.file,
    range: label.valueRange,
    message: problem.message,
    explanation: problem.explanation,
    ...(problem.soft ? { severity: 'warning' as const } : {}),
    ...(problem.drops ? { effect: dropsContainer(service) } : {}),
    data: { key: label.key, value: label.value },
  };
}

const KINDS: Record<string, string> = { routers: 'router', services: 'service', middlewares: 'middleware' };

/**
 * A key naming something with sub-keys (a router, `loadbalancer`, `tls.domains`) has no value of its
 * own. Alone, a struct key fails ("cannot be a standalone element"); a name or list element only
 * declares an empty entry; with sub-keys present the value is just ignored.
 */
function valueOfStruct(label: Label, found: KeyLookup, service: ComposeService): Report<'invalid-value'> | undefined {
  const path = found.path!;
  const last = label.segments[label.segments.length - 1].text;
  const ignored = label.value === '' ? '' : ` Traefik ignores the value "${label.value}".`;
  const where = { file: label.file, range: label.value === '' ? label.keyRange : label.valueRange };
  const struct = `"${last}" groups sub-keys (${label.key}.<key>=<value>), so a value of its own means nothing to Traefik.`;
  if (hasSubKeys(label, service)) {
    return ignored
      ? {
          ...where,
          severity: 'warning',
          message: `"${last}" takes sub-keys, not a value: remove this label`,
          explanation: `${struct}${ignored}`,
        }
      : undefined;
  }
  if (found.entry) {
    const kind = KINDS[path[path.length - 2]] ?? 'entry';
    return {
      ...where,
      severity: 'warning',
      message: `this only declares an empty ${kind} "${last}": add its settings as sub-keys`,
      explanation: `With no sub-keys, "${label.key}" declares ${kind} "${last}" with default settings only.${ignored}`,
    };
  }
  if (found.list) {
    return ignored
      ? {
          ...where,
          severity: 'warning',
          message: `"${last}" is a list: write it as ${last}[0].<key> sub-keys`,
          explanation: `A list field is written as indexed sub-keys (${last}[0].<key>=<value>).${ignored}`,
        }
      : undefined;
  }
  return {
    ...where,
    message: `"${last}" takes sub-keys, not a value: write ${last}.<key>=<value>`,
    explanation: `Alone, a label for a group of sub-keys fails to decode ("cannot be a standalone element", paerser parser/nodes_metadata.go), and Traefik drops the whole container: none of its routers, services and middlewares exist.`,
    effect: dropsContainer(service.name),
  };
}

/**
 * `loadbalancer.sticky=true` alone creates an empty sticky block: Traefik only sticks when a
 * cookie is configured (pkg/server/service/loadbalancer: Sticky != nil && Sticky.Cookie != nil),
 * so sessions are not sticky. `sticky.cookie=true` is what enables it.
 */
function stickyWithoutCookie(
  label: Label,
  found: KeyLookup,
  service: ComposeService,
): Report<'invalid-value'> | undefined {
  const path = found.path ?? [];
  if (path.length < 2 || path[path.length - 1] !== 'sticky' || path[path.length - 2] !== 'loadbalancer')
    return undefined;
  if (parseBool(label.value.trim()) === false) return undefined;
  const cookie = `${label.key.toLowerCase()}.cookie`;
  if (service.labels.some((o) => o.source === label.source && o.key.toLowerCase().startsWith(cookie))) return undefined;
  return {
    file: label.file,
    range: label.valueRange.start === label.valueRange.end ? label.keyRange : label.valueRange,
    severity: 'warning',
    message: `sessions are not sticky without a cookie: use ${label.key.split('.').slice(-2).join('.')}.cookie=true`,
    explanation: `"sticky" alone creates an empty sticky block, and Traefik sticks sessions only when a cookie is configured (pkg/server/service/loadbalancer); write ${label.key}.cookie=true.`,
    data: { key: label.key, replacementKey: `${label.key}.cookie`, value: label.value },
  };
}

/** Whether another label of the service continues this key (`<key>.x` or `<key>[0]`). */
function hasSubKeys(label: Label, service: ComposeService): boolean {
  const lower = label.key.toLowerCase();
  return service.labels.some((other) => {
    if (other === label || other.source !== label.source) return false;
    const key = other.key.toLowerCase();
    return (
      key.length > lower.length && key.startsWith(lower) && (key[lower.length] === '.' || key[lower.length] === '[')
    );
  });
}
