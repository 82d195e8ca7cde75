// Traefik never sees a compose file docker compose cannot parse; every other check runs on what did parse.
import type { Check } from './check';

export const check: Check = {
  code: 'yaml-syntax',
  severity: 'error',
  description: 'The compose file is not valid YAML.',
  run(ctx) {
    for (const file of ctx.project.files) {
      for (const problem of file.problems) {
        if (problem.tooDeep) continue;
        ctx.report({ message: problem.message, file: file.file, range: problem.range, severity: problem.severity });
      }
    }
  },
};
