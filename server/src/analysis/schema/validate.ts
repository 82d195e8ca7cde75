// Label values as paerser decodes them: strconv.ParseBool / ParseInt, durations as seconds or
// Go durations (parser/element_fill.go, types/duration.go), checked with the generated schemas'
// patterns through ajv. A value Traefik cannot decode fails the container's whole label decoding.
import Ajv, { ValidateFunction } from 'ajv';
import { lookupLabelKey } from './lookup';
import type { LabelSchema, LabelVersion } from './tree';

export interface ValueProblem {
  message: string;
  /** Traefik accepts the value without an error but does something else than intended. */
  soft?: boolean;
  /** Decoding fails, so the provider drops the whole container. */
  drops?: boolean;
}

/** Types whose decoding fails on a bad value (strconv, time.ParseDuration in paerser). */
const DECODED = new Set(['bool', 'int', 'duration', 'int-list']);

// The value schemas are generated {type, pattern, enum} shapes: checking them against JSON
// Schema's meta-schema would compile that meta-schema on the first label (~40 ms of a cold open).
const ajv = new Ajv({ strict: true, validateSchema: false });
// Few distinct value schemas exist (bool, int, duration, a handful of enums): one validator each,
// compiled on first use and then found by schema object.
const byShape = new Map<string, ValidateFunction>();
const bySchema = new WeakMap<LabelSchema, ValidateFunction>();

function validatorFor(schema: LabelSchema): ValidateFunction {
  let validate = bySchema.get(schema);
  if (!validate) {
    const shape = JSON.stringify({ type: 'string', pattern: schema.pattern, enum: schema.enum });
    validate = byShape.get(shape) ?? ajv.compile(JSON.parse(shape) as object);
    byShape.set(shape, validate);
    bySchema.set(schema, validate);
  }
  return validate;
}

// Traefik reads an empty string, list or enum as "not set".
const EMPTY_IS_UNSET = new Set(['string', 'list', 'int-list', 'enum', 'enable', 'port']);

/** The problem with a value for a field of the given schema, if any. `field` names it in messages. */
export function checkValue(
  schema: LabelSchema,
  value: string,
  field: string,
  consequence = DROPPED,
): ValueProblem | undefined {
  const type = schema['x-type'] ?? 'string';
  if (value === '' && EMPTY_IS_UNSET.has(type)) return undefined;
  if (validatorFor(schema)(value)) return undefined;
  const soft = schema['x-soft'] === true;
  return {
    message: describeProblem(schema, value, field, consequence),
    ...(soft ? { soft } : {}),
    ...(DECODED.has(type) ? { drops: true } : {}),
  };
}

const DROPPED = 'Traefik cannot decode it and drops the whole container';

function describeProblem(schema: LabelSchema, value: string, field: string, dropped: string): string {
  const shown = value === '' ? 'An empty value' : `"${value}"`;
  switch (schema['x-type']) {
    case 'bool':
      return `${shown} is not a boolean; Traefik accepts true/false (also 1/0, t/f). ${dropped}.`;
    case 'int':
      return `${shown} is not an integer; Traefik expects a whole number such as 42. ${dropped}.`;
    case 'duration':
      return `${shown} is not a duration; Traefik accepts seconds (10) or a Go duration (10s, 1m30s, 100ms). ${dropped}.`;
    case 'int-list': {
      const bad = value.split(',').find((item) => !/^\s*[+-]?[0-9]+\s*$/.test(item)) ?? value;
      return `"${bad.trim()}" is not an integer; ${field} is a comma-separated list of whole numbers. ${dropped}.`;
    }
    case 'port':
      // Traefik builds the server URL `http://<ip>:<port>`, which fails to parse or to dial.
      return `${shown} is not a port (1 to 65535): Traefik cannot build the server URL and fails the service.`;
    case 'enable':
      return `"${value}" turns ${field} off: Traefik enables it only for "true" (any case) or an empty value; write true or false.`;
    case 'enum': {
      const values = (schema.enum ?? schema['x-enum'] ?? []).join(', ');
      if (schema['x-soft']) {
        return `"${value}" is not a ${field} Traefik knows (${values}); it does not fail but ${schema['x-fallback']}.`;
      }
      return `"${value}" is not a valid ${field}; Traefik accepts ${values} and fails the service with any other value.`;
    }
    default:
      return `"${value}" is not a valid ${field}.`;
  }
}

/** Whether Traefik can decode `value` for the label key; undefined when fine or the key is not known. */
export function validateLabelValue(
  segments: readonly string[],
  value: string,
  version: LabelVersion,
  consequence?: string,
): ValueProblem | undefined {
  const found = lookupLabelKey(segments, version);
  if (found.status !== 'known' || !found.schema) return undefined;
  return checkValue(found.schema, value, fieldName(found.path!), consequence);
}

/** The last field name of a lookup path (skipping user names and list elements), for messages. */
function fieldName(path: readonly string[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (path[i] !== '*' && path[i] !== '[]') return path[i];
  return 'value';
}
