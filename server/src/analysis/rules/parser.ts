// Parses a rule the way Traefik does (pkg/rules/parser.go over vulcand/predicate, which runs
// go/parser.ParseExpr): matcher calls with string literal arguments joined by &&, || and !,
// Go precedence (&& binds tighter). Anything else is rejected; the messages say why, where.
import { tokenize, type Token } from './lexer';
import { explainUnknown, resolveMatcher } from './matchers';
import type { MatcherNode, ParsedRule, RuleNode, RuleProblem, RuleProtocol, RuleSyntax, StringArg } from './types';
import { validateMatcher } from './validate';

class Stop extends Error {}

const WORD_OPERATORS: Record<string, string> = { and: '&&', or: '||', not: '!' };

const MAX_DEPTH = 200;
const MAX_JOINED = 1000;
const TOO_DEEP = `The rule nests more than ${MAX_DEPTH} levels deep or joins more than ${MAX_JOINED} matchers: Traefik reads it, Gateway Lens does not check it.`;

class Parser {
  private pos = 0;
  readonly problems: RuleProblem[] = [];
  /** A problem that makes predicate's Parse fail: Traefik gets no tree at all. */
  fatal = false;
  /** Matchers whose name and arguments are well-formed, for the per-matcher checks. */
  readonly complete: MatcherNode[] = [];

  constructor(
    private readonly rule: string,
    private readonly tokens: Token[],
    private readonly syntax: RuleSyntax,
    private readonly protocol: RuleProtocol,
  ) {}

  private get tok(): Token {
    return this.tokens[this.pos];
  }

  /** A method, not a property: TypeScript must not narrow it across next(). */
  private kind(): Token['kind'] {
    return this.tokens[this.pos].kind;
  }

