// Tokens of a rule as Go's scanner sees them: vulcand/predicate hands the rule to
// go/parser.ParseExpr, so quoting, escapes, comments and line breaks follow Go's rules.
import { GO_ESCAPES } from '../goEscapes';
import type { RuleProblem } from './types';

export type TokenKind =
  | 'ident'
  | 'string'
  | 'char'
  | 'number'
  | 'op'
  | '('
  | ')'
  | ','
  /** A line break where Go inserts a semicolon (after an identifier, literal or `)`). */
  | 'semicolon'
  | 'illegal'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Decoded value of a string literal. */
  value?: string;
  problem?: RuleProblem;
}

// Longest first, so `&&` wins over `&`.
const OPERATORS = [
  '&^=',
  '<<=',
  '>>=',
  '...',
  '&&',
  '||',
  '&^',
  '<<',
  '>>',
  '==',
  '!=',
  '<=',
  '>=',
  ':=',
  '<-',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '&',
  '|',
  '^',
  '<',
  '>',
  '=',
  '!',
  '.',
  ':',
  ';',
  '[',
  ']',
  '{',
  '}',
  '~',
];

const SEMICOLON_AFTER = new Set(['ident', 'string', 'char', 'number', ')']);
const SEMICOLON_AFTER_OP = new Set([']', '}', '++', '--']);

const isLetter = (c: string): boolean => c === '_' || /\p{L}/u.test(c);
const isDigit = (c: string): boolean => /\p{Nd}/u.test(c);

function problem(kind: string, message: string, start: number, end: number, suggestion?: string): RuleProblem {
  return { kind, message, start, end, severity: 'error', ...(suggestion !== undefined ? { suggestion } : {}) };
}

export interface DecodedLiteral {
  value: string;
  /** offsets[i] = rule offset of value[i]; offsets[value.length] = the closing quote. */
  offsets: number[];
  /** End of the literal (after the closing quote, or where scanning stopped). */
  end: number;
  terminated: boolean;
  problems: RuleProblem[];
}

/** Decodes the Go string literal (`raw` or "interpreted") that starts at `start`. */
export function decodeLiteral(rule: string, start: number): DecodedLiteral {
  const quote = rule[start];
  const offsets: number[] = [];
  const problems: RuleProblem[] = [];
  let value = '';
  let i = start + 1;
  if (quote === '`') {
    while (i < rule.length && rule[i] !== '`') {
      // Go drops carriage returns from raw strings.
      if (rule[i] !== '\r') {
        value += rule[i];
        offsets.push(i);
      }
      i++;
    }
    offsets.push(i);
    return { value, offsets, end: Math.min(i + 1, rule.length), terminated: i < rule.length, problems };
  }
  // Interpreted string: escapes may produce raw bytes (\xNN, \NNN) that only form text together.
  let bytes: number[] = [];
  let bytesAt: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    const text = new TextDecoder().decode(Uint8Array.from(bytes));
    for (let k = 0; k < text.length; k++) offsets.push(bytesAt[Math.min(k, bytesAt.length - 1)]);
    value += text;
    bytes = [];
    bytesAt = [];
  };
  const push = (text: string, at: number): void => {
    flush();
    for (let k = 0; k < text.length; k++) offsets.push(at);
    value += text;
  };
  while (i < rule.length && rule[i] !== '"' && rule[i] !== '\n') {
    if (rule[i] !== '\\') {
      const cp = rule.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      push(ch, i);
      i += ch.length;
      continue;
    }
    const at = i;
    const e = rule[i + 1] ?? '';
    if (e in GO_ESCAPES) {
      push(GO_ESCAPES[e], at);
      i += 2;
    } else if (/[0-7]/.test(e)) {
      const digits = rule.slice(i + 1, i + 4);
      if (/^[0-7]{3}$/.test(digits) && parseInt(digits, 8) <= 255) {
        flush();
        bytes.push(parseInt(digits, 8));
        bytesAt.push(at);
        i += 4;
      } else {
        problems.push(badEscape(rule, at, Math.min(i + 4, rule.length)));
        i += 2;
      }
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = rule.slice(i + 2, i + 2 + n);
      const cp = /^[0-9a-fA-F]+$/.test(digits) && digits.length === n ? parseInt(digits, 16) : -1;
      if (e === 'x' && cp >= 0) {
        bytes.push(cp);
        bytesAt.push(at);
      } else if (cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
        push(String.fromCodePoint(cp), at);
      } else {
        problems.push(badEscape(rule, at, Math.min(i + 2 + n, rule.length)));
      }
      i += 2 + (cp >= 0 ? n : 0);
    } else {
      problems.push(badEscape(rule, at, Math.min(i + 2, rule.length)));
      i += 2;
    }
  }
  flush();
  offsets.push(i);
  const terminated = rule[i] === '"';
  return { value, offsets, end: terminated ? i + 1 : i, terminated, problems };
}

