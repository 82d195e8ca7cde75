// Shared by undefined-middleware and undefined-service: resolving a router's reference the
// way Traefik does (pkg/server/provider/provider.go GetQualifiedName: a name without `@`
// belongs to the router's provider) and grading how sure we are that it is missing.
import type { Label } from '../compose/model';
import type { Project } from '../project';
import { structuralEquals } from '../engine';
import { definitionsNamed, index, qualify } from '../traefik/lookup';
import type { Definition, Kind, Protocol } from '../traefik/model';
import { isProviderName, PROVIDER_NAMES } from '../traefik/providers';
import { ListItem, nearest } from '../traefik/values';
import type { Effect, Finding, Related, Severity } from '../types';
import type { DataOf } from './codes';
import { droppedContainers, droppedVerdicts } from './dropped';
import { fileRelated, liveFileNames, resolveFileReference } from './fileReferences';

export interface Missing {
  item: ListItem;
  message: string;
  explanation: string;
  severity: Severity;
  related: Related[];
  data: DataOf<'undefined-middleware'> & DataOf<'undefined-service'>;
  /** What may still define the name (another compose project on the Docker host). */
  unless?: string;
}

export interface ReferenceRules {
  kind: Kind;
  noun: string;
  /** Names that exist outside the project (settings). */
  external: string[];
  /** Names that exist in the `internal` provider. */
  internal: readonly string[];
}

/**
 * Looks `item` up among the project's definitions. Returns undefined when the reference
 * resolves or cannot be judged (another provider's config is unknown).
 */
/**
 * `api@internal` or `dashboard@internal` while the static configuration, fully read, sets no API:
 * Traefik builds them only with `api` (pkg/server/service/internalhandler.go get: "api is not enabled").
 */
export function apiNotEnabled(
  project: Project,
  rules: ReferenceRules,
  name: string,
  written: string,
  gone: string,
): Pick<Missing, 'message' | 'explanation' | 'related'> | undefined {
  const config = project.staticConfig;
  if (rules.kind !== 'services' || (name !== 'api' && name !== 'dashboard') || !config.settingsKnown || config.api)
    return undefined;
  return {
    message: `service "${written}" needs Traefik's API: enable api in the static configuration`,
    explanation: `Traefik builds ${name}@internal only when its API is enabled (--api or api: in the static configuration, which sets neither; "api is not enabled", pkg/server/service/internalhandler.go), so ${gone}.`,
    related: config.sources.map((o) => ({ ...o, message: 'static configuration read here' })),
  };
}

