// Traefik refuses to start on an unknown static key below the top level ("field not found",
// github.com/traefik/paerser parser/nodes_metadata.go), on an unknown flag (pkg/cli/loader_flag.go)
// and, in v3, on v2 options it removed (pkg/cli/deprecation.go); its file loader ignores unknown
// top-level keys (paerser file/raw_node.go sortKeys keeps root field names only).
import { hasInterpolation } from '../compose/labels';
import type { Project } from '../project';
import { lookupStaticKey, readFlags, readStaticFile, readStaticText } from '../traefik/staticConfig';
import { readToml } from '../traefik/toml';
import { isV1Root, readsAsV1File } from '../traefik/staticConfig/v1Keys';
import type { Range } from '../types';
import type { KeyPart, StaticKeyLookup } from '../traefik/staticConfig';
import type { MajorVersion } from '../traefik/static';
import type { Check, CheckContext, Report } from './check';

export const check: Check<'unknown-static-key'> = {
  code: 'unknown-static-key',
  severity: 'error',
  description:
    "A key in Traefik's static configuration (traefik.yml, traefik.toml, a command flag or a TRAEFIK_* variable) that Traefik does not know.",
  run(ctx) {
    const { project } = ctx;
    const dynamic = new Set(project.fileProvider.files.map((f) => f.file));
    for (const file of project.staticFiles) {
      const seen = new Set<number>();
      const reports: Judged[] = [];
      for (const path of readStaticText(file.file, file.text).keys) {
        const found = judge(path, project.version, 'file');
        // The file provider may be given the static file itself: its http/tcp/udp/tls are read then.
        if (found && dynamic.has(file.file) && found.data?.segmentIndex === 0 && DYNAMIC_ROOTS.has(path[0].text))
          continue;
        if (found && !seen.has(found.range.start)) {
          seen.add(found.range.start);
          reports.push({ ...found, path: path.slice(0, found.data.segmentIndex + 1) });
        }
      }
      const v1 = v1File(reports, project.version);
      for (const r of v1 ? [v1] : reports) {
        const { path: _path, ...report } = r;
        ctx.report({ ...report, file: file.file, related: r.related?.map((x) => ({ ...x, file: file.file })) });
      }
    }
    checkInline(ctx, project);
    checkFlags(ctx, project);
    checkEnv(ctx, project);
  },
};

/**
 * A compose `configs:` entry's inline `content:` that Traefik loads as its static file: judged like
 * a mounted one, on the content's text in the compose file. compose interpolates the content
 * first, so a key written with `$` is not judged (judge skips `${VAR}` segments).
 */
function checkInline(ctx: CheckContext<'unknown-static-key'>, project: Project): void {
  const inline = project.staticConfig.inlineFile;
  if (!inline || project.staticConfig.from !== 'file') return;
  const read = inline.toml ? readToml(inline.file, inline.text) : readStaticFile(inline.file, inline.text);
  const seen = new Set<number>();
  for (const path of read.keys) {
    const found = judge(path, project.version, 'file');
    if (found && !seen.has(found.range.start) && !path.some((p) => p.text.includes('$'))) {
      seen.add(found.range.start);
      ctx.report({ ...found, file: inline.file });
    }
  }
}

/** TRAEFIK_* variables are decoded only when they are the source (v3's removed-option check reads them always). */
function checkEnv(ctx: CheckContext<'unknown-static-key'>, project: Project): void {
  const config = project.staticConfig;
  for (const v of config.variables ?? []) {
    const found = judge(v.path, project.version, 'env');
    if (!found || (config.from !== 'env' && found.data?.problem !== 'removed')) continue;
    ctx.report({ ...found, file: v.file });
  }
}

function checkFlags(ctx: CheckContext<'unknown-static-key'>, project: Project): void {
  const config = project.staticConfig;
  const service = project.traefikService;
  if (!config.found || !service?.command || service.version === 'v1') return;
  const { words, file } = service.command;
  for (const flag of readFlags(words, file.text, project.version).flags) {
    const found = judge(flag.segments, project.version, 'flag');
    // With a configuration file in effect Traefik never decodes the flags; only v3's check for
    // removed v2 options still reads them.
    if (!found || (config.from !== 'flags' && found.data?.problem !== 'removed')) continue;
    ctx.report({ ...found, file: file.file });
  }
}

type Where = 'file' | 'flag' | 'env';

type Found = Omit<Report<'unknown-static-key'>, 'file' | 'data'> & {
  data: { problem?: string; segmentIndex: number; suggestion?: string };
};

type Judged = Omit<Found, 'related'> & {
  /** The key up to the unknown segment. */
  path: KeyPart[];
  related?: { range: Range; message: string }[];
};

/**
 * A Traefik v1 file (v1Keys.ts) under Traefik v2 or v3: one finding, on its first v1 section,
 * instead of one per key. v2 and v3 do not read v1's format at all: the file loader drops the
 * top-level keys they lack (docker, acme, defaultEntryPoints: paerser file/raw_node.go keeps the
 * root fields only), and a v1 key below one they know (entryPoints.http.redirect) stops Traefik
 * with "field not found, node: redirect" (paerser parser/nodes_metadata.go), the first such node in
 * paerser's order (keys sorted, depth first: raw_node.go sortKeys).
 */
