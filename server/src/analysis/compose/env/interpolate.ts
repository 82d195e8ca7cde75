// Compose interpolation as compose-go's template package does it (template/template.go,
// the compose spec's 12-interpolation.md): `$$` is a dollar sign; `$NAME` and `${NAME}` are
// replaced by the variable's value (a blank string, with a warning, when it is not set);
// `${NAME:-d}`/`${NAME-d}` fall back to d when unset or empty / unset; `${NAME:+a}`/`${NAME+a}`
// give a when set and non-empty / set; `${NAME:?e}`/`${NAME?e}` stop compose with e when unset or
// empty / unset. Names are [_a-zA-Z][_a-zA-Z0-9]*; a `$` followed by anything else is kept as is,
// and `${` that does not open one of those forms makes compose refuse the file ("Invalid template").
// Defaults are interpolated themselves (nested defaults), only when compose uses them.
import type { Range } from '../../types';

/** A variable's value, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

export type Operator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableUse {
  name: string;
  /** The whole `$NAME` or `${...}`. */
  range: Range;
  nameRange: Range;
  operator?: Operator;
  /** The text after the operator (default, alternative or error message). */
  argRange?: Range;
  /** Whether the lookup had a value for it. */
  set: boolean;
}

export interface InterpolationProblem {
  message: string;
  range: Range;
  /** `invalid`: compose refuses the template; `required`: a `?` variable is missing. */
  kind: 'invalid' | 'required';
  /** For `required`: the variable. */
  variable?: VariableUse;
}

/** A stretch of the value and the source text it comes from. */
export interface Piece {
  value: Range;
  source: Range;
  /** Literal text maps character by character; a substitution maps as a whole. */
  literal: boolean;
}

export interface Interpolation {
  value: string;
  /** Every variable compose looks up for this value, in order. */
  variables: VariableUse[];
  /** Variables that are unset where nothing takes their place (a blank string or an error). */
  unresolved: VariableUse[];
  problems: InterpolationProblem[];
  pieces: Piece[];
}

const OPERATORS: Operator[] = [':-', ':?', ':+', '-', '?', '+'];
const NAME = /[_a-z][_a-z0-9]*/iy;
/** Nested defaults deeper than this are not followed (hostile input); the value becomes unknown. */
const MAX_DEPTH = 32;

/** Interpolates `text.slice(start, end)`; every range is an offset into `text`. */
export function interpolate(text: string, lookup: Lookup, start = 0, end = text.length): Interpolation {
  const out: Interpolation = { value: '', variables: [], unresolved: [], problems: [], pieces: [] };
  if (!text.includes('$', start) || text.indexOf('$', start) >= end) {
    out.value = text.slice(start, end);
    out.pieces.push({ value: { start: 0, end: out.value.length }, source: { start, end }, literal: true });
    return out;
  }
  scan(text, start, end, lookup, out, 0);
  return out;
}

/**
 * Whether compose would use `result.value` as is: every variable set or defaulted and nothing
 * malformed. Otherwise the value depends on where compose runs, and nothing judges it.
 */
export function isResolved(result: Interpolation): boolean {
  return result.unresolved.length === 0 && result.problems.length === 0;
}

/** `text` as compose interpolates it, or undefined unless every variable in it resolves here. */
export function resolvedValue(text: string, lookup: Lookup): string | undefined {
  const result = interpolate(text, lookup);
  return isResolved(result) ? result.value : undefined;
}

/** Whether the text holds interpolation compose acts on (anything but `$$` and lone dollars). */
export function interpolates(text: string): boolean {
  if (!text.includes('$')) return false;
  const r = interpolate(text, () => '');
  return r.variables.length > 0 || r.problems.length > 0;
}

function append(out: Interpolation, value: string, source: Range, literal: boolean): void {
  if (value === '' && literal) return;
  const at = out.value.length;
  const last = out.pieces[out.pieces.length - 1];
  if (literal && last?.literal && last.source.end === source.start) {
    last.value.end += value.length;
    last.source.end = source.end;
  } else {
    out.pieces.push({ value: { start: at, end: at + value.length }, source, literal });
  }
  out.value += value;
}

