// Traefik's regexps run on Go's regexp package: RE2, linear in the subject, leftmost-first.
// re2js is a port of that engine (Go's syntax, Perl flags, Unicode classes), so a rule such as
// PathRegexp(`^/(a+)+$`) costs one pass over the path here as in Traefik. Our own parser
// (regexp.ts) judges the pattern first, so what Go rejects stays a `rule-syntax` finding with
// the offending part of the pattern, and re2js only ever sees patterns Go accepts.
import { RE2JS } from 're2js';
import { parseGoRegexp } from './regexp';

export interface GoRegexp {
  /** regexp.MatchString: a match anywhere in `s`. */
  test(s: string): boolean;
  /** The leftmost-first match (regexp.FindStringIndex), as UTF-16 offsets into `s`. */
  find(s: string): { start: number; end: number } | undefined;
  /** regexp.ReplaceAllString: `$1`, `${1}`, `$name` and `${name}` expanded as Go's Expand does. */
  replaceAll(s: string, template: string): string;
}

/**
 * The compiled Go regexp, or undefined when Go would refuse the pattern. Compiles on every call:
 * what evaluates rules reads it through the engine's CompiledMatchers (compiled.ts).
 */
export function compileGoRegexp(src: string): GoRegexp | undefined {
  if (!parseGoRegexp(src).ok) return undefined;
  try {
    return wrap(RE2JS.compile(src));
  } catch {
    return undefined;
  }
}

function wrap(p: RE2JS): GoRegexp {
  const names = p.namedGroups();
  return {
    test: (s) => p.test(s),
    find(s) {
      const m = p.matcher(s);
      return m.find() ? { start: m.start(), end: m.end() } : undefined;
    },
    replaceAll(s, template) {
      const m = p.matcher(s);
      let out = '';
      let last = 0;
      let search = 0;
      // Go's replaceAll: an empty match right after another match is not replaced, and the
      // search always moves on by at least one character.
      while (search <= s.length && m.find(search)) {
        const start = m.start();
        const end = m.end();
        out += s.slice(last, start);
        if (end > last || start === 0)
          out += expand(template, (g) => (typeof g === 'number' && g > m.groupCount() ? null : m.group(g)), names);
        last = end;
        const width = s.codePointAt(search)! > 0xffff ? 2 : 1;
        search = search + width > end ? search + width : end;
        if (search > s.length) break;
      }
      return out + s.slice(last);
    },
  };
}

/** Go's Regexp.Expand on one match; `group` answers null for a group that did not take part. */
function expand(template: string, group: (g: number | string) => string | null, names: Record<string, number>): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) return out + rest;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = extract(rest);
    if (!ref) {
      out += '$';
      continue;
    }
    rest = rest.slice(ref.length);
    if (ref.num >= 0) out += group(ref.num) ?? '';
    else if (ref.name in names) out += group(ref.name) ?? '';
  }
}

/** Go's extract: `name` or `{name}` of letters, digits and `_`; a number when all digits, no leading zero. */
function extract(s: string): { name: string; num: number; length: number } | undefined {
  const brace = s.startsWith('{');
  const m = /^[\p{L}\p{Nd}_]+/u.exec(brace ? s.slice(1) : s);
  if (!m) return undefined;
  const name = m[0];
  let length = name.length;
  if (brace) {
    if (s[1 + name.length] !== '}') return undefined;
    length += 2;
  }
  let num = /^\d+$/.test(name) && name.length < 9 ? Number(name) : -1;
  if (name.length > 1 && name.startsWith('0')) num = -1;
  return { name, num, length };
}
