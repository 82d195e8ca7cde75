// References to `<name>@file`: the file provider's routers, services and middlewares. Judged only
// when its files were read; a file Traefik refuses defines nothing, and in a directory the first
// refused file makes the whole directory fail (pkg/provider/file/file.go
// loadFileConfigFromDirectory returns its error, so the provider sends no configuration).
import type { Project } from '../project';
import { fileNames, type FileDefinition } from '../traefik/fileProvider';
import type { Kind, Protocol } from '../traefik/model';
import { nearest, type ListItem } from '../traefik/values';
import type { Related } from '../types';
import type { Missing, ReferenceRules } from './references';

/** The file provider's names Traefik loads: none when a refused file makes it send nothing. */
export function liveFileNames(project: Project, protocol: Protocol, kind: Kind): Map<string, FileDefinition> {
  const fp = project.fileProvider;
  if (fp.state !== 'read') return new Map();
  if (fp.refusedBy && fp.mode === 'directory') return new Map();
  return fileNames(
    fp.files.filter((f) => !f.refused),
    protocol,
    kind,
  );
}

export function fileRelated(def: FileDefinition, message: string): Related {
  return { file: def.file, range: def.nameRange, message };
}

/** `who`: what Traefik disables when the name is missing (a router, as `describe` names it). */
export function resolveFileReference(
  project: Project,
  who: string,
  protocol: Protocol,
  item: ListItem,
  name: string,
  rules: ReferenceRules,
): Missing | undefined {
  const fp = project.fileProvider;
  if (fp.state === 'unknown') return undefined;
  if (fp.state === 'none') {
    const config = project.staticConfig;
    return {
      item,
      message: `${rules.noun} "${item.value}" needs the file provider, which Traefik's static configuration does not set up`,
      explanation: `Only the file provider defines "@file" names, and ${fp.note ?? 'it is not configured'}; Traefik disables ${who} with the error ${rules.noun} "${name}@file" does not exist.`,
      severity: 'error',
      related: config.sources.map((o) => ({ ...o, message: 'static configuration read here' })),
      data: { name: item.value },
    };
  }
  const live = liveFileNames(project, protocol, rules.kind);
  if (live.has(name)) return undefined;
  const all = fileNames(fp.files, protocol, rules.kind);
  const defined = all.get(name);
  const refused = defined && (fp.files.find((f) => f.file === defined.file && f.refused) ?? fp.refusedBy);
  if (defined && refused) {
    const sameFile = refused.file === defined.file;
    const why = sameFile
      ? `which Traefik refuses (${refused.refused!.message})`
      : `in ${fp.path}, which Traefik refuses as a whole because ${refused.containerPath} fails (${refused.refused!.message})`;
    return {
      item,
      message: sameFile
        ? `${rules.noun} "${item.value}" is defined only in ${base(defined.file)}, which Traefik refuses: see the error there`
        : `${rules.noun} "${item.value}" is lost with its directory: Traefik refuses ${base(refused.file)}, see the error there`,
      explanation: `"${name}@file" is defined only in ${fp.files.find((f) => f.file === defined.file)?.containerPath ?? defined.file}, ${why}; so it does not exist and Traefik disables ${who}.`,
      severity: 'error',
      related: [
        fileRelated(defined, `"${name}" is defined here`),
        { file: refused.file, range: refused.refused!.range, message: `Traefik refuses ${refused.containerPath} here` },
      ],
      data: { name: item.value },
    };
  }
  if (fp.uncertain) return undefined;
  const near = nearest(name, live.keys());
  const files = fp.files.map((f) => f.containerPath).join(', ') || `nothing in ${fp.path}`;
  if (near !== undefined) {
    return {
      item,
      message: `${rules.noun} "${item.value}" is not defined: did you mean "${near}@file"?`,
      explanation: `The file provider reads ${files} and defines no ${rules.noun} "${name}"; Traefik disables ${who} with the error ${rules.noun} "${name}@file" does not exist.`,
      severity: 'error',
      related: [fileRelated(live.get(near)!, `"${near}" is defined here`)],
      data: { name: item.value, suggestion: `${near}@file` },
    };
  }
  return {
    item,
    message: `${rules.noun} "${item.value}" is not defined by the file provider`,
    explanation: `The file provider reads ${files} and defines no ${rules.noun} "${name}"; Traefik disables ${who} with the error ${rules.noun} "${name}@file" does not exist.`,
    severity: 'error',
    related: [],
    data: { name: item.value },
  };
}

function base(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
