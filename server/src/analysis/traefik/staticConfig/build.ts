// Turns the settings of one static configuration source into what the label checks need, with
// Traefik's defaults (pkg/config/static/static_config.go SetEffectiveConfiguration,
// pkg/provider/docker/pdocker.go SetDefaults, static_config.go API.SetDefaults).
import { parseBool } from '../values';
import type {
  AcmeChallenges,
  CertResolver,
  DockerProviderConfig,
  EntryPoint,
  Origin,
  RuleSyntax,
  StaticConfig,
} from '../static';
import type { Range } from '../../types';
import type { Setting } from './setting';

export interface BuildOptions {
  /**
   * Flags merge keys that differ only in case (paerser parser/labels_decode.go containsNode), so
   * `--entrypoints.Web.*` and `--entrypoints.web.*` are one entry point; a file keeps them apart
   * (file/raw_node.go decodeRaw).
   */
  mergeNameCase: boolean;
  /** Traefik v2 (known): v3 has no `swarmMode` and a `providers.swarm` of its own. */
  v2: boolean;
  /** `providers.docker.swarmMode` makes the docker provider read Swarm services: v2, or a version not known. */
  swarmMode: boolean;
}

type Built = Pick<
  StaticConfig,
  | 'entryPoints'
  | 'entryPointsKnown'
  | 'certResolvers'
  | 'docker'
  | 'swarm'
  | 'fileProvider'
  | 'fileProviderPaths'
  | 'defaultRuleSyntax'
  | 'api'
  | 'ping'
>;

const lower = (s: Setting, i: number): string | undefined => s.path[i]?.text.toLowerCase();

/** Settings under a path (compared ignoring case), with the path cut off. */
function under(settings: Setting[], ...path: string[]): Setting[] {
  return settings
    .filter((s) => s.path.length >= path.length && path.every((p, i) => lower(s, i) === p))
    .map((s) => ({ ...s, path: s.path.slice(path.length) }));
}

/** The last value written for a key directly under the settings' root. */
function value(settings: Setting[], key: string): Setting | undefined {
  return settings.filter((s) => s.path.length === 1 && lower(s, 0) === key && s.value !== undefined).pop();
}

/** A bool setting: undefined when absent, 'unknown' when it is a compose variable or not a bool. */
function bool(setting: Setting | undefined): boolean | 'unknown' | undefined {
  if (!setting || setting.value === undefined) return undefined;
  if (setting.interpolated) return 'unknown';
  return parseBool(setting.value) ?? 'unknown';
}

/**
 * Whether a pointer section (`--api`, `providers.docker`) exists: any key under it creates it, and
 * a value on the section itself other than "true" disables it (paerser nodes_metadata.go allowEmpty).
 */
function present(all: Setting[], path: string[]): 'yes' | 'no' | 'unknown' {
  const own = all.filter((s) => s.path.length === path.length && path.every((p, i) => lower(s, i) === p));
  const self = own.filter((s) => s.value !== undefined).pop();
  if (self && self.interpolated) return 'unknown';
  if (self && self.value!.toLowerCase() !== 'true') return 'no';
  return own.length > 0 || under(all, ...path).length > 0 ? 'yes' : 'no';
}

/** True or a compose variable that may be true (so an entry point is assumed, not reported missing). */
function maybe(b: boolean | 'unknown' | undefined): boolean {
  return b === true || b === 'unknown';
}

/** providers.file.filename and .directory (the file provider reads the directory when both are set). */
function fileProviderPaths(fields: Setting[]): StaticConfig['fileProviderPaths'] {
  const out: NonNullable<StaticConfig['fileProviderPaths']> = {};
  for (const key of ['filename', 'directory'] as const) {
    const s = value(fields, key);
    if (s?.value) out[key] = { value: s.value, interpolated: s.interpolated, origin: originOf(s, s.path.length - 1) };
  }
  return out;
}

function originOf(s: Setting, index: number): Origin {
  return { file: s.file, range: s.path[index].range };
}

