// A line of an env file docker compose refuses: compose-go's dotenv parser (dotenv/parser.go
// locateKeyName, extractVarValue) stops on a character a variable name cannot hold, a name with
// a space, an unterminated quote, and expandVariables on a template that does not parse or a
// required variable (`${X:?err}`) with no value. `docker compose` then starts nothing
// ("failed to read .env"), so the finding is an error on that line of the env file.
import type { Check } from './check';

export const check: Check<'invalid-env-file'> = {
  code: 'invalid-env-file',
  severity: 'error',
  description: 'A line of the .env (or --env-file) that docker compose cannot read: it refuses to start the project.',
  run(ctx) {
    const { environment, includedEnvironments } = ctx.project;
    // An include's environment lists only its own env files: each file once.
    const dotenvs = [...environment.dotenv, ...includedEnvironments.flatMap((e) => e.dotenv)];
    for (const dotenv of new Map(dotenvs.map((d) => [d.file, d])).values()) {
      for (const p of dotenv.problems) {
        ctx.report({
          file: dotenv.file,
          range: p.range,
          message: `docker compose refuses this line: ${p.message}; ${p.fix}.`,
          explanation:
            'docker compose reads the env file before anything else (compose-go dotenv/parser.go) and stops at the ' +
            'first line it cannot parse, so no container of the project starts. The variables set above this line ' +
            'are still used to check the rest of the project; those below it are not read.',
        });
      }
    }
  },
};
