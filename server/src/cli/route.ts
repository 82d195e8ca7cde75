// `gateway-lens route`: which router serves a URL, through which middlewares, and the path the
// backend receives, from the compose files alone (no Traefik needed).
import { routeRequest, type Candidate, type RouteResult } from '../analysis';
import { toLineColumn } from '../convert';
import { EXIT, parseCommandArgs, traefikVersionOption, UsageError, type Command, type Io } from './command';
import type { Inputs } from './inputs';
import { COMPOSE_OPTIONS, COMPOSE_OPTIONS_HELP, composeFlags, oneProject, type ComposeFlags } from './project';

const HELP = `Usage: gateway-lens route --url URL [options] [FILE...]

Tells which router Traefik would pick for a request, from one compose project (FILEs
given, else the -f files, else what docker compose loads here; one FILE means that file's
project, as for \`check\`): every router whose rule matches, in the order Traefik tries
them, the winner's service and middlewares, and the path the backend receives.

Options:
  --url URL                  the request (http, https, ws or wss; the port picks the
                             entry point)
  --method M                 request method (default: GET)
  --header "Name: value"     a request header; repeat for several
  --entrypoint NAME          the entry point, when the port does not tell
  --client-ip IP             the client address, for ClientIP rules
  --format text|json         output format (default: text)
  --traefik-config FILE      Traefik's static configuration (traefik.yml)
  --traefik-version v2|v3    Traefik version of the labels (default: from the
                             Traefik image tag, else v3)
${COMPOSE_OPTIONS_HELP}
  -h, --help                 show this help

Exit status: 0 a router matches, 3 none does, 2 bad usage or unreadable file.
`;

export const EXIT_NO_ROUTER = 3;

interface Options {
  url?: string;
  method?: string;
  headers: string[];
  entryPoint?: string;
  clientIP?: string;
  format: 'text' | 'json';
  traefikConfig?: string;
  traefikVersion?: 'v2' | 'v3';
  files: string[];
  compose: ComposeFlags;
}

function parse(args: string[]): Options {
  const parsed = parseCommandArgs(args, {
    url: { type: 'string' },
    method: { type: 'string' },
    header: { type: 'string', multiple: true },
    entrypoint: { type: 'string' },
    'client-ip': { type: 'string' },
    format: { type: 'string' },
    'traefik-config': { type: 'string' },
    'traefik-version': { type: 'string' },
    ...COMPOSE_OPTIONS,
  });
  const v = parsed.values;
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`unknown format '${format}' (expected text or json)`);
  const traefikVersion = traefikVersionOption(v['traefik-version']);
  return {
    url: v.url,
    method: v.method,
    headers: v.header ?? [],
    entryPoint: v.entrypoint,
    clientIP: v['client-ip'],
    format,
    traefikConfig: v['traefik-config'],
    traefikVersion,
    files: parsed.positionals,
    compose: composeFlags(v),
  };
}

/** The answer as `--format json` prints it; candidates carry file:line:column of their rule. */
export function routeJson(result: RouteResult, inputs: Pick<Inputs, 'shown' | 'lines'>): Record<string, unknown> {
  const where = (c: Candidate): Record<string, unknown> => {
    if (!c.file || !c.range) return {};
    const lines = inputs.lines(c.file);
    const at = lines ? toLineColumn(lines, c.range) : undefined;
    return { file: inputs.shown(c.file), line: at?.line, column: at?.column };
  };
  const w = result.winner;
  return {
    router: w?.router ?? null,
    service: result.service,
    priority: w ? exact(w) : null,
    rule: w?.rule ?? null,
    entrypoint: result.entryPoint,
    middlewares: result.middlewares,
    forwardedPath: result.forwardedPath,
    candidates: result.candidates.map((c) => ({
      router: c.router,
      priority: exact(c),
      rule: c.rule,
      entrypoint: c.entryPoint,
      ...where(c),
    })),
    unloaded: result.unloaded.map((u) => {
      const lines = inputs.lines(u.findingFile);
      const at = lines ? toLineColumn(lines, u.findingRange) : undefined;
      return {
        router: u.router,
        priority: exact(u),
        rule: u.rule,
        reason: u.reason,
        ...(u.unless ? { unless: u.unless } : {}),
        code: u.code,
        finding: { file: inputs.shown(u.findingFile), line: at?.line, column: at?.column },
      };
    }),
    ...(result.redirect ? { redirect: result.redirect } : {}),
    ...(w ? where(w) : {}),
    notes: result.notes,
  };
}