export function buildStatic(settings: Setting[], options: BuildOptions): Built {
  const { entryPoints, known } = readEntryPoints(settings, options);
  const built: Built = {
    entryPoints,
    entryPointsKnown: known,
    certResolvers: readCertResolvers(settings, options),
    fileProvider: present(settings, ['providers', 'file']) !== 'no',
  };
  if (built.fileProvider) built.fileProviderPaths = fileProviderPaths(under(settings, 'providers', 'file'));
  const docker = provider(settings, 'docker');
  if (docker && options.swarmMode && bool(value(under(settings, 'providers', 'docker'), 'swarmmode')) === true) {
    built.swarm = { ...docker, swarmMode: true };
  } else {
    built.docker = docker;
    if (!options.v2) built.swarm = provider(settings, 'swarm');
  }
  const syntax = value(under(settings, 'core'), 'defaultrulesyntax')?.value;
  if (syntax === 'v2' || syntax === 'v3') built.defaultRuleSyntax = syntax as RuleSyntax;
  if (present(settings, ['api']) !== 'no') {
    const fields = under(settings, 'api');
    // API.SetDefaults: the dashboard is on unless turned off.
    built.api = {
      insecure: maybe(bool(value(fields, 'insecure'))),
      dashboard: bool(value(fields, 'dashboard')) !== false,
    };
  }
  if (present(settings, ['ping']) === 'yes') {
    const fields = under(settings, 'ping');
    const ep = value(fields, 'entrypoint');
    // Ping.SetDefaults: entry point `traefik`; manualRouting leaves the router to the user.
    if (bool(value(fields, 'manualrouting')) !== true && !ep?.interpolated)
      built.ping = { entryPoint: ep?.value ?? 'traefik' };
  }
  addImplicitEntryPoints(settings, built);
  return built;
}

function provider(settings: Setting[], name: 'docker' | 'swarm'): DockerProviderConfig | undefined {
  const enabled = present(settings, ['providers', name]);
  if (enabled === 'no') return undefined;
  const own = settings.find((s) => lower(s, 0) === 'providers' && lower(s, 1) === name)!;
  const fields = under(settings, 'providers', name);
  const exposed = bool(value(fields, 'exposedbydefault'));
  const config: DockerProviderConfig = { exposedByDefault: exposed !== false, origin: originOf(own, 1) };
  // `--providers.docker=${VAR}` may turn the provider off: then nothing of its config is certain.
  if (exposed === 'unknown' || enabled === 'unknown') config.exposedByDefaultUnknown = true;
  for (const key of ['network', 'defaultRule', 'constraints'] as const) {
    const v = value(fields, key.toLowerCase());
    // An interpolated constraint expression is not known: no container is judged pruned by it.
    if (v && !(key === 'constraints' && v.interpolated)) config[key] = v.value;
    if (v && key === 'network') config.networkOrigin = originOf(v, 0);
    if (v && key === 'defaultRule')
      config.defaultRuleAt = {
        origin: v.valueRange ? { file: v.file, range: v.valueRange } : originOf(v, v.path.length - 1),
        ...(v.interpolated ? { interpolated: true as const } : {}),
      };
  }
  const allowEmpty = bool(value(fields, 'allowemptyservices'));
  if (typeof allowEmpty === 'boolean') config.allowEmptyServices = allowEmpty;
  return config;
}

function readEntryPoints(
  settings: Setting[],
  options: BuildOptions,
): { entryPoints: Map<string, EntryPoint>; known: boolean } {
  const groups = new Map<string, Setting[]>();
  let known = true;
  for (const s of settings) {
    if (lower(s, 0) !== 'entrypoints' || s.path.length < 2) continue;
    const name = s.path[1].text;
    if (name.includes('$')) known = false;
    const id = options.mergeNameCase ? name.toLowerCase() : name;
    const group = groups.get(id);
    if (group) group.push(s);
    else groups.set(id, [s]);
  }
  const entryPoints = new Map<string, EntryPoint>();
  for (const group of groups.values()) {
    // paerser sorts the keys and names a merged node after the first one.
    const first = [...group].sort((a, b) => (joined(a) < joined(b) ? -1 : joined(a) > joined(b) ? 1 : 0))[0];
    const name = first.path[1].text;
    const fields = group.map((s) => ({ ...s, path: s.path.slice(2) }));
    const address = value(fields, 'address');
    const asDefault = bool(value(fields, 'asdefault'));
    const at = address ? group[fields.indexOf(address)] : group[0];
    const ep: EntryPoint = { name, origin: originOf(at, 1) };
    if (address) ep.address = address.value;
    if (asDefault === true) ep.asDefault = true;
    const redirect = under(fields, 'http', 'redirections', 'entrypoint');
    const to = value(redirect, 'to');
    if (to && !to.interpolated) {
      const scheme = value(redirect, 'scheme');
      const priority = value(redirect, 'priority');
      ep.redirect = { to: to.value!, scheme: scheme && !scheme.interpolated ? scheme.value! : 'https' };
      if (priority && /^-?\d+$/.test(priority.value!.trim())) ep.redirect.priority = Number(priority.value);
    }
    if (present(fields, ['http', 'tls']) === 'yes') ep.tls = true;
    const middlewares = value(under(fields, 'http'), 'middlewares');
    if (middlewares?.value) ep.middlewares = written(middlewares);
    const resolver = value(under(fields, 'http', 'tls'), 'certresolver');
    if (resolver?.value) ep.certResolver = written(resolver);
    entryPoints.set(name, ep);
  }
  return { entryPoints, known };
}

