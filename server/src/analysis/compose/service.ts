// Reads one compose service entry (`name: {...}`) into a ComposeService.
import { type Document, isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import type {
  BuildSpec,
  ComposeService,
  DependencyRef,
  EnvFileRef,
  EnvVar,
  Healthcheck,
  Label,
  LabelBlock,
  MergeTagged,
  PortMapping,
  ReplacedLabels,
  Scalar,
} from './model';
import { readLabels } from './labels';
import { shellSplit, type ShellSplit } from './shellwords';
import type { AliasBudget } from './aliases';
import { serviceProblems, type SpecProblem } from './spec';
import { requiredTemplates } from './templates';
import type { Range } from '../types';

/**
 * `aliases`: given when the file has anchors (only the whole-file parse sees them); the service
 * body, its fields and its labels are then read through aliases and `<<` merge keys, as compose
 * reads them, within yaml.v3's budget (aliases.ts).
 * `spec`: validate the body against the compose schema (aliases resolved in `doc`); false when
 * the YAML around it is broken (yaml-syntax says so).
 */
export function readService(
  pair: Pair<unknown, unknown>,
  text: string,
  file: string,
  aliases?: AliasBudget,
  spec: { doc?: Document } | false = {},
): ComposeService | undefined {
  const key = pair.key;
  if (!isScalar(key) || !key.range) return undefined;
  const value = aliases ? aliases.resolve(pair.value) : pair.value;
  const body = isMap(value) ? (value as YAMLMap<unknown, unknown>) : undefined;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? key.range[1];
  const labels: Label[] = [];
  const labelBlocks: LabelBlock[] = [];
  const service: ComposeService = {
    name: String(key.value),
    nameRange: { start: key.range[0], end: key.range[1] },
    range: { start: key.range[0], end: valueEnd },
    file,
    commandIsString: false,
    ports: [],
    expose: [],
    networks: [],
    profiles: [],
    dependsOn: [],
    volumes: [],
    environment: [],
    envFiles: [],
    labels,
    labelBlocks,
    replacedLabels: [],
    spec: spec ? serviceProblems(pair.value as Node | null, spec.doc) : [],
  };
  const templates = requiredTemplates(pair.value, text);
  if (templates.length > 0) service.templates = templates;
  if (!body) return service;
  const field = (name: string): Node | null => fieldOf(body, name, aliases);
  service.image = scalar(field('image'));
  service.build = build(field('build'));
  service.containerName = scalar(field('container_name'));
  service.networkMode = scalar(field('network_mode'));
  const command = field('command');
  service.commandIsString = isScalar(command);
  // Problems only where the YAML around is sound, as for the schema's (`spec` false: yaml-syntax says it).
  const problems = spec ? service.spec : [];
  service.command = words(command, text, problems);
  service.entrypoint = words(field('entrypoint'), text, problems);
  service.ports = ports(field('ports'));
  service.expose = ports(field('expose'));
  service.networks = names(field('networks'));
  service.profiles = scalars(field('profiles'));
  service.extends = extendsRef(field('extends'));
  service.dependsOn = dependsOn(field('depends_on'), aliases);
  service.volumes = volumes(field('volumes'));
  service.environment = environment(field('environment'), text);
  service.envFiles = envFiles(field('env_file'));
  service.healthcheck = healthcheck(field('healthcheck'), aliases);
  const block = readLabels(field('labels'), text, 'labels', labels, file, aliases);
  if (block) labelBlocks.push(block);
  const deploy = field('deploy');
  if (isMap(deploy)) {
    service.replicas = scalar(fieldOf(deploy, 'replicas', aliases));
    const deployBlock = readLabels(fieldOf(deploy, 'labels', aliases), text, 'deploy.labels', labels, file, aliases);
    if (deployBlock) labelBlocks.push(deployBlock);
  }
  service.mergeTags = mergeTags(body, isMap(deploy) ? deploy : undefined);
  if (aliases) {
    const replaced = [replacedLabels(body, 'labels', service, text, aliases)];
    if (isMap(deploy)) replaced.push(replacedLabels(deploy, 'deploy.labels', service, text, aliases));
    service.replacedLabels = replaced.filter((r): r is ReplacedLabels => r !== undefined);
  }
  return service;
}

const TAGGED: readonly [MergeTagged, string][] = [
  ['labels', 'labels'],
  ['ports', 'ports'],
  ['expose', 'expose'],
];

/** The `!reset` / `!override` tags on the fields the model merges (compose spec 13-merge.md). */
function mergeTags(
  body: YAMLMap<unknown, unknown>,
  deploy: YAMLMap<unknown, unknown> | undefined,
): ComposeService['mergeTags'] {
  const out: NonNullable<ComposeService['mergeTags']> = {};
  const tagOf = (map: YAMLMap<unknown, unknown>, name: string): string | undefined =>
    (map.get(name, true) as Node | undefined)?.tag;
  const set = (field: MergeTagged, tag: string | undefined): void => {
    if (tag === '!reset' || tag === '!override') out[field] = tag;
  };
  for (const [field, key] of TAGGED) set(field, tagOf(body, key));
  if (deploy) set('deploy.labels', tagOf(deploy, 'labels'));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A key of a map; with `aliases`, its value resolved and the maps of `<<` merged under it. */
function fieldOf(map: YAMLMap<unknown, unknown>, name: string, aliases?: AliasBudget): Node | null {
  const own = (map.get(name, true) as Node | undefined) ?? null;
  if (!aliases) return own;
  if (own !== null) return aliases.resolve(own) as Node | null;
  for (const merged of aliases.merged(map)) {
    const found = fieldOf(merged, name, aliases);
    if (found !== null) return found;
  }
  return null;
}

/**
 * YAML's merge key yields to a key the mapping writes itself (yaml.org/type/merge.html): own
 * `labels` next to `<<: *x` whose map has `labels` too replaces them, it never combines them.
 */
function replacedLabels(
  map: YAMLMap<unknown, unknown>,
  source: ReplacedLabels['source'],
  service: ComposeService,
  text: string,
  aliases: AliasBudget,
): ReplacedLabels | undefined {
  const own = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'labels');
  const merge = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === '<<');
  const key = (own?.key as Node | undefined)?.range;
  const mergeRange = (merge?.value as Node | undefined)?.range;
  if (!key || !mergeRange) return undefined;
  // `labels: []` (or `{}`) next to a whole service (`<<: *app`, which has an image or build) says
  // "none" on purpose: the worker copy of a web service dropping its router. `labels:` left
  // empty (null), or `[]` beside a fragment of labels, loses them by accident.
  const value = (own as { value?: unknown }).value;
  const none = (isSeq(value) || isMap(value)) && value.items.length === 0;
  for (const m of aliases.merged(map)) {
    const theirs = fieldOf(m, 'labels', aliases);
    if (!theirs?.range) continue;
    if (none && (fieldOf(m, 'image', aliases) || fieldOf(m, 'build', aliases))) return undefined;
    const merged: Label[] = [];
    readLabels(theirs, text, source, merged, service.file, aliases);
    const kept = new Set(service.labels.filter((l) => l.source === source).map((l) => l.key));
    const lost = [...new Set(merged.map((l) => l.key).filter((k) => !kept.has(k)))];
    if (lost.length === 0) return undefined;
    return {
      source,
      range: { start: key[0], end: key[1] },
      merge: { start: mergeRange[0], end: mergeRange[1] },
      mergeText: text.slice(mergeRange[0], mergeRange[1]),
      merged: { start: theirs.range[0], end: theirs.range[1] },
      lost,
    };
  }
  return undefined;
}

