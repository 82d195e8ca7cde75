// References written in the file provider's files: a router's `service` and `middlewares`, a
// chain's `middlewares`. A name without `@` is the file provider's own (pkg/server/provider/
// provider.go GetQualifiedName), `x@docker` names a container's; a missing one disables the
// router as a label's does ("middleware ... does not exist", pkg/server/middleware/middlewares.go;
// "the service ... does not exist", pkg/server/service/service.go). Templated files are not judged.
import type { Project } from '../project';
import { fileNames, type FileDefinition } from '../traefik/fileProvider';
import { runsProvider } from '../traefik/containers';
import { definitionsNamed, index } from '../traefik/lookup';
import type { Kind, Protocol } from '../traefik/model';
import { isProviderName, PROVIDER_NAMES } from '../traefik/providers';
import { nearest } from '../traefik/values';
import type { Range, Related, Severity } from '../types';
import type { Report } from './check';
import { fileRelated, liveFileNames } from './fileReferences';
import { apiNotEnabled, noSwarmProvider, related, type ReferenceRules } from './references';

interface Reference {
  value: string;
  file: string;
  range: Range;
  /** The definition that writes it. */
  by: FileDefinition;
}

interface Verdict {
  message: string;
  explanation: string;
  severity: Severity;
  related: Related[];
  suggestion?: string;
}

const PROTOCOLS: readonly Protocol[] = ['http', 'tcp', 'udp'];

/** A report both undefined-service and undefined-middleware can make (their data both hold a name). */
export type FileReferenceReport = Omit<Report, 'data'> & { data: { name: string; suggestion?: string } };

/** Findings for every reference of `rules.kind` the file provider's loaded, untemplated files make. */
export function fileProviderReferences(project: Project, rules: ReferenceRules): FileReferenceReport[] {
  const fp = project.fileProvider;
  if (fp.state !== 'read') return [];
  const templated = new Set(fp.files.filter((f) => f.read.templated).map((f) => f.file));
  const out: FileReferenceReport[] = [];
  for (const protocol of PROTOCOLS) {
    for (const ref of referencesOf(project, protocol, rules.kind)) {
      if (templated.has(ref.by.file) || ref.value === '' || ref.value.includes('{{')) continue;
      const v = judge(project, protocol, ref, rules);
      if (!v) continue;
      out.push({
        file: ref.file,
        range: ref.range,
        message: v.message,
        explanation: v.explanation,
        severity: v.severity,
        related: v.related,
        data: { name: ref.value, ...(v.suggestion ? { suggestion: v.suggestion } : {}) },
      });
    }
  }
  return out;
}

function referencesOf(project: Project, protocol: Protocol, kind: Kind): Reference[] {
  const out: Reference[] = [];
  const read = (def: FileDefinition, field: string): void => {
    const s = def.fields.get(field);
    if (!s || s.value === undefined) return;
    const parts = s.value.split(',');
    const items = s.itemRanges?.length === parts.length ? s.itemRanges : undefined;
    const whole = s.valueRange ?? s.path[s.path.length - 1].range;
    parts.forEach((p, i) => out.push({ value: p.trim(), file: s.file, range: items?.[i] ?? whole, by: def }));
  };
  for (const router of liveFileNames(project, protocol, 'routers').values())
    read(router, kind === 'services' ? 'service' : 'middlewares');
  if (kind === 'middlewares' && protocol === 'http')
    for (const m of liveFileNames(project, protocol, 'middlewares').values()) read(m, 'chain.middlewares');
  if (kind === 'services')
    for (const service of liveFileNames(project, protocol, 'services').values())
      for (const field of service.fields.keys()) if (childService(protocol, field)) read(service, field);
  return out;
}

/**
 * The fields of a file service that name other services: a weighted service's services, a
 * mirroring service's service and mirrors, a failover's service and fallback (pkg/config/dynamic
 * http_config.go; tcp and udp have weighted only). Each child is built with its parent
 * (pkg/server/service/service.go getWRRServiceHandler, getMirrorServiceHandler,
 * getFailOverServiceHandler: a child's error is the parent's), so a missing one fails the parent.
 */
function childService(protocol: Protocol, field: string): boolean {
  if (/^weighted\.services\.\[\d+\]\.name$/.test(field)) return true;
  return (
    protocol === 'http' &&
    /^(mirroring\.service|mirroring\.mirrors\.\[\d+\]\.name|failover\.(service|fallback))$/.test(field)
  );
}

const NOUNS = { routers: 'router', middlewares: 'middleware', services: 'service' } as const;

