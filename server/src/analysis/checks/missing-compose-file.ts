// compose refuses a project whose `include:` or `extends: file:` names a file that does not exist
// (compose spec 14-include.md; 05-services.md extends: "The Compose file denoted by file is not found").
import { loadCheck } from './load-problem';

export const check = loadCheck(
  'missing-compose-file',
  'An include or extends names a compose file that does not exist: docker compose refuses the project.',
  "Relative paths resolve from the project directory (inside an extended file, from that file's folder); compose stops when an included or extended file is not found (compose spec 14-include.md, 05-services.md extends).",
);
