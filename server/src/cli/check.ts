// `gateway-lens check`: the files given, grouped into compose projects by folder (files of
// one folder are merged like docker compose's -f list), each analysed as Traefik would see it.
import { version } from '../../../package.json';
import { Analyzer, CHECKS, type Finding } from '../analysis';
import { EXIT, parseCommandArgs, traefikVersionOption, UsageError, type Command, type Io } from './command';
import { readInputs } from './inputs';
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
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    'traefik-config': { type: 'string' },
    'traefik-version': { type: 'string' },
    list: { type: 'boolean' },
    demo: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  const format = v.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' (expected text, json or sarif)`);
  }
  const traefikVersion = traefikVersionOption(v['traefik-version']);
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
  const inputs = readInputs(options.files, options.traefikConfig, io);
  const analyzer = new Analyzer();
  const analysisOptions = options.traefikVersion ? { version: options.traefikVersion } : {};
  const findings: Finding[] = [];
  for (const files of inputs.projects.values()) {
    findings.push(
      ...analyzer.analyze({
        files,
        staticFiles: inputs.staticFiles,
        options: analysisOptions,
        readFile: inputs.readFile,
      }).findings,
    );
  }
  const located = locate(findings, inputs);
  if (options.format === 'json') io.out(formatJson(located));
  else if (options.format === 'sarif') io.out(formatSarif(located, CHECKS, version, io.cwd));
  else io.out(formatText(located, inputs.fileCount));

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