function judge(project: Project, protocol: Protocol, ref: Reference, rules: ReferenceRules): Verdict | undefined {
  const at = ref.value.lastIndexOf('@');
  const name = at < 0 ? ref.value : ref.value.slice(0, at);
  const provider = at < 0 ? 'file' : ref.value.slice(at + 1);
  const who = `${NOUNS[ref.by.kind]} "${ref.by.name}@file"`;
  const gone = `Traefik disables ${ref.by.kind === 'routers' ? who : `the routers using ${who}`}`;
  if (name === '') return undefined;
  if (provider === 'file') return fromFile(project, protocol, ref, name, at >= 0, rules, gone);
  if (provider === 'internal') {
    // The file is read by this Traefik for certain: an error, where a label's is a warning.
    const noApi = apiNotEnabled(project, rules, name, ref.value, gone);
    if (noApi) return { ...noApi, severity: 'error' };
    if (rules.internal.includes(name)) return undefined;
    const near = nearest(name, rules.internal);
    return {
      message: `Traefik has no ${rules.noun} "${name}@internal"${near ? `: did you mean "${near}@internal"?` : ''}`,
      explanation: `Traefik's internal provider defines no ${rules.noun} "${name}", so ${gone}.`,
      severity: 'error',
      related: [],
      ...(near ? { suggestion: `${near}@internal` } : {}),
    };
  }
  if (!isProviderName(provider)) {
    const near = nearest(provider, PROVIDER_NAMES);
    return {
      message: near
        ? `Traefik has no provider "${provider}": did you mean "${name}@${near}"?`
        : `Traefik has no provider "${provider}", so ${rules.noun} "${ref.value}" does not exist`,
      explanation: `Traefik looks a name with "@" up as written (pkg/server/provider/provider.go GetQualifiedName); none of its providers is named "${provider}", so ${gone}.`,
      severity: near ? 'error' : 'warning',
      related: [],
      ...(near ? { suggestion: `${name}@${near}` } : {}),
    };
  }
  if (provider !== 'docker' && provider !== 'swarm') return undefined; // another provider's config is not in view
  const v2 = noSwarmProvider(project, name, provider, rules, gone.replace(/^Traefik /, ''));
  if (v2) return v2;
  const config = project.staticConfig;
  if (config.settingsKnown && !runsProvider(config, provider))
    return {
      message: `${rules.noun} "${ref.value}" needs the ${provider} provider, which Traefik's static configuration does not set up`,
      explanation: `Only the ${provider} provider defines "@${provider}" names, and Traefik's static configuration does not enable it; ${gone} with the error ${rules.noun} "${ref.value}" does not exist.`,
      severity: 'error',
      related: config.sources.map((o) => ({ ...o, message: 'static configuration read here' })),
    };
  if (definitionsNamed(project, protocol, rules.kind, provider, name).length > 0) return undefined;
  if ([name, ref.value].some((n) => rules.external.includes(n))) return undefined;
  const live = [...(index(project, protocol, rules.kind).live.get(provider)?.keys() ?? [])];
  const near = nearest(name, live);
  if (near !== undefined) {
    const target = definitionsNamed(project, protocol, rules.kind, provider, near)[0];
    return {
      message: `${rules.noun} "${ref.value}" is not defined: did you mean "${near}@${provider}"?`,
      explanation: `No container of this project defines ${rules.noun} "${name}" for the ${provider} provider; "${near}" is defined. Unless another compose project on the same Docker host defines it, ${gone}.`,
      severity: 'error',
      related: target ? [related(target, `"${near}" is defined here`)] : [],
      suggestion: `${near}@${provider}`,
    };
  }
  return {
    message: `${rules.noun} "${ref.value}" is not defined in this project: define it, or declare it external`,
    explanation: `No container of this project defines ${rules.noun} "${name}" for the ${provider} provider. Unless another compose project on the same Docker host defines it, ${gone}.`,
    severity: 'warning',
    related: [],
  };
}

/** `name` or `name@file`, from a file of the file provider. */
function fromFile(
  project: Project,
  protocol: Protocol,
  ref: Reference,
  name: string,
  explicit: boolean,
  rules: ReferenceRules,
  gone: string,
): Verdict | undefined {
  const fp = project.fileProvider;
  const live = liveFileNames(project, protocol, rules.kind);
  // Defined in a file Traefik refuses: that file's finding says why it is lost (fileReferences.ts).
  if (live.has(name) || fp.uncertain || fileNames(fp.files, protocol, rules.kind).has(name)) return undefined;
  const suffix = explicit ? '@file' : '';
  const docker = (['docker', 'swarm'] as const).find(
    (p) => definitionsNamed(project, protocol, rules.kind, p, name).length > 0,
  );
  if (docker) {
    const target = definitionsNamed(project, protocol, rules.kind, docker, name)[0];
    return {
      message: `${rules.noun} "${name}" is defined by the ${docker} provider: write "${name}@${docker}"`,
      explanation: `A name without "@" in a file of the file provider is the file provider's (pkg/server/provider/provider.go GetQualifiedName), so Traefik looks for "${name}@file", which does not exist, and ${gone}.`,
      severity: 'error',
      related: [related(target, `"${name}@${docker}" is defined here`)],
      suggestion: `${name}@${docker}`,
    };
  }
  const near = nearest(name, live.keys());
  const files = fp.files.map((f) => f.containerPath).join(', ');
  return {
    message: near
      ? `${rules.noun} "${ref.value}" is not defined: did you mean "${near}${suffix}"?`
      : `${rules.noun} "${ref.value}" is not defined by the file provider`,
    explanation: `The file provider reads ${files} and defines no ${rules.noun} "${name}"; ${rules.noun} "${name}@file" does not exist and ${gone}.`,
    severity: 'error',
    related: near ? [fileRelated(live.get(near)!, `"${near}" is defined here`)] : [],
    ...(near ? { suggestion: `${near}${suffix}` } : {}),
  };
}
