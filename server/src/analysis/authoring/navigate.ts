// Go to definition, find references and document highlights for router, service and middleware
// names across every compose file of the project and the file provider's dynamic files.
import type { Project } from '../project';
import type { Range } from '../types';
import { listItems } from '../traefik/values';
import { composeFile } from './context';
import { occurrenceAt, occurrencesOf, ownerOf } from './names';
import type { Location } from './types';

/** Where the name under the cursor is declared: the first label key of each service declaring it. */
export function definition(project: Project, file: string, offset: number): Location[] {
  const at = occurrenceAt(project, file, offset);
  if (at) {
    const seen = new Set<string>();
    const out: Location[] = [];
    for (const o of occurrencesOf(project, at)) {
      if (o.role === 'reference') continue;
      const id = `${o.file}\u0000${ownerOf(o)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ file: o.file, range: o.range });
    }
    return out;
  }
  return entryPointDefinition(project, file, offset);
}

/** An entry point name in `entrypoints=` leads to where the static configuration declares it. */
function entryPointDefinition(project: Project, file: string, offset: number): Location[] {
  const compose = composeFile(project, file);
  for (const service of compose?.services ?? []) {
    for (const label of service.labels) {
      if (offset < label.valueRange.start || offset > label.valueRange.end) continue;
      if (!/^traefik\.(http|tcp|udp)\.routers\.[^.]+\.entrypoints$/i.test(label.key)) return [];
      // An interpolated value is not the text under the cursor: its items map back onto it.
      if (label.interpolation && label.value !== label.interpolation.written) {
        const item = listItems(label).find((i) => i.range.start <= offset && offset <= i.range.end);
        const origin = item && project.staticConfig.entryPoints.get(item.value)?.origin;
        return origin ? [{ file: origin.file, range: origin.range }] : [];
      }
      let from = label.valueRange.start;
      for (const part of label.value.split(',')) {
        const to = from + part.length;
        if (offset >= from && offset <= to) {
          const origin = project.staticConfig.entryPoints.get(part.trim())?.origin;
          return origin ? [{ file: origin.file, range: origin.range }] : [];
        }
        from = to + 1;
      }
    }
  }
  return [];
}

/** Every label key naming it and every reference to it; declarations only when asked. */
export function references(project: Project, file: string, offset: number, includeDeclaration: boolean): Location[] {
  const at = occurrenceAt(project, file, offset);
  if (!at) return [];
  return occurrencesOf(project, at)
    .filter((o) => o.role === 'reference' || (includeDeclaration && o.role === 'declaration'))
    .map((o) => ({ file: o.file, range: o.range }));
}

/** The same name's occurrences in this file. */
export function highlights(project: Project, file: string, offset: number): Range[] {
  const at = occurrenceAt(project, file, offset);
  if (!at) return [];
  return occurrencesOf(project, at)
    .filter((o) => o.file === file && o.role !== 'implicit')
    .map((o) => o.range);
}