export function resolveReference(
  project: Project,
  router: Definition,
  protocol: Protocol,
  item: ListItem,
  rules: ReferenceRules,
): Missing | undefined {
  const provider = router.container.provider;
  const ref = qualify(item.value, provider);
  if (ref.name === '' || /\$\{?[A-Za-z_]/.test(item.value)) return undefined;
  if (ref.provider === 'internal') {
    const noApi = apiNotEnabled(project, rules, ref.name, item.value, `it disables ${describe(router)}`);
    // A warning: another Traefik, one with the API, may read these labels.
    if (noApi) return { ...noApi, item, severity: 'warning', data: { name: item.value } };
    if (rules.internal.includes(ref.name)) return undefined;
    const suggestion = suggest(ref.name, rules.internal, '@internal');
    return {
      item,
      message: `Traefik has no ${rules.noun} "${ref.name}@internal"${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
      explanation: `Traefik's internal provider defines ${rules.internal.length ? rules.internal.map((n) => `${n}@internal`).join(', ') : `no ${rules.noun}s`}; with "${ref.name}@internal" missing, Traefik disables ${describe(router)}.`,
      severity: 'error',
      related: [],
      data: { name: item.value, suggestion },
    };
  }
  if (ref.provider === 'file') return resolveFileReference(project, describe(router), protocol, item, ref.name, rules);
  if (ref.explicit && !isProviderName(ref.provider)) return unknownProvider(router, item, ref, rules);
  const v2 = ref.explicit
    ? noSwarmProvider(project, ref.name, ref.provider, rules, `disables ${describe(router)}`)
    : undefined;
  if (v2) return { ...v2, item, data: { name: item.value, suggestion: v2.suggestion } };
  // Another provider (kubernetes, consul, ...): its configuration is not in view.
  if (ref.provider !== provider) return undefined;
  const defined = definitionsNamed(project, protocol, rules.kind, provider, ref.name);
  if (defined.length > 0) return droppedOnly(project, router, item, ref.name, defined, rules);
  if ([ref.name, item.value, `${ref.name}@${provider}`].some((n) => rules.external.includes(n))) return undefined;
  const inFile = !ref.explicit ? liveFileNames(project, protocol, rules.kind).get(ref.name) : undefined;
  if (inFile) {
    return {
      item,
      message: `${rules.noun} "${ref.name}" is defined by the file provider: write "${ref.name}@file"`,
      explanation: `A name without "@" belongs to the router's own provider (pkg/server/provider/provider.go GetQualifiedName), so Traefik looks for "${ref.name}@${provider}", which does not exist, and disables ${describe(router)}. The file provider defines "${ref.name}@file".`,
      severity: 'error',
      related: [fileRelated(inFile, `"${ref.name}@file" is defined here`)],
      data: { name: item.value, suggestion: `${ref.name}@file` },
    };
  }
  const ignored = firstDefinition(project, protocol, rules.kind, ref.name);
  const near = nearestName(project, protocol, rules.kind, provider, ref.name);
  const suffix = ref.explicit ? `@${ref.provider}` : '';
  if (ignored) {
    return {
      item,
      message: `${rules.noun} "${ref.name}" is defined on "${ignored.container.compose.name}", which Traefik ignores: set traefik.enable=true there`,
      explanation: `Traefik reads no labels of a container it does not expose (the provider's exposedByDefault=false and no traefik.enable=true), so ${rules.noun} "${ref.name}@${provider}" does not exist and Traefik disables ${describe(router)}.`,
      severity: 'error',
      related: [related(ignored, `"${ref.name}" is defined here`)],
      data: { name: item.value },
    };
  }
  if (near !== undefined) {
    const target = definitionsNamed(project, protocol, rules.kind, provider, near)[0];
    return {
      item,
      message: `${rules.noun} "${item.value}" is not defined: did you mean "${near}${suffix}"?`,
      explanation: `Traefik disables ${describe(router)} with the error ${rules.noun} "${ref.name}@${provider}" does not exist; the requests it would match go to another router or get a 404.`,
      severity: 'error',
      related: [related(target, `"${near}" is defined here`)],
      data: { name: item.value, suggestion: `${near}${suffix}` },
    };
  }
  // A near miss of a name another project on the host defines (or one declared external): still
  // hedged, since that project's view of the name is all we have, but the typo is named.
  const elsewhere = rules.external.flatMap((n) => {
    const q = qualify(n, provider);
    return q.provider === provider ? [q.name] : [];
  });
  const other = nearest(ref.name, elsewhere);
  if (other !== undefined && other !== ref.name) {
    return {
      item,
      message: `${rules.noun} "${item.value}" is not defined in this project: did you mean "${other}${suffix}", which another compose project defines?`,
      explanation: `Unless another compose project on the same Docker host defines "${ref.name}@${provider}", Traefik disables ${describe(router)} with the error ${rules.noun} "${ref.name}@${provider}" does not exist. "${other}@${provider}" is defined elsewhere on the host (or declared external).`,
      severity: 'warning',
      related: [],
      data: { name: item.value, suggestion: `${other}${suffix}` },
      unless: 'another compose project on the Docker host defines it',
    };
  }
  return {
    item,
    message: `${rules.noun} "${item.value}" is not defined in this project: define it, or declare it external`,
    explanation: `Unless another compose project on the same Docker host defines it, Traefik disables ${describe(router)} with the error ${rules.noun} "${ref.name}@${provider}" does not exist. If one does, list it in gatewayLens.external${cap(rules.kind)} (or external${cap(rules.kind)} in .gateway-lens.yaml).`,
    severity: 'warning',
    related: [],
    data: { name: item.value },
    unless: 'another compose project on the Docker host defines it',
  };
}

/**
 * `name@provider` with a provider Traefik does not have: Traefik looks the name up as written, so it
 * never exists. A near miss of a provider's name is the typo it looks like (an error); any other
 * name is a warning, in case a provider Gateway Lens does not know has it.
 */
/**
 * `x@swarm` under Traefik v2: v2 has no swarm provider, its docker provider in swarm mode names
 * things `@docker` (v2 pkg/provider/aggregator/aggregator.go adds conf.Docker; pkg/provider/docker
 * docker.go ProviderName "docker"). Only when v2 is known: the image tag or `swarmMode` says so.
 */
export function noSwarmProvider(
  project: Project,
  name: string,
  provider: string,
  rules: ReferenceRules,
  gone: string,
): (Pick<Missing, 'message' | 'explanation' | 'severity' | 'related'> & { suggestion: string }) | undefined {
  if (provider !== 'swarm') return undefined;
  const v2 =
    project.staticConfig.swarm?.swarmMode === true ||
    (project.version === 'v2' && project.versionFact.source !== 'unknown');
  if (!v2) return undefined;
  return {
    message: `Traefik v2 has no swarm provider: write "${name}@docker"`,
    explanation: `In Traefik v2 Swarm services are read by the docker provider (swarmMode), which names everything "@docker"; no provider is named "swarm", so ${rules.noun} "${name}@swarm" does not exist and Traefik ${gone}.`,
    severity: 'error',
    related: [],
    suggestion: `${name}@docker`,
  };
}

function unknownProvider(
  router: Definition,
  item: ListItem,
  ref: { name: string; provider: string },
  rules: ReferenceRules,
): Missing {
  const near = nearest(ref.provider, PROVIDER_NAMES);
  const suggestion = near === undefined ? undefined : `${ref.name}@${near}`;
  return {
    item,
    message: suggestion
      ? `Traefik has no provider "${ref.provider}": did you mean "${suggestion}"?`
      : `Traefik has no provider "${ref.provider}", so ${rules.noun} "${item.value}" does not exist`,
    explanation: `Traefik looks a name with "@" up as written (pkg/server/provider/provider.go GetQualifiedName); none of its providers is named "${ref.provider}", so ${rules.noun} "${item.value}" does not exist and Traefik disables ${describe(router)}.`,
    severity: suggestion ? 'error' : 'warning',
    related: [],
    data: { name: item.value, suggestion },
  };
}

/**
 * Knock-on: every container defining the name is one Traefik drops (a label it cannot decode, no
 * port, never healthy), so the name does not exist in Traefik and the router goes with it. Only a
 * certain drop counts; one that something out of view may undo (`unless`) leaves the name alone.
 */
function droppedOnly(
  project: Project,
  router: Definition,
  item: ListItem,
  name: string,
  defined: readonly Definition[],
  rules: ReferenceRules,
): Missing | undefined {
  const drops = droppedVerdicts(project);
  // A router on a dropped container is gone with it: what it names does not matter.
  if (drops.has(router.container.compose.name)) return undefined;
  const by = defined.map((d) => drops.get(d.container.compose.name));
  if (by.some((u) => !u || u.unless || u.code === 'not-enabled')) return undefined;
  const owner = defined[0].container.compose.name;
  const drop = droppedContainers(project).get(owner)!;
  const provider = router.container.provider;
  return {
    item,
    message: `${rules.noun} "${item.value}" is defined only by container "${owner}", which Traefik drops: see ${drop.code}`,
    explanation: `Traefik drops the whole container "${owner}" (${drop.code}: ${drop.message.replace(/\.$/, '')}), so none of its routers, services and middlewares exist; ${rules.noun} "${name}@${provider}" does not exist either, and Traefik disables ${describe(router)}. Fix the error on "${owner}".`,
    severity: 'error',
    related: [
      related(defined[0], `"${name}" is defined here`),
      { file: drop.file, range: drop.range, message: `Traefik drops "${owner}" here (${drop.code})` },
    ],
    data: { name: item.value, droppedBy: drop.code, container: owner },
  };
}

/** The first definition of `name` in any container (Traefik keeps it or not). */
function firstDefinition(project: Project, protocol: Protocol, kind: Kind, name: string): Definition | undefined {
  return project.derived.get(`first of ${protocol}.${kind} ${JSON.stringify(name)}`, () =>
    index(project, protocol, kind).all.find((d) => d.name === name),
  );
}

/** The defined name closest to `name` (a typo's fix), among the provider's live ones. */
function nearestName(
  project: Project,
  protocol: Protocol,
  kind: Kind,
  provider: string,
  name: string,
): string | undefined {
  return project.derived.get(`nearest ${protocol}.${kind} to ${JSON.stringify(name)} by ${provider}`, () =>
    nearest(name, liveNames(project, protocol, kind, provider)),
  );
}

/** The names the provider's kept containers define: unchanged by edits that rename nothing. */
function liveNames(project: Project, protocol: Protocol, kind: Kind, provider: string): readonly string[] {
  return project.derived.get(
    `names of ${protocol}.${kind} by ${provider}`,
    () => [...(index(project, protocol, kind).live.get(provider)?.keys() ?? [])],
    structuralEquals,
  );
}

function suggest(name: string, names: readonly string[], suffix: string): string | undefined {
  const n = nearest(name, names);
  return n === undefined ? undefined : `${n}${suffix}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Traefik disables the router (unless something out of view, `unless`, saves it). */
export function disablesRouter(service: string, router: Definition, unless?: string): Effect {
  return { drops: 'router', service, protocol: router.protocol, router: router.name, ...(unless ? { unless } : {}) };
}

/**
 * A definition as messages name it: as the labels spell it; the one Traefik makes itself for a
 * container without router (or service) labels by its compose service, not `<service>-<project>`.
 */
export function describe(def: Definition): string {
  const noun = def.kind === 'routers' ? 'router' : def.kind === 'services' ? 'service' : 'middleware';
  return def.implicit ? `the default ${noun} of "${def.container.compose.name}"` : `${noun} "${def.name}"`;
}

export function related(def: Definition, message: string): Related {
  const label: Label | undefined = def.labels[0];
  if (label) return { file: label.file, range: def.nameSegments[0].range, message };
  return { file: def.container.compose.file, range: def.container.compose.nameRange, message };
}

/**
 * The middlewares and services this project's kept containers define, as `name@provider` for the
 * label providers: what another compose project on the same Docker host may use
 * (AnalysisOptions.elsewhere).
 */
export function definedNames(project: Project): { middlewares: string[]; services: string[] } {
  const names = (kind: Kind): string[] => {
    const out = new Set<string>();
    for (const protocol of ['http', 'tcp', 'udp'] as const)
      for (const [provider, byName] of index(project, protocol, kind).live)
        for (const name of byName.keys()) out.add(`${name}@${provider}`);
    return [...out].sort();
  };
  return { middlewares: names('middlewares'), services: names('services') };
}

/**
 * Whether a finding is one that another compose project on the same Docker host may settle by
 * defining the name (undefined-middleware / undefined-service "unless another compose project
 * defines it"): AnalysisOptions.elsewhere would then be worth reading.
 */
export function settledElsewhere(finding: Pick<Finding, 'code' | 'effect'>): boolean {
  return (
    (finding.code === 'undefined-middleware' || finding.code === 'undefined-service') &&
    finding.effect?.drops === 'router' &&
    finding.effect.unless !== undefined
  );
}