const BIG = '\u0000big:';

/** Traefik's own routers sit near 2^63, beyond a double: printed digit for digit. */
function exact(c: Candidate): number | string {
  return Number.isSafeInteger(c.priority) ? c.priority : `${BIG}${c.priorityText}`;
}

function exactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

function routeText(result: RouteResult, request: string, inputs: Pick<Inputs, 'shown' | 'lines'>): string {
  const out: string[] = [];
  const w = result.winner;
  const json = routeJson(result, inputs);
  out.push(`${request}  (entry point ${result.entryPoint ?? '?'})`);
  if (!w && result.templated?.length)
    out.push(`no router judged here matches; templated file routers not judged: ${result.templated.join(', ')}`);
  else if (!w) out.push('no router matches: Traefik answers 404 page not found');
  else {
    const at = json.file ? `  ${String(json.file)}:${String(json.line)}:${String(json.column)}` : '';
    out.push(`-> router ${w.router}  priority ${w.priorityText}  ${w.rule}${at}`);
    if (result.redirect) out.push(`   redirects to ${result.redirect}`);
    if (result.service) out.push(`   service      ${result.service}`);
    if (result.middlewares.length > 0) out.push(`   middlewares  ${result.middlewares.join(', ')}`);
    if (result.forwardedPath !== null) out.push(`   backend path ${result.forwardedPath}`);
    for (const s of result.steps) out.push(`     ${s.middleware}: ${s.before} -> ${s.after}`);
  }
  if (result.candidates.length > 0) {
    out.push('candidates, in the order Traefik tries them:');
    const width = Math.max(...result.candidates.map((c) => c.router.length));
    result.candidates.forEach((c, i) =>
      out.push(`  ${i + 1}. ${c.router.padEnd(width)}  priority ${c.priorityText.padEnd(4)}  ${c.rule}`),
    );
  }
  const unloaded = json.unloaded as {
    router: string;
    reason: string;
    unless?: string;
    code: string;
    finding: Record<string, unknown>;
  }[];
  for (const u of unloaded) {
    const f = u.finding;
    out.push(
      `not loaded: ${u.router} would match first, but ${u.reason}${u.unless ? ` (unless ${u.unless})` : ''}: ${u.code} at ${String(f.file)}:${String(f.line)}:${String(f.column)}`,
    );
  }
  for (const n of result.notes) out.push(`note: ${n}`);
  return out.join('\n') + '\n';
}

function route(options: Options, io: Io): number {
  if (!options.url) throw new UsageError('missing --url (try gateway-lens route --help)');
  const { project, inputs } = oneProject(options, io);
  const result = routeRequest(project, {
    url: options.url,
    method: options.method,
    headers: options.headers,
    entryPoint: options.entryPoint,
    clientIP: options.clientIP,
  });
  if (result.error)
    throw new UsageError(`${result.error}${result.entryPointChoices ? ' Pass --entrypoint to choose one.' : ''}`);
  if (!project.staticConfig.entryPointsKnown)
    result.notes.push('Pass --traefik-config FILE to read its entry points, or --entrypoint NAME to name one.');
  if (options.format === 'json') io.out(exactJson(routeJson(result, inputs)) + '\n');
  else io.out(routeText(result, `${(options.method ?? 'GET').toUpperCase()} ${options.url}`, inputs));
  return result.winner ? EXIT.ok : EXIT_NO_ROUTER;
}

export const routeCommand: Command = {
  name: 'route',
  summary: 'tell which router serves a URL and what path the backend receives',
  help: HELP,
  run: (args, io) => route(parse(args), io),
};
