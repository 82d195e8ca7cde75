// The one place where the core's UTF-16 offsets become line/character positions: LSP
// diagnostics for the server, 1-based line:column for the CLI.
import type {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Position,
  Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Range as OffsetRange, Severity } from './analysis';

/** Offset <-> position for one text; an open TextDocument is one already. */
export interface LineMap {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** A line table for a text that is not an open document (a file read from disk). */
export function lineMap(text: string): LineMap {
  return TextDocument.create('', '', 0, text);
}

/** Out-of-order or out-of-bounds offsets are clamped rather than thrown on. */
export function toRange(lines: LineMap, range: OffsetRange): Range {
  const start = Math.max(0, range.start);
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, range.end)) };
}

export function toOffset(lines: LineMap, position: Position): number {
  return lines.offsetAt(position);
}

/** 1-based lines and UTF-16 columns, end exclusive: compiler-style output and SARIF. */
export interface LineColumnRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toLineColumn(lines: LineMap, range: OffsetRange): LineColumnRange {
  const { start, end } = toRange(lines, range);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity] ?? 3;
}

export interface DiagnosticContext {
  /** Line map of a file of the project; undefined when its text is unknown. */
  lines(file: string): LineMap | undefined;
  uri(file: string): string;
  /** The page that documents a code (Diagnostic.codeDescription: the code becomes a link). */
  codeUrl?(code: string): string | undefined;
}

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A finding as an LSP diagnostic on its own file. `data` carries the code for quick fixes. The
 * message stays the short fact-and-fix; the explanation is shown by the hover (see hoverNotes).
 */
export function toDiagnostic(finding: Finding, ctx: DiagnosticContext): Diagnostic {
  const lines = ctx.lines(finding.file);
  const href = ctx.codeUrl?.(finding.code);
  const diagnostic: Diagnostic = {
    range: lines ? toRange(lines, finding.range) : NOWHERE,
    severity: toSeverity(finding.severity),
    code: finding.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'gateway-lens',
    message: finding.message,
    data: { ...finding.data, code: finding.code },
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => {
      const other = ctx.lines(r.file);
      return {
        location: { uri: ctx.uri(r.file), range: other ? toRange(other, r.range) : NOWHERE },
        message: r.message,
      };
    });
  }
  return diagnostic;
}