  /** Consumes a token; never moves past the end. */
  private next(): Token {
    const t = this.tokens[this.pos];
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private report(
    kind: string,
    message: string,
    start: number,
    end: number,
    suggestion?: string,
    detail?: string,
  ): void {
    this.problems.push({
      kind,
      message,
      start,
      end,
      severity: 'error',
      ...(suggestion ? { suggestion } : {}),
      ...(detail ? { detail } : {}),
    });
    this.fatal = true;
  }

  private stop(kind: string, message: string, start: number, end: number, suggestion?: string): never {
    this.report(kind, message, start, end, suggestion);
    throw new Stop();
  }

  private stopWith(problem: RuleProblem): never {
    this.stop(problem.kind, problem.message, problem.start, problem.end, problem.suggestion);
  }

  /**
   * Open groups and negations, and matchers joined: Traefik (go/parser) reads up to 100,000
   * levels, but our recursive walkers over the tree would run out of stack long before that.
   */
  private depth = 0;
  private joined = 0;

  private deeper(at: Token): void {
    if (++this.depth <= MAX_DEPTH) return;
    this.problems.push({ kind: 'too-deep', message: TOO_DEEP, start: at.start, end: at.end, severity: 'warning' });
    this.fatal = true;
    throw new Stop();
  }

  private join(at: Token): void {
    if (++this.joined <= MAX_JOINED) return;
    this.problems.push({ kind: 'too-deep', message: TOO_DEEP, start: at.start, end: at.end, severity: 'warning' });
    this.fatal = true;
    throw new Stop();
  }

  private isOp(text: string): boolean {
    return this.kind() === 'op' && this.tok.text === text;
  }

  parse(): RuleNode | undefined {
    try {
      const node = this.parseOr();
      if (this.kind() !== 'eof') this.unexpectedAfterOperand(undefined);
      return node;
    } catch (e) {
      if (e instanceof Stop) return undefined;
      throw e;
    }
  }

  private parseOr(): RuleNode {
    let left = this.parseAnd();
    while (this.isOp('||')) {
      this.join(this.next());
      const right = this.parseAnd();
      left = { type: 'or', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseAnd(): RuleNode {
    let left = this.parseUnary();
    while (this.isOp('&&')) {
      this.join(this.next());
      const right = this.parseUnary();
      left = { type: 'and', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): RuleNode {
    if (this.isOp('!')) {
      const bang = this.next();
      this.deeper(bang);
      const operand = this.parseUnary();
      this.depth--;
      return { type: 'not', operand, start: bang.start, end: operand.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): RuleNode {
    const t = this.tok;
    if (t.kind === '(') {
      this.next();
      this.deeper(t);
      if (this.kind() === ')')
        this.stop('syntax', 'Empty parentheses: expected a matcher inside', t.start, this.tok.end);
      const inner = this.parseOr();
      this.depth--;
      if (this.kind() !== ')') this.unexpectedAfterOperand(t);
      const close = this.next();
      // The group's range includes its parentheses.
      return { ...inner, start: t.start, end: close.end };
    }
    if (t.kind === 'ident' && this.tokens[this.pos + 1]?.kind === '(') return this.parseCall();
    this.unexpectedOperand();
  }

  private parseCall(): MatcherNode {
    const name = this.next();
    const open = this.next();
    const args: StringArg[] = [];
    let argsOk = true;
    for (;;) {
      if (this.kind() === ')') break;
      const arg = this.parseArg(name, open);
      if (arg) args.push(arg);
      else argsOk = false;
      if (this.isOp('...')) {
        // Go allows `f(x...)` (and a trailing comma); predicate ignores the ellipsis.
        this.next();
        if (this.kind() === ',') this.next();
        if (this.kind() !== ')')
          this.stop('syntax', 'Nothing may follow ... in an argument list', this.tok.start, this.tok.end);
        break;
      }
      if (this.kind() === ',') {
        this.next();
        continue;
      }
      if (this.kind() === ')') break;
      if (this.kind() === 'eof' || this.kind() === 'semicolon') this.missingClose(name, open);
      if (this.kind() === 'string') {
        this.report('syntax', 'Missing comma between arguments', this.tok.start, this.tok.end, `, ${this.tok.text}`);
        argsOk = false;
        continue;
      }
      const junk = this.skipArgument();
      this.report(
        'syntax',
        `Unexpected ${quoteText(junk.text)} in the arguments of ${name.text}`,
        junk.start,
        junk.end,
      );
      argsOk = false;
      if (this.kind() === ',') this.next();
    }
    const close = this.next();
    const node: MatcherNode = {
      type: 'matcher',
      name: name.text,
      written: name.text,
      args,
      start: name.start,
      end: close.end,
    };
    const canonical = resolveMatcher(name.text, this.syntax, this.protocol);
    if (!canonical) {
      const why = explainUnknown(name.text, this.syntax, this.protocol);
      this.report('unknown-matcher', why.message, name.start, name.end, why.suggestion, why.detail);
    } else {
      node.name = canonical;
      if (argsOk) this.complete.push(node);
    }
    return node;
  }

  /** One argument; reports and skips anything that is not a string literal. */
  private parseArg(name: Token, open: Token): StringArg | undefined {
    const t = this.tok;
    if (t.kind === 'string') {
      this.next();
      if (t.problem) {
        this.problems.push(t.problem);
        this.fatal = true;
        return undefined;
      }
      return { value: t.value!, start: t.start, end: t.end };
    }
    if (t.kind === 'char') {
      this.next();
      this.problems.push(t.problem!);
      this.fatal = true;
      return undefined;
    }
    if (t.kind === 'eof' || t.kind === 'semicolon') this.missingClose(name, open);
    if (t.kind === ',') this.stop('syntax', `Empty argument in ${name.text}(...)`, t.start, t.end);
    if (t.kind === 'illegal') this.stopWith(t.problem!);
    const junk = this.skipArgument();
    if (!/["'`]/.test(junk.text)) {
      this.report(
        'bare-word',
        `Arguments must be quoted: ${name.text}(\`${junk.text}\`)`,
        junk.start,
        junk.end,
        `\`${junk.text}\``,
      );
    } else {
      this.report('syntax', `Arguments of ${name.text} must be plain strings in backticks`, junk.start, junk.end);
    }
    return undefined;
  }

  /** Skips tokens up to the next `,` or `)` of this argument list. */
  private skipArgument(): { text: string; start: number; end: number } {
    const start = this.tok.start;
    let end = start;
    let depth = 0;
    while (this.kind() !== 'eof' && this.kind() !== 'semicolon') {
      if (depth === 0 && (this.kind() === ',' || this.kind() === ')')) break;
      if (this.kind() === '(') depth++;
      if (this.kind() === ')') depth--;
      end = this.next().end;
    }
    return { text: this.rule.slice(start, end), start, end };
  }

  private missingClose(name: Token, open: Token): never {
    if (this.kind() === 'semicolon') this.lineBreak();
    this.stop('unbalanced-paren', `Missing closing parenthesis for ${name.text}(`, open.start, open.end);
  }

  private lineBreak(): never {
    this.stop(
      'syntax',
      'Line break inside the rule: Go ends the expression after an identifier, string or `)` at a line break; keep && or || at the end of the line',
      this.tok.start,
      this.tok.end,
    );
  }

  /** At a place where a matcher, `!` or `(` must come. */
  private unexpectedOperand(): never {
    const t = this.tok;
    const prev = this.tokens[this.pos - 1];
    const prevOp = prev && ((prev.kind === 'op' && ['&&', '||', '!'].includes(prev.text)) || prev.kind === '(');
    if (t.kind === 'eof' || t.kind === ')' || (t.kind === 'op' && (t.text === '&&' || t.text === '||'))) {
      if (prev && prev.kind === 'op')
        this.stop('missing-operand', `Missing a matcher after ${prev.text}`, prev.start, prev.end);
      if (t.kind === ')') this.stop('unbalanced-paren', 'Unmatched closing parenthesis', t.start, t.end);
      if (t.kind === 'op') this.stop('missing-operand', `Missing a matcher before ${t.text}`, t.start, t.end);
    }
    if (
      t.kind === 'ident' &&
      this.tokens[this.pos + 1]?.kind === 'semicolon' &&
      this.tokens[this.pos + 2]?.kind === '('
    ) {
      this.pos++;
      this.lineBreak();
    }
    if (t.kind === 'ident') {
      const word = WORD_OPERATORS[t.text.toLowerCase()];
      if (word === '!') this.stop('unsupported-operator', `Use ! instead of ${t.text}`, t.start, t.end, '!');
      // A bare host or path (`example.com`, `my-app`) is one word to the reader: underline it whole.
      let end = t.end;
      for (let j = this.pos + 1; this.tokens[j].start === end && /^(ident|number|op)$/.test(this.tokens[j].kind); j++) {
        if (this.tokens[j].kind === 'op' && !['.', '-', ':', '/'].includes(this.tokens[j].text)) break;
        end = this.tokens[j].end;
      }
      const known = resolveMatcher(t.text, this.syntax, this.protocol);
      if (known)
        this.stop('bare-word', `${t.text} needs its arguments in parentheses: ${t.text}(\`...\`)`, t.start, end);
      this.stop(
        'bare-word',
        `"${this.rule.slice(t.start, end)}" is not a matcher call; a rule is made of matchers like Host(\`example.com\`)`,
        t.start,
        end,
      );
    }
    if (t.kind === 'string') {
      this.stop('syntax', `A string must be the argument of a matcher, e.g. Host(${t.text})`, t.start, t.end);
    }
    if (t.kind === 'char') this.stopWith(t.problem!);
    if (t.kind === 'number')
      this.stop('syntax', `Unexpected number ${t.text}: a rule is made of matchers`, t.start, t.end);
    if (t.kind === 'illegal') this.stopWith(t.problem!);
    if (t.kind === 'semicolon') this.lineBreak();
    if (t.kind === 'op') {
      this.stop(
        'unsupported-operator',
        `Operator ${t.text} is not supported; rules only use &&, || and !`,
        t.start,
        t.end,
      );
    }
    const after = prevOp ? ` after ${prev.text}` : '';
    this.stop('syntax', `Unexpected ${quoteText(t.text)}${after}`, t.start, t.end);
  }

  /** After a complete operand, where only &&, ||, `)` (inside a group) or the end may come. */
  private unexpectedAfterOperand(group: Token | undefined): never {
    const t = this.tok;
    if (t.kind === 'eof') this.stop('unbalanced-paren', 'Missing closing parenthesis', group!.start, group!.end);
    if (t.kind === ')') this.stop('unbalanced-paren', 'Unmatched closing parenthesis', t.start, t.end);
    if (t.kind === 'ident' && WORD_OPERATORS[t.text.toLowerCase()]) {
      const op = WORD_OPERATORS[t.text.toLowerCase()];
      this.stop('unsupported-operator', `Use ${op} instead of ${t.text}`, t.start, t.end, op);
    }
    if (t.kind === 'ident' || t.kind === '(' || t.kind === 'string' || (t.kind === 'op' && t.text === '!')) {
      this.stop('missing-operator', `Missing && or || before ${quoteText(t.text)}`, t.start, t.end);
    }
    if (t.kind === 'op') {
      const use = t.text === '&' ? '&&' : t.text === '|' ? '||' : undefined;
      const hint = use ? `; use ${use}` : '; rules only use &&, || and !';
      this.stop('unsupported-operator', `Operator ${t.text} is not supported${hint}`, t.start, t.end, use);
    }
    if (t.kind === ',') this.stop('syntax', 'Unexpected comma: combine matchers with && or ||', t.start, t.end);
    if (t.kind === 'semicolon') this.lineBreak();
    if (t.kind === 'illegal' || t.kind === 'char') this.stopWith(t.problem!);
    this.stop('syntax', `Unexpected ${quoteText(t.text)}`, t.start, t.end);
  }
}

function quoteText(text: string): string {
  return text.includes('`') ? `"${text}"` : `\`${text}\``;
}

/** A string left open runs to the next quote; blame the literal that swallowed the rest of the rule. */
function unterminated(tokens: Token[]): RuleProblem | undefined {
  const open = tokens.find((t) => t.problem?.kind === 'unterminated-string');
  if (!open) return undefined;
  const quote = open.text[0];
  const swallowed = tokens.find(
    (t) => t.kind === 'string' && t !== open && t.text[0] === quote && /\)\s*(&&|\|\||$)/.test(t.value ?? ''),
  );
  if (swallowed && swallowed.start < open.start) {
    return { ...open.problem!, start: swallowed.start, end: swallowed.start + 1 };
  }
  return open.problem;
}

export function parseRule(rule: string, syntax: RuleSyntax, protocol: RuleProtocol = 'http'): ParsedRule {
  const tokens = tokenize(rule);
  if (tokens[0].kind === 'eof') {
    return {
      problems: [{ kind: 'empty-rule', message: 'The rule is empty', start: 0, end: rule.length, severity: 'error' }],
    };
  }
  const open = unterminated(tokens);
  if (open) return { problems: [open] };
  const parser = new Parser(rule, tokens, syntax, protocol);
  const tree = parser.parse();
  const problems = [...parser.problems];
  for (const m of parser.complete) problems.push(...validateMatcher(rule, m, syntax, protocol));
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...(tree && !parser.fatal ? { tree } : {}), problems };
}
