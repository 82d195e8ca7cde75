// A parser for Go's regexp syntax (RE2, regexp/syntax with the Perl flags regexp.Compile uses),
// so the *Regexp matchers are checked as Traefik compiles them: what RE2 rejects is an error
// here, with the offending part of the pattern; what it accepts is matched by go-regexp.ts
// and its tree feeds the samples and value checks.
import { negate as negateRanges } from './runes';

export type ClassItem = { kind: 'range'; lo: number; hi: number } | { kind: 'prop'; js?: string; negate: boolean };

export type Re2Node =
  | { op: 'empty' }
  /** `at`/`end`: where the literal or class is written in the pattern. */
  | { op: 'lit'; cp: number; fold: boolean; at: number; end: number }
  | { op: 'class'; items: ClassItem[]; negate: boolean; fold: boolean; at: number; end: number }
  | { op: 'any'; nl: boolean }
  | { op: 'bol' | 'eol' | 'bot' | 'eot' | 'wordb' | 'nwordb' }
  | { op: 'concat' | 'alt'; subs: Re2Node[] }
  | { op: 'group'; sub: Re2Node; capture: boolean }
  | { op: 'repeat'; sub: Re2Node; min: number; max: number; brace: boolean };

export interface Re2Error {
  message: string;
  /** UTF-16 offsets inside the pattern. */
  start: number;
  end: number;
}

export type Re2Result = { ok: true; node: Re2Node } | { ok: false; error: Re2Error };

const FOLD = 1;
const DOTNL = 2;
const ONELINE = 4;

const r = (lo: number, hi = lo): ClassItem => ({ kind: 'range', lo, hi });
const c = (ch: string): number => ch.codePointAt(0)!;
const PERL: Record<string, ClassItem[]> = {
  d: [r(c('0'), c('9'))],
  s: [r(9, 10), r(12, 13), r(32)],
  w: [r(c('0'), c('9')), r(c('A'), c('Z')), r(c('_')), r(c('a'), c('z'))],
};
const POSIX: Record<string, ClassItem[]> = {
  alnum: [r(c('0'), c('9')), r(c('A'), c('Z')), r(c('a'), c('z'))],
  alpha: [r(c('A'), c('Z')), r(c('a'), c('z'))],
  ascii: [r(0, 0x7f)],
  blank: [r(9), r(32)],
  cntrl: [r(0, 0x1f), r(0x7f)],
  digit: [r(c('0'), c('9'))],
  graph: [r(c('!'), c('~'))],
  lower: [r(c('a'), c('z'))],
  print: [r(c(' '), c('~'))],
  punct: [r(c('!'), c('/')), r(c(':'), c('@')), r(c('['), c('`')), r(c('{'), c('~'))],
  space: [r(9, 13), r(32)],
  upper: [r(c('A'), c('Z'))],
  word: PERL.w,
  xdigit: [r(c('0'), c('9')), r(c('A'), c('F')), r(c('a'), c('f'))],
};
// Go's unicode.Categories keys.
const CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

function negated(items: ClassItem[]): ClassItem[] {
  const ranges = items.map((i) =>
    i.kind === 'range' ? ([i.lo, i.hi] as [number, number]) : ([0, -1] as [number, number]),
  );
  return negateRanges(ranges).map(([lo, hi]) => r(lo, hi));
}

