// The file provider's routers as routing reads them: named `<name>@file`, their fields from the
// dynamic file's settings (pkg/config/dynamic/http_config.go Router: entryPoints, middlewares,
// service, rule, ruleSyntax, priority, tls; tcp_config.go TCPRouter). Only what Traefik loads:
// nothing from a refused file (fileReferences.ts liveFileNames). Traefik renders a templated file
// before decoding it (pkg/provider/file/file.go CreateConfiguration): a router is kept when no
// action may write or leave out names and none is in the router's own fields; its rule, priority
// and entry points are then the text as written.
import { liveFileNames } from '../checks/fileReferences';
import type { Project } from '../project';
import type { FileDefinition } from '../traefik/fileProvider';
import { listValue, type Protocol } from '../traefik/model';
import type { Setting } from '../traefik/staticConfig/setting';
import type { Range } from '../types';

export interface FileField {
  value: string;
  file: string;
  /** The value where it is written, else its key. */
  range: Range;
}

/**
 * Field path (lower-cased) -> value, as `Definition.fields` holds a container's labels; one table
 * per definition, kept in the project's facts while the dynamic file is unchanged.
 */
export function fileFields(project: Project, def: FileDefinition): Map<string, FileField> {
  return project.derived.of('file definition fields', def, () => {
    const out = new Map<string, FileField>();
    for (const [path, s] of def.fields)
      out.set(path, { value: s.value ?? '', file: s.file, range: s.valueRange ?? s.path[s.path.length - 1].range });
    return out;
  });
}

/** The routers of one protocol the file provider gives Traefik (first file wins a name). */
export function fileRouters(project: Project, protocol: Protocol): FileDefinition[] {
  const fp = project.fileProvider;
  if (fp.state !== 'read') return [];
  const templated = new Map(fp.files.filter((f) => f.read.templated).map((f) => [f.file, f]));
  return [...liveFileNames(project, protocol, 'routers').values()].filter((d) => {
    const file = templated.get(d.file);
    if (!file) return true;
    if (file.read.namesTemplated || file.read.steered) return false;
    return [...d.fields.values()].every((s) => !writtenAt(file.text, s).includes('{{'));
  });
}

/**
 * The file provider's routers Traefik loads from a templated file whose rendering decides what
 * they are (an action in their own fields, or one that may write or leave out names): routing
 * cannot judge them, and a request they might match is not proven to get a 404.
 */
export function templatedFileRouters(project: Project, protocol: Protocol): FileDefinition[] {
  const judged = new Set(fileRouters(project, protocol));
  const templated = new Set(project.fileProvider.files.filter((f) => f.read.templated).map((f) => f.file));
  return [...liveFileNames(project, protocol, 'routers').values()].filter(
    (d) => templated.has(d.file) && !judged.has(d),
  );
}

/**
 * A field's text: from its key to the end of its line or value (a value that was only an action
 * parses as empty), and its value where that is written: an alias (`rule: *a`) reads the anchor's
 * text, elsewhere in the file, which Traefik renders too.
 */
function writtenAt(text: string, s: Setting): string {
  const start = s.path[s.path.length - 1].range.start;
  const line = text.indexOf('\n', start);
  const end = Math.max(s.valueRange?.end ?? 0, line < 0 ? text.length : line);
  const here = text.slice(start, end);
  const value = s.valueRange;
  if (!value || (value.start >= start && value.end <= end)) return here;
  return `${here}\n${text.slice(value.start, value.end)}`;
}

export interface FileRouterFacts {
  fields: Map<string, FileField>;
  rule: FileField;
  /** Qualified: `whoami@docker`, `api@file`. */
  service: string;
  middlewares: string[];
  /** Service and middlewares: two routers with the same outcome cannot be told apart. */
  outcome: string;
}

/**
 * What a file router needs to serve: a rule (the file provider has no default rule) and a
 * service ("the service is missing on the router", pkg/server/router/router.go buildHTTPHandler;
 * the TCP manager says the same); undefined without either.
 */
export function fileRouterFacts(project: Project, def: FileDefinition): FileRouterFacts | undefined {
  const fields = fileFields(project, def);
  const rule = fields.get('rule');
  const service = fields.get('service')?.value.trim();
  if (!rule || rule.value.trim() === '' || !service) return undefined;
  const middlewares = listValue(fields.get('middlewares')?.value ?? '').map(qualifiedFromFile);
  const qualified = qualifiedFromFile(service);
  return { fields, rule, service: qualified, middlewares, outcome: `${qualified}\u0000${middlewares.join(',')}` };
}

/** A middleware or service reference from a file router: without `@` it is the file provider's. */
export function qualifiedFromFile(reference: string): string {
  return reference.includes('@') ? reference : `${reference}@file`;
}
