// A `.env` file as docker compose reads it (compose-go dotenv/parser.go; docs.docker.com
// "Set environment variables within your container's environment" / "Interpolation", the .env
// syntax rules): blank lines and lines starting with `#` are skipped; `export ` before a name is
// ignored; `NAME=value` or `NAME: value`; a name alone on its line takes its value from the
// environment; unquoted values end at the line's end or at ` #`, trailing blanks trimmed;
// 'single quotes' are literal (only \' is an escape); "double quotes" may span lines and know
// \n \r \t \a \b \f \v \\ \" \$ and octal \0NNN; unquoted and double-quoted values are
// interpolated (${VAR}, defaults...) with the environment first, then the names set above.
import { GO_ESCAPES } from '../../goEscapes';
import type { Range } from '../../types';
import { interpolate, type InterpolationProblem, type Lookup, type VariableUse } from './interpolate';

export interface DotenvVariable {
  name: string;
  value: string;
  nameRange: Range;
  /** The value's text (inside the quotes when quoted; empty range after `=` when empty). */
  valueRange: Range;
  /** `NAME` alone on its line: its value comes from the environment. */
  inherited: boolean;
  quote: '"' | "'" | '';
  /** Variables its value interpolates (ranges in the .env text; exact unless double-quoted with escapes). */
  uses: VariableUse[];
}

export interface DotenvProblem {
  /** What compose stops on, in its words where it has them. */
  message: string;
  /** How to write the line so compose reads it. */
  fix: string;
  range: Range;
}

export interface Dotenv {
  file: string;
  /** The file's text (what a quick fix on one of its lines checks it edits). */
  text: string;
  /** Every assignment in order (a name set twice appears twice; the later one counts). */
  variables: DotenvVariable[];
  /** The values compose ends up with, by name. */
  values: Map<string, string>;
  /** Where compose stops reading the file (it refuses it), or an interpolation problem. */
  problems: DotenvProblem[];
}

/** compose-go's isSpace: blanks that are not a line break. */
function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085' || c === '\u00a0';
}

function isWhite(c: string): boolean {
  return /\s/u.test(c);
}

const NAME_CHAR = /[\p{L}\p{N}_.\-[\]]/u;
const ESCAPES: Readonly<Record<string, string>> = {
  ...GO_ESCAPES,
  c: '\\c', // compose-go's pattern lists \c, which Go cannot unquote: it stays as written
};

/** Reads a .env text; `environment` (the shell's variables) wins inside interpolated values. */
export function parseDotenv(file: string, text: string, environment: Lookup = () => undefined): Dotenv {
  const out: Dotenv = { file, text, variables: [], values: new Map(), problems: [] };
  const lookup: Lookup = (name) => environment(name) ?? out.values.get(name);
  let pos = 0;
  const n = text.length;
  for (;;) {
    // getStatementStart: skip white space (line breaks too) and comment lines.
    while (pos < n && isWhite(text[pos])) pos++;
    if (pos >= n) break;
    if (text[pos] === '#') {
      const eol = text.indexOf('\n', pos);
      if (eol < 0) break;
      pos = eol;
      continue;
    }
    const exported = /export\s+/y;
    exported.lastIndex = pos;
    const ex = exported.exec(text);
    if (ex) pos += ex[0].length;
    while (pos < n && isBlank(text[pos])) pos++;
    const nameStart = pos;
    let sep = -1;
    for (let i = pos; i < n; i++) {
      const c = text[i];
      if (isBlank(c)) continue;
      if (c === '=' || c === ':' || c === '\n') {
        sep = i;
        break;
      }
      if (!NAME_CHAR.test(c)) {
        out.problems.push({
          message: `unexpected character "${c}" in variable name`,
          fix: 'a name holds letters, digits and _ . - [ ] only',
          range: { start: i, end: i + c.length },
        });
        return out;
      }
    }
    if (sep < 0) break; // a last line without `=`: compose-go sets nothing from it
    let nameEnd = sep;
    while (nameEnd > nameStart && isWhite(text[nameEnd - 1])) nameEnd--;
    const name = text.slice(nameStart, nameEnd);
    const nameRange = { start: nameStart, end: nameEnd };
    if (/\s/.test(name)) {
      out.problems.push({
        message: 'a variable name cannot contain a space',
        fix: 'remove the space',
        range: nameRange,
      });
      return out;
    }
    if (text[sep] === '\n') {
      const value = environment(name);
      const variable = {
        name,
        value: value ?? '',
        nameRange,
        valueRange: { start: sep, end: sep },
        inherited: true,
        quote: '' as const,
        uses: [],
      };
      out.variables.push(variable);
      if (value !== undefined) out.values.set(name, value);
      pos = sep + 1;
      continue;
    }
    pos = sep + 1;
    while (pos < n && isBlank(text[pos])) pos++;
    const read = readValue(text, pos, lookup);
    if ('problem' in read) {
      out.problems.push(read.problem);
      return out;
    }
    out.variables.push({ name, nameRange, inherited: false, ...read.variable });
    // compose-go's expandVariables returns template.Substitute's error: the file is refused there.
    for (const p of read.problems) out.problems.push({ message: p.message, fix: interpolationFix(p), range: p.range });
    if (read.problems.length > 0) return out;
    out.values.set(name, read.variable.value);
    pos = read.next;
  }
  return out;
}