export function scalar(node: Node | null): Scalar | undefined {
  if (!isScalar(node) || !node.range || node.value === null) return undefined;
  const value = node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : String(node.value);
  return { value, range: { start: node.range[0], end: node.range[1] } };
}

function build(node: Node | null): BuildSpec | undefined {
  if (!node?.range) return undefined;
  const range = { start: node.range[0], end: node.range[1] };
  if (isScalar(node)) return { range, context: scalar(node), args: new Map() };
  if (!isMap(node)) return undefined;
  const get = (name: string): Node | null => (node.get(name, true) as Node | undefined) ?? null;
  const args = new Map<string, string | null>();
  const list = get('args');
  if (isMap(list)) {
    for (const p of list.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const value = isScalar(p.value) && p.value.value !== null ? String(p.value.value) : null;
      args.set(String(p.key.value), value);
    }
  } else if (isSeq(list)) {
    for (const item of scalars(list)) {
      const eq = item.value.indexOf('=');
      if (eq < 0) args.set(item.value, null);
      else args.set(item.value.slice(0, eq), item.value.slice(eq + 1));
    }
  }
  return {
    range,
    context: scalar(get('context')),
    dockerfile: scalar(get('dockerfile')),
    inline: scalar(get('dockerfile_inline')),
    target: scalar(get('target')),
    args,
  };
}

