// compose refuses a project where a started service depends_on one the active profiles leave out
// (compose-go loader/validate.go checkConsistency: "depends on undefined service"), unless the
// entry says required: false (compose spec 05-services.md depends_on, 15-profiles.md).
import { loadCheck } from './load-problem';

export const check = loadCheck(
  'inactive-dependency',
  'A started service depends_on a service no active profile starts: docker compose refuses the project.',
  'compose-go loader/validate.go checkConsistency refuses a required dependency on a service its profiles disable (compose spec 15-profiles.md).',
);
