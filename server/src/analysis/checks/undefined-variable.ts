// A `${VAR}` in a Traefik label that neither the project's .env nor the environment sets, with
// no default: compose substitutes an empty string and warns "The VAR variable is not set.
// Defaulting to a blank string." (compose-go template/template.go; the compose spec's
// 12-interpolation.md). `${VAR?err}` / `${VAR:?err}` stop compose instead: required-variable.
import { eatenDollars } from '../compose/dollars';
import { writtenRange } from '../compose/interpolated';
import { isTraefikKey } from '../traefik/containers';
import type { Check } from './check';

export const check: Check<'undefined-variable'> = {
  code: 'undefined-variable',
  severity: 'warning',
  description:
    "A `${VAR}` in a Traefik label that the project's .env does not set and that has no default: compose substitutes an empty string.",
  container(container, ctx) {
    const env = ctx.project.environment;
    // Without a .env the project's variables come from somewhere Gateway Lens cannot see.
    const dotenv = env.dotenv[env.dotenv.length - 1];
    if (!env.complete || !dotenv) return;
    for (const part of container.composeParts) {
      for (const label of part.labels) {
        const i = label.interpolation;
        if (!i || !isTraefikKey(label.key)) continue;
        const eaten = new Set(eatenDollars(label));
        for (const use of i.result.unresolved) {
          // A required one makes compose refuse the project: required-variable's.
          if (eaten.has(use) || use.operator === '?' || use.operator === ':?') continue;
          const becomes = `compose substitutes an empty string, so Traefik reads "${i.result.value}".`;
          ctx.report({
            file: label.file,
            range: writtenRange(label, use.range),
            message: `${use.name} is not set in .env and has no default: set it or write \${${use.name}:-value}`,
            explanation:
              `${becomes} Gateway Lens reads the project's .env (and, on the command line, the environment it runs in); ` +
              `a variable set only in the shell that runs docker compose is not seen here. Set ${use.name} in .env, ` +
              `or give a default: \${${use.name}:-value}.`,
            related: [{ file: dotenv.file, range: { start: 0, end: 0 }, message: 'the .env compose reads' }],
            data: { variable: use.name, value: i.result.value },
          });
        }
      }
    }
  },
};
