// Label values as paerser decodes them: strconv.ParseBool / ParseInt, durations as seconds or
// Go durations (parser/element_fill.go, types/duration.go), checked with the generated schemas'
// patterns. A value Traefik cannot decode fails the container's whole label decoding.
import { lookupLabelKey, type KeyLookup } from './lookup';
import { LABEL_SCHEMAS, schemaNodes, type LabelSchema, type LabelVersion } from './tree';

export interface ValueProblem {
  /** The fact and the fix, short. */
  message: string;
  /** How Traefik reads the value and what it does with this one. */
  explanation: string;
  /** Traefik accepts the value without an error but does something else than intended. */
  soft?: boolean;
  /** Decoding fails, so the provider drops the whole container. */
  drops?: boolean;
}

/** Types whose decoding fails on a bad value (strconv, time.ParseDuration in paerser). */
const DECODED = new Set(['bool', 'int', 'duration', 'int-list']);

// The value schemas are generated {type: string, pattern, enum} shapes, checked as JSON Schema
// checks them: `enum` by equality, `pattern` unanchored with Unicode semantics (ajv compiles it to
// `new RegExp(pattern, 'u')`). Each pattern of the bundled schemas (a handful: bool, int,
// duration, ...) is compiled at load and never changed; compiling them through ajv instead would
// cost some 13 ms of a cold open.
const PATTERNS: ReadonlyMap<string, RegExp> = new Map(
  schemaNodes([LABEL_SCHEMAS.v2, LABEL_SCHEMAS.v3]).flatMap((n) =>
    n.pattern === undefined ? [] : [[n.pattern, new RegExp(n.pattern, 'u')] as const],
  ),
);

function valid(schema: LabelSchema, value: string): boolean {
  if (schema.enum && !schema.enum.includes(value)) return false;
  const pattern = schema.pattern;
  return pattern === undefined || (PATTERNS.get(pattern) ?? new RegExp(pattern, 'u')).test(value);
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
  if (valid(schema, value)) return undefined;
  const soft = schema['x-soft'] === true;
  return {
    ...describeProblem(schema, value, field, consequence),
    ...(soft ? { soft } : {}),
    ...(DECODED.has(type) ? { drops: true } : {}),
  };
}

const DROPPED =
  'Traefik cannot decode it and drops the whole container: none of its routers, services and middlewares exist (paerser parser/element_fill.go)';

function describeProblem(
  schema: LabelSchema,
  value: string,
  field: string,
  dropped: string,
): { message: string; explanation: string } {
  const shown = value === '' ? 'an empty value' : `"${value}"`;
  const say = (message: string, explanation: string) => ({ message, explanation });
  switch (schema['x-type']) {
    case 'bool':
      return say(
        `${shown} is not a boolean: write true or false`,
        `Traefik reads booleans as Go's strconv.ParseBool does (true/false, also 1/0, t/f); ${dropped}.`,
      );
    case 'int':
      return say(
        `${shown} is not an integer: write a whole number`,
        `Traefik reads integers as Go's strconv.ParseInt does (a whole number such as 42); ${dropped}.`,
      );
    case 'duration':
      return say(
        `${shown} is not a duration: write seconds (10) or a Go duration (10s)`,
        `Traefik reads a duration as a number of seconds or as Go's time.ParseDuration does (10s, 1m30s, 100ms; paerser types/duration.go); ${dropped}.`,
      );
    case 'int-list': {
      const bad = value.split(',').find((item) => !/^\s*[+-]?[0-9]+\s*$/.test(item)) ?? value;
      return say(
        `"${bad.trim()}" is not an integer: ${field} is a list of whole numbers`,
        `${field} is a comma-separated list of whole numbers; ${dropped}.`,
      );
    }
    case 'port':
      // Traefik builds the server URL `http://<ip>:<port>`, which fails to parse or to dial.
      return say(
        `${shown} is not a port: write a number from 1 to 65535`,
        'Traefik builds the server URL http://<container IP>:<port> from it (pkg/provider/docker/config.go addServer), which fails to parse or to dial, so the service fails.',
      );
    case 'enable':
      return say(
        `"${value}" turns ${field} off: write true or false`,
        `Traefik enables ${field} only for "true" (any case) or an empty value; any other value reads as false.`,
      );
    case 'enum': {
      const values = (schema.enum ?? schema['x-enum'] ?? []).join(', ');
      if (schema['x-soft']) {
        return say(
          `"${value}" is not a ${field} Traefik knows: use one of ${values}`,
          `Traefik accepts ${values}; "${value}" does not fail, but ${schema['x-fallback']}.`,
        );
      }
      return say(
        `"${value}" is not a valid ${field}: use one of ${values}`,
        `Traefik accepts ${values} and fails the service with any other value.`,
      );
    }
    default:
      return say(`"${value}" is not a valid ${field}`, `Traefik cannot use "${value}" as ${field}.`);
  }
}

/** Whether Traefik can decode `value` for the label key; undefined when fine or the key is not known. */
export function validateLabelValue(
  segments: readonly string[],
  value: string,
  version: LabelVersion,
  consequence?: string,
): ValueProblem | undefined {
  return validateKnownValue(lookupLabelKey(segments, version), value, consequence);
}

/** validateLabelValue for a key already looked up. */
export function validateKnownValue(found: KeyLookup, value: string, consequence?: string): ValueProblem | undefined {
  if (found.status !== 'known' || !found.schema) return undefined;
  return checkValue(found.schema, value, fieldName(found.path!), consequence);
}

/** The last field name of a lookup path (skipping user names and list elements), for messages. */
function fieldName(path: readonly string[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (path[i] !== '*' && path[i] !== '[]') return path[i];
  return 'value';
}
