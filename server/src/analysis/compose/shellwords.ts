// Splits a `command:` given as one string into words as compose does: compose-go's loader
// (transformShellCommand) hands the string to github.com/mattn/go-shellwords Parse, which splits
// on blanks outside quotes, keeps single-quoted text literally, honours `\` escapes outside single
// quotes, and joins quoted and unquoted parts that touch (`--a="b c"` is one word `--a=b c`).

export interface ShellWord {
  value: string;
  /** Offsets of the word's source text in the string (quotes included). */
  start: number;
  end: number;
  /** True when the value is the source text itself (no quotes, no escapes). */
  plain: boolean;
}

export function shellWords(line: string): ShellWord[] {
  const out: ShellWord[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    const start = i;
    let value = '';
    let plain = true;
    while (i < line.length && !/\s/.test(line[i])) {
      const c = line[i];
      if (c === '\\' && i + 1 < line.length) {
        value += line[i + 1];
        plain = false;
        i += 2;
      } else if (c === "'") {
        const close = line.indexOf("'", i + 1);
        const end = close < 0 ? line.length : close;
        value += line.slice(i + 1, end);
        plain = false;
        i = end + 1;
      } else if (c === '"') {
        plain = false;
        i++;
        while (i < line.length && line[i] !== '"') {
          if (line[i] === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) i++;
          value += line[i];
          i++;
        }
        i++;
      } else {
        value += c;
        i++;
      }
    }
    out.push({ value, start, end: Math.min(i, line.length), plain });
  }
  return out;
}
