// The checks that report what the project loader found compose refusing (compose/project/load.ts):
// each code's findings are the loader's problems with that code, on the text that causes them.
import type { LoadCode } from '../compose/project';
import type { Check } from './check';

/** What every one of these costs: compose refuses the project, so Traefik sees none of it. */
const REFUSED =
  'docker compose refuses to load the project, so none of its containers starts and Traefik routes nothing from it. The rest of the project is still checked here.';

/** `why`: compose's own words for the refusal, with the spec section or compose-go file that says so. */
export function loadCheck<C extends LoadCode>(code: C, description: string, why: string): Check<C> {
  return {
    code,
    severity: 'error',
    description,
    run(ctx) {
      for (const p of ctx.project.load.problems) {
        if (p.code === code)
          ctx.report({
            message: p.message,
            explanation: `${why} ${REFUSED}${p.note ? ` ${p.note}` : ''}`,
            file: p.file,
            range: p.range,
            related: p.related,
            ...(p.severity ? { severity: p.severity } : {}),
          });
      }
    },
  };
}
