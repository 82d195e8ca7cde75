// .gateway-lens.yaml: parsed with the yaml package (keeping node ranges), validated with ajv
// against config/schema.ts, each error turned into an `invalid-config` finding on the exact key
// or value it is about. What is valid is used; what is not is reported and left out.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { CHECKS } from '../checks/registry';
import type { SeverityLevel } from '../project';
import { nearest } from '../traefik/values';
import type { Finding, Range } from '../types';
import { configSchema, LEVELS } from './schema';

/** What becomes of an invalid part of .gateway-lens.yaml (the explanation of every invalid-config). */
const CONFIG_IGNORED =
  'Gateway Lens reads .gateway-lens.yaml with its JSON schema (schemas/gateway-lens-config.json): this key or value does not do what it says (a misspelt code keeps its default severity), and the rest of the file still applies.';

export const INVALID_CONFIG = 'invalid-config';

export interface GatewayLensConfig {
  file: string;
  severity: Record<string, SeverityLevel>;
  traefikVersion?: 'v2' | 'v3';
  /** As written: relative to the config file's folder. */
  staticConfig?: string;
  externalMiddlewares?: string[];
  externalServices?: string[];
  /** Globs as written, relative to the config file's folder. */
  files: string[];
}

export interface ParsedConfig {
  config: GatewayLensConfig;
  findings: Finding[];
}

/**
 * The config schema compiled by ajv, on first use: compiling costs some 160 ms, which a project
 * without a .gateway-lens.yaml never pays. The analyser keeps one (index.ts Analyzer).
 */
export class ConfigValidator {
  private compiled: ValidateFunction | undefined;

  errors(value: unknown): ErrorObject[] {
    this.compiled ??= new Ajv({ allErrors: true, strict: true }).compile(configSchema());
    return this.compiled(value) ? [] : (this.compiled.errors ?? []);
  }
}

/** JSON pointer (ajv's instancePath) -> segments. */
function pointer(path: string): string[] {
  return path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Place {
  key?: Node;
  value?: Node;
}

/** The key and value nodes at a path of the document. */
function at(root: Node | null, segments: string[]): Place {
  let place: Place = { value: root ?? undefined };
  for (const seg of segments) {
    const node = place.value;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return place;
      place = { key: pair.key as Node, value: (pair.value as Node | null) ?? undefined };
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) return place;
      place = { value: item };
    } else return place;
  }
  return place;
}

function rangeOf(node: Node | undefined, fallback: Range): Range {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}

const SECTION: Record<string, string> = { '': 'the configuration', '/severity': 'severity', '/traefik': 'traefik' };

function describe(
  error: ErrorObject,
  place: Place,
  known: string[],
): { message: string; data?: Record<string, unknown> } {
  const where = error.instancePath === '' ? 'the file' : `"${pointer(error.instancePath).join('.')}"`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const suggestion = nearest(key, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : ` (known: ${known.join(', ')})`;
      if (error.instancePath === '/severity')
        return { message: `"${key}" is not a Gateway Lens code${hint}`, data: { name: key, suggestion } };
      return {
        message: `Unknown key "${key}" in ${SECTION[error.instancePath] ?? where}${hint}`,
        data: { name: key, suggestion },
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const written = isScalar(place.value) ? String(place.value.value) : JSON.stringify(place.value?.toJSON());
      const suggestion = allowed.find((a) => written.length > 1 && a.startsWith(written)) ?? nearest(written, allowed);
      return {
        message: `${where} cannot be "${written}": use ${allowed.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
        data: { name: written, suggestion },
      };
    }
    case 'type': {
      const type = String((error.params as { type: string }).type);
      const what = type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : `a ${type}`;
      return { message: `${where} must be ${what}.` };
    }
    case 'minLength':
      return { message: `${where} is empty.` };
    case 'uniqueItems':
      return { message: `${where} lists the same value twice.` };
    default:
      return { message: `${where}: ${error.message ?? 'invalid'}.` };
  }
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

export function parseConfig(file: string, text: string, validator = new ConfigValidator()): ParsedConfig {
  const findings: Finding[] = [];
  const report = (range: Range, message: string, data?: Record<string, unknown>): void => {
    findings.push({
      code: INVALID_CONFIG,
      severity: 'error',
      message,
      explanation: CONFIG_IGNORED,
      file,
      range,
      ...(data ? { data } : {}),
    });
  };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) report({ start: e.pos[0], end: e.pos[1] }, `Not valid YAML: ${e.message.split('\n')[0]}`);
  const raw: unknown = doc.errors.length > 0 ? {} : (doc.toJS() ?? {});
  const whole = { start: 0, end: Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')) };
  const known = Object.keys((configSchema().properties as Record<string, unknown>) ?? {});
  const codes = CHECKS.map((c) => c.code);
  const bad = new Set<string>();
  for (const error of validator.errors(raw)) {
    const segments = pointer(error.instancePath);
    const place = at(doc.contents as Node | null, segments);
    let range = rangeOf(place.value, whole);
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const inner = at(doc.contents as Node | null, [...segments, key]);
      range = rangeOf(inner.key, range);
      bad.add(`${error.instancePath}/${key}`);
    } else bad.add(error.instancePath);
    const sectionKeys =
      error.instancePath === '/severity'
        ? codes
        : error.instancePath === '/traefik'
          ? ['version', 'staticConfig']
          : known;
    const { message, data } = describe(error, place, sectionKeys);
    report(range, message, data);
  }
  return { config: readValid(file, raw, bad), findings };
}

/** The parts of the value that passed validation (`bad` holds the failing instance paths). */
function readValid(file: string, raw: unknown, bad: Set<string>): GatewayLensConfig {
  const ok = (path: string): boolean => ![...bad].some((b) => b === path || b.startsWith(`${path}/`));
  const root = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const config: GatewayLensConfig = { file, severity: {}, files: [] };
  const severity = root.severity;
  if (typeof severity === 'object' && severity !== null && !Array.isArray(severity)) {
    for (const [code, level] of Object.entries(severity as Record<string, unknown>)) {
      if (ok(`/severity/${code}`) && (LEVELS as readonly unknown[]).includes(level))
        config.severity[code] = level as SeverityLevel;
    }
  }
  const traefik = root.traefik as Record<string, unknown> | undefined;
  if (typeof traefik === 'object' && traefik !== null && !Array.isArray(traefik)) {
    if (ok('/traefik/version') && (traefik.version === 'v2' || traefik.version === 'v3'))
      config.traefikVersion = traefik.version;
    if (ok('/traefik/staticConfig') && typeof traefik.staticConfig === 'string' && traefik.staticConfig.trim())
      config.staticConfig = traefik.staticConfig.trim();
  }
  // Lists keep their good items: an empty or repeated one is reported, the rest still count.
  config.externalMiddlewares = strings(root.externalMiddlewares);
  config.externalServices = strings(root.externalServices);
  config.files = strings(root.files) ?? [];
  if (!config.externalMiddlewares) delete config.externalMiddlewares;
  if (!config.externalServices) delete config.externalServices;
  return config;
}
