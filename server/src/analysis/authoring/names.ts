// Every place a router, service or middleware name is written: the name segment of each label
// key that declares it, and each reference in a router's `middlewares` / `service` or a chain's
// `middlewares`. References resolve like Traefik's GetQualifiedName (pkg/server/provider/provider.go):
// a name without `@` belongs to the referencing container's provider.
import type { ComposeService, Label } from '../compose/model';
import { mergedFrom } from '../compose/project';
import type { Project } from '../project';
import { qualify } from '../traefik/lookup';
import type { Kind, Protocol } from '../traefik/model';
import { listItems } from '../traefik/values';
import type { Range } from '../types';
import { containerOf } from './context';
import { fileOccurrences, type FileOccurrence } from './fileNames';

export interface NameSymbol {
  protocol: Protocol;
  kind: Kind;
  /** The name without any `@provider`. */
  name: string;
  /** The provider the name lives in (`docker`, `swarm`, `file`, `internal`, ...). */
  provider: string;
}

export interface Occurrence extends NameSymbol {
  role: 'declaration' | 'reference' | 'implicit';
  file: string;
  /** The name itself (without `@provider`); the whole scalar when the label is not exact. */
  range: Range;
  /** False when quoting makes the range cover more than the name (rename must refuse). */
  exact: boolean;
  /** The compose service the label (or implicit definition) belongs to. */
  service: ComposeService;
  label?: Label;
  /** `@docker` written after a reference. */
  explicitProvider: boolean;
}

const KINDS: Record<string, Kind[]> = {
  http: ['routers', 'services', 'middlewares'],
  tcp: ['routers', 'services', 'middlewares'],
  udp: ['routers', 'services'],
};

/** All name occurrences of the project, in file order. */
export function occurrences(project: Project): Occurrence[] {
  return project.derived.get('name occurrences', () => collectAll(project));
}

function collectAll(project: Project): Occurrence[] {
  const found: Occurrence[] = [];
  // A file read for `extends:` (compose spec 05-services.md, extends) writes labels the services
  // extending it carry: the names of its services that some service extends count too.
  const extended = new Set(project.load.services.flatMap((g) => g.parts));
  const files = [
    ...project.files.map((file) => ({ file, services: file.services })),
    ...project.load.extendsFiles.map((file) => ({ file, services: file.services.filter((s) => extended.has(s)) })),
  ];
  const replaced = replacedLabels(project);
  for (const { file, services } of files) {
    for (const service of services) {
      const container = containerOf(project, service);
      const provider = container?.provider ?? 'docker';
      for (const label of service.labels)
        if (!replaced(service, label.source)) collect(label, service, provider, found);
      if (container?.compose === service) {
        for (const def of container.definitions) {
          if (!def.implicit) continue;
          const { protocol, kind, name } = def;
          found.push({
            protocol,
            kind,
            name,
            provider,
            role: 'implicit',
            file: file.file,
            range: service.nameRange,
            exact: false,
            service,
            explicitProvider: false,
          });
        }
      }
    }
  }
  return found;
}

/**
 * Whether a definition's labels of one source are replaced by a later file's `labels: !override`
 * or dropped by its `!reset` (compose spec 13-merge.md "Replace value" / "Reset value") in every
 * service that merges it: no container carries them, so their names are written nowhere Traefik reads.
 */
function replacedLabels(project: Project): (part: ComposeService, source: Label['source']) => boolean {
  const merged = new Set<ComposeService>();
  const kept = new Map<Label['source'], Set<ComposeService>>();
  for (const group of project.load.services) {
    for (const part of group.parts) merged.add(part);
    for (const source of LABEL_SOURCES) {
      let set = kept.get(source);
      if (!set) kept.set(source, (set = new Set()));
      for (const part of mergedFrom(group.parts, source)) set.add(part);
    }
  }
  return (part, source) => merged.has(part) && kept.get(source)?.has(part) !== true;
}

const LABEL_SOURCES: readonly Label['source'][] = ['labels', 'deploy.labels'];

function collect(label: Label, service: ComposeService, provider: string, out: Occurrence[]): void {
  const segs = label.segments;
  if (segs.length < 4 || segs[0].text.toLowerCase() !== 'traefik') return;
  const protocol = segs[1].text.toLowerCase() as Protocol;
  const kind = segs[2].text.toLowerCase() as Kind;
  if (!KINDS[protocol]?.includes(kind)) return;
  const base = { protocol, file: label.file, service, label };
  out.push({
    ...base,
    kind,
    name: segs[3].text,
    provider,
    role: 'declaration',
    range: segs[3].range,
    // A name a variable makes (`routers.${NAME}.rule`) is not text to edit.
    exact: label.exact && segs[3].literal !== false,
    explicitProvider: false,
  });
  const target = referenceKind(
    segs.slice(4).map((s) => s.text.toLowerCase()),
    protocol,
    kind,
  );
  if (!target || label.interpolated) return;
  const items = listItems(label);
  for (const item of target === 'services' ? items.slice(0, 1) : items) {
    if (item.value === '') continue;
    const ref = qualify(item.value, provider);
    out.push({
      ...base,
      kind: target,
      name: ref.name,
      provider: ref.provider,
      role: 'reference',
      range: item.literal ? { start: item.range.start, end: item.range.start + ref.name.length } : item.range,
      exact: item.literal,
      explicitProvider: ref.explicit,
    });
  }
}

/** Which kind of name a field's value refers to: router.middlewares, router.service, chain.middlewares. */
function referenceKind(field: string[], protocol: Protocol, kind: Kind): Kind | undefined {
  const path = field.join('.');
  if (kind === 'routers' && path === 'service') return 'services';
  if (kind === 'routers' && path === 'middlewares' && protocol !== 'udp') return 'middlewares';
  if (kind === 'middlewares' && path === 'chain.middlewares' && protocol === 'http') return 'middlewares';
  return undefined;
}

export function sameSymbol(a: NameSymbol, b: NameSymbol): boolean {
  return a.protocol === b.protocol && a.kind === b.kind && a.name === b.name && a.provider === b.provider;
}

/** A name written in the compose files' labels or in the file provider's dynamic files. */
export type AnyOccurrence = Occurrence | FileOccurrence;

/** Every name occurrence: the labels', then the dynamic files'. */
export function everyOccurrence(project: Project): AnyOccurrence[] {
  return [...occurrences(project), ...fileOccurrences(project)];
}

/** The name under the cursor (inclusive of its end, where a cursor after the last letter sits). */
export function occurrenceAt(project: Project, file: string, offset: number): AnyOccurrence | undefined {
  return everyOccurrence(project).find(
    (o) => o.role !== 'implicit' && o.file === file && o.range.start <= offset && offset <= o.range.end,
  );
}

/** One name's occurrences across labels and dynamic files (`auth@file` on a label meets `auth:` in a file). */
export function occurrencesOf(project: Project, symbol: NameSymbol): AnyOccurrence[] {
  return everyOccurrence(project).filter((o) => sameSymbol(o, symbol));
}

/** Where an occurrence is, as messages say it: its compose service, else its dynamic file. */
export function ownerOf(o: AnyOccurrence): string {
  return o.service ? o.service.name : o.file.split(/[\\/]/).pop()!;
}

export const NOUN: Record<Kind, string> = { routers: 'router', services: 'service', middlewares: 'middleware' };
