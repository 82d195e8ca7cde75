// The services as compose hands them to Docker: label values, `image`, short-syntax ports and
// volumes (where Traefik's configuration files are mounted from) interpolated with the project's environment before Traefik sees them (compose-go
// loader.LoadWithContext interpolates the model before anything reads it; the compose spec's
// 12-interpolation.md). A value is replaced only when every variable in it is set or defaulted;
// otherwise it stays as written, `interpolated`, and no check judges what it may become.
// Map-form label keys are not interpolated (compose-go interpolates values, not mapping keys);
// a list-form label is one string, interpolated whole before compose splits it at `=`
// (compose-go types.Labels / 12-interpolation.md), so its key is interpolated too.
import type { Environment } from './env';
import { interpolate, isResolved, resolvedValue, sourceRange, type Interpolation } from './env/interpolate';
import type { ComposeFile, ComposeService, KeySegment, Label, PortMapping, Scalar } from './model';
import { shortPort } from './service';
import type { Range } from '../types';

/**
 * The files with their services interpolated, each with its own variables (an included file's
 * differ: compose/project/environments.ts); a file without `$` in what is read is returned as is.
 */
export function interpolateFiles(
  files: ComposeFile[],
  envOf: (file: string) => Environment,
  memo: InterpolationMemo,
): ComposeFile[] {
  return files.map((file) => {
    let changed = false;
    const env = envOf(file.file);
    const services = file.services.map((s) => {
      const out = interpolateService(s, file.text, env, memo);
      if (out !== s) changed = true;
      return out;
    });
    return changed ? { ...file, services } : file;
  });
}

/**
 * The services the project loader merged (parts may come from `extends` files), their parts
 * interpolated as the files' services are (the same copies, from `memo`).
 */
export function interpolateGroups<G extends { parts: ComposeService[]; main: ComposeService }>(
  groups: G[],
  files: ComposeFile[],
  envOf: (file: string) => Environment,
  memo: InterpolationMemo,
): G[] {
  const texts = new Map(files.map((f) => [f.file, f.text]));
  const one = (s: ComposeService): ComposeService =>
    interpolateService(s, texts.get(s.file) ?? '', envOf(s.file), memo);
  return groups.map((g) => ({ ...g, parts: g.parts.map(one), main: one(g.main) }));
}

/**
 * Per parsed service: its interpolated copy and the environment it was made with, so a service
 * whose text and variables are unchanged keeps its copy's identity (what the engine compares).
 * The analyser keeps one (index.ts Analyzer); a service freed by the parser frees its entry.
 */
export type InterpolationMemo = WeakMap<ComposeService, { key: string; service: ComposeService }>;

/**
 * The copy shares every range object with the parsed service, so when the parser shifts the
 * parsed service in place after an edit above it, the copy's ranges move with it.
 */
export function interpolateService(
  s: ComposeService,
  text: string,
  env: Environment,
  memo: InterpolationMemo,
): ComposeService {
  const dollar = (v: string | undefined): boolean => v !== undefined && v.includes('$');
  if (
    !s.labels.some((l) => dollar(l.value) || (l.form === 'list' && dollar(l.key))) &&
    !dollar(s.image?.value) &&
    !s.volumes.some((v) => dollar(v.value)) &&
    !s.ports.some((p) => p.written) &&
    !s.expose.some((p) => p.written)
  )
    return s;
  // An interpolated key's segments are new ranges the parser's in-place shift does not move:
  // such a copy holds only while the service stays where it was.
  const keyVars = s.labels.some((l) => l.form === 'list' && dollar(l.key));
  const key = keyVars ? `${env.key}@${s.range.start}` : env.key;
  const hit = memo.get(s);
  if (hit && hit.key === key) return hit.service;
  const service: ComposeService = {
    ...s,
    image: s.image && scalar(s.image, env),
    ports: s.ports.map((p) => port(p, env)),
    expose: s.expose.map((p) => port(p, env)),
    volumes: s.volumes.map((v) => scalar(v, env)),
    labels: s.labels.map((l) => label(l, text, env)),
  };
  memo.set(s, { key, service });
  return service;
}

function label(written: Label, text: string, env: Environment): Label {
  const l = written.form === 'list' && written.key.includes('$') ? labelKey(written, text, env) : written;
  // Already interpolated with the key (its variables brought the `=`).
  if (l.interpolation || !l.value.includes('$')) return l;
  const result = interpolate(l.value, env.lookup);
  const known = isResolved(result);
  const identity = l.exact && text.slice(l.valueRange.start, l.valueRange.end) === l.value;
  return {
    ...l,
    value: known ? result.value : l.value,
    interpolated: !known,
    interpolation: { written: l.value, result, identity },
  };
}

