// v2 route templates (`{name}`, `{name:regexp}`) left in v3 rules: v3 matchers take plain strings
// or plain Go regexps, so the braces are matched literally and the matcher never matches
// (pkg/muxer/http/matcher_test.go "... with Traefik v2 syntax" cases).
import { quoteMeta } from './regexp';

export interface FoundPlaceholder {
  /** Offsets inside the value, braces included. */
  start: number;
  end: number;
  name: string;
  pattern?: string;
}

const PLACEHOLDER = /^([A-Za-z_][A-Za-z0-9_-]*)(?::([^]*))?$/;

/**
 * A compose variable left in the text (`${DOMAIN}`, `${DOMAIN:-example.com}`: not set here):
 * compose replaces it before Traefik reads the rule (compose spec 12-interpolation.md), so it is
 * no v2 placeholder, and a suggestion keeps it as written.
 */
const COMPOSE_VARIABLE = /\$\{[^{}]*\}/g;

/** `quote` applied to the text between compose variables, the variables kept as written. */
function keepVariables(text: string, quote: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(COMPOSE_VARIABLE)) {
    out += quote(text.slice(at, m.index)) + m[0];
    at = m.index! + m[0].length;
  }
  return out + quote(text.slice(at));
}

/** The text without its compose variables, to judge what is written around them. */
export function withoutVariables(text: string): string {
  return text.replace(COMPOSE_VARIABLE, '');
}

/** Top-level `{name...}` groups; in a regexp, escaped characters and [classes] are skipped. */
export function findPlaceholders(value: string, regexp: boolean): FoundPlaceholder[] {
  const found: FoundPlaceholder[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (regexp && c === '\\') {
      // \p{Greek}, \x{41}: braces that belong to the escape.
      i += /[pPx]/.test(value[i + 1] ?? '') && value[i + 2] === '{' ? Math.max(value.indexOf('}', i) - i, 1) : 1;
    } else if (regexp && depth === 0 && c === '[') {
      i++;
      if (value[i] === '^') i++;
      if (value[i] === ']') i++;
      while (i < value.length && value[i] !== ']') i += value[i] === '\\' ? 2 : 1;
    } else if (depth === 0 && c === '$' && value[i + 1] === '{') {
      const end = value.indexOf('}', i);
      if (end > 0 && !value.slice(i + 2, end).includes('{')) i = end;
    } else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}' && depth > 0) {
      if (--depth === 0) {
        const m = PLACEHOLDER.exec(value.slice(open + 1, i));
        if (m) found.push({ start: open, end: i + 1, name: m[1], ...(m[2] !== undefined ? { pattern: m[2] } : {}) });
      }
    }
  }
  return found;
}

export type PlaceholderKind = 'host' | 'path' | 'value';

const DEFAULTS: Record<PlaceholderKind, string> = { host: '[^.]+', path: '[^/]+', value: '.*' };

/** Wraps a pattern in a group when it has a top-level `|` (it is about to be concatenated). */
function group(p: string): string {
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '(') depth++;
    else if (p[i] === ')') depth--;
    else if (p[i] === '|' && depth === 0) return `(?:${p})`;
  }
  return p;
}

/** The regexp a v2 template meant: literal text quoted, placeholders replaced by their patterns. */
export function templateAsRegexp(value: string, kind: PlaceholderKind, anchorEnd: boolean): string {
  let out = '^';
  let at = 0;
  for (const p of findPlaceholders(value, false)) {
    out += keepVariables(value.slice(at, p.start), quoteMeta) + group(p.pattern ?? DEFAULTS[kind]);
    at = p.end;
  }
  return out + keepVariables(value.slice(at), quoteMeta) + (anchorEnd ? '$' : '');
}

/** A v3 regexp with its placeholders replaced by their patterns, the rest kept as written. */
export function regexpWithoutPlaceholders(value: string, kind: PlaceholderKind): string {
  let out = '';
  let at = 0;
  for (const p of findPlaceholders(value, true)) {
    out += value.slice(at, p.start) + group(p.pattern ?? DEFAULTS[kind]);
    at = p.end;
  }
  return out + value.slice(at);
}

/** Whether text outside the placeholders uses regexp syntax (beyond a literal-looking dot). */
export function hasRegexpSyntax(literal: string): boolean {
  return /[\\^$*+?()[\]|]/.test(literal);
}