function scan(text: string, from: number, to: number, lookup: Lookup, out: Interpolation, depth: number): void {
  let i = from;
  let literalStart = from;
  const flush = (upTo: number): void => {
    if (upTo > literalStart) append(out, text.slice(literalStart, upTo), { start: literalStart, end: upTo }, true);
  };
  while (i < to) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0 || dollar >= to) break;
    const next = text[dollar + 1];
    if (dollar + 1 < to && next === '$') {
      flush(dollar);
      append(out, '$', { start: dollar, end: dollar + 2 }, false);
      i = literalStart = dollar + 2;
      continue;
    }
    if (dollar + 1 < to && next === '{') {
      flush(dollar);
      i = literalStart = braced(text, dollar, to, lookup, out, depth);
      continue;
    }
    NAME.lastIndex = dollar + 1;
    const m = dollar + 1 < to ? NAME.exec(text) : null;
    if (m) {
      const nameEnd = Math.min(dollar + 1 + m[0].length, to);
      flush(dollar);
      const name = text.slice(dollar + 1, nameEnd);
      const use = record(out, name, { start: dollar, end: nameEnd }, { start: dollar + 1, end: nameEnd }, lookup);
      if (!use.set) out.unresolved.push(use);
      append(out, lookup(name) ?? '', use.range, false);
      i = literalStart = nameEnd;
      continue;
    }
    i = dollar + 1; // `$` before anything else stays
  }
  flush(to);
}

function record(out: Interpolation, name: string, range: Range, nameRange: Range, lookup: Lookup): VariableUse {
  const use: VariableUse = { name, range, nameRange, set: lookup(name) !== undefined };
  out.variables.push(use);
  return use;
}

/**
 * compose-go's getFirstBraceClosingIndex: counts `{` (skipping the character after each) and
 * `}` from the `$`; -1 when the braces never close.
 */
function closingBrace(text: string, dollar: number, to: number): number {
  let open = 0;
  for (let i = dollar; i < to; i++) {
    if (text[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (text[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

/** `${...}` at `dollar`; returns the offset after it. */
function braced(text: string, dollar: number, to: number, lookup: Lookup, out: Interpolation, depth: number): number {
  const close = closingBrace(text, dollar, to);
  const invalid = (upTo: number): number => {
    out.problems.push({
      kind: 'invalid',
      message: `invalid interpolation format "${text.slice(dollar, upTo)}"`,
      range: { start: dollar, end: upTo },
    });
    return upTo;
  };
  if (close < 0) return invalid(to);
  NAME.lastIndex = dollar + 2;
  const m = NAME.exec(text);
  const nameEnd = m ? dollar + 2 + m[0].length : dollar + 2;
  if (!m || nameEnd > close) return invalid(close + 1);
  const range = { start: dollar, end: close + 1 };
  const name = text.slice(dollar + 2, nameEnd);
  const use = record(out, name, range, { start: dollar + 2, end: nameEnd }, lookup);
  const value = lookup(name);
  if (nameEnd === close) {
    if (value === undefined) out.unresolved.push(use);
    append(out, value ?? '', range, false);
    return close + 1;
  }
  const operator = OPERATORS.find((op) => text.startsWith(op, nameEnd));
  if (!operator) return invalid(close + 1);
  use.operator = operator;
  const arg = { start: nameEnd + operator.length, end: close };
  use.argRange = arg;
  const empty = value === undefined || value === '';
  const useArg = (): void => {
    if (depth >= MAX_DEPTH) {
      out.problems.push({ kind: 'invalid', message: 'interpolation nested too deeply', range });
      return;
    }
    scan(text, arg.start, arg.end, lookup, out, depth + 1);
  };
  switch (operator) {
    case ':-':
    case '-':
      if (operator === ':-' ? empty : value === undefined) useArg();
      else append(out, value!, range, false);
      break;
    case ':+':
    case '+':
      if (operator === ':+' ? !empty : value !== undefined) useArg();
      else append(out, value ?? '', range, false);
      break;
    case ':?':
    case '?':
      if (operator === ':?' ? empty : value === undefined) {
        out.unresolved.push(use);
        const reason = interpolate(text, lookup, arg.start, arg.end).value;
        out.problems.push({
          kind: 'required',
          message: `required variable ${name} is missing a value${reason ? `: ${reason}` : ''}`,
          range,
          variable: use,
        });
      } else append(out, value!, range, false);
      break;
  }
  return close + 1;
}

/**
 * The source range of `value.slice(start, end)`: exact over literal text, the whole `${...}`
 * where the range touches a substitution.
 */
export function sourceRange(result: Pick<Interpolation, 'pieces'>, start: number, end: number): Range | undefined {
  const { pieces } = result;
  if (pieces.length === 0) return undefined;
  const pieceAt = (i: number): Piece | undefined => pieces.find((p) => p.value.start <= i && i < p.value.end);
  const last = pieces[pieces.length - 1];
  const from = (i: number): number => {
    const p = pieceAt(i);
    if (!p) return last.source.end;
    return p.literal ? p.source.start + (i - p.value.start) : p.source.start;
  };
  const to = (i: number): number => {
    const p = pieceAt(i - 1);
    if (!p) return last.source.end;
    return p.literal ? p.source.start + (i - p.value.start) : p.source.end;
  };
  const s = from(start);
  return { start: s, end: end > start ? Math.max(s, to(end)) : s };
}