function v1File(reports: Judged[], version: MajorVersion): Judged | undefined {
  const roots = reports.filter((r) => r.data.segmentIndex === 0 && r.severity === 'warning');
  if (!readsAsV1File(roots.map((r) => r.path[0].text))) return undefined;
  const sections = roots.filter((r) => isV1Root(r.path[0].text));
  const stops = reports.filter((r) => r.severity === 'error').sort((a, b) => paerserOrder(a.path, b.path));
  const names = sections.map((r) => r.path[0].text);
  const listed = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  const major = version === 'v2' ? 'v2' : 'v3';
  const first = stops[0]?.path.at(-1)?.text;
  const migrate =
    'v2 moved them: providers.docker, certificatesResolvers.<name>.acme, entryPoints.<name>.http.redirections (docs/content/migration/v1-to-v2.md).';
  return {
    range: sections[0].range,
    severity: first === undefined ? 'warning' : 'error',
    message:
      first === undefined
        ? `a Traefik v1 configuration file: Traefik ${major} ignores its v1 keys (${listed})`
        : `a Traefik v1 configuration file: Traefik ${major} does not start ("field not found, node: ${first}")`,
    explanation:
      first === undefined
        ? `Traefik v2 and v3 do not read v1's configuration format. Their file loader keeps only the top-level keys they know and drops the others without a word (paerser file/raw_node.go): here ${listed}, so what they configure is not set. ${migrate}`
        : `Traefik v2 and v3 do not read v1's configuration format. A v1 key below a key they know stops Traefik: "field not found, node: ${first}" (paerser parser/nodes_metadata.go), and the top-level v1 keys (${listed}) are dropped without a word (paerser file/raw_node.go). ${migrate}`,
    data: { problem: 'v1-file', segmentIndex: 0 },
    path: sections[0].path,
    related: stops.slice(0, 3).map((r, i) => ({
      range: r.range,
      message:
        i === 0
          ? `Traefik ${major} stops here: "field not found, node: ${first}"`
          : `"${r.path.at(-1)?.text}" is unknown to Traefik ${major} too`,
    })),
  };
}

/** paerser decodes map keys sorted (Go string order), depth first: which unknown key it meets first. */
function paerserOrder(a: KeyPart[], b: KeyPart[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i].text !== b[i].text) return a[i].text < b[i].text ? -1 : 1;
  return a.length - b.length;
}

/** The top-level keys of a dynamic configuration file (pkg/config/dynamic/config.go Configuration). */
const DYNAMIC_ROOTS = new Set(['http', 'tcp', 'udp', 'tls']);

function judge(path: KeyPart[], version: MajorVersion, where: Where): Found | undefined {
  const texts = path.map((p) => p.text);
  const looked = lookupStaticKey(texts, version);
  if (looked.bad === undefined) return undefined;
  // Variable names are written in upper case; paerser lowercases them (env/env.go Decode).
  const found =
    where === 'env' && looked.suggestion ? { ...looked, suggestion: looked.suggestion.toUpperCase() } : looked;
  const bad = looked.bad;
  // A `${VAR}` segment (flags in compose) cannot be judged, nor anything after it.
  if (texts.slice(0, bad + 1).some(hasInterpolation)) return undefined;
  const root = bad === 0 && where === 'file' && found.problem === 'unknown';
  return {
    range: path[bad].range,
    severity: root ? 'warning' : 'error',
    ...message(texts, found, where, root),
    data: {
      problem: found.problem,
      segmentIndex: bad,
      ...(found.suggestion ? { suggestion: found.suggestion } : {}),
    },
  };
}

function message(
  texts: string[],
  found: StaticKeyLookup,
  where: Where,
  root: boolean,
): { message: string; explanation: string } {
  const segment = texts[found.bad!];
  const stops =
    where === 'flag'
      ? 'Traefik does not start: "failed to decode configuration from flags" (pkg/cli/loader_flag.go).'
      : where === 'env'
        ? 'Traefik does not start: "failed to decode configuration from environment variables" (pkg/cli/loader_env.go).'
        : 'Traefik does not start: "field not found" (paerser parser/nodes_metadata.go).';
  const hint = found.suggestion ? `did you mean "${found.suggestion}"?` : undefined;
  switch (found.problem) {
    case 'removed': {
      // The note's own fix ("...: use `tracing.otlp`"), else removing the key.
      const fix = /[:;] ([^:;]+?)\.?$/.exec(found.note ?? '')?.[1] ?? 'remove it';
      return {
        message: `Traefik v3 refuses "${segment}": ${fix}`,
        explanation: `${found.note} Traefik v3 does not start with it (pkg/cli/deprecation.go).`,
      };
    }
    case 'leaf':
      return {
        message: `"${texts[found.bad! - 1]}" takes a value, not sub-keys: remove "${segment}"`,
        explanation: stops,
      };
    case 'index':
      return { message: `"${texts[found.bad! - 1]}" is not a list: "${segment}" is unknown`, explanation: stops };
    default: {
      if (root)
        return {
          message: `unknown top-level key "${segment}": ${hint ?? 'Traefik ignores it'}`,
          explanation:
            "Traefik's file loader keeps the top-level keys it knows and ignores the others without a word (paerser file/raw_node.go).",
        };
      const what = where === 'file' ? 'key' : where === 'flag' ? 'flag' : 'variable';
      return {
        message: `unknown static configuration ${what} "${segment}": ${hint ?? 'Traefik does not start'}`,
        explanation: stops,
      };
    }
  }
}
