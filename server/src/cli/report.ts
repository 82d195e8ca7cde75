// Findings as `gateway-lens check` prints them: compiler-style text, a JSON array, or SARIF
// 2.1.0 for code-scanning tools. Positions come from convert.ts (1-based, UTF-16 columns).
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Finding, Severity } from '../analysis';
import { toLineColumn, type LineColumnRange, type LineMap } from '../convert';

export interface Located extends LineColumnRange {
  /** As given on the command line (others relative to the working directory). */
  file: string;
  severity: Severity;
  code: string;
  message: string;
  /** What Traefik does about it (absent when the message says it all). */
  explanation?: string;
  related: (LineColumnRange & { file: string; message: string })[];
  /** A suppression comment covers it: only json and sarif show it, nothing counts it. */
  suppressed: boolean;
  /** missing-port's information that the service's image cannot be seen: its compose service. */
  unseenImage?: string;
}

export interface Sources {
  /** Display name of an absolute path. */
  shown(file: string): string;
  lines(file: string): LineMap | undefined;
}

const NOWHERE: LineColumnRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function locate(findings: Finding[], sources: Sources): Located[] {
  const at = (file: string, range: Finding['range']): LineColumnRange => {
    const lines = sources.lines(file);
    return lines ? toLineColumn(lines, range) : NOWHERE;
  };
  const located = findings.map((f): Located => ({
    file: sources.shown(f.file),
    ...at(f.file, f.range),
    severity: f.severity,
    code: f.code,
    message: f.message,
    ...(f.explanation ? { explanation: f.explanation } : {}),
    suppressed: f.suppressed === true,
    ...unseenImage(f),
    related: (f.related ?? []).map((r) => ({
      file: sources.shown(r.file),
      ...at(r.file, r.range),
      message: r.message,
    })),
  }));
  // A static file shared by two projects reports its findings once.
  const seen = new Set<string>();
  const unique = located.filter((l) => {
    const key = `${l.file}\0${l.line}:${l.column}-${l.endLine}:${l.endColumn}\0${l.code}\0${l.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code),
  );
}

function unseenImage(f: Finding): Pick<Located, 'unseenImage'> {
  if (f.code !== 'missing-port') return {};
  const data = f.data as { unseen?: true; compose?: string } | undefined;
  return data?.unseen && data.compose !== undefined ? { unseenImage: data.compose } : {};
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** How many service names the line about unseen images lists before "and N more". */
const UNSEEN_NAMES = 8;

export function formatText(all: Located[], fileCount: number): string {
  const counted = all.filter((l) => !l.suppressed);
  const suppressed = all.length - counted.length;
  // "This image cannot be seen here" is one line per run, not one per service (json and sarif keep each).
  const unseen = [...new Set(counted.flatMap((l) => l.unseenImage ?? []))];
  const located = unseen.length > 1 ? counted.filter((l) => l.unseenImage === undefined) : counted;
  // An explanation is printed under the first finding that has it, not again under each.
  const said = new Set<string>();
  const lines = located.map((l) => {
    const head = `${l.file}:${l.line}:${l.column}: ${l.severity} ${l.code}: ${l.message}`;
    // The explanation indented under the finding, as compilers print their notes.
    const why = l.explanation && !said.has(l.explanation) ? [`  ${l.explanation}`] : [];
    if (l.explanation) said.add(l.explanation);
    const notes = l.related.map((r) => `  ${r.file}:${r.line}:${r.column}: note: ${r.message}`);
    return [head, ...why, ...notes].join('\n');
  });
  if (located.length < counted.length) {
    const names = unseen.slice(0, UNSEEN_NAMES).join(', ');
    const more = unseen.length > UNSEEN_NAMES ? ` and ${unseen.length - UNSEEN_NAMES} more` : '';
    lines.push(
      `info missing-port: ${unseen.length} services use images Gateway Lens cannot inspect: ${names}${more}; their ports are not checked (set loadbalancer.server.port where the image EXPOSEs none; --format json lists each)`,
    );
    located.push({ ...counted.find((l) => l.unseenImage !== undefined)! });
  }
  const count = (s: Severity): number => located.filter((l) => l.severity === s).length;
  const files = plural(fileCount, 'file');
  const summary =
    located.length === 0
      ? `No problems in ${files}.`
      : `${plural(located.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}) in ${files}.`;
  const hidden = suppressed > 0 ? ` ${suppressed} suppressed by comments, not counted.` : '';
  return [...lines, summary + hidden].join('\n') + '\n';
}

export function formatJson(located: Located[]): string {
  const rows = located.map((l) => ({
    file: l.file,
    line: l.line,
    column: l.column,
    endLine: l.endLine,
    endColumn: l.endColumn,
    severity: l.severity,
    code: l.code,
    message: l.message,
    suppressed: l.suppressed,
    ...(l.explanation ? { explanation: l.explanation } : {}),
    ...(l.related.length ? { related: l.related } : {}),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

export interface Rule {
  code: string;
  severity: Severity;
  description: string;
}

/** A code's page (docs/codes.md): SARIF's helpUri and help. */
export type RuleHelp = (code: string) => { href: string; text: string; markdown: string } | undefined;

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF artifact location: relative to the working directory when inside it, else a file uri. */
export function artifact(file: string, cwd: string): Record<string, string> {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

function region(r: LineColumnRange): Record<string, number> {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

export function formatSarif(
  located: Located[],
  rules: Rule[],
  version: string,
  cwd: string,
  help: RuleHelp = () => undefined,
): string {
  const all = [...rules];
  for (const l of located) {
    if (!all.some((r) => r.code === l.code)) all.push({ code: l.code, severity: l.severity, description: l.code });
  }
  const index = new Map(all.map((r, i) => [r.code, i]));
  const results = located.map((l) => ({
    ruleId: l.code,
    ruleIndex: index.get(l.code),
    level: LEVEL[l.severity],
    message: { text: l.message },
    ...(l.explanation ? { properties: { explanation: l.explanation } } : {}),
    locations: [{ physicalLocation: { artifactLocation: artifact(l.file, cwd), region: region(l) } }],
    // SARIF 2.1.0 3.27.23: code scanning lists these as suppressed, not as open alerts.
    ...(l.suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
    ...(l.related.length
      ? {
          relatedLocations: l.related.map((r, i) => ({
            id: i + 1,
            message: { text: r.message },
            physicalLocation: { artifactLocation: artifact(r.file, cwd), region: region(r) },
          })),
        }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gateway-lens',
            version,
            rules: all.map((r) => {
              const doc = help(r.code);
              return {
                id: r.code,
                shortDescription: { text: r.description },
                defaultConfiguration: { level: LEVEL[r.severity] },
                // SARIF 2.1.0 3.49.12-13: where the rule is documented, and the text itself.
                ...(doc ? { helpUri: doc.href, help: { text: doc.text, markdown: doc.markdown } } : {}),
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
