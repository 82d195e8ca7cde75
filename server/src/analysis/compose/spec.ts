// The compose file against the Compose Specification's JSON schema, as docker compose checks it
// (compose-go loader/loader.go: after interpolation, `!reset`, anchors and merge keys, and
// override.EnforceUnicity, schema.Validate on the file). Checked per service (cached with the
// parsed service) and for the top-level keys; each problem on the node it is about.
import type { ErrorObject } from 'ajv';
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
// schemas/compose-spec.json is compose-go's schema/compose-spec.json (the copy docker compose
// embeds; see schemas/README.md), compiled ahead by scripts/generate-compose-validator.mjs:
// compiling it here would cost a second on the first analysis.
import * as compiled from '../../../../schemas/compose-spec.validate.js';
import { nearest } from '../traefik/values';
import type { Range } from '../types';

export interface SpecProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
  /** What compose does, when the problem is not the schema's (a string command it cannot split). */
  explanation?: string;
  /**
   * Set on an empty value (YAML null, e.g. `ports:` with only comments under it), to the top-level
   * key it is under: whether compose refuses it depends on the files merged before (checks/compose-spec.ts).
   */
  empty?: string;
}

interface Place {
  /** The key of this node in its mapping, if any. */
  key?: Range;
  node: Range;
  /** A string compose interpolates (`${VAR}`, `$VAR`): its value, type included, is not known here. */
  interpolated?: boolean;
}

/** The JSON value docker compose validates, with each JSON pointer's place in the text. */
interface Instance {
  value: unknown;
  places: Map<string, Place>;
}

const INTERPOLATION = /\$(\{|[A-Za-z_])/;

function pointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function rangeOf(node: { range?: [number, number, number?] | null } | null | undefined): Range | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** YAML -> JSON as compose-go decodes it: merge keys resolved, aliases followed, `!reset` dropped. */
function toInstance(root: Node, doc: Document | undefined): Instance {
  let budget = 100_000;
  const resolve = (node: unknown): unknown => {
    let n = node;
    for (let hops = 0; isAlias(n) && hops < 100; hops++) n = doc ? n.resolve(doc) : undefined;
    return n;
  };
  const walk = (raw: unknown, at: string, place: Place | undefined, places: Map<string, Place>): unknown => {
    if (--budget < 0) return null;
    const node = resolve(raw);
    if (place) places.set(at, place);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const merged: unknown[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = resolve(item.key);
        const name = isScalar(key) ? String(key.value) : String(key);
        if (name === '<<') {
          const v = resolve(item.value);
          merged.push(...(isSeq(v) ? v.items : [v]));
          continue;
        }
        if ((resolve(item.value) as Node | null)?.tag === '!reset') continue;
        const node = rangeOf(item.value as Node) ?? rangeOf(item.key as Node) ?? place?.node ?? { start: 0, end: 0 };
        out[name] = walk(item.value, pointer(at, name), { key: rangeOf(item.key as Node), node }, places);
      }
      // Keys written in the mapping win over merged ones; earlier merged mappings over later ones.
      for (const source of merged) {
        const m = resolve(source);
        if (!isMap(m)) continue;
        const from = new Map<string, Place>();
        const value = walk(m, at, undefined, from) as Record<string, unknown>;
        for (const [k, v] of Object.entries(value)) {
          if (k in out) continue;
          out[k] = v;
          const p = pointer(at, k);
          for (const [q, where] of from) if (q === p || q.startsWith(`${p}/`)) places.set(q, where);
        }
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) =>
        walk(
          item,
          pointer(at, i),
          { node: rangeOf(resolve(item) as Node) ?? place?.node ?? { start: 0, end: 0 } },
          places,
        ),
      );
    }
    if (isScalar(node)) {
      const v = node.type === 'PLAIN' && typeof node.value === 'string' ? plainValue(node.value) : node.value;
      if (typeof v === 'string' && INTERPOLATION.test(v.replace(/\$\$/g, '')) && place) place.interpolated = true;
      return typeof v === 'bigint' ? Number(v) : (v ?? null);
    }
    return null;
  };
  const places = new Map<string, Place>();
  const value = walk(root, '', { node: rangeOf(root) ?? { start: 0, end: 0 } }, places);
  return { value, places };
}

/**
 * A plain scalar's value under YAML 1.2's core schema, as go-yaml (compose's decoder) reads it;
 * the fast reader keeps plain scalars as their text.
 */