/** `extends: base` (short form) or `extends: {service, file}`. */
function extendsRef(node: Node | null): ComposeService['extends'] {
  if (!node?.range) return undefined;
  const range = { start: node.range[0], end: node.range[1] };
  const short = scalar(node);
  if (short) return { service: short, range };
  if (!isMap(node)) return undefined;
  const service = scalar((node.get('service', true) as Node | undefined) ?? null);
  const file = scalar((node.get('file', true) as Node | undefined) ?? null);
  return service ? { service, file, range } : undefined;
}

function healthcheck(node: Node | null, aliases?: AliasBudget): Healthcheck | undefined {
  if (!isMap(node)) return undefined;
  const map = node as YAMLMap<unknown, unknown>;
  const test = fieldOf(map, 'test', aliases);
  const single = scalar(test);
  const items = single ? [single] : scalars(test);
  if (items.length === 0) return undefined;
  const disable = scalar(fieldOf(map, 'disable', aliases));
  return { test: items, isString: single !== undefined, disabled: disable?.value === 'true' };
}

function scalars(node: Node | null): Scalar[] {
  if (!isSeq(node)) return [];
  return node.items.map((item) => scalar(item as Node)).filter((s): s is Scalar => s !== undefined);
}

/**
 * `command:` as a list (one word per item), or as one string split as compose splits it
 * (shellwords.ts); a string compose cannot split, or splits only in part, is a problem in `spec`.
 */
function words(node: Node | null, text: string, spec: SpecProblem[]): Scalar[] | undefined {
  if (isSeq(node)) return scalars(node);
  const single = scalar(node);
  if (!single) return undefined;
  const raw = text.slice(single.range.start, single.range.end);
  // Exact word ranges only when the source is the value itself (plain, single line).
  const exact = raw === single.value;
  const split = shellSplit(single.value);
  // compose interpolates first: a `$` may bring the quotes that make it split.
  if (!single.value.includes('$')) spec.push(...splitProblems(split, single, exact));
  return split.words.map((w) => ({
    value: w.value,
    range: exact ? { start: single.range.start + w.start, end: single.range.start + w.end } : single.range,
  }));
}

