// The Traefik major version a project is judged for, as one fact: the version assumed and why.
// Labels, rules and static options differ between v2 and v3 (Traefik's
// docs/content/migration/v2-to-v3.md), so a project whose Traefik runs elsewhere must not be judged
// as v3 by default: when nothing says which major runs, the version is `unknown` and checks say
// what holds in each (see checks/versions.ts).
import { hasInterpolation } from '../compose/labels';
import type { MajorVersion } from './static';
import type { MajorKeys } from './staticConfig/majorKeys';
import { imageVersion, type TraefikService } from './staticConfig/service';

export type VersionSource = 'setting' | 'image' | 'static' | 'workspace' | 'unknown';

export interface VersionFact {
  /** The version the project is judged for; v3 (today's `latest`) when unknown. */
  assumed: MajorVersion;
  /** Where it comes from; `unknown` when nothing in the project says. */
  source: VersionSource;
  /** Why, in a few words: "image traefik:v2.11 (service traefik)". */
  why: string;
}

export interface VersionInput {
  /** Forced by a setting, the config file or a command-line flag. */
  forced?: { version: MajorVersion; by: string };
  /** The Traefik service, its image interpolated with the project's environment. */
  service?: TraefikService;
  /** Keys of the static configuration in effect that only one major accepts (staticConfig/majorKeys.ts). */
  staticKeys?: () => MajorKeys;
  /** A Traefik service elsewhere in the workspace (another compose project), when one says. */
  workspace?: { version: MajorVersion; why: string };
}

const UNKNOWN_BY_DEFAULT: MajorVersion = 'v3';

export function traefikVersion(input: VersionInput): VersionFact {
  if (input.forced) return { assumed: input.forced.version, source: 'setting', why: `set by ${input.forced.by}` };
  const fromImage = input.service?.image ? imageFact(input.service) : undefined;
  if (fromImage && 'version' in fromImage) return fromImage.version;
  // v3 does not start with the v2 options it removed: a configuration holding some, and nothing
  // only v3 accepts, runs on v2 (an image this project builds or pulls from a registry of its own).
  const keys = input.staticKeys?.();
  if (keys && keys.v2.length > 0 && keys.v3.length === 0) {
    const more = keys.v2.length > 1 ? ` and ${keys.v2.length - 1} more` : '';
    return {
      assumed: 'v2',
      source: 'static',
      why: `the static configuration uses ${keys.v2[0]}${more}, which v3 removed`,
    };
  }
  if (input.workspace) {
    return { assumed: input.workspace.version, source: 'workspace', why: input.workspace.why };
  }
  const why = fromImage?.unknown ?? 'no Traefik image in this project';
  return { assumed: UNKNOWN_BY_DEFAULT, source: 'unknown', why };
}

/** The version an image names, or why it names none. */
function imageFact(service: TraefikService): { version: VersionFact } | { unknown: string } {
  const image = service.image!.value.trim();
  const written = service.imageWritten?.trim() ?? image;
  const shown = service.baked
    ? `FROM ${written} (the Dockerfile of service ${service.name})`
    : `image ${written} (service ${service.name})`;
  // Still a variable after the project's interpolation (compose spec 12-interpolation.md): it
  // has no value or default here, and may be set in the shell that runs compose.
  if (hasInterpolation(image)) return { unknown: `${shown}: its tag is a variable with no value` };
  const via = image === written ? '' : ` = ${image}`;
  const major = imageVersion(image);
  if (major === 'v1') return { unknown: `${shown}${via} is Traefik v1` };
  if (major) return { version: { assumed: major, source: 'image', why: `${shown}${via}` } };
  if (/@sha256:/i.test(image) && !tagOf(image)) return { unknown: `${shown}: a digest names no version` };
  return { unknown: `${shown}${via}: the tag names no major version` };
}

function tagOf(image: string): string {
  const ref = image.split('@')[0];
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : '';
}

/** The major a Traefik image names in another project of the workspace folder, and where that project is. */
export interface VersionElsewhere {
  version: MajorVersion;
  /** Why: "image traefik:v3.1 (service traefik)". */
  why: string;
  /** The other project's directory, as shown: "traefik" ('.' for the folder itself). */
  where: string;
}

/**
 * The version a project with no Traefik of its own is judged for from the Traefiks of the other
 * projects of its workspace folder (one Docker host): the major they all name, else none. The
 * editor (projects.ts) and `check` (cli/elsewhere.ts) both ask this, so they judge alike.
 */
export function workspaceVersion(others: VersionElsewhere[]): { version: MajorVersion; why: string } | undefined {
  const majors = new Set(others.map((o) => o.version));
  if (majors.size !== 1) return undefined;
  const [{ version, why, where }] = others;
  return { version, why: `${why} in ${where}/${others.length > 1 ? ` and ${others.length - 1} more` : ''}` };
}
