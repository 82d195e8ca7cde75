// The checks that report what the project loader found compose refusing (compose/project/load.ts):
// each code's findings are the loader's problems with that code, on the text that causes them.
import type { LoadCode } from '../compose/project';
import type { Check } from './check';

export function loadCheck(code: LoadCode, description: string): Check {
  return {
    code,
    severity: 'error',
    description,
    run(ctx) {
      for (const p of ctx.project.load.problems) {
        if (p.code === code) ctx.report({ message: p.message, file: p.file, range: p.range, related: p.related });
      }
    },
  };
}
