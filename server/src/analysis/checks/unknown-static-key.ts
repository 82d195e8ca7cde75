// Traefik refuses to start on an unknown static key below the top level ("field not found",
// github.com/traefik/paerser parser/nodes_metadata.go), on an unknown flag (pkg/cli/loader_flag.go)
// and, in v3, on v2 options it removed (pkg/cli/deprecation.go); its file loader ignores unknown
// top-level keys (paerser file/raw_node.go sortKeys keeps root field names only).
import { hasInterpolation } from '../compose/labels';
import type { Project } from '../project';
import {
  lookupStaticKey,
  readFlags,
  readStaticFile,
  readStaticText,
} from '../traefik/staticConfig';
import { readToml } from '../traefik/toml';
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
      for (const path of readStaticText(file.file, file.text).keys) {
        const found = judge(path, project.version, 'file');
        // The file provider may be given the static file itself: its http/tcp/udp/tls are read then.
        if (found && dynamic.has(file.file) && found.data?.segmentIndex === 0 && DYNAMIC_ROOTS.has(path[0].text))
          continue;
        if (found && !seen.has(found.range.start)) {
          seen.add(found.range.start);
          ctx.report({ ...found, file: file.file });
        }
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

/** The top-level keys of a dynamic configuration file (pkg/config/dynamic/config.go Configuration). */
const DYNAMIC_ROOTS = new Set(['http', 'tcp', 'udp', 'tls']);

function judge(
  path: KeyPart[],
  version: MajorVersion,
  where: Where,
): Omit<Report<'unknown-static-key'>, 'file'> | undefined {
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
