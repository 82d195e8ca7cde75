// Test support for the static-configuration reader and the checks built on it: a project from a
// compose snippet, files Traefik would find mounted, and findings read back as exact text slices.
import { Analyzer, type Project } from '../../../server/src/analysis';
import { runCheck, type Check } from '../../../server/src/analysis/checks/check';

export const COMPOSE = '/p/docker-compose.yml';

export interface Setup {
  /** Files the compose file mounts, by absolute host path. */
  mounted?: Record<string, string>;
  /** More compose files of the project, by absolute path (after COMPOSE, in `-f` order). */
  others?: Record<string, string>;
  /** Static files named explicitly (setting or --traefik-config), by absolute path. */
  explicit?: Record<string, string>;
  version?: 'v2' | 'v3';
  /** The project's .env. */
  env?: string;
}

export function project(text: string, setup: Setup = {}): Project {
  const files = [{ file: COMPOSE, text }, ...entries(setup.others)];
  return new Analyzer().project({
    files,
    staticFiles: entries(setup.explicit),
    options: setup.version ? { version: setup.version } : {},
    readFile: (p) => setup.mounted?.[p],
    ...(setup.env !== undefined ? { environment: { files: [{ file: '/p/.env', text: setup.env }] } } : {}),
  });
}

function entries(map: Record<string, string> = {}): { file: string; text: string }[] {
  return Object.entries(map).map(([file, text]) => ({ file, text }));
}

export interface Seen {
  severity: string;
  /** The exact text the finding underlines. */
  text: string;
  file: string;
  message: string;
  /** What Traefik does about it; '' when the message says it all. */
  explanation: string;
  data?: Record<string, unknown>;
  /** Related places as `file: text`. */
  related: string[];
}

/** Findings of one check on a compose snippet, ranges read back from whichever file they are in. */
export function findings(check: Check, text: string, setup: Setup = {}): Seen[] {
  const texts = new Map<string, string>([
    [COMPOSE, text],
    ...Object.entries(setup.others ?? {}),
    ...Object.entries(setup.mounted ?? {}),
    ...Object.entries(setup.explicit ?? {}),
  ]);
  const slice = (file: string, r: { start: number; end: number }): string =>
    (texts.get(file) ?? '').slice(r.start, r.end);
  return runCheck(check, project(text, setup)).map((f) => ({
    severity: f.severity,
    text: slice(f.file, f.range),
    file: f.file,
    message: f.message,
    explanation: f.explanation ?? '',
    data: f.data as Record<string, unknown> | undefined,
    related: (f.related ?? []).map((r) => `${r.file}: ${slice(r.file, r.range)}`),
  }));
}

/** A Traefik service with these `command:` flags (and `extra` lines) beside an `app` with these labels. */
export function traefikBesideApp(flags: string[], labels: string[], extra = '', image = 'traefik:v3.1'): string {
  return [
    'services:',
    '  traefik:',
    `    image: ${image}`,
    ...(flags.length ? ['    command:', ...flags.map((f) => `      - ${f}`)] : []),
    extra,
    '  app:',
    '    image: nginx',
    '    labels:',
    ...labels.map((l) => `      ${l}`),
    '',
  ].join('\n');
}
