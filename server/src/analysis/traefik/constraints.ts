// The docker and swarm providers' `constraints` option: an expression over a container's labels
// (pkg/provider/constraints/constraints_labels.go MatchLabels). Traefik keeps a container only
// when it matches ("Container pruned by constraint expression", pkg/provider/docker/config.go
// keepContainer); an expression it cannot parse drops every container. It is vulcand/predicate
// over Go's expression syntax: `Label("k", "v")`, `LabelRegex("k", "re")` (regexp.MatchString,
// a match anywhere), `!`, `&&`, `||` and parentheses; a label that is not set reads as "".
import type { CompiledMatchers } from '../rules/compiled';
import { tokenize, type Token } from '../rules/lexer';

/** What decides a label's value here: undefined when compose interpolation leaves it unknown. */
export type LabelValue = (key: string) => string | undefined;

/**
 * True or false as Traefik decides, or 'unknown': an expression this reader does not take
 * (MarathonConstraint, a syntax error Traefik reports in its log), or a label whose value is
 * not known. Unknown keeps the container, so nothing is judged on a guess.
 */
export function matchConstraints(expr: string, label: LabelValue, compiled: CompiledMatchers): boolean | 'unknown' {
  if (expr.trim() === '') return true;
  const tokens = tokenize(expr).filter((t) => t.kind !== 'semicolon');
  const parser = new Parser(tokens, label, compiled);
  try {
    const result = parser.or();
    return parser.peek().kind === 'eof' ? result : 'unknown';
  } catch {
    return 'unknown';
  }
}

type Tri = boolean | 'unknown';

const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === true && b === true ? true : 'unknown');
const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === false && b === false ? false : 'unknown');

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly label: LabelValue,
    private readonly compiled: CompiledMatchers,
  ) {}

  peek(): Token {
    return this.tokens[this.at] ?? { kind: 'eof', text: '', start: 0, end: 0 };
  }

  private next(kind: Token['kind'], text?: string): Token {
    const t = this.peek();
    if (t.kind !== kind || (text !== undefined && t.text !== text)) throw new Error(`expected ${text ?? kind}`);
    this.at++;
    return t;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  or(): Tri {
    let value = this.and();
    while (this.isOp('||')) {
      this.at++;
      value = or(value, this.and());
    }
    return value;
  }

  private and(): Tri {
    let value = this.unary();
    while (this.isOp('&&')) {
      this.at++;
      value = and(value, this.unary());
    }
    return value;
  }

  private unary(): Tri {
    if (this.isOp('!')) {
      this.at++;
      const v = this.unary();
      return v === 'unknown' ? v : !v;
    }
    if (this.peek().kind === '(') {
      this.at++;
      const v = this.or();
      this.next(')');
      return v;
    }
    return this.call();
  }

  private call(): Tri {
    const name = this.next('ident').text;
    this.next('(');
    const args: string[] = [];
    while (this.peek().kind === 'string') {
      args.push(this.next('string').value ?? '');
      if (this.peek().kind !== ',') break;
      this.at++;
    }
    this.next(')');
    if (args.length !== 2 || (name !== 'Label' && name !== 'LabelRegex')) throw new Error(`not read: ${name}`);
    const value = this.label(args[0]);
    if (value === undefined) return 'unknown';
    if (name === 'Label') return value === args[1];
    // A pattern Go refuses never matches (labelRegexFn returns false on the error).
    return this.compiled.goRegexp(args[1])?.test(value) ?? false;
  }
}