/**
 * `certificatesResolvers.<name>.acme.<challenge>` (pkg/config/static/static_config.go CertificateResolvers);
 * undefined when a name is a compose variable: the resolvers are then not known.
 */
function readCertResolvers(settings: Setting[], options: BuildOptions): Map<string, CertResolver> | undefined {
  const out = new Map<string, CertResolver>();
  for (const s of settings) {
    if (lower(s, 0) !== 'certificatesresolvers' || s.path.length < 2) continue;
    if (s.path[1].text.includes('$')) return undefined;
    const name = s.path[1].text;
    const id = options.mergeNameCase
      ? ([...out.keys()].find((k) => k.toLowerCase() === name.toLowerCase()) ?? name)
      : name;
    const resolver = out.get(id) ?? { name: id, origin: originOf(s, 1) };
    const challenge = lower(s, 2) === 'acme' ? s.path[3]?.text : undefined;
    if (challenge && /challenge$/i.test(challenge)) resolver.challenge ??= challenge;
    out.set(id, resolver);
  }
  for (const resolver of out.values()) {
    const acme = exactResolver(settings, resolver.name, options);
    if (acme.length > 0) resolver.acme = acmeChallenges(acme);
  }
  return out;
}

/** The resolver's `acme` settings, its name compared as the source compares it, paths kept whole. */
function exactResolver(settings: Setting[], name: string, options: BuildOptions): Setting[] {
  const same = (s: Setting): boolean =>
    options.mergeNameCase ? s.path[1].text.toLowerCase() === name.toLowerCase() : s.path[1].text === name;
  return settings.filter(
    (s) => lower(s, 0) === 'certificatesresolvers' && s.path.length >= 3 && same(s) && lower(s, 2) === 'acme',
  );
}

/** Which challenges of one resolver's `acme` settings (full paths) Traefik's ACME client can use. */
function acmeChallenges(settings: Setting[]): AcmeChallenges {
  const fields = settings.map((s) => ({ ...s, path: s.path.slice(3) }));
  const out: AcmeChallenges = { usable: false, incomplete: [] };
  const tls = present(fields, ['tlschallenge']);
  if (tls !== 'no') out.usable = true;
  for (const [key, needed] of [
    ['dnsChallenge', 'provider'],
    ['httpChallenge', 'entryPoint'],
  ] as const) {
    const state = present(fields, [key.toLowerCase()]);
    if (state === 'no') continue;
    const v = value(under(fields, key.toLowerCase()), needed.toLowerCase());
    if (state === 'unknown' || v?.interpolated || (v?.value ?? '') !== '') {
      out.usable = true;
      continue;
    }
    const at = settings[fields.findIndex((s) => lower(s, 0) === key.toLowerCase())];
    out.incomplete.push({ challenge: key, missing: needed, origin: originOf(at, 3) });
  }
  // Anything else under acme written with a compose variable may hide a challenge.
  if (fields.some((s) => s.path.some((p) => p.text.includes('$')))) out.usable = true;
  return out;
}

/** A setting's value where it is written (its value's text when the reader knows it, else its last key). */
function written(s: Setting): { value: string; file: string; range: Range; interpolated: boolean } {
  return {
    value: s.value!,
    file: s.file,
    range: s.valueRange ?? s.path[s.path.length - 1].range,
    interpolated: s.interpolated,
  };
}

function joined(s: Setting): string {
  return s.path.map((p) => p.text).join('.');
}

/** The `http` entry point when none is configured, and `traefik` when the API or ping/metrics need it. */
function addImplicitEntryPoints(settings: Setting[], built: Built): void {
  if (built.entryPoints.size === 0 && built.entryPointsKnown) {
    built.entryPoints.set('http', { name: 'http', address: ':80', implicit: true });
  }
  const onTraefik = (section: string[]): boolean => {
    if (present(settings, section) === 'no') return false;
    const fields = under(settings, ...section);
    const ep = value(fields, 'entrypoint');
    return (!ep || ep.interpolated || ep.value === 'traefik') && !(bool(value(fields, 'manualrouting')) === true);
  };
  const needed =
    (built.api !== undefined && maybe(bool(value(under(settings, 'api'), 'insecure')))) ||
    onTraefik(['ping']) ||
    onTraefik(['metrics', 'prometheus']) ||
    (present(settings, ['providers', 'rest']) !== 'no' &&
      maybe(bool(value(under(settings, 'providers', 'rest'), 'insecure'))));
  if (needed && !built.entryPoints.has('traefik')) {
    built.entryPoints.set('traefik', { name: 'traefik', address: ':8080', implicit: true });
  }
}
