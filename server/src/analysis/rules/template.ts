// gorilla/mux route templates, used by v2-syntax Path, PathPrefix, HostRegexp, Query
// (containous/mux regexp.go newRouteRegexp) and TCP HostSNIRegexp (pkg/muxer/tcp/matcher_v2.go
// preparePattern): text outside `{name}` / `{name:regexp}` is literal, the whole is anchored.
import { parseGoRegexp, quoteMeta } from './regexp';

export type TemplateKind = 'host' | 'path' | 'prefix' | 'query' | 'sni';

export interface Placeholder {
  name: string;
  /** Offsets inside the template: the braces included. */
  start: number;
  end: number;
}

export interface TemplateError {
  message: string;
  start: number;
  end: number;
  /** The error is in a `{name:regexp}` pattern rather than in the template's braces. */
  inPattern: boolean;
}

export type TemplateResult =
  | { ok: true; regexp: string; placeholders: Placeholder[]; literals: Array<{ start: number; end: number }> }
  | { ok: false; error: TemplateError };

/** Top-level `{...}` pairs (gorilla braceIndices), or the brace that is unbalanced. */
export function braceIndices(s: string): { pairs: Array<[number, number]> } | { error: TemplateError } {
  const pairs: Array<[number, number]> = [];
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') open.push(i);
    else if (s[i] === '}') {
      const at = open.pop();
      if (at === undefined)
        return {
          error: { message: 'unbalanced braces: this } closes nothing', start: i, end: i + 1, inPattern: false },
        };
      if (open.length === 0) pairs.push([at, i + 1]);
    }
  }
  if (open.length > 0) {
    const at = open[0];
    return {
      error: { message: 'unbalanced braces: this { is never closed', start: at, end: at + 1, inPattern: false },
    };
  }
  return { pairs };
}

const DEFAULT_PATTERN: Record<TemplateKind, string> = {
  host: '[^.]+',
  sni: '[^.]+',
  query: '.*',
  path: '[^/]+',
  prefix: '[^/]+',
};

/** The Go regexp gorilla/mux (or preparePattern) builds from a template, with errors located. */
export function compileTemplate(tpl: string, kind: TemplateKind): TemplateResult {
  const braces = braceIndices(tpl);
  if ('error' in braces) return { ok: false, error: braces.error };
  let pattern = kind === 'host' || kind === 'sni' ? '(?i)^' : '^';
  const placeholders: Placeholder[] = [];
  const literals: Array<{ start: number; end: number }> = [];
  // Where each variable's own regexp sits in the generated pattern, to locate compile errors.
  const segments: Array<{ at: number; from: number; length: number }> = [];
  let end = 0;
  for (const [open, close] of braces.pairs) {
    literals.push({ start: end, end: open });
    const content = tpl.slice(open + 1, close - 1);
    const colon = content.indexOf(':');
    const name = colon < 0 ? content : content.slice(0, colon);
    const patt = colon < 0 ? DEFAULT_PATTERN[kind] : content.slice(colon + 1);
    if (name === '' || patt === '') {
      return {
        ok: false,
        error: {
          message: `missing name or pattern in ${tpl.slice(open, close)}`,
          start: open,
          end: close,
          inPattern: false,
        },
      };
    }
    placeholders.push({ name, start: open, end: close });
    pattern += `${quoteMeta(tpl.slice(end, open))}(?P<v${placeholders.length - 1}>`;
    if (colon >= 0) segments.push({ at: pattern.length, from: open + 2 + name.length, length: patt.length });
    pattern += `${patt})`;
    end = close;
    // gorilla also compiles each variable's pattern alone, anchored, and fails on it first.
    if (kind !== 'sni' && colon >= 0) {
      const alone = parseGoRegexp(`^${patt}$`);
      if (!alone.ok) {
        const from = open + 2 + name.length;
        const start = Math.min(Math.max(alone.error.start - 1, 0), patt.length);
        const stop = Math.min(Math.max(alone.error.end - 1, start + 1), patt.length);
        return {
          ok: false,
          error: { message: alone.error.message, start: from + start, end: from + stop, inPattern: true },
        };
      }
    }
  }
  literals.push({ start: end, end: tpl.length });
  pattern += quoteMeta(tpl.slice(end));
  if (kind === 'query' && tpl.slice(tpl.indexOf('=') + 1) === '') pattern += DEFAULT_PATTERN.query;
  if (kind !== 'prefix') pattern += '$';
  const whole = parseGoRegexp(pattern);
  if (!whole.ok) {
    // Blame the variable whose own pattern is broken, when one is.
    for (const s of segments) {
      const alone = parseGoRegexp(tpl.slice(s.from, s.from + s.length));
      if (!alone.ok) {
        return {
          ok: false,
          error: {
            message: alone.error.message,
            start: s.from + alone.error.start,
            end: s.from + alone.error.end,
            inPattern: true,
          },
        };
      }
    }
    const seg = segments.find((s) => whole.error.start >= s.at && whole.error.start <= s.at + s.length);
    const start = seg ? seg.from + whole.error.start - seg.at : 0;
    const stop = seg
      ? Math.min(seg.from + seg.length, start + Math.max(whole.error.end - whole.error.start, 1))
      : tpl.length;
    return { ok: false, error: { message: whole.error.message, start, end: stop, inPattern: true } };
  }
  return { ok: true, regexp: pattern, placeholders, literals: literals.filter((l) => l.end > l.start) };
}
