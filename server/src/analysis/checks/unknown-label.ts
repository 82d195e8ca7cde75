// Traefik drops a whole container when a key it decodes (traefik.http/tcp/udp/tls.stores.default,
// traefik.enable, traefik.docker.*) has an unknown field ("field not found"), and silently ignores
// misspelt prefixes and Traefik v1 labels (pkg/config/label/label.go, pkg/provider/docker/shared_labels.go,
// paerser parser/labels_decode.go + nodes_metadata.go).
import { hasInterpolation } from '../compose/labels';
import type { Label } from '../compose/model';
import { KeyLookup, LabelKeys, LabelVersion } from '../schema';
import { v1Label } from '../schema/legacy';
import { labelsTraefikReads, normalizeName } from '../traefik/containers';
import { editDistance } from '../spelling';
import { nearest } from '../traefik/values';
import type { Effect, Range } from '../types';
import type { Check, Report } from './check';

export const check: Check<'unknown-label'> = {
  code: 'unknown-label',
  severity: 'error',
  description:
    'A label key Traefik does not know: a typo that makes Traefik drop the container, or a misspelt prefix or Traefik v1 label that it silently ignores.',
  service(service, { version, traefikV1, labelKeys, report }) {
    for (const label of labelsTraefikReads(service.labels)) {
      const found = judge(label, version, service.name, traefikV1, labelKeys);
      if (found) report(found);
    }
  },
};

/** What an undecodable label costs, as Traefik says it (paerser parser/labels_decode.go, nodes_metadata.go). */
const dropped = (error: string): string =>
  `Traefik cannot decode the container's labels (${error}) and drops the whole container: none of its routers, services and middlewares exist.`;

export function dropsContainer(service: string, unless?: string): Effect {
  return { drops: 'container', service, ...(unless ? { unless } : {}) };
}

function judge(
  label: Label,
  version: LabelVersion,
  serviceName: string,
  traefikV1: boolean,
  labelKeys: LabelKeys,
): Report<'unknown-label'> | undefined {
  const texts = label.segments.map((s) => s.text);
  const found = labelKeys.lookup(texts, version);
  if (found.status === 'unknown') return unknownKey(label, texts, found, version, serviceName, labelKeys);
  if (found.status !== 'ignored') return undefined;
  if (found.note) {
    return {
      file: label.file,
      range: label.keyRange,
      severity: 'warning',
      message: 'Traefik ignores this label',
      explanation: `Traefik ignores this label: ${found.note}`,
    };
  }
  return ignoredKey(label, texts, version, serviceName, traefikV1);
}

function unknownKey(
  label: Label,
  texts: string[],
  found: KeyLookup,
  version: LabelVersion,
  serviceName: string,
  labelKeys: LabelKeys,
): Report<'unknown-label'> | undefined {
  const bad = found.badSegment!;
  if (!judgeable(texts, bad)) return undefined;
  const segment = texts[bad];
  const { suggestion } = found;
  let message: string;
  let error = 'field not found';
  switch (found.problem) {
    case 'root':
      message = `label keys start with "traefik" in lower case: write "traefik", not "${segment}"`;
      error = `invalid label root "${segment}"`;
      break;
    case 'empty':
      message = 'empty segment in the label key: remove the extra "."';
      error = 'invalid element';
      break;
    case 'bracket':
      message = segment.startsWith('[')
        ? `"${segment}" starts with "[": an index follows a list field, as in domains[0]`
        : `"${segment.replace(/\[.*$/, '')}" is not a list, so it takes no index: remove "${segment.slice(segment.indexOf('['))}"`;
      break;
    case 'leaf':
      message = `"${texts[bad - 1]}" takes a value, not sub-keys: remove ".${segment}"`;
      break;
    default: {
      const other: LabelVersion = version === 'v3' ? 'v2' : 'v3';
      const elsewhere = labelKeys.lookup(texts, other).status === 'known' ? ` (a Traefik ${other} key)` : '';
      message =
        `unknown label key "${segment}"${elsewhere}` +
        (suggestion === undefined ? ": check it against Traefik's reference" : `: did you mean "${suggestion}"?`);
    }
  }
  // v3's docker provider never reads traefik.swarm.*; only the swarm provider (service labels) fails on it.
  const swarmOnly = texts[0] === 'traefik' && texts[1]?.toLowerCase() === 'swarm' && label.source === 'labels';
  return {
    file: label.file,
    range: found.problem === 'empty' ? emptySegmentRange(label, bad) : label.segments[bad].range,
    ...(swarmOnly ? { severity: 'warning' as const } : { effect: dropsContainer(serviceName) }),
    message,
    explanation: swarmOnly
      ? `Traefik's docker provider never reads traefik.swarm.* labels; its swarm provider would fail on this one (${error}) and drop the service.`
      : dropped(error),
    data: { segmentIndex: bad, ...withSuggestion(texts, bad, suggestion) },
  };
}

