// A `${VAR}` in a Traefik label (its value, or a list-form label's key) that neither the project's .env nor the environment sets, with
// no default: compose substitutes an empty string and warns "The VAR variable is not set.
// Defaulting to a blank string." (compose-go template/template.go; the compose spec's
// 12-interpolation.md). `${VAR?err}` / `${VAR:?err}` stop compose instead: required-variable.
import { eatenDollars } from '../compose/dollars';
import { writtenRange } from '../compose/interpolated';
import { interpolate, type VariableUse } from '../compose/env/interpolate';
import type { Label } from '../compose/model';
import { isTraefikKey, labelsTraefikReads } from '../traefik/containers';
import type { Range } from '../types';
import type { Check } from './check';

export const check: Check<'undefined-variable'> = {
  code: 'undefined-variable',
  severity: 'warning',
  description:
    "A `${VAR}` in a Traefik label that the project's .env does not set and that has no default: compose substitutes an empty string.",
  container(container, ctx) {
    const { project } = ctx;
    const env = project.environment;
    // Without a .env the project's variables come from somewhere Gateway Lens cannot see.
    const dotenv = env.dotenv[env.dotenv.length - 1];
    if (!env.complete || !dotenv) return;
    const report = (label: Label, use: VariableUse, range: Range, becomes: string, value: string): void => {
      // A required one makes compose refuse the project: required-variable's.
      if (use.operator === '?' || use.operator === ':?') return;
      ctx.report({
        file: label.file,
        range,
        message: `${use.name} is not set in .env and has no default: set it or write \${${use.name}:-value}`,
        explanation:
          `compose substitutes an empty string, so Traefik reads ${becomes}. Gateway Lens reads the project's .env (and, on the command line, the environment it runs in); ` +
          `a variable set only in the shell that runs docker compose is not seen here. Set ${use.name} in .env, ` +
          `or give a default: \${${use.name}:-value}.`,
        related: [{ file: dotenv.file, range: { start: 0, end: 0 }, message: 'the .env compose reads' }],
        data: { variable: use.name, value },
      });
    };
    for (const part of container.composeParts) {
      // Under traefik.enable=false no Traefik reads the labels: what compose leaves empty is moot.
      for (const label of labelsTraefikReads(part.labels)) {
        // A list-form label is one string compose interpolates whole, its key too (compose/interpolated.ts).
        const key = label.form === 'list' && !label.keyInterpolation && label.key.includes('$') ? label.key : undefined;
        if (key !== undefined && isTraefikKey(key)) {
          const result = interpolate(key, (project.load.environmentOf(label.file) ?? env).lookup);
          const text = project.files.find((f) => f.file === label.file)?.text;
          const exact = label.exact && text?.slice(label.keyRange.start, label.keyRange.end) === key;
          for (const use of result.unresolved) {
            const range = exact
              ? { start: label.keyRange.start + use.range.start, end: label.keyRange.start + use.range.end }
              : label.keyRange;
            report(label, use, range, `the label "${result.value}"`, result.value);
          }
        }
        const i = label.interpolation;
        if (!i || !isTraefikKey(label.key)) continue;
        const eaten = new Set(eatenDollars(label));
        for (const use of i.result.unresolved) {
          if (eaten.has(use)) continue;
          report(label, use, writtenRange(label, use.range), `"${i.result.value}"`, i.result.value);
        }
      }
    }
  },
};
