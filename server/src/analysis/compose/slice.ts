// One service slice of a compose file -> its ComposeService, by the fast reader of the plain
// YAML subset when the slice is written in it, else by `yaml` (which also reports problems).
import { isMap, Pair, parseDocument, YAMLError } from 'yaml';
import type { ComposeService, YamlProblem } from './model';
import { readPlainYaml } from './fastRead';
import { readService } from './service';
import { serviceRanges, shiftRanges } from './shift';

export const OPTIONS = { keepSourceTokens: true, prettyErrors: false, strict: false } as const;

export interface SliceRead {
  service: ComposeService | undefined;
  /** Offsets relative to the slice. */
  problems: YamlProblem[];
}

/**
 * The service in `slice`, a chunk of the split that starts at `base` in its file; offsets in the
 * file. Every string the service keeps is cut from `slice`: given an ownText, a service kept
 * from one edit to the next keeps its own chunk, not the whole text of the revision it was read in.
 */
export function readSlice(file: string, slice: string, base: number): SliceRead {
  const fast = readSliceFast(file, slice, 0, slice.length);
  if (!fast) return readSliceYaml(file, slice, base);
  if (fast.service) shiftRanges(serviceRanges(fast.service), base);
  return fast;
}

/**
 * A copy of `s` that shares no memory with the string it was cut from: V8 keeps a slice (13
 * characters or more) as a view into its parent, so a service's label cut from the text of one
 * revision kept that whole text alive (20 edits in 20 services of the 3000-service file: 55 MB).
 * JSON's round trip makes a new string and is exact for every string, lone surrogates included.
 */
export function ownText(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * Undefined when the slice is outside the subset the fast reader answers for. It reads the
 * slice in place, so its offsets need no shifting.
 */
export function readSliceFast(file: string, text: string, start: number, end: number): SliceRead | undefined {
  const root = readPlainYaml(text, start, end);
  if (!root) return undefined;
  return { service: readService(root.items[0] as Pair<unknown, unknown>, text, file), problems: [] };
}

/** Reads `slice` with `yaml`, then moves every offset by `base` (where the slice starts). */
export function readSliceYaml(file: string, slice: string, base: number): SliceRead {
  const doc = parseDocument(slice, OPTIONS);
  const problems = problemsOf(doc.errors, doc.warnings, slice.length);
  for (const p of problems) p.range = { start: p.range.start + base, end: p.range.end + base };
  const root = doc.contents;
  if (!isMap(root) || root.items.length === 0) return { service: undefined, problems };
  const spec = doc.errors.length === 0 && {};
  const service = readService(root.items[0] as Pair<unknown, unknown>, slice, file, undefined, spec);
  if (service) shiftRanges(serviceRanges(service), base);
  return { service, problems };
}

const TOO_DEEP =
  'YAML nested too deeply for Gateway Lens to read (docker compose reads up to 10000 levels): what lies below is not checked.';

export function problemsOf(errors: YAMLError[], warnings: YAMLError[], length: number): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const [list, severity] of [
    [errors, 'error'],
    [warnings, 'warning'],
  ] as const) {
    for (const e of list) {
      const start = Math.min(e.pos[0], length);
      const end = Math.min(Math.max(e.pos[1], start), length);
      // Compose's own merge tags (compose spec 13-merge.md), which compose-go resolves.
      if (/^Unresolved tag: !(reset|override)\b/.test(e.message)) continue;
      // `yaml` reports running out of stack as an error at the node it reached.
      if (/^Maximum call stack size exceeded/.test(e.message)) {
        out.push({ message: TOO_DEEP, range: { start, end }, severity: 'warning', tooDeep: true });
        continue;
      }
      out.push({ message: firstLine(e.message), range: { start, end }, severity });
    }
  }
  return out;
}

function firstLine(message: string): string {
  const i = message.indexOf(' at line ');
  const cut = i >= 0 ? message.slice(0, i) : message.split('\n')[0];
  return cut.trim();
}
