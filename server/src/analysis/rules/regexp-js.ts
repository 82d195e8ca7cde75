// Translates a parsed Go regexp into an equivalent JavaScript RegExp (flag `u`, code points like
// Go's runes). Only whether a match exists matters to routing, so captures are dropped and
// leftmost-first vs backtracking makes no difference. Parts JS cannot express exactly make the
// translation fail: the caller then treats the match as unknown.
import { foldRanges, normalize, orbit } from './casefold';
import { parseGoRegexp, type ClassItem, type Re2Node } from './regexp';

class Untranslatable extends Error {}

const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;
const char = (cp: number): string =>
  /[0-9A-Za-z]/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : hex(cp);

function classBody(items: ClassItem[], fold: boolean): string {
  let ranges = items.filter((i) => i.kind === 'range').map((i) => [i.lo, i.hi] as [number, number]);
  const props = items.filter((i) => i.kind === 'prop');
  if (props.length > 0 && fold) throw new Untranslatable();
  ranges = fold ? foldRanges(ranges) : normalize(ranges);
  let out = ranges.map(([lo, hi]) => (lo === hi ? char(lo) : `${char(lo)}-${char(hi)}`)).join('');
  for (const p of props) {
    if (!p.js) throw new Untranslatable();
    out += `${p.negate ? '\\P' : '\\p'}{${p.js}}`;
  }
  return out;
}

function emit(node: Re2Node): string {
  switch (node.op) {
    case 'empty':
      return '(?:)';
    case 'lit': {
      const members = node.fold ? orbit(node.cp) : [node.cp];
      return members.length === 1 ? char(node.cp) : `[${members.map(char).join('')}]`;
    }
    case 'class':
      return `[${node.negate ? '^' : ''}${classBody(node.items, node.fold)}]`;
    case 'any':
      return node.nl ? '[^]' : '[^\\n]';
    case 'bot':
      return '^';
    case 'eot':
      return '$';
    // Go's multi-line anchors only know \n as a line end; JS's m flag knows four.
    case 'bol':
      return '(?<![^\\n])';
    case 'eol':
      return '(?![^\\n])';
    case 'wordb':
      return '\\b';
    case 'nwordb':
      return '\\B';
    case 'concat':
      return node.subs.map(emit).join('');
    case 'alt':
      return `(?:${node.subs.map(emit).join('|')})`;
    case 'group':
      return `(?:${emit(node.sub)})`;
    case 'repeat': {
      const max = node.max < 0 ? '' : String(node.max);
      const count =
        node.min === 0 && node.max < 0
          ? '*'
          : node.min === 1 && node.max < 0
            ? '+'
            : node.min === 0 && node.max === 1
              ? '?'
              : `{${node.min},${max}}`;
      return `(?:${emit(node.sub)})${count}`;
    }
  }
}

const cache = new Map<string, RegExp | null>();

/**
 * The JavaScript equivalent of a Go regexp, or undefined when the pattern is invalid in Go or
 * cannot be expressed exactly in JavaScript.
 */
export function goRegExp(src: string): RegExp | undefined {
  let re = cache.get(src);
  if (re === undefined) {
    re = null;
    const parsed = parseGoRegexp(src);
    if (parsed.ok) {
      try {
        re = new RegExp(emit(parsed.node), 'u');
      } catch {
        re = null;
      }
    }
    if (cache.size > 1000) cache.clear();
    cache.set(src, re);
  }
  return re ?? undefined;
}
