// A service as compose merges its definitions (compose spec 13-merge.md, and 05-services.md
// extends "Merging service definitions"): the definitions come in merge order (an extended base
// before the service that extends it, a base file before its override) and each merged value
// keeps the definition, so the file and range, it came from.
// - mappings (labels, deploy.labels) merge by key: a later definition's value wins ("Mapping");
// - sequences (expose, networks, profiles) are appended ("Sequence"); ports are appended
//   except an entry equal on {ip, target, published, protocol} ("Unique resources");
// - command and entrypoint are replaced, never appended ("Shell commands");
// - scalars (image, container_name, network_mode, deploy.replicas): the last one set wins.
import type { ComposeService, Label, MergeTagged, PortMapping, Scalar } from '../model';

/** A merged value and the definition it comes from (its `file`, and the ranges in the value). */
export interface Origin<T> {
  value: T;
  from: ComposeService;
}

export interface MergedService {
  name: string;
  labels: Label[];
  deployLabels: Label[];
  ports: Origin<PortMapping>[];
  expose: Origin<PortMapping>[];
  networks: Origin<Scalar>[];
  profiles: Origin<Scalar>[];
  image?: Origin<Scalar>;
  containerName?: Origin<Scalar>;
  networkMode?: Origin<Scalar>;
  replicas?: Origin<Scalar>;
  command?: Origin<Scalar[]>;
  entrypoint?: Origin<Scalar[]>;
}

export function mergeService(name: string, parts: readonly ComposeService[]): MergedService {
  const merged: MergedService = {
    name,
    labels: byKey(parts, 'labels'),
    deployLabels: byKey(parts, 'deploy.labels'),
    ports: [],
    expose: [],
    networks: [],
    profiles: [],
  };
  const seenPorts = new Set<string>();
  const seenNetworks = new Set<string>();
  const seenProfiles = new Set<string>();
  for (const from of parts) {
    for (const p of from.ports) {
      const key = p.target === undefined ? undefined : `${p.published ?? ''}:${p.target}/${p.protocol}`;
      if (key !== undefined && seenPorts.has(key)) continue;
      if (key !== undefined) seenPorts.add(key);
      merged.ports.push({ value: p, from });
    }
    for (const p of from.expose) merged.expose.push({ value: p, from });
    for (const n of from.networks) if (once(seenNetworks, n.value)) merged.networks.push({ value: n, from });
    for (const p of from.profiles) if (once(seenProfiles, p.value)) merged.profiles.push({ value: p, from });
    if (from.image) merged.image = { value: from.image, from };
    if (from.containerName) merged.containerName = { value: from.containerName, from };
    if (from.networkMode) merged.networkMode = { value: from.networkMode, from };
    if (from.replicas) merged.replicas = { value: from.replicas, from };
    if (from.command) merged.command = { value: from.command, from };
    if (from.entrypoint) merged.entrypoint = { value: from.entrypoint, from };
  }
  return merged;
}

/** Labels of one source merged by key: the position of the first, the value of the last. */
export function byKey(parts: readonly ComposeService[], source: Label['source']): Label[] {
  const merged = new Map<string, Label>();
  for (const part of mergedFrom(parts, source))
    for (const label of part.labels) if (label.source === source) merged.set(label.key, label);
  return [...merged.values()];
}

function once(seen: Set<string>, value: string): boolean {
  if (seen.has(value)) return false;
  seen.add(value);
  return true;
}

/**
 * The parts whose `field` the merge keeps: from the last one tagging it `!override` (its value
 * replaces the earlier ones), or after the last `!reset` (it drops them and its own value),
 * compose spec 13-merge.md "Reset value" / "Replace value".
 */
export function mergedFrom(parts: readonly ComposeService[], field: MergeTagged): readonly ComposeService[] {
  let from = 0;
  parts.forEach((part, i) => {
    const tag = part.mergeTags?.[field];
    if (tag) from = tag === '!reset' ? i + 1 : i;
  });
  return from === 0 ? parts : parts.slice(from);
}