/** A `${...}` segment cannot be judged, nor anything after one whose braces hold a dot. */
function judgeable(texts: string[], bad: number): boolean {
  if (hasInterpolation(texts[bad])) return false;
  return texts.slice(0, bad).every((t) => !hasInterpolation(t) || t.split('${').length === t.split('}').length);
}

function withSuggestion(texts: string[], index: number, suggestion: string | undefined): Record<string, string> {
  if (suggestion === undefined) return {};
  return { suggestion, replacement: texts.map((t, i) => (i === index ? suggestion : t)).join('.') };
}

/** `..` (or a trailing `.`) around an empty segment; the whole key when ranges are not exact. */
function emptySegmentRange(label: Label, index: number): Range {
  if (!label.exact || index === 0) return label.keyRange;
  const next = label.segments[index + 1];
  return { start: label.segments[index - 1].range.end, end: next ? next.range.start : label.keyRange.end };
}

/** Second segments Traefik decodes (under a literal `traefik.` root). */
const ROOTS: Record<LabelVersion, string[]> = {
  v2: ['http', 'tcp', 'udp', 'tls', 'enable', 'docker'],
  v3: ['http', 'tcp', 'udp', 'tls', 'enable', 'docker', 'swarm'],
};
/** What must follow a misspelt second segment before we call it a typo rather than a custom label. */
const NEXT: Record<string, string[]> = {
  http: ['routers', 'services', 'middlewares'],
  tcp: ['routers', 'services', 'middlewares'],
  udp: ['routers', 'services'],
  tls: ['stores'],
  docker: ['network', 'lbswarm', 'allownonrunning'],
  swarm: ['network', 'lbswarm'],
};

function ignoredKey(
  label: Label,
  texts: string[],
  version: LabelVersion,
  serviceName: string,
  traefikV1: boolean,
): Report<'unknown-label'> | undefined {
  // Interpolated prefixes (`${PREFIX}.http...`) cannot be judged.
  if (texts.slice(0, 3).some(hasInterpolation)) return undefined;
  const v1 = v1Label(texts, version);
  // A project whose Traefik is v1 (traefik:1.7) reads its v1 labels: right for it.
  if (v1 && traefikV1) return undefined;
  if (v1) {
    // A router or service named after the compose service is named as Traefik names its own (provider.Normalize: `example.proxy` is `example-proxy`); a dot would split the key.
    const replacement = v1.replacement?.replace('<name>', v1.segment ?? normalizeName(serviceName));
    return {
      file: label.file,
      range: label.keyRange,
      severity: 'warning',
      message: `Traefik v1 label, ignored since v2: ${replacement ? `use ${replacement}` : 'declare routers and services under traefik.http.*'}`,
      explanation:
        'Traefik v2 and v3 decode only labels under traefik.http, traefik.tcp, traefik.udp, traefik.tls.stores, traefik.enable and traefik.docker (pkg/config/label/label.go); a v1 label is read by nothing, without a warning.',
      data: replacement ? { suggestion: replacement, replacement } : {},
    };
  }
  const root = texts[0].toLowerCase();
  if (root !== 'traefik') {
    // `treafik.http.routers...`: other tools' labels (com.docker.*, org.label-schema.*) never get here.
    if (texts.length < 2 || editDistance(root, 'traefik') > 2 || !ROOTS[version].includes(texts[1].toLowerCase())) {
      return undefined;
    }
    return typo(label, texts, 0, 'traefik', 'Traefik reads only labels starting with "traefik." and ignores this one.');
  }
  if (texts.length < 2) return undefined;
  if (texts[1].toLowerCase() === 'tls' && texts.length >= 4) {
    const store = nearest(texts[2], ['stores']);
    if (store && store !== texts[2].toLowerCase()) {
      return typo(
        label,
        texts,
        2,
        store,
        'Traefik reads TLS options from traefik.tls.stores only and ignores this label.',
      );
    }
    return undefined;
  }
  const near = nearest(texts[1], ROOTS[version]);
  if (near === undefined || !plausible(near, texts)) return undefined;
  return typo(label, texts, 1, near, `Traefik ignores every label under "traefik.${texts[1]}", without a warning.`);
}

/** A near miss of a decoded root is a typo only when the rest of the key looks like Traefik's. */
function plausible(root: string, texts: string[]): boolean {
  if (root === 'enable') return texts.length === 2;
  const next = NEXT[root];
  const minLength = root === 'docker' || root === 'swarm' ? 3 : 4;
  return texts.length >= minLength && texts.length >= 3 && nearest(texts[2], next) !== undefined;
}

function typo(label: Label, texts: string[], index: number, suggestion: string, why: string): Report<'unknown-label'> {
  return {
    file: label.file,
    range: label.segments[index].range,
    severity: 'warning',
    message: `Traefik ignores this label: did you mean "${suggestion}"?`,
    explanation: why,
    data: { segmentIndex: index, ...withSuggestion(texts, index, suggestion) },
  };
}
