// Which services compose starts (compose spec 15-profiles.md): a service without `profiles` always
// runs; one with profiles only when one of them is active. The active profiles are the ones given
// (`--profile`, the editor's gatewayLens.compose.profiles), else COMPOSE_PROFILES, comma-separated
// (compose-go cli.WithDefaultProfiles); `*` activates every profile (types.Project.WithProfiles).
import type { Lookup } from '../env';

export function activeProfiles(given: readonly string[] | undefined, env?: Lookup): string[] {
  const list = given && given.length > 0 ? [...given] : (env?.('COMPOSE_PROFILES') ?? '').split(',');
  return [...new Set(list.map((p) => p.trim()).filter((p) => p !== ''))];
}

/** Whether a service with these profiles is started. */
export function isStarted(profiles: readonly string[], active: readonly string[]): boolean {
  return profiles.length === 0 || active.includes('*') || profiles.some((p) => active.includes(p));
}