function jsAccepts(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

class Fail extends Error {
  constructor(readonly error: Re2Error) {
    super(error.message);
  }
}

/** Go's maxHeight (regexp/syntax/parse.go): a deeper parse tree is ErrNestingDepth. */
const MAX_HEIGHT = 1000;
const NESTS = 'expression nests too deeply (Go allows 1000 levels)';

interface Frame {
  alts: Re2Node[];
  items: Re2Node[];
  /** Where the last repetition operator starts, or -1. */
  lastRepeat: number;
  /** Where the group opens; -1 for the whole pattern. */
  start: number;
  saved: number;
  capture: boolean;
}

const concatOf = (items: Re2Node[]): Re2Node =>
  items.length === 0 ? { op: 'empty' } : items.length === 1 ? items[0] : { op: 'concat', subs: items };

class Re2Parser {
  private i = 0;
  private flags = ONELINE;

  constructor(private readonly src: string) {}

  private fail(message: string, start: number, end: number): never {
    throw new Fail({ message, start, end: Math.min(Math.max(end, start), this.src.length) });
  }

  private at(s: string): boolean {
    return this.src.startsWith(s, this.i);
  }

  private rune(at = this.i): { cp: number; len: number } {
    const cp = this.src.codePointAt(at)!;
    return { cp, len: cp > 0xffff ? 2 : 1 };
  }

  parse(): Re2Node {
    const node = this.parseAlt();
    if (this.i < this.src.length) this.fail('unexpected ): no group is open here', this.i, this.i + 1);
    return node;
  }

  /**
   * Alternations, concatenations and groups. Open groups are kept on an explicit stack, so a
   * pattern nested a thousand deep costs no recursion here.
   */
  private parseAlt(): Re2Node {
    const stack: Frame[] = [];
    let frame: Frame = { alts: [], items: [], lastRepeat: -1, start: -1, saved: this.flags, capture: false };
    for (;;) {
      const items = frame.items;
      if (this.at('|')) {
        frame.alts.push(concatOf(items));
        frame.items = [];
        frame.lastRepeat = -1;
        this.i++;
        continue;
      }
      if (this.i >= this.src.length || this.at(')')) {
        const subs = [...frame.alts, concatOf(items)];
        const node: Re2Node = subs.length === 1 ? subs[0] : { op: 'alt', subs };
        if (frame.start < 0) return node;
        if (!this.at(')')) this.fail('missing closing ) for this group', frame.start, frame.start + 1);
        this.i++;
        this.flags = frame.saved;
        const group: Re2Node = { op: 'group', sub: node, capture: frame.capture };
        frame = stack.pop()!;
        frame.items.push(group);
        frame.lastRepeat = -1;
        continue;
      }
      const start = this.i;
      const ch = this.src[this.i];
      let repeat: { min: number; max: number; brace: boolean } | undefined;
      if (ch === '*' || ch === '+' || ch === '?') {
        this.i++;
        repeat = { min: ch === '+' ? 1 : 0, max: ch === '?' ? 1 : -1, brace: false };
      } else if (ch === '{' && this.braceRepeat()) {
        const b = this.braceRepeat()!;
        if (b.min < 0 || b.min > 1000 || b.max > 1000 || (b.max >= 0 && b.min > b.max)) {
          this.fail(`invalid repeat count ${this.src.slice(start, b.end)} (RE2 allows at most 1000)`, start, b.end);
        }
        this.i = b.end;
        repeat = { min: b.min, max: b.max, brace: true };
      }
      if (repeat) {
        if (this.at('?')) this.i++;
        if (frame.lastRepeat >= 0) {
          this.fail(
            `invalid nested repetition operator ${this.src.slice(frame.lastRepeat, this.i)}`,
            frame.lastRepeat,
            this.i,
          );
        }
        if (items.length === 0)
          this.fail(`missing argument to repetition operator ${this.src.slice(start, this.i)}`, start, this.i);
        const node: Re2Node = { op: 'repeat', sub: items[items.length - 1], ...repeat };
        if (repeat.brace && (repeat.min >= 2 || repeat.max >= 2) && !repeatIsValid(node, 1000)) {
          this.fail(
            `invalid repeat count ${this.src.slice(start, this.i)}: nested repetitions exceed 1000`,
            start,
            this.i,
          );
        }
        items[items.length - 1] = node;
        frame.lastRepeat = start;
        continue;
      }
      frame.lastRepeat = -1;
      if (ch === '(') {
        const saved = this.flags;
        const group = this.openGroup();
        if (!group) continue;
        // Go counts captures only; so many open groups of any kind only come from abuse.
        if (stack.length >= MAX_HEIGHT) this.fail(NESTS, start, start + 1);
        stack.push(frame);
        frame = { alts: [], items: [], lastRepeat: -1, start, saved, capture: group.capture };
        continue;
      }
      items.push(...this.parseAtom());
    }
  }

  /** `{n}`, `{n,}`, `{n,m}` at the cursor; anything else makes `{` a literal (Go parseRepeat). */
  private braceRepeat(): { min: number; max: number; end: number } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
    if (!m || /^0\d/.test(m[1]) || (m[3] && /^0\d/.test(m[3]))) return undefined;
    const num = (s: string): number => (s.length > 8 ? -1 : Number(s));
    const min = num(m[1]);
    let max = m[2] === undefined ? min : m[3] === '' ? -1 : num(m[3]);
    if (m[3] && max < 0) max = 1001;
    return { min, max, end: this.i + m[0].length };
  }

  /** One atom other than a group (a `\\Q...\\E` run gives several). */
  private parseAtom(): Re2Node[] {
    const start = this.i;
    const ch = this.src[this.i];
    if (ch === '[') return [this.parseClass()];
    if (ch === '.') {
      this.i++;
      return [{ op: 'any', nl: (this.flags & DOTNL) !== 0 }];
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      const oneLine = (this.flags & ONELINE) !== 0;
      return [{ op: ch === '^' ? (oneLine ? 'bot' : 'bol') : oneLine ? 'eot' : 'eol' }];
    }
    if (ch === '\\') {
      const e = this.src[this.i + 1];
      if (e === undefined) this.fail('trailing backslash at end of expression', start, start + 1);
      const simple: Record<string, Re2Node['op']> = { A: 'bot', z: 'eot', b: 'wordb', B: 'nwordb' };
      if (simple[e]) {
        this.i += 2;
        return [{ op: simple[e] } as Re2Node];
      }
      if (e === 'C') this.fail('\\C (any byte) is not supported by Go regexps', start, start + 2);
      if (e === 'Q') {
        const end = this.src.indexOf('\\E', this.i + 2);
        const atoms: Re2Node[] = [];
        for (let k = this.i + 2; k < (end < 0 ? this.src.length : end);) {
          const { cp, len } = this.rune(k);
          atoms.push(this.literal(cp, k, k + len));
          k += len;
        }
        this.i = end < 0 ? this.src.length : end + 2;
        return atoms;
      }
      const cls = this.classEscape();
      if (cls)
        return [{ op: 'class', items: cls, negate: false, fold: (this.flags & FOLD) !== 0, at: start, end: this.i }];
      const cp = this.parseEscape();
      return [this.literal(cp, start, this.i)];
    }
    const { cp, len } = this.rune();
    this.i += len;
    return [this.literal(cp, start, this.i)];
  }

  private literal(cp: number, at: number, end: number): Re2Node {
    return { op: 'lit', cp, fold: (this.flags & FOLD) !== 0, at, end };
  }

  /** The opening of a group at the cursor; undefined for a flag group such as `(?i)`. */
  private openGroup(): { capture: boolean } | undefined {
    const start = this.i;
    if (!this.at('(?')) {
      this.i++;
      return { capture: true };
    }
    for (const [prefix, what] of [
      ['(?=', 'lookahead'],
      ['(?!', 'negative lookahead'],
      ['(?<=', 'lookbehind'],
      ['(?<!', 'negative lookbehind'],
    ]) {
      if (this.at(prefix))
        this.fail(`Go regexps (RE2) do not support ${what} ${prefix}...)`, start, start + prefix.length);
    }
    const named = /^\(\?P?<([^>]*)>/.exec(this.src.slice(this.i));
    if (this.at('(?P<') || this.at('(?<')) {
      if (!named || !/^[A-Za-z0-9_]+$/.test(named[1])) {
        const end = named ? start + named[0].length : this.src.length;
        this.fail(`invalid named capture ${this.src.slice(start, end)}`, start, end);
      }
      this.i += named[0].length;
      return { capture: true };
    }
    // Flags: (?imsU-imsU) or (?imsU-imsU:re).
    let flags = this.flags;
    let sign = 1;
    let sawFlag = false;
    this.i += 2;
    while (this.i < this.src.length) {
      const f = this.src[this.i++];
      const bit = f === 'i' ? FOLD : f === 's' ? DOTNL : f === 'm' ? ONELINE : f === 'U' ? 0 : -1;
      if (bit >= 0) {
        // `m` clears OneLine; the others set their flag (negated after `-`).
        const on = f === 'm' ? sign < 0 : sign > 0;
        flags = on ? flags | bit : flags & ~bit;
        sawFlag = true;
        continue;
      }
      if (f === '-' && sign > 0) {
        sign = -1;
        sawFlag = false;
        continue;
      }
      if ((f === ':' || f === ')') && (sign > 0 || sawFlag)) {
        if (f === ')') {
          this.flags = flags;
          return undefined;
        }
        this.flags = flags;
        return { capture: false };
      }
      break;
    }
    const seq = this.src.slice(start, this.i);
    const hint =
      this.src.startsWith('(?P=', start) || this.src.startsWith('(?P>', start)
        ? ' (backreferences and recursion are not supported)'
        : '';
    this.fail(`invalid or unsupported Perl syntax ${seq}${hint}`, start, this.i);
  }

  /** \d \s \w \pN \p{Name} and their negations, at the cursor (a backslash). */
  private classEscape(): ClassItem[] | undefined {
    const start = this.i;
    const e = this.src[this.i + 1];
    const perl = PERL[e?.toLowerCase()];
    if (perl && /[dswDSW]/.test(e)) {
      this.i += 2;
      return e === e.toUpperCase() ? negated(perl) : perl;
    }
    if (e !== 'p' && e !== 'P') return undefined;
    let negate = e === 'P';
    let name: string;
    if (this.src[this.i + 2] === '{') {
      const end = this.src.indexOf('}', this.i);
      if (end < 0) this.fail(`missing } in Unicode class ${this.src.slice(start)}`, start, this.src.length);
      name = this.src.slice(this.i + 3, end);
      this.i = end + 1;
    } else {
      if (this.i + 2 >= this.src.length) this.fail('missing Unicode class name after \\p', start, this.src.length);
      const { cp, len } = this.rune(this.i + 2);
      name = String.fromCodePoint(cp);
      this.i += 2 + len;
    }
    if (name.startsWith('^')) {
      negate = !negate;
      name = name.slice(1);
    }
    if (name === 'Any') return negate ? [] : [r(0, 0x10ffff)];
    if (CATEGORIES.has(name)) return [{ kind: 'prop', js: name, negate }];
    if (jsAccepts(`\\p{sc=${name}}`)) return [{ kind: 'prop', js: `sc=${name}`, negate }];
    // Names JS knows in another sense (long category names, properties) may or may not be Go's:
    // keep them as untranslatable rather than call them errors.
    if (jsAccepts(`\\p{${name}}`)) return [{ kind: 'prop', negate }];
    this.fail(`unknown Unicode class ${this.src.slice(start, this.i)}`, start, this.i);
  }

  /** A single-character escape (Go parseEscape); the cursor is on the backslash. */
  private parseEscape(): number {
    const start = this.i;
    this.i++;
    if (this.i >= this.src.length) this.fail('trailing backslash at end of expression', start, start + 1);
    const { cp, len } = this.rune();
    this.i += len;
    const e = String.fromCodePoint(cp);
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(e)) return cp;
    const bad = (why = ''): never =>
      this.fail(`invalid escape sequence ${this.src.slice(start, this.i)}${why}`, start, this.i);
    if (/[1-7]/.test(e) && !/[0-7]/.test(this.src[this.i] ?? ''))
      bad(' (backreferences are not supported by Go regexps)');
    if (/[0-7]/.test(e)) {
      let v = cp - 0x30;
      for (let k = 0; k < 2 && /[0-7]/.test(this.src[this.i] ?? ''); k++)
        v = v * 8 + (this.src.charCodeAt(this.i++) - 0x30);
      return v;
    }
    if (e === 'x') {
      if (this.at('{')) {
        const end = this.src.indexOf('}', this.i);
        const hex = end < 0 ? '' : this.src.slice(this.i + 1, end);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) {
          this.i = end < 0 ? this.src.length : end + 1;
          bad();
        }
        this.i = end + 1;
        return parseInt(hex, 16);
      }
      const hex = this.src.slice(this.i, this.i + 2);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        this.i = Math.min(this.i + 2, this.src.length);
        bad();
      }
      this.i += 2;
      return parseInt(hex, 16);
    }
    const named: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (e in named) return named[e];
    const hint = /[1-9]/.test(e) ? ' (backreferences are not supported by Go regexps)' : '';
    return bad(hint);
  }

  private parseClass(): Re2Node {
    const open = this.i;
    this.i++;
    let negate = false;
    if (this.at('^')) {
      negate = true;
      this.i++;
    }
    const items: ClassItem[] = [];
    const fold = (this.flags & FOLD) !== 0;
    let first = true;
    while (first || !this.at(']')) {
      if (this.i >= this.src.length) this.fail('missing closing ] for this character class', open, open + 1);
      first = false;
      if (this.at('[:')) {
        const end = this.src.indexOf(':]', this.i + 2);
        if (end >= 0) {
          let name = this.src.slice(this.i + 2, end);
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          const group = POSIX[name];
          if (!group) this.fail(`invalid character class [:${this.src.slice(this.i + 2, end)}:]`, this.i, end + 2);
          items.push(...(neg ? negated(group) : group));
          this.i = end + 2;
          continue;
        }
      }
      const escaped = this.at('\\') ? this.classEscape() : undefined;
      if (escaped) {
        items.push(...escaped);
        continue;
      }
      const rangeStart = this.i;
      const lo = this.classChar(open);
      let hi = lo;
      if (this.at('-') && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        hi = this.classChar(open);
        if (hi < lo)
          this.fail(`invalid character class range ${this.src.slice(rangeStart, this.i)}`, rangeStart, this.i);
      }
      items.push(r(lo, hi));
    }
    this.i++;
    return { op: 'class', items, negate, fold, at: open, end: this.i };
  }

  private classChar(open: number): number {
    if (this.i >= this.src.length) this.fail('missing closing ] for this character class', open, open + 1);
    if (this.at('\\')) return this.parseEscape();
    const { cp, len } = this.rune();
    this.i += len;
    return cp;
  }
}

