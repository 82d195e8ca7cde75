// YAML nested deeper than the parser's stack allows: compose (yaml.v3) reads up to 10000 levels,
// so this is no error of the file, but what lies below is not checked, and the user should know.
import type { Check } from './check';

export const check: Check<'nesting-too-deep'> = {
  code: 'nesting-too-deep',
  severity: 'warning',
  description: 'YAML nested deeper than Gateway Lens reads: the part below is not checked.',
  run(ctx) {
    for (const file of ctx.project.files) {
      for (const problem of file.problems) {
        if (problem.tooDeep)
          ctx.report({
            message: problem.message,
            explanation:
              'docker compose (yaml.v3) reads YAML up to 10000 levels deep, so this is no error of the file; Gateway Lens stops earlier to stay fast, and what lies below is not checked.',
            file: file.file,
            range: problem.range,
          });
      }
    }
  },
};
