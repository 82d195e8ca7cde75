// Example strings a Go regexp matches, to try as witnesses for opaque atoms. Only used to find
// requests (every candidate is checked by the real matcher); never to prove anything absent.
import { negate } from './runes';
import type { Re2Node } from './regexp';
import type { CompiledMatchers } from './compiled';

const NICE = ['a', 'x', '0', '1', '-', '.', '/', '_', 'A'].map((c) => c.codePointAt(0)!);

function classChars(node: Extract<Re2Node, { op: 'class' }>): string[] {
  const ranges = node.items.filter((i) => i.kind === 'range').map((i) => [i.lo, i.hi] as [number, number]);
  const allowed = node.negate ? negate(ranges) : ranges;
  const inside = (cp: number): boolean => allowed.some(([lo, hi]) => cp >= lo && cp <= hi);
  const out = NICE.filter(inside);
  for (const [lo, hi] of allowed) {
    const cp = Math.max(lo, 0x21);
    if (cp <= hi && out.length < 3) out.push(cp);
  }
  if (node.items.some((i) => i.kind === 'prop')) out.push(...[0x61, 0xe9, 0x3b1, 0x41]);
  return [...new Set(out)].slice(0, 3).map((cp) => String.fromCodePoint(cp));
}

function product(a: string[], b: string[], max: number): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) if (out.length < max) out.push(x + y);
  return out;
}

function generate(node: Re2Node, max: number): string[] {
  switch (node.op) {
    case 'empty':
    case 'bol':
    case 'eol':
    case 'bot':
    case 'eot':
    case 'wordb':
    case 'nwordb':
      return [''];
    case 'lit': {
      const c = String.fromCodePoint(node.cp);
      return node.fold ? [...new Set([c.toLowerCase(), c])] : [c];
    }
    case 'class':
      return classChars(node);
    case 'any':
      return ['a'];
    case 'group':
      return generate(node.sub, max);
    case 'concat':
      return node.subs.reduce<string[]>((acc, s) => product(acc, generate(s, max), max), ['']);
    case 'alt':
      return node.subs.flatMap((s) => generate(s, max)).slice(0, max);
    case 'repeat': {
      const sub = generate(node.sub, max);
      const counts = [...new Set([node.min, node.max < 0 ? node.min + 1 : Math.min(node.max, node.min + 1)])];
      return counts.flatMap((n) => sub.map((s) => s.repeat(Math.min(n, 50)))).slice(0, max);
    }
  }
}

/** Up to `max` strings that the Go regexp `src` (unanchored) matches. */
export function regexpSamples(src: string, compiled: CompiledMatchers, max = 8): string[] {
  const parsed = compiled.parsedRegexp(src);
  const re = compiled.goRegexp(src);
  if (!parsed.ok || !re) return [];
  return [...new Set(generate(parsed.node, max))].filter((s) => re.test(s));
}