/** What compose makes of a string `command:` / `entrypoint:` it cannot split whole (compose-go types/command.go). */
function splitProblems(split: ShellSplit, single: Scalar, exact: boolean): SpecProblem[] {
  const at = (from: number, to: number): Range =>
    exact ? { start: single.range.start + from, end: single.range.start + to } : single.range;
  if (split.refused) {
    const { message, at: offset } = split.refused;
    const range = offset < single.value.length ? at(offset, offset + 1) : single.range;
    return [
      {
        message: `docker compose cannot split this string into words (${message}): quote the value, or write it as a list`,
        explanation:
          'compose-go reads a string command or entrypoint with go-shellwords (types/command.go ShellCommand), which refuses it ("invalid command line string"): docker compose does not load the project, so no container starts.',
        range,
        severity: 'error',
      },
    ];
  }
  // A lone trailing `&` or `;` drops no word (JimsGarage rClone/mount: `mount … --allow-other &`):
  // the container gets what was meant, and quoting it would pass the `&` as an argument.
  if (split.stoppedAt !== undefined && single.value.slice(split.stoppedAt + 1).trim() !== '') {
    const c = single.value[split.stoppedAt];
    return [
      {
        message: `docker compose drops everything from this "${c}" on: quote it, or write the command as a list`,
        explanation:
          'compose-go splits a string command or entrypoint with go-shellwords (types/command.go ShellCommand), which stops at ; & | < or > outside quotes and drops the rest without a word: the container never receives those words.',
        range: at(split.stoppedAt, single.value.length),
        severity: 'warning',
      },
    ];
  }
  return [];
}

