// A suppression comment that covers no finding hides nothing today but will hide a real one
// tomorrow (eslint's --report-unused-disable-directives); an unknown code in one is a typo.
// Made by analysis/suppress after every other check has run, so it has no run of its own.
import type { Check } from './check';

export const check: Check<'unused-suppression'> = {
  code: 'unused-suppression',
  severity: 'info',
  description:
    'A `# gateway-lens-disable...` comment that suppresses nothing: no such finding where it points, an unknown code, or no code at all.',
};
