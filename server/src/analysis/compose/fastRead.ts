// A reader for the plain block subset of YAML that compose service slices are nearly always
// written in: block maps and sequences, one-line plain / 'single' / "double" quoted scalars,
// comments and blank lines. It builds the same `yaml` nodes (values, types and ranges) that
// parseDocument builds, so readService cannot tell them apart, at a fraction of the cost of a
// cold parseDocument. Anything outside that subset, or anything on which `yaml` would report a
// problem, returns undefined and the caller parses with `yaml` (which also reports problems).
// Plain scalars keep their source as value: compose readers use `source` for plain scalars and
// look at `value` only for null, so numbers and booleans need no resolving.
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

type Block = YAMLMap<Scalar, YamlNode> | YAMLSeq<YamlNode>;
type YamlNode = Scalar | Block;

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

interface Line {
  start: number;
  /** End of the line's text, before `\n` or `\r\n`. */
  end: number;
  /** Start of the next line (text length for the last). */
  next: number;
  indent: number;
  kind: typeof BLANK | typeof COMMENT | typeof CONTENT;
}

/**
 * The comment lines after a collection's last value, up to the next content token. `yaml` gives
 * them to the innermost ending collection whose indent is at most the deepest comment's: that
 * collection's range[2] then runs to `end`.
 */
interface Run {
  maxIndent: number;
  end: number;
  claimed: boolean;
}

/** Thrown inside the reader when the text leaves the subset; caught once at the entry. */
const DECLINE = new Error('outside the plain YAML subset');
const MAX_DEPTH = 64;