/**
 * The height Go gives the tree: a capture, a repetition, a concatenation or an alternation is
 * a level; a non-capturing group is none, and a run of literals is one node.
 */
function height(node: Re2Node): number {
  switch (node.op) {
    case 'group':
      return height(node.sub) + (node.capture ? 1 : 0);
    case 'repeat':
      return 1 + height(node.sub);
    case 'concat':
    case 'alt':
      if (node.op === 'concat' && node.subs.every((s) => s.op === 'lit')) return 1;
      return 1 + Math.max(...node.subs.map(height));
    default:
      return 1;
  }
}

/** Go's repeatIsValid: nested counted repetitions may not exceed `n` copies in total. */
function repeatIsValid(node: Re2Node, n: number): boolean {
  if (node.op === 'repeat' && node.brace) {
    let m = node.max;
    if (m === 0) return true;
    if (m < 0) m = node.min;
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  const subs = 'subs' in node ? node.subs : 'sub' in node ? [node.sub] : [];
  return subs.every((s) => repeatIsValid(s, n));
}

/**
 * Parses a Go regexp; the error (if any) points into `src`. Parses on every call: rule parses are
 * kept per rule text (parseRuleIn), and what evaluates rules reads parsed regexps through the
 * engine's CompiledMatchers (compiled.ts).
 */
export function parseGoRegexp(src: string): Re2Result {
  try {
    const node = new Re2Parser(src).parse();
    return height(node) > MAX_HEIGHT
      ? { ok: false, error: { message: NESTS, start: 0, end: src.length } }
      : { ok: true, node };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { ok: false, error: e.error };
  }
}

/** Go's regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