/** Where a scalar's value starts in the text, when its source is the value itself, maybe quoted without escapes. */
function writtenAt(text: string, s: Scalar): number | undefined {
  const raw = text.slice(s.range.start, s.range.end);
  if (raw === s.value) return s.range.start;
  const q = raw[0];
  if ((q === '"' || q === "'") && raw === `${q}${s.value}${q}` && !/["'\\]/.test(s.value)) return s.range.start + 1;
  return undefined;
}

/** `environment:` as a list of `NAME=value` or a map (null values: `NAME:` alone). */
function environment(node: Node | null, text: string): EnvVar[] {
  const out: EnvVar[] = [];
  if (isSeq(node)) {
    for (const item of scalars(node)) {
      const eq = item.value.indexOf('=');
      const name = eq < 0 ? item.value : item.value.slice(0, eq);
      const raw = text.slice(item.range.start, item.range.end);
      const at = raw.startsWith(name) ? 0 : raw.slice(1).startsWith(name) ? 1 : -1;
      const nameRange =
        at < 0 ? item.range : { start: item.range.start + at, end: item.range.start + at + name.length };
      const value = eq < 0 ? undefined : item.value.slice(eq + 1);
      const from = eq < 0 ? undefined : writtenAt(text, item);
      const valueRange = from === undefined ? undefined : { start: from + eq + 1, end: from + eq + 1 + value!.length };
      out.push({ name, value, nameRange, ...(valueRange ? { valueRange } : {}), entryRange: item.range });
    }
  } else if (isMap(node)) {
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const key = scalar(p.key as Node);
      if (!key) continue;
      const v = p.value as Node | null;
      const value = isScalar(v) && v.value !== null ? (scalar(v)?.value ?? String(v.value)) : undefined;
      const end = v?.range?.[1] ?? key.range.end;
      const written =
        value === undefined || !v?.range ? undefined : { value, range: { start: v.range[0], end: v.range[1] } };
      const from = written && writtenAt(text, written);
      const valueRange = from === undefined ? undefined : { start: from, end: from + value!.length };
      const entryRange = { start: key.range.start, end };
      out.push({ name: key.value, value, nameRange: key.range, ...(valueRange ? { valueRange } : {}), entryRange });
    }
  }
  return out;
}

/**
 * `env_file:` as a string, a list of strings, or the long form `{path, required, format}`
 * (compose spec 05-services.md env_file: `required` defaults to true; compose-go reads a
 * string `"false"` as false too).
 */
function envFiles(node: Node | null): EnvFileRef[] {
  const single = scalar(node);
  if (single) return [single];
  if (!isSeq(node)) return [];
  const out: EnvFileRef[] = [];
  for (const item of node.items) {
    if (!isMap(item)) {
      const s = scalar(item as Node);
      if (s) out.push(s);
      continue;
    }
    const path = scalar((item.get('path', true) as Node | undefined) ?? null);
    if (!path) continue;
    const required = item.get('required', true) as Node | undefined;
    const value = isScalar(required) ? String(required.value) : undefined;
    // Only a literal true (or none) is required; false, or a variable, may let the file be missing.
    out.push(required === undefined || value === 'true' ? path : { ...path, optional: true });
  }
  return out;
}

/**
 * `depends_on:` as a list of names or a map of name -> `{condition, required, restart}`; `required`
 * defaults to true in both forms (compose-go transform/dependson.go).
 */
function dependsOn(node: Node | null, aliases?: AliasBudget): DependencyRef[] {
  if (isSeq(node)) return scalars(node);
  if (!isMap(node)) return [];
  const out: DependencyRef[] = [];
  for (const p of node.items) {
    if (!isPair(p)) continue;
    const name = scalar(p.key as Node);
    if (!name) continue;
    const body = aliases ? aliases.resolve(p.value) : p.value;
    const required = isMap(body) ? (body.get('required', true) as Node | undefined) : undefined;
    const value = isScalar(required) ? String(required.value) : undefined;
    // Only a literal true (or none) is required; false, or a variable, may let the service be off.
    out.push(required === undefined || value === 'true' ? name : { ...name, optional: true });
  }
  return out;
}

function names(node: Node | null): Scalar[] {
  if (isSeq(node)) return scalars(node);
  if (isMap(node)) {
    return node.items
      .map((p) => (isPair(p) ? scalar(p.key as Node) : undefined))
      .filter((s): s is Scalar => s !== undefined);
  }
  return [];
}

function volumes(node: Node | null): Scalar[] {
  if (!isSeq(node)) return [];
  const out: Scalar[] = [];
  for (const item of node.items) {
    if (isScalar(item)) {
      const s = scalar(item);
      if (s) out.push(s);
    } else if (isMap(item) && item.range) {
      // long syntax: keep `source:target` so readers see the same shape as the short one
      const source = scalar((item.get('source', true) as Node | undefined) ?? null);
      const target = scalar((item.get('target', true) as Node | undefined) ?? null);
      if (target) {
        out.push({
          value: `${source?.value ?? ''}:${target.value}`,
          range: { start: item.range[0], end: item.range[1] },
        });
      }
    }
  }
  return out;
}

function ports(node: Node | null): PortMapping[] {
  if (!isSeq(node)) return [];
  const out: PortMapping[] = [];
  for (const item of node.items) {
    if (isScalar(item)) {
      const s = scalar(item);
      if (s) out.push(shortPort(s));
    } else if (isMap(item) && item.range) {
      const target = scalar((item.get('target', true) as Node | undefined) ?? null);
      const published = scalar((item.get('published', true) as Node | undefined) ?? null);
      const protocol = scalar((item.get('protocol', true) as Node | undefined) ?? null);
      out.push({
        target: target ? portNumber(target.value) : undefined,
        published: published?.value,
        protocol: protocol?.value ?? 'tcp',
        range: { start: item.range[0], end: item.range[1] },
      });
    }
  }
  return out;
}

/** Short syntax: `[[ip:]published:]target[/protocol]`, target may be a range `8000-8010`. */
export function shortPort(s: Scalar): PortMapping {
  let spec = s.value.trim();
  let protocol = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    protocol = spec.slice(slash + 1);
    spec = spec.slice(0, slash);
  }
  const colon = spec.lastIndexOf(':');
  const targetText = colon >= 0 ? spec.slice(colon + 1) : spec;
  let published: string | undefined;
  if (colon >= 0) {
    const rest = spec.slice(0, colon);
    const hostColon = rest.lastIndexOf(':');
    published = hostColon >= 0 ? rest.slice(hostColon + 1) : rest;
    if (published === '') published = undefined;
  }
  const port: PortMapping = { target: portNumber(targetText), published, protocol, range: s.range };
  if (s.value.includes('$')) port.written = s.value;
  return port;
}

function portNumber(text: string): number | undefined {
  const first = text.split('-')[0].trim();
  if (!/^\d+$/.test(first)) return undefined;
  const n = Number(first);
  return n > 0 && n < 65536 ? n : undefined;
}
