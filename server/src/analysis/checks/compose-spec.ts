// docker compose validates every file against the Compose Specification's JSON schema and refuses
// one that fails (compose-go loader/loader.go schema.Validate, schema/compose-spec.json): then no
// container starts and Traefik sees none of its labels. The problems are found while parsing
// (compose/spec.ts), per service and for the top-level keys.
import type { Check, Report } from './check';
import type { SpecProblem } from '../compose/spec';
import type { ComposeService } from '../compose/model';
import { judgedServices, type Project } from '../project';

/** What compose does with a file its schema rejects (an empty value it may read leniently). */
function explained(p: SpecProblem, file: string): Report<'compose-spec'> {
  const explanation = p.explanation
    ? p.explanation
    : p.severity === 'error'
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
    for (const p of service.spec) if (!p.empty) report(explained(p, service.file));
  },
  run({ project, report }) {
    for (const file of project.files) for (const p of file.spec ?? []) report(explained(p, file.file));
    const first = firstParts(project);
    for (const service of judgedServices(project))
      for (const p of service.spec)
        if (p.empty)
          report(explained(refused(service, p.empty, first) ? { ...p, severity: 'error' } : p, service.file));
  },
};

/**
 * An empty service key is kept as null when no file merged before gives that key (compose-go
 * override/merge.go MergeYaml keeps the earlier value only when there is one; fixEmptyNotNull
 * fixes only `[]`), and schema.Validate then refuses it: `services.x.ports must be a array`. Sure
 * only in the first file defining the service, and without `extends` (whose base may give it).
 */
function refused(service: ComposeService, key: string, first: Set<ComposeService>): boolean {
  return first.has(service) && !service.extends && key !== 'extends';
}

/** Each service as the first of the project's files that defines it writes it. */
function firstParts(project: Project): Set<ComposeService> {
  const seen = new Set<string>();
  const out = new Set<ComposeService>();
  for (const file of project.files)
    for (const service of file.services) {
      if (!seen.has(service.name)) out.add(service);
      seen.add(service.name);
    }
  return out;
}
