// Splits a `command:` given as one string into words as compose does: compose-go's loader
// decodes it with types/command.go ShellCommand, which hands the string to
// github.com/mattn/go-shellwords v1.0.12 Parse (no environment, no backtick execution). That
// parser splits on blanks outside quotes; keeps single-quoted text literally; honours `\` outside
// single quotes (inside double quotes too: `\x` is `x`); joins quoted and unquoted parts that touch
// (`--a="b c"` is one word `--a=b c`); keeps a backtick span, backticks included, in one word
// (`Host(`a b`)` keeps its blank); stops at `;`, `&`, `|`, `<` or `>` outside quotes (the rest is
// dropped); and refuses the string ("invalid command line string") on a `(` outside quotes and
// backticks that does not follow `$`, or on a quote left open.

export interface ShellWord {
  value: string;
  /** Offsets of the word's source text in the string (quotes included). */
  start: number;
  end: number;
  /** True when the value is the source text itself (no quotes, no escapes). */
  plain: boolean;
}

export interface ShellSplit {
  words: ShellWord[];
  /** Why go-shellwords refuses the string (compose then refuses the file); the words are a best effort. */
  refused?: { message: string; at: number };
  /** Offset of the `;`, `&`, `|`, `<` or `>` where parsing stopped: compose drops what follows. */
  stoppedAt?: number;
}

export function shellWords(line: string): ShellWord[] {
  return shellSplit(line).words;
}

export function shellSplit(line: string): ShellSplit {
  const out: ShellSplit = { words: [] };
  let value = '';
  let start = -1;
  let plain = true;
  // go-shellwords' `got`: a word is open (a quoted empty word counts).
  let got = false;
  let single = false;
  let double = false;
  let back = false;
  let dollar = false;
  let escaped = false;
  // Refused `(`s whose `)` is then a plain character (not the end of a `$(` span).
  let unmatched = 0;
  const refuse = (message: string, at: number): void => {
    out.refused ??= { message, at };
  };
  const push = (end: number): void => {
    if (got) out.words.push({ value, start, end, plain });
    value = '';
    start = -1;
    plain = true;
    got = false;
  };
  const open = (i: number): void => {
    if (start < 0) start = i;
  };
  let i = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (escaped) {
      value += c;
      escaped = false;
      got = true;
      continue;
    }
    if (c === '\\') {
      open(i);
      plain = false;
      if (single) value += c;
      else escaped = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (single || double || back || dollar) value += c;
      else push(i);
      continue;
    }
    if (c === '`' && !single && !double && !dollar) back = !back;
    else if (c === ')' && !single && !double && !back && unmatched > 0) unmatched--;
    else if (c === ')' && !single && !double && !back) dollar = !dollar;
    else if (c === '(' && !single && !double && !back) {
      open(i);
      if (!dollar && value.endsWith('$')) {
        dollar = true;
        value += c;
        continue;
      }
      // Refused by compose; read on as if it and its `)` were plain characters, for a best effort.
      refuse('"(" outside quotes', i);
      unmatched++;
    } else if (c === '"' && !single && !dollar) {
      open(i);
      plain = false;
      if (double) got = true;
      double = !double;
      continue;
    } else if (c === "'" && !double && !dollar) {
      open(i);
      plain = false;
      if (single) got = true;
      single = !single;
      continue;
    } else if (';&|<>'.includes(c) && !single && !double && !back && !dollar) {
      // `2>x`: a word of digits before `>` is a redirection, not a word.
      if (c === '>' && /^[0-9]/.test(value)) got = false;
      out.stoppedAt = i;
      break;
    }
    open(i);
    got = true;
    value += c;
  }
  push(Math.min(i, line.length));
  if (out.stoppedAt === undefined && (escaped || single || double || back || dollar))
    refuse(escaped ? 'a "\\" at the end' : 'a quote left open', line.length);
  return out;
}