/**
 * A list-form key with its variables replaced, when every one is known; each segment's range
 * maps back onto the written key (a segment a variable makes covers the whole `${...}`). A key
 * whose variables bring a `=` (`traefik.http.routers.web.${TLS}` with TLS=tls.certresolver=le) is
 * split there, as compose splits the interpolated item (types.Labels): the rest is the value.
 */
function labelKey(l: Label, text: string, env: Environment): Label {
  const result = interpolate(l.key, env.lookup);
  if (!isResolved(result)) return l;
  const identity = l.exact && text.slice(l.keyRange.start, l.keyRange.end) === l.key;
  const eq = result.value.indexOf('=');
  const key = eq < 0 ? result.value : result.value.slice(0, eq);
  const segments: KeySegment[] = [];
  let from = 0;
  for (const segment of key.split('.')) {
    const to = from + segment.length;
    const r = identity ? sourceRange(result, from, to) : undefined;
    const range = r ? { start: l.keyRange.start + r.start, end: l.keyRange.start + r.end } : l.keyRange;
    const literal = identity && result.pieces.some((p) => p.literal && p.value.start <= from && to <= p.value.end);
    segments.push(literal ? { text: segment, range } : { text: segment, range, literal: false });
    from = to + 1;
  }
  const keyInterpolation = { written: l.key, result, identity };
  if (eq < 0) return { ...l, key, segments, keyInterpolation };
  return { ...l, key, segments, keyInterpolation, ...splitValue(l, text, result, eq, identity, env) };
}

/**
 * The value of a list item whose key's variables brought the `=`: the rest of the key, then the
 * written `=value` (interpolated) when the item has one. Its range is the text it comes from
 * (the `${...}` onwards); it is not text to edit in place (`identity: false`).
 */
function splitValue(
  l: Label,
  text: string,
  result: Interpolation,
  eq: number,
  identity: boolean,
  env: Environment,
): Pick<Label, 'value' | 'valueRange' | 'interpolated' | 'interpolation'> {
  // The parser gives an item without `=` an empty value range at the key's end.
  const hasValue = l.valueRange.start !== l.keyRange.end || l.value !== '';
  const after = hasValue ? interpolate(l.value, env.lookup) : undefined;
  const known = after === undefined || isResolved(after);
  const value = result.value.slice(eq + 1) + (after ? `=${known ? after.value : l.value}` : '');
  const r = identity ? sourceRange(result, eq + 1, result.value.length) : undefined;
  const start = r ? l.keyRange.start + r.start : l.keyRange.start;
  const valueRange = { start, end: hasValue ? l.valueRange.end : r ? l.keyRange.start + r.end : l.keyRange.end };
  const variables = [...result.variables, ...(after?.variables ?? [])];
  const unresolved = after?.unresolved ?? [];
  return {
    value,
    valueRange,
    interpolated: !known,
    interpolation: {
      written: text.slice(valueRange.start, valueRange.end),
      result: { value, variables, unresolved, problems: after?.problems ?? [], pieces: [] },
      identity: false,
    },
  };
}

function scalar(s: Scalar, env: Environment): Scalar {
  if (!s.value.includes('$')) return s;
  const value = resolvedValue(s.value, env.lookup);
  return value === undefined ? s : { value, range: s.range };
}

function port(p: PortMapping, env: Environment): PortMapping {
  if (!p.written) return p;
  const value = resolvedValue(p.written, env.lookup);
  if (value === undefined) return p;
  const read = shortPort({ value, range: p.range });
  return { ...read, written: p.written };
}

/**
 * The source range of `label.value.slice(start, end)`: exact where the value is written as is,
 * the whole `${...}` where the span touches a substitution, the whole value when quoting or
 * escapes make the mapping uncertain. `literal` says the span is text written in the file.
 */
export function valueSpan(label: Label, start: number, end: number): { range: Range; literal: boolean } {
  const base = label.valueRange.start;
  const i = label.interpolation;
  if (!label.exact || (i && !i.identity)) return { range: label.valueRange, literal: false };
  if (!i || label.value === i.written)
    return { range: { start: base + start, end: base + Math.max(end, start) }, literal: true };
  const r = sourceRange(i.result, start, end) ?? { start: 0, end: i.written.length };
  const literal = i.result.pieces.some(
    (p) => p.literal && p.value.start <= start && Math.max(end, start) <= p.value.end,
  );
  return { range: { start: base + r.start, end: base + r.end }, literal };
}

/** A range in the written value (a variable's `${...}`) as a source range. */
export function writtenRange(label: Label, r: Range): Range {
  const i = label.interpolation;
  if (!label.exact || (i && !i.identity)) return label.valueRange;
  return { start: label.valueRange.start + r.start, end: label.valueRange.start + r.end };
}
