// docker compose validates every file against the Compose Specification's JSON schema and refuses
// one that fails (compose-go loader/loader.go schema.Validate, schema/compose-spec.json): then no
// container starts and Traefik sees none of its labels. The problems are found while parsing
// (compose/spec.ts), per service and for the top-level keys.
import type { Check, Report } from './check';
import type { SpecProblem } from '../compose/spec';

/** What compose does with a file its schema rejects (an empty value it may read leniently). */
function explained(p: SpecProblem, file: string): Report<'compose-spec'> {
  const explanation =
    p.severity === 'error'
      ? "docker compose validates every file against the Compose Specification's JSON schema and refuses one that fails (compose-go loader/loader.go): no container of the project starts, and Traefik sees none of its labels."
      : "docker compose validates files against the Compose Specification's JSON schema (compose-go loader/loader.go); this value may be read leniently, or refused.";
  return { ...p, file, explanation };
}

export const check: Check<'compose-spec'> = {
  code: 'compose-spec',
  severity: 'error',
  description:
    "A key or value the Compose Specification's schema rejects: docker compose refuses the file. Interpolated values are left to compose.",
  service(service, { report }) {
    for (const p of service.spec) report(explained(p, service.file));
  },
  run({ project, report }) {
    for (const file of project.files) for (const p of file.spec ?? []) report(explained(p, file.file));
  },
};
