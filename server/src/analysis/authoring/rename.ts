// Renaming a router, service or middleware: every label key that declares it and every reference
// to it, across the project's compose files and the file provider's dynamic files (`auth@file`
// on a label and `auth:` in the file are one name). Only the names' ranges are edited. A name
// Traefik would merge with another is refused.
import type { Project } from '../project';
import type { Range } from '../types';
import { everyOccurrence, NOUN, occurrenceAt, occurrencesOf, ownerOf, type AnyOccurrence } from './names';
import type { TextEdit } from './types';

export function prepareRename(
  project: Project,
  file: string,
  offset: number,
): { range: Range; placeholder: string } | undefined {
  const at = renameable(project, file, offset);
  if (!at || typeof at === 'string') return undefined;
  return { range: at.range, placeholder: at.name };
}

export function rename(
  project: Project,
  file: string,
  offset: number,
  newName: string,
): { edits: Record<string, TextEdit[]> } | { error: string } {
  const at = renameable(project, file, offset);
  if (!at) return { error: 'Not a router, service or middleware name.' };
  if (typeof at === 'string') return { error: at };
  const invalid = invalidName(newName);
  if (invalid) return { error: invalid };
  if (newName === at.name) return { edits: {} };
  const noun = NOUN[at.kind];
  const taken = everyOccurrence(project).find(
    (o) =>
      o.role !== 'reference' &&
      o.protocol === at.protocol &&
      o.kind === at.kind &&
      o.provider === at.provider &&
      o.name === newName,
  );
  if (taken)
    return {
      error: `A ${at.protocol} ${noun} named "${newName}" already exists (on ${ownerOf(taken)}); Traefik would merge or drop them.`,
    };
  const all = occurrencesOf(project, at);
  if (all.some((o) => o.role === 'implicit')) {
    return {
      error: `"${at.name}" is the ${noun} Traefik creates for compose service "${ownerOf(all.find((o) => o.role === 'implicit')!)}"; declare it with a label to name it.`,
    };
  }
  const inexact = all.find((o) => !o.exact);
  if (inexact?.label?.keyInterpolation)
    return {
      error: `"${at.name}" is made by a variable in ${inexact.label.keyInterpolation.written} (in ${inexact.service.name}); change the variable's value instead.`,
    };
  if (inexact)
    return {
      error: `"${at.name}" is written with quoting or escapes Gateway Lens cannot edit safely (in ${ownerOf(inexact)}).`,
    };
  const edits: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const o of all) {
    const id = `${o.file}:${o.range.start}`;
    if (seen.has(id)) continue;
    seen.add(id);
    (edits[o.file] ??= []).push({ range: { ...o.range }, newText: newName });
  }
  for (const list of Object.values(edits)) list.sort((a, b) => a.range.start - b.range.start);
  return { edits };
}

/** The name at the cursor when it can be renamed here, or why not. */
function renameable(project: Project, file: string, offset: number): AnyOccurrence | string | undefined {
  const at = occurrenceAt(project, file, offset);
  if (!at) return undefined;
  if (at.role === 'reference' && !occurrencesOf(project, at).some((o) => o.role !== 'reference')) {
    if (at.provider === 'docker' || at.provider === 'swarm') return `"${at.name}" is not defined in this project.`;
    if (at.provider === 'file' && project.fileProvider.state === 'read')
      return `"${at.name}@file" is not defined in the file provider's files.`;
    return `"${at.name}@${at.provider}" is defined outside the files Gateway Lens reads.`;
  }
  return at;
}

/**
 * A name must stay one label key segment: no `.` (splits the key), no `@` (Traefik reads it as a
 * provider suffix), and nothing that breaks the list value or the YAML around it.
 */
export function invalidName(name: string): string | undefined {
  if (name === '') return 'A name cannot be empty.';
  if (name.includes('.')) return 'A name cannot contain "." (it separates label key segments).';
  if (name.includes('@')) return 'A name cannot contain "@" (Traefik reads what follows as a provider).';
  if (/[\s,=:"'`#[\]{}$\\]/.test(name))
    return `"${name}" holds a character that breaks the label (space , = : quotes # [ ] { } $ \\).`;
  return undefined;
}