interface ReadValue {
  variable: Pick<DotenvVariable, 'value' | 'valueRange' | 'quote' | 'uses'>;
  problems: InterpolationProblem[];
  next: number;
}

function readValue(text: string, pos: number, lookup: Lookup): ReadValue | { problem: DotenvProblem } {
  const quote = text[pos];
  if (quote !== '"' && quote !== "'") {
    const eol = text.indexOf('\n', pos);
    const lineEnd = eol < 0 ? text.length : eol;
    const comment = text.indexOf(' #', pos);
    let end = comment >= 0 && comment < lineEnd ? comment : lineEnd;
    while (end > pos && isWhite(text[end - 1])) end--;
    const r = interpolate(text, lookup, pos, end);
    return {
      variable: { value: r.value, valueRange: { start: pos, end }, quote: '', uses: r.variables },
      problems: r.problems,
      next: eol < 0 ? text.length : eol + 1,
    };
  }
  // The closing quote is the first one not preceded by a backslash escape.
  let chars = '';
  let escape = false;
  for (let i = pos + 1; i < text.length; i++) {
    const c = text[i];
    if (c !== quote) {
      if (!escape && c === '\\') {
        escape = true;
        continue;
      }
      if (escape) {
        escape = false;
        chars += '\\';
      }
      chars += c;
      continue;
    }
    if (escape) {
      escape = false;
      chars += c;
      continue;
    }
    const valueRange = { start: pos + 1, end: i };
    if (quote === "'") return { variable: { value: chars, valueRange, quote, uses: [] }, problems: [], next: i + 1 };
    const raw = text.slice(pos + 1, i);
    // Without escapes the value's characters are the source's: interpolate in place for exact ranges.
    if (raw === chars && !raw.includes('\\')) {
      const r = interpolate(text, lookup, pos + 1, i);
      return { variable: { value: r.value, valueRange, quote, uses: r.variables }, problems: r.problems, next: i + 1 };
    }
    const expanded = expandEscapes(chars);
    const r = interpolate(expanded, lookup);
    // Escapes make the mapping uncertain: every range is the whole value.
    return {
      variable: {
        value: r.value,
        valueRange,
        quote,
        uses: r.variables.map((u) => ({ ...u, range: valueRange, nameRange: valueRange, argRange: undefined })),
      },
      problems: r.problems.map((p) => ({ ...p, range: valueRange })),
      next: i + 1,
    };
  }
  const eol = text.indexOf('\n', pos);
  const end = eol < 0 ? text.length : eol;
  return {
    problem: {
      message: `unterminated quoted value ${text.slice(pos, end)}`,
      fix: 'close the quote',
      range: { start: pos, end },
    },
  };
}

function interpolationFix(p: InterpolationProblem): string {
  return p.kind === 'required' ? 'set it above this line, or give a default (:-)' : 'write $$ for a literal $';
}

/** compose-go's expandEscapes: the escapes Go knows in a rune literal, `\$` as `$$`. */
function expandEscapes(s: string): string {
  return s.replace(/\\(?:[abcfnrtv$"\\]|0\d{0,3})/g, (m) => {
    if (m === '\\$') return '$$';
    // `\0NNN` is Go's `\NNN`: exactly three octal digits, else it stays (without its 0).
    if (m.startsWith('\\0'))
      return /^[0-7]{3}$/.test(m.slice(2)) ? String.fromCharCode(parseInt(m.slice(2), 8)) : `\\${m.slice(2)}`;
    return ESCAPES[m[1]] ?? m;
  });
}