function badEscape(rule: string, start: number, end: number): RuleProblem {
  const seq = rule.slice(start, end);
  return problem(
    'bad-escape',
    `Invalid escape ${seq} in a double-quoted string (Go rules apply); use backticks for regexps and backslashes`,
    start,
    end,
  );
}

/** Splits a rule into Go tokens; never throws. */
export function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const last = (): Token | undefined => tokens[tokens.length - 1];
  const wantsSemicolon = (): boolean => {
    const t = last();
    return !!t && (SEMICOLON_AFTER.has(t.kind) || (t.kind === 'op' && SEMICOLON_AFTER_OP.has(t.text)));
  };
  const newline = (at: number): void => {
    if (wantsSemicolon()) tokens.push({ kind: 'semicolon', text: '\n', start: at, end: at + 1 });
  };
  while (i < rule.length) {
    const c = rule[i];
    if (c === '\n') {
      newline(i);
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || (c === '\ufeff' && i === 0)) {
      i++;
    } else if (rule.startsWith('//', i)) {
      const nl = rule.indexOf('\n', i);
      i = nl < 0 ? rule.length : nl;
    } else if (rule.startsWith('/*', i)) {
      const close = rule.indexOf('*/', i + 2);
      if (close < 0) {
        tokens.push({
          kind: 'illegal',
          text: rule.slice(i),
          start: i,
          end: rule.length,
          problem: problem('syntax', 'Comment is not terminated: missing */', i, i + 2),
        });
        i = rule.length;
      } else {
        if (rule.slice(i, close).includes('\n')) newline(i);
        i = close + 2;
      }
    } else if (c === '`' || c === '"') {
      const lit = decodeLiteral(rule, i);
      const t: Token = { kind: 'string', text: rule.slice(i, lit.end), start: i, end: lit.end, value: lit.value };
      if (!lit.terminated) {
        const what = c === '`' ? 'backtick' : 'double quote';
        t.problem = problem('unterminated-string', `Missing closing ${what}`, i, i + 1);
      } else if (lit.problems.length > 0) {
        t.problem = lit.problems[0];
      }
      tokens.push(t);
      i = lit.end;
    } else if (c === "'") {
      tokens.push(charLiteral(rule, i));
      i = last()!.end;
    } else if (isDigit(c) || (c === '.' && isDigit(rule[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < rule.length && (/[0-9A-Za-z_.]/.test(rule[j]) || (/[+-]/.test(rule[j]) && /[eEpP]/.test(rule[j - 1]))))
        j++;
      tokens.push({ kind: 'number', text: rule.slice(i, j), start: i, end: j });
      i = j;
    } else if (isLetter(String.fromCodePoint(rule.codePointAt(i)!))) {
      let j = i;
      while (j < rule.length) {
        const ch = String.fromCodePoint(rule.codePointAt(j)!);
        if (!isLetter(ch) && !isDigit(ch)) break;
        j += ch.length;
      }
      tokens.push({ kind: 'ident', text: rule.slice(i, j), start: i, end: j });
      i = j;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, start: i, end: i + 1 });
      i++;
    } else {
      const op = OPERATORS.find((o) => rule.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
        i += op.length;
      } else {
        const ch = String.fromCodePoint(rule.codePointAt(i)!);
        const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        const invisible = /\s/u.test(ch) ? ` (an invisible space; replace it with a normal space)` : '';
        tokens.push({
          kind: 'illegal',
          text: ch,
          start: i,
          end: i + ch.length,
          problem: problem(
            'illegal-char',
            `Character ${JSON.stringify(ch)} (${code}) is not allowed here${invisible}`,
            i,
            i + ch.length,
          ),
        });
        i += ch.length;
      }
    }
  }
  // Go also inserts a semicolon at the end; ParseExpr accepts it, so it is not a token here.
  tokens.push({ kind: 'eof', text: '', start: rule.length, end: rule.length });
  while (tokens.length > 1 && tokens[tokens.length - 2].kind === 'semicolon') tokens.splice(tokens.length - 2, 1);
  return tokens;
}

/** `'...'` is a Go rune literal, never a string: always an error in a rule. */
function charLiteral(rule: string, start: number): Token {
  let j = start + 1;
  while (j < rule.length && rule[j] !== "'" && rule[j] !== '\n') j += rule[j] === '\\' ? 2 : 1;
  const closed = rule[j] === "'";
  const end = closed ? j + 1 : Math.min(j, rule.length);
  const inner = rule.slice(start + 1, closed ? j : end);
  return {
    kind: 'char',
    text: rule.slice(start, end),
    start,
    end,
    problem: problem(
      'single-quote',
      'Single quotes are not allowed; use backticks',
      start,
      end,
      inner.includes('`') ? undefined : `\`${inner}\``,
    ),
  };
}
