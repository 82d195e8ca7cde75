// Test helpers: run the analysis on compose snippets and read findings back as text slices.
import { Analyzer, type AnalysisOptions, type Finding } from '../server/src/analysis';
import type { DirEntry } from '../server/src/analysis/traefik/fileProvider';

export interface Seen {
  code: string;
  severity: string;
  /** The exact text the finding underlines. */
  text: string;
  message: string;
  /** What Traefik does about it (hover, the CLI's second line); '' when the message says it all. */
  explanation: string;
  /** The finding's data, read loosely (tests look at any code's fields). */
  data?: Record<string, unknown>;
}

export interface SnippetOptions {
  /** Other files of the same project: name -> text (same folder as docker-compose.yml). */
  others?: Record<string, string>;
  /** Files the compose file mounts (traefik.yml): absolute path -> text. */
  mounted?: Record<string, string>;
  options?: AnalysisOptions;
  /** The project's `.env` text (/project/.env). */
  env?: string;
  /** The shell's variables (as the CLI passes its process environment). */
  shell?: Record<string, string>;
  /** The active compose profiles (--profile). */
  profiles?: string[];
}

export const DIR = '/project';

/** Findings of one code on a compose snippet (written as /project/docker-compose.yml). */
export function run(code: string, text: string, opts: SnippetOptions = {}): Seen[] {
  return runAll(text, opts).filter((f) => f.code === code);
}

export function runAll(text: string, opts: SnippetOptions = {}): Seen[] {
  const files = [{ file: `${DIR}/docker-compose.yml`, text }];
  for (const [name, other] of Object.entries(opts.others ?? {})) files.push({ file: `${DIR}/${name}`, text: other });
  const texts = new Map(files.map((f) => [f.file, f.text]));
  if (opts.env !== undefined) texts.set(`${DIR}/.env`, opts.env);
  const { findings } = new Analyzer().analyze({
    files,
    options: opts.options,
    readFile: (p) => opts.mounted?.[p],
    listDir: (dir) => listMounted(opts.mounted ?? {}, dir),
    ...(opts.profiles ? { profiles: opts.profiles } : {}),
    environment: {
      files: opts.env === undefined ? [] : [{ file: `${DIR}/.env`, text: opts.env }],
      shell: opts.shell,
    },
  });
  return findings.map((f: Finding) => ({
    code: f.code,
    severity: f.severity,
    text: (texts.get(f.file) ?? opts.mounted?.[f.file] ?? '').slice(f.range.start, f.range.end),
    message: f.message,
    explanation: f.explanation ?? '',
    data: f.data as Record<string, unknown> | undefined,
  }));
}

/** The entries of a folder among the mounted files (absolute paths), as a directory listing. */
export function listMounted(mounted: Record<string, string>, dir: string): DirEntry[] | undefined {
  const prefix = `${dir.replace(/\/$/, '')}/`;
  const entries = new Map<string, DirEntry>();
  for (const file of Object.keys(mounted)) {
    if (!file.startsWith(prefix)) continue;
    const [name, ...rest] = file.slice(prefix.length).split('/');
    entries.set(name, { name, directory: rest.length > 0 });
  }
  return entries.size > 0 ? [...entries.values()] : undefined;
}

/**
 * A template literal with its lines' common indentation removed, so snippets can be indented
 * in tests. Escapes are processed (write \` for a backtick in a rule).
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings
    .reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '')
    .replace(/^\n/, '');
  const lines = raw.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
