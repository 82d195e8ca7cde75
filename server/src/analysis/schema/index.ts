// Traefik's docker label keys and values, from the generated schemas (schemas/*.json):
// key lookup with suggestions, the fields below a key, and value validation.
export type { LabelSchema, LabelVersion, ValueType } from './tree';
export { CUSTOM_KEYWORDS, LABEL_SCHEMAS } from './tree';
export type { KeyLookup, KeyProblem } from './lookup';
export { childKeys, isDecoded, lookupKeyPrefix, lookupLabelKey } from './lookup';
export { LabelKeys } from './labelKeys';
export type { ValueProblem } from './validate';
export { checkValue, validateKnownValue, validateLabelValue } from './validate';
