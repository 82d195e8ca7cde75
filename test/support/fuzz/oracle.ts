// The fuzzer's oracle: the incremental server's diagnostics, a fresh server's and the CLI's
// (`gateway-lens check --format json`, in-process or as the built dist/cli.js) must say the same
// thing about the same texts: range, severity, code and message of every finding.
import { spawnSync } from 'child_process';
import { main } from '../../../server/src/cli';
import { readRegularFile } from '../../../server/src/readText';
import type { Rng } from './text';

export interface Diagnostic {
  range: Rng;
  severity?: number;
  code?: string | number;
  message: string;
}

interface CliRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  suppressed: boolean;
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** One finding as a comparable line. */
export const fromDiagnostic = (d: Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;

const fromRow = (r: CliRow): string =>
  `${r.line - 1}:${r.column - 1}-${r.endLine - 1}:${r.endColumn - 1} ${SEVERITY[r.severity]} ${r.code} ${r.message}`;

/** File name (relative to the folder) -> its findings, sorted; suppressed ones are not shown by the server. */
export type Findings = Map<string, string[]>;

function byFile(rows: CliRow[], names: string[]): Findings {
  const out: Findings = new Map(names.map((n) => [n, []]));
  for (const r of rows) if (!r.suppressed && out.has(r.file)) out.get(r.file)!.push(fromRow(r));
  for (const list of out.values()) list.sort();
  return out;
}

export interface CliResult {
  findings?: Findings;
  /** Exit status 2 or an internal error: what it said. */
  failure?: string;
}

function parse(status: number, out: string, err: string, names: string[]): CliResult {
  if (status === 2 || err.includes('internal error')) return { failure: `exit ${status}: ${err.trim()}` };
  try {
    return { findings: byFile(JSON.parse(out) as CliRow[], names) };
  } catch {
    return { failure: `exit ${status}: not JSON: ${out.slice(0, 200)}` };
  }
}

/** `gateway-lens check --format json` run in this process, on files written to `folder`. */
export async function cliInProcess(folder: string, names: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const status = await main(['check', '--format', 'json', ...names], {
    cwd: folder,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readFile: (f) => readRegularFile(f),
  });
  return parse(status, out, err, names);
}

/** The built CLI (dist/cli.js) as a process, bounded in time. */
export function cliProcess(cli: string, folder: string, names: string[], timeoutMs: number): CliResult {
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...names], {
    cwd: folder,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) return { failure: `dist/cli.js: ${r.error.message}` };
  return parse(r.status ?? 2, r.stdout, r.stderr, names);
}

/** What differs between two results, per file: lines only in `a`, lines only in `b`. */
export function difference(a: Findings, b: Findings, aName: string, bName: string): string[] {
  const out: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name) ?? [];
    const y = b.get(name) ?? [];
    const onlyX = without(x, y);
    const onlyY = without(y, x);
    if (onlyX.length === 0 && onlyY.length === 0) continue;
    out.push(`${name}:`, ...onlyX.map((l) => `  only ${aName}: ${l}`), ...onlyY.map((l) => `  only ${bName}: ${l}`));
  }
  return out;
}

/** Multiset difference of sorted lists. */
function without(x: string[], y: string[]): string[] {
  const rest = [...y];
  return x.filter((l) => {
    const i = rest.indexOf(l);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}
