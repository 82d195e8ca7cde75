// A started service that `depends_on` a service the active profiles leave out: compose refuses the
// whole project, "service "app" depends on undefined service "traefik"" (compose-go
// loader/validate.go checkConsistency, run on the services WithProfiles enabled, before any
// target given to `docker compose up` is enabled; docker/compose pkg/compose/loader.go). Only a
// long-form `required: false` lets it pass. depends_on merges by service name over the parts of
// a service (compose-go override/merge.go mergeDependsOn; extends merges it too), a later part's
// entry replacing an earlier one's.
import type { DependencyRef } from '../model';
import type { LoadProblem, ServiceGroup } from './load';

export function inactiveDependencies(services: readonly ServiceGroup[]): LoadProblem[] {
  const byName = new Map(services.map((g) => [g.name, g]));
  // One problem per entry: a base's entry that services extending it inherit names them all.
  const found = new Map<string, { ref: DependencyRef; file: string; target: ServiceGroup; by: string[] }>();
  for (const g of services) {
    if (!g.started) continue;
    const entries = new Map<string, { ref: DependencyRef; file: string }>();
    for (const part of g.parts) for (const ref of part.dependsOn) entries.set(ref.value, { ref, file: part.file });
    for (const { ref, file } of entries.values()) {
      const target = byName.get(ref.value);
      // Undefined altogether is left to the file's own reading (a partial file given alone).
      if (!target || target.started || ref.optional) continue;
      const key = `${file}|${ref.range.start}`;
      const seen = found.get(key);
      if (seen) seen.by.push(g.name);
      else found.set(key, { ref, file, target, by: [g.name] });
    }
  }
  return [...found.values()].map(({ ref, file, target, by }) => {
    const profiles = target.profiles;
    const fix =
      profiles.length === 1
        ? `activate profile "${profiles[0]}"`
        : `activate one of the profiles ${profiles.map((p) => `"${p}"`).join(', ')}`;
    return {
      code: 'inactive-dependency',
      file,
      range: ref.range,
      message: `${by.join(', ')} depend${by.length === 1 ? 's' : ''} on "${ref.value}", which no active profile starts: ${fix} (--profile, COMPOSE_PROFILES), or write required: false`,
      related: [
        {
          file: target.main.file,
          range: target.main.profiles[0]?.range ?? target.main.nameRange,
          message: `the profiles of "${ref.value}"`,
        },
      ],
      note: `compose stops with "service "${by[0]}" depends on undefined service "${ref.value}"". Gateway Lens takes the active profiles from --profile (the editor's gatewayLens.compose.profiles), else COMPOSE_PROFILES; a target given to docker compose up does not help, the project is checked before it.`,
    };
  });
}
