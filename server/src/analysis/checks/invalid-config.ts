// A .gateway-lens.yaml that is not what its schema says would silently not do what its author
// meant (a misspelt code stays at its default severity): each problem is reported on its key.
// Made by analysis/config when the file is read, so it has no run of its own.
import type { Check } from './check';

export const check: Check<'invalid-config'> = {
  code: 'invalid-config',
  severity: 'error',
  description:
    'The .gateway-lens.yaml config file is not valid: bad YAML, an unknown key or code, or a value of the wrong kind. The rest of the file still applies.',
};
