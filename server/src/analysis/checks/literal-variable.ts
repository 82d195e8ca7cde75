// Traefik reads its static configuration file as written: paerser's file loader decodes the YAML
// or TOML without expanding environment variables (traefik/paerser issue #4, "Expanding config
// files", open), so `email: ${ACME_EMAIL}` in traefik.yml is the address "${ACME_EMAIL}". Compose
// interpolates the compose file, never a file it mounts. A bare `$NAME` is judged only when the
// project sets NAME (else a `$` in a password reads as one). Not judged when Traefik's container runs
// another entrypoint (a script may render the file first, e.g. with envsubst).
import { readStaticText } from '../traefik/staticConfig';
import type { Project } from '../project';
import type { Check } from './check';

export const check: Check<'literal-variable'> = {
  code: 'literal-variable',
  severity: 'warning',
  description:
    "A `${VAR}` in Traefik's static configuration file: Traefik does not expand variables there and reads the text as written.",
  run(ctx) {
    const { project } = ctx;
    // A script of the container (launch.ts) may render the file before Traefik reads it.
    if (project.staticConfig.from !== 'file' || project.staticConfig.script) return;
    for (const file of project.staticFiles) {
      for (const setting of readStaticText(file.file, file.text).settings) {
        if (setting.value === undefined || !setting.valueRange) continue;
        const written = file.text.slice(setting.valueRange.start, setting.valueRange.end);
        for (const m of written.matchAll(VARIABLE)) {
          const name = m[1] ?? m[2];
          // A bare `$NAME` the project sets nowhere is more likely a `$` in a secret (`Sup3r$ECRET`).
          if (m[2] !== undefined && !projectSets(project, name)) continue;
          const key = setting.path.map((p) => p.text).join('.');
          const start = setting.valueRange.start + m.index!;
          ctx.report({
            file: file.file,
            range: { start, end: start + m[0].length },
            message: `Traefik does not expand ${m[0]} in its static configuration: ${key} is "${setting.value}" as written`,
            explanation:
              `Traefik decodes ${file.file.replace(/^.*\//, '')} as it is (paerser's file loader expands no environment variables), ` +
              `and compose interpolates only the compose file, not the files it mounts. Write the value in the file; or give ` +
              `Traefik its whole static configuration as flags in the service's command (--${key.toLowerCase()}=\${${name}}), ` +
              `which compose interpolates: with a configuration file Traefik reads no flags (one source only).`,
            data: { name },
          });
        }
      }
    }
  },
};

/**
 * Whether the project sets the variable: an env file compose reads (`.env`, --env-file), or the
 * Traefik service's `environment:` / `env_file:`. The shell is not the project's.
 */
function projectSets(project: Project, name: string): boolean {
  return (
    (project.staticConfig.containerVariables?.includes(name) ?? false) ||
    typeof project.environment.origin(name) === 'object'
  );
}

/** `${NAME}`, `${NAME:-default}` and `$NAME` in upper case (a lower-case `$apr1$` is a hash). */
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?+][^}]*)?\}|\$([A-Z_][A-Z0-9_]+)\b/g;
