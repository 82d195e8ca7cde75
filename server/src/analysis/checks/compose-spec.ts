// docker compose validates every file against the Compose Specification's JSON schema and refuses
// one that fails (compose-go loader/loader.go schema.Validate, schema/compose-spec.json): then no
// container starts and Traefik sees none of its labels. The problems are found while parsing
// (compose/spec.ts), per service and for the top-level keys.
import type { Check } from './check';

export const check: Check = {
  code: 'compose-spec',
  severity: 'error',
  description:
    "A key or value the Compose Specification's schema rejects: docker compose refuses the file. Interpolated values are left to compose.",
  service(service, { report }) {
    for (const p of service.spec) report({ ...p, file: service.file });
  },
  run({ project, report }) {
    for (const file of project.files) for (const p of file.spec ?? []) report({ ...p, file: file.file });
  },
};
