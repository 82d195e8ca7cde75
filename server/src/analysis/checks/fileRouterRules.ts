// The file provider's routers as rule-syntax and undefined-entrypoint judge them: Traefik builds a
// file router exactly as a label router (pkg/server/router/router.go, pkg/muxer/http/mux.go
// AddRoute parses its rule; pkg/config/runtime/runtime_http.go GetRoutersByEntryPoints drops its
// unknown entry points). Only routers Traefik loads as written are judged (route/fileRouters.ts:
// nothing from a refused file, nothing whose own fields hold a Go template).
import type { Project } from '../project';
import { fileRouters } from '../route/fileRouters';
import type { FileDefinition } from '../traefik/fileProvider';
import type { Protocol } from '../traefik/model';
import type { Setting } from '../traefik/staticConfig/setting';
import type { Range } from '../types';

/** A value of a file router's field, where it is written. */
export interface FileValue {
  value: string;
  file: string;
  range: Range;
}

/** The HTTP and TCP (and UDP, for entry points) routers of the file provider that Traefik loads as written. */
export function judgedFileRouters(project: Project, protocols: readonly Protocol[]): FileDefinition[] {
  return protocols.flatMap((p) => fileRouters(project, p));
}

/**
 * The router's rule with the range of its text: offsets inside the rule map onto the file when
 * the file holds the value exactly as decoded (a plain or quoted scalar without escapes); else the
 * whole value.
 */
export function fileRule(
  project: Project,
  router: FileDefinition,
): { value: string; file: string; at(start: number, end: number): Range } | undefined {
  const s = router.fields.get('rule');
  if (!s || s.value === undefined || s.value.trim() === '' || !s.valueRange) return undefined;
  const whole = s.valueRange;
  const text = project.fileProvider.files.find((f) => f.file === s.file)?.text;
  const written = text?.slice(whole.start, whole.end);
  const inner = written === s.value ? 0 : written !== undefined && unquoted(written) === s.value ? 1 : undefined;
  return {
    value: s.value,
    file: s.file,
    at: (start, end) =>
      inner === undefined
        ? whole
        : { start: whole.start + inner + start, end: whole.start + inner + Math.max(end, start + 1) },
  };
}

/** A single- or double-quoted scalar's text when it holds no escape (its content is then its value). */
function unquoted(written: string): string | undefined {
  const m = /^(['"])([\s\S]*)\1$/.exec(written);
  if (!m || m[2].includes('\\') || m[2].includes(m[1]) || m[2].includes('\n')) return undefined;
  return m[2];
}

/** The entry point names a file router lists, each with its range (the whole value when items are not known). */
export function fileEntryPoints(router: FileDefinition): FileValue[] {
  const s: Setting | undefined = router.fields.get('entrypoints');
  if (!s || s.value === undefined) return [];
  const parts = s.value.split(',');
  const whole = s.valueRange ?? s.path[s.path.length - 1].range;
  const items = s.itemRanges?.length === parts.length ? s.itemRanges : undefined;
  return parts
    .map((p, i) => ({ value: p.trim(), file: s.file, range: items?.[i] ?? whole }))
    .filter((v) => v.value !== '');
}
