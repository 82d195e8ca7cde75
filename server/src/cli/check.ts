// `gateway-lens check`: the files given, grouped into compose projects by folder (files of
// one folder are merged like docker compose's -f list), each analysed as Traefik would see it.
import * as path from 'path';
import { parseArgs } from 'util';
import { version } from '../../../package.json';
import { Analyzer, CHECKS, type Finding, type SourceFile } from '../analysis';
import { lineMap, type LineMap } from '../convert';
import { stripBom } from '../workspace';
import { EXIT, readProblem, UsageError, type Command, type Io } from './command';
import { formatJson, formatSarif, formatText, locate } from './report';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: gateway-lens check [options] FILE...

Checks the Traefik labels of compose files. Files in the same folder form one compose
project and are checked together (override files merge, like docker compose -f);
files in different folders are separate projects.

Options:
  --format text|json|sarif   output format (default: text)
  --traefik-config FILE      Traefik's static configuration (traefik.yml)
  --traefik-version v2|v3    Traefik version of the labels (default: from the
                             Traefik image tag, else v3)
  --list                     list the checks and exit
  --demo                     exit 0 even when errors are found
  -h, --help                 show this help

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable file.
`;

interface Options {
  format: Format;
  traefikConfig?: string;
  traefikVersion?: 'v2' | 'v3';
  list: boolean;
  demo: boolean;
  help: boolean;
  files: string[];
}

function parse(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'traefik-config': { type: 'string' },
        'traefik-version': { type: 'string' },
        list: { type: 'boolean' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    // parseArgs explains at length; the first sentence is the one-line message.
    const first = (err instanceof Error ? err.message : String(err)).split(/\.\s/)[0].replace(/\.$/, '');
    throw new UsageError(first.charAt(0).toLowerCase() + first.slice(1));
  }
  const v = parsed.values;
  const format = v.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' (expected text, json or sarif)`);
  }
  const traefikVersion = v['traefik-version'];
  if (traefikVersion !== undefined && traefikVersion !== 'v2' && traefikVersion !== 'v3') {
    throw new UsageError(`unknown Traefik version '${traefikVersion}' (expected v2 or v3)`);
  }
  return {
    format: format as Format,
    traefikConfig: v['traefik-config'],
    traefikVersion,
    list: v.list ?? false,
    demo: v.demo ?? false,
    help: v.help ?? false,
    files: parsed.positionals,
  };
}

function listChecks(format: Format): string {
  const rows = CHECKS.map((c) => ({ code: c.code, severity: c.severity, description: c.description }));
  if (format !== 'text') return JSON.stringify(rows, null, 2) + '\n';
  const width = Math.max(0, ...rows.map((r) => r.code.length));
  return rows.map((r) => `${r.code.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n') + '\n';
}

function check(options: Options, io: Io): number {
  if (options.files.length === 0) throw new UsageError('no files given (try gateway-lens check --help)');
  const texts = new Map<string, string>();
  const shown = new Map<string, string>();
  const mustRead = (given: string): SourceFile => {
    const file = path.resolve(io.cwd, given);
    let text: string;
    try {
      text = stripBom(io.readFile(file));
    } catch (err) {
      throw new UsageError(`cannot read ${given}: ${readProblem(err)}`);
    }
    texts.set(file, text);
    if (!shown.has(file)) shown.set(file, given);
    return { file, text };
  };

  // Read everything first: an unreadable file stops the run before any output.
  const projects = new Map<string, SourceFile[]>();
  for (const given of options.files) {
    const source = mustRead(given);
    const folder = path.dirname(source.file);
    const files = projects.get(folder) ?? [];
    if (!files.some((f) => f.file === source.file)) files.push(source);
    projects.set(folder, files);
  }
  const staticFiles = options.traefikConfig ? [mustRead(options.traefikConfig)] : [];

  const readFile = (file: string): string | undefined => {
    const absolute = path.resolve(io.cwd, file);
    if (texts.has(absolute)) return texts.get(absolute);
    try {
      const text = stripBom(io.readFile(absolute));
      texts.set(absolute, text);
      return text;
    } catch {
      return undefined;
    }
  };
  const analyzer = new Analyzer();
  const analysisOptions = options.traefikVersion ? { version: options.traefikVersion } : {};
  const findings: Finding[] = [];
  for (const files of projects.values()) {
    findings.push(...analyzer.analyze({ files, staticFiles, options: analysisOptions, readFile }).findings);
  }

  const maps = new Map<string, LineMap>();
  const located = locate(findings, {
    shown: (file) => shown.get(file) ?? path.relative(io.cwd, file),
    lines: (file) => {
      let map = maps.get(file);
      const text = texts.get(file) ?? readFile(file);
      if (!map && text !== undefined) maps.set(file, (map = lineMap(text)));
      return map;
    },
  });
  if (options.format === 'json') io.out(formatJson(located));
  else if (options.format === 'sarif') io.out(formatSarif(located, CHECKS, version, io.cwd));
  else
    io.out(
      formatText(
        located,
        [...projects.values()].reduce((n, files) => n + files.length, 0),
      ),
    );

  if (options.demo) return EXIT.ok;
  return located.some((l) => l.severity === 'error') ? EXIT.findings : EXIT.ok;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check compose files and report what Traefik would do wrong',
  help: HELP,
  run(args, io) {
    const options = parse(args);
    if (options.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (options.list) {
      io.out(listChecks(options.format));
      return EXIT.ok;
    }
    return check(options, io);
  },
};