// Tabs, control characters, Unicode line separators, a byte order mark, a lone CR: `yaml` (or
// a JavaScript regex) may treat these specially.
const UNUSUAL = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
// Plain keys `yaml` resolves to something other than the same string (numbers, booleans, null).
const NOT_A_STRING_KEY = /^(?:[-+.\d]|(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;
const NULL_VALUE = /^(?:~|null|Null|NULL)$/;
// First characters that make a plain scalar something else (or an error): YAML indicators.
const INDICATOR = /[,[\]{}#&*!|>'"%@`]/;
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_WIDTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The root block map of `text` from `from` to `to` (line starts), with ranges in `text`; null
 * when there is nothing but comments and blank lines; undefined when it is outside the subset.
 */
export function readPlainYaml(text: string, from = 0, to = text.length): YAMLMap<Scalar, YamlNode> | null | undefined {
  if (UNUSUAL.test(from === 0 && to === text.length ? text : text.slice(from, to))) return undefined;
  try {
    return new Reader(text, from, to).root();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  /** Index of the line being read. */
  private i = 0;
  private run: Run | undefined;

  constructor(
    private readonly text: string,
    from: number,
    private readonly to: number,
  ) {
    let start = from;
    while (start < to) {
      const nl = text.indexOf('\n', start);
      const next = nl < 0 || nl >= to ? to : nl + 1;
      const end = nl < 0 || nl >= to ? to : nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let at = start;
      while (at < end && text.charCodeAt(at) === 32) at++;
      const kind = at === end ? BLANK : text[at] === '#' ? COMMENT : CONTENT;
      this.lines.push({ start, end, next, indent: at - start, kind });
      start = next;
    }
  }

  root(): YAMLMap<Scalar, YamlNode> | null {
    const first = this.skipTrivia(this.i);
    if (first >= this.lines.length) return null;
    this.i = first;
    const line = this.lines[first];
    if (line.indent === 0 && /^(?:---|\.\.\.)/.test(this.text.slice(line.start, line.start + 3))) throw DECLINE;
    const map = this.map(line.indent, line.start + line.indent);
    if (this.i < this.lines.length) throw DECLINE; // content less indented than the root
    return map;
  }

  /** Index of the first content line from `from` on (lines.length when none). */
  private skipTrivia(from: number): number {
    let j = from;
    while (j < this.lines.length && this.lines[j].kind !== CONTENT) j++;
    return j;
  }

  private isSeqItem(line: Line): boolean {
    const at = line.start + line.indent;
    return this.text[at] === '-' && (at + 1 === line.end || this.text[at + 1] === ' ');
  }

  /** Open collections; deeper than compose files are written, `yaml` reads the rest. */
  private depth = 0;

  /** A block map whose keys sit at column `indent`; its first key starts at `at` on line i. */
  private map(indent: number, at: number): YAMLMap<Scalar, YamlNode> {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const map = new YAMLMap<Scalar, YamlNode>();
    const keys = new Set<unknown>();
    let end = at;
    for (;;) {
      const line = this.lines[this.i];
      const { key, after } = this.key(at, line.end);
      if (keys.has(key.value)) throw DECLINE; // `yaml` reports duplicate keys
      keys.add(key.value);
      const value = this.value(indent, after, line, true);
      map.items.push(new Pair(key, value));
      end = value.range![2];
      // this.i is now the next content line (or past the end)
      const next = this.lines[this.i];
      if (!next || next.indent < indent) break;
      if (next.indent > indent || this.isSeqItem(next)) throw DECLINE;
      at = next.start + indent;
    }
    map.range = [map.items[0].key.range![0], end, this.claim(indent, end)];
    this.depth--;
    return map;
  }

  /** A block sequence whose `-` sit at column `indent`, the first on line i. */
  private seq(indent: number): YAMLSeq<YamlNode> {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const seq = new YAMLSeq<YamlNode>();
    const dash = this.lines[this.i].start + indent;
    let end = dash;
    for (;;) {
      const line = this.lines[this.i];
      let at = line.start + indent + 1;
      while (at < line.end && this.text.charCodeAt(at) === 32) at++;
      if (at === line.end || this.text[at] === '#') throw DECLINE; // item on the next line(s)
      const item = this.keyAhead(at, line.end)
        ? this.map(at - line.start, at)
        : this.value(indent, at - 1, line, false);
      seq.items.push(item);
      end = item.range![2];
      const next = this.lines[this.i];
      if (!next || next.indent < indent) break;
      if (next.indent > indent) throw DECLINE;
      if (!this.isSeqItem(next)) break; // a key of the map this sequence is the value of
    }
    seq.range = [dash, end, this.claim(indent, end)];
    this.depth--;
    return seq;
  }

  /** range[2] of a collection at `indent` that ends here, with range[1] `end`. */
  private claim(indent: number, end: number): number {
    const run = this.run;
    if (!run || run.claimed || run.maxIndent < indent) return end;
    run.claimed = true;
    return run.end;
  }

  /**
   * The value after `key:` (or `- `) at `after` on `line`, in a collection at `indent`; leaves
   * this.i at the next content line.
   */
  private value(indent: number, after: number, line: Line, inMap: boolean): YamlNode {
    let at = after;
    while (at < line.end && this.text.charCodeAt(at) === 32) at++;
    if (at < line.end && this.text[at] !== '#') {
      const scalar = this.scalar(at, line.end);
      this.endScalar(scalar, indent, line);
      return scalar;
    }
    // Nothing on the key's line: a nested block, or an empty value.
    const j = this.skipTrivia(this.i + 1);
    const next = this.lines[j];
    if (next && (next.indent > indent || (inMap && next.indent === indent && this.isSeqItem(next)))) {
      this.i = j;
      return this.isSeqItem(next) ? this.seq(next.indent) : this.map(next.indent, next.start + next.indent);
    }
    // An empty value with comments around it: `yaml` files those elsewhere; not worth modelling.
    if (!inMap || at < line.end) throw DECLINE;
    for (let k = this.i + 1; k < j; k++) if (this.lines[k].kind === COMMENT) throw DECLINE;
    const empty = new Scalar<unknown>(null);
    empty.range = [at, at, at];
    empty.source = '';
    empty.type = 'PLAIN';
    this.i = j;
    this.run = undefined;
    return empty;
  }

  /**
   * Sets the scalar's range[2] and this.run from the lines after it: comment lines deeper than
   * the collection belong to the scalar until the first one that is not.
   */
  private endScalar(scalar: YamlNode, indent: number, line: Line): void {
    let j = this.i + 1;
    let end = line.next;
    let maxIndent = -1;
    let merging = true;
    while (j < this.lines.length && this.lines[j].kind !== CONTENT) {
      const l = this.lines[j];
      if (l.kind === COMMENT) {
        if (merging && l.indent > indent) end = l.next;
        else {
          merging = false;
          maxIndent = Math.max(maxIndent, l.indent);
        }
      }
      j++;
    }
    const next = this.lines[j];
    if (next && next.indent > indent) throw DECLINE; // a continuation line of the scalar, or an error
    scalar.range![2] = end;
    this.i = j;
    this.run = { maxIndent, end: next ? next.start + next.indent : this.to, claimed: false };
  }

  /** Whether a `key:` starts at `at`. */
  private keyAhead(at: number, lineEnd: number): boolean {
    const c = this.text[at];
    if (c === '"' || c === "'") {
      let e = this.quotedEnd(at, lineEnd);
      while (e < lineEnd && this.text.charCodeAt(e) === 32) e++;
      return this.text[e] === ':';
    }
    return this.colon(at, lineEnd) >= 0;
  }

  /** Offset of the `:` ending a plain key from `at` (-1 when none); declines on a comment first. */
  private colon(at: number, lineEnd: number): number {
    const text = this.text;
    for (let k = at; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 58 /* : */ && (k + 1 === lineEnd || text.charCodeAt(k + 1) === 32)) return k;
      if (c === 35 /* # */ && text.charCodeAt(k - 1) === 32) return -1;
    }
    return -1;
  }

  private key(at: number, lineEnd: number): { key: Scalar; after: number } {
    const c = this.text[at];
    if (c === '"' || c === "'") {
      const key = this.quoted(at, lineEnd);
      let e = key.range![1];
      key.range![2] = e;
      while (e < lineEnd && this.text.charCodeAt(e) === 32) e++;
      if (this.text[e] !== ':' || (e + 1 < lineEnd && this.text[e + 1] !== ' ')) throw DECLINE;
      return { key, after: e + 1 };
    }
    const colon = this.colon(at, lineEnd);
    if (colon < 0) throw DECLINE;
    let end = colon;
    while (end > at && this.text.charCodeAt(end - 1) === 32) end--;
    const source = this.text.slice(at, end);
    if (source === '' || NOT_A_STRING_KEY.test(source) || source.startsWith('<<')) throw DECLINE;
    const key = this.plain(source, at);
    key.range![2] = end;
    return { key, after: colon + 1 };
  }

  /** A scalar value from `at` to the end of the line (or a comment). */
  private scalar(at: number, lineEnd: number): Scalar | Block {
    const c = this.text[at];
    const closed = c === '"' || c === "'" ? this.quoted(at, lineEnd) : this.emptyFlow(at);
    if (closed) {
      const e = closed.range![1];
      let k = e;
      while (k < lineEnd && this.text.charCodeAt(k) === 32) k++;
      if (k < lineEnd && (this.text[k] !== '#' || k === e)) throw DECLINE;
      return closed;
    }
    let end = at;
    while (end < lineEnd && !(this.text.charCodeAt(end) === 35 /* # */ && this.text.charCodeAt(end - 1) === 32)) end++;
    while (end > at && this.text.charCodeAt(end - 1) === 32) end--;
    const source = this.text.slice(at, end);
    // `a: b: c` is a nested map in a compact one (an error); `a: b:` likewise.
    if (source.includes(': ') || source.endsWith(':')) throw DECLINE;
    const scalar = this.plain(source, at);
    if (NULL_VALUE.test(source)) scalar.value = null;
    return scalar;
  }

  private plain(source: string, at: number): Scalar {
    const c = source[0];
    if (INDICATOR.test(c)) throw DECLINE;
    if ((c === '-' || c === '?' || c === ':') && (source.length === 1 || source[1] === ' ')) throw DECLINE;
    const scalar = new Scalar<unknown>(source);
    scalar.range = [at, at + source.length, at + source.length];
    scalar.source = source;
    scalar.type = 'PLAIN';
    return scalar;
  }

  /** `{}` or `[]` (an empty map or list written in flow style); other flow collections decline. */
  private emptyFlow(at: number): Block | undefined {
    const pair = this.text.slice(at, at + 2);
    if (pair !== '{}' && pair !== '[]') return undefined;
    const block = pair === '{}' ? new YAMLMap<Scalar, YamlNode>() : new YAMLSeq<YamlNode>();
    block.flow = true;
    block.range = [at, at + 2, at + 2];
    return block;
  }

  /** Offset after the closing quote of the quoted scalar at `at` (declines unless on this line). */
  private quotedEnd(at: number, lineEnd: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let k = at + 1; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === quote) {
        if (quote === 39 /* ' */ && text.charCodeAt(k + 1) === 39) k++;
        else return k + 1;
      } else if (c === 92 /* \\ */ && quote === 34 /* " */) k++;
    }
    throw DECLINE;
  }

  private quoted(at: number, lineEnd: number): Scalar {
    const end = this.quotedEnd(at, lineEnd);
    const raw = this.text.slice(at + 1, end - 1);
    const double = this.text[at] === '"';
    const value = double ? unescape(raw) : raw.replace(/''/g, "'");
    const scalar = new Scalar<unknown>(value);
    scalar.range = [at, end, end];
    scalar.source = value;
    scalar.type = double ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return scalar;
  }
}

/** The value of a one-line double-quoted scalar's content, as `yaml` decodes it. */
function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[++k];
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const width = HEX_WIDTH[next];
    const hex = width ? raw.slice(k + 1, k + 1 + width) : '';
    if (!width || hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw DECLINE;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw DECLINE;
    out += String.fromCodePoint(code);
    k += width;
  }
  return out;
}