function plainValue(text: string): unknown {
  if (/^(~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validators = compiled as unknown as { root: Validator; service: Validator };

/** Problems of one service's body (`api: {...}`), named `name` in messages. */
export function serviceProblems(body: Node | null | undefined, doc?: Document): SpecProblem[] {
  if (!body || (isScalar(body) && body.value === null)) return [];
  return validate(validators.service, toInstance(body, doc));
}

/** Problems of the top-level keys other than `services` (each service is checked on its own). */
export function topLevelProblems(root: Node | null | undefined, doc?: Document): SpecProblem[] {
  if (!root || !isMap(root)) return [];
  const instance = toInstance(root, doc);
  const value = instance.value as Record<string, unknown>;
  delete value.services;
  return validate(validators.root, instance);
}

function validate(fn: Validator, instance: Instance): SpecProblem[] {
  if (fn(instance.value)) return [];
  return explain(fn.errors ?? [], instance);
}

const TYPE_NAMES: Record<string, string> = { object: 'mapping', array: 'list' };
const CHOICES = new Set(['oneOf', 'anyOf']);

/**
 * The errors docker compose would report, once each, on their nodes. Dropped: errors on a value
 * compose interpolates (its type is known only then), `uniqueItems` (compose removes repeated
 * items before validating), every oneOf/anyOf above them (a branch may pass after all), and the
 * type errors of such a choice's other branches.
 */
function explain(errors: ErrorObject[], instance: Instance): SpecProblem[] {
  const dropped = (e: ErrorObject): boolean =>
    e.keyword === 'uniqueItems' || instance.places.get(e.instancePath)?.interpolated === true;
  const poisoned = errors.filter(dropped).map((e) => e.instancePath);
  const under = (path: string, of: string): boolean => path === of || path.startsWith(`${of}/`);
  const poisonedChoice = (at: string): boolean => poisoned.some((p) => under(p, at));
  // A choice with a branch that failed only on a dropped error: that branch had the right type, so
  // the other branches' type errors on the same node are no error either (environment listing an
  // item twice is not "must be a mapping").
  const choices = new Set(errors.filter((e) => CHOICES.has(e.keyword)).map((e) => e.instancePath));
  const live = errors.filter(
    (e) =>
      !dropped(e) &&
      !(CHOICES.has(e.keyword) && poisonedChoice(e.instancePath)) &&
      !(e.keyword === 'type' && choices.has(e.instancePath) && poisonedChoice(e.instancePath)),
  );
  const out = new Map<string, SpecProblem>();
  const add = (
    at: string,
    range: Range | undefined,
    message: string,
    severity: SpecProblem['severity'],
    empty?: string,
  ): void => {
    if (range && !out.has(`${at}|${message}`))
      out.set(`${at}|${message}`, { message, range, severity, ...(empty ? { empty } : {}) });
  };
  for (const e of live) {
    const place = instance.places.get(e.instancePath);
    const value = valueAt(instance.value, e.instancePath);
    const name = fieldName(e.instancePath);
    // A choice, or a type error inside one, is explained by the other errors at or below it.
    const explained = (at: string): boolean =>
      live.some((o) => o !== e && !CHOICES.has(o.keyword) && o.keyword !== 'type' && under(o.instancePath, at));
    // Errors below a choice's node come from the branch whose type the value has (only it looks
    // inside): that branch failed on a member, so the other branches' type errors there are noise
    // (`include: [{path: }]` is not "must be a string").
    const rightTypeFailedBelow = (at: string): boolean =>
      choices.has(at) && live.some((o) => o.instancePath.startsWith(`${at}/`));
    // Compose ignores `version`; an empty value may be read leniently: warnings, not errors.
    const severity = e.instancePath === '/version' || value === null ? 'warning' : 'error';
    switch (e.keyword) {
      case 'additionalProperties': {
        const extra = String((e.params as { additionalProperty: string }).additionalProperty);
        const where = instance.places.get(pointer(e.instancePath, extra));
        const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const hint = nearest(extra, known);
        const fix = hint ? `did you mean "${hint}"?` : `remove it, or name it x-${extra}`;
        const message = `unknown key "${extra}"${inField(name)}: ${fix}`;
        add(e.instancePath + extra, where?.key ?? where?.node, message, 'error');
        break;
      }
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        add(e.instancePath, place?.key ?? place?.node, `${label(name)} needs "${missing}": add it`, severity);
        break;
      }
      case 'type':
      case 'oneOf':
      case 'anyOf': {
        if (explained(e.instancePath) || rightTypeFailedBelow(e.instancePath)) break;
        const types = typesAt(live, e.instancePath);
        if (value === null) {
          add(
            e.instancePath,
            place?.key ?? place?.node,
            `${label(name)} is empty: give ${types} or drop the key`,
            severity,
            e.instancePath === '/version' ? undefined : e.instancePath.split('/')[1],
          );
          break;
        }
        add(e.instancePath, place?.node, `${label(name)} must be ${types}, not ${shown(value)}`, severity);
        break;
      }
      case 'enum': {
        const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
        const hint = typeof value === 'string' ? nearest(value, allowed) : undefined;
        const fix = hint ? `did you mean "${hint}"?` : `use one of ${allowed.join(', ')}`;
        add(e.instancePath, place?.node, `${shown(value)} is not a valid ${name}: ${fix}`, severity);
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'pattern':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'const':
      case 'not':
        add(
          e.instancePath,
          place?.node,
          `${shown(value)} is not a valid ${name}: it ${e.message ?? `fails ${e.keyword}`}`,
          severity,
        );
        break;
      default:
        break;
    }
  }
  return [...out.values()];
}

/** Every type the schema accepts at `at`, from the type errors there: `a string or list`. */
function typesAt(errors: ErrorObject[], at: string): string {
  const types = new Set<string>();
  for (const e of errors) {
    if (e.instancePath !== at || e.keyword !== 'type') continue;
    const t = (e.params as { type: string | string[] }).type;
    for (const one of Array.isArray(t) ? t : String(t).split(',')) types.add(TYPE_NAMES[one] ?? one);
  }
  const list = [...types].filter((t) => t !== 'null');
  if (list.length === 0) return 'something else';
  return `a ${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`}`;
}

function valueAt(root: unknown, at: string): unknown {
  let v = root;
  for (const part of at.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  return v;
}

/** `ports[0]`, `build`, `deploy.resources`: the last keys of a pointer, for messages. */
function fieldName(at: string): string {
  const parts = at
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts.slice(-2)) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

function label(name: string): string {
  return name ? `"${name}"` : 'This';
}

function inField(name: string): string {
  return name ? ` in "${name}"` : '';
}

function shown(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const s = JSON.stringify(value);
  return s.length > 30 ? `${s.slice(0, 27)}..."` : s;
}
