// Unicode simple case folding, as Go's regexp applies it under (?i) (unicode.SimpleFold orbits).
// JavaScript has no per-group case-insensitivity before regexp modifiers, so folded parts of a
// Go regexp are spelled out as character sets; JS's own /iu matching verifies each orbit member.

/** Characters in fold orbits that no toLowerCase/toUpperCase of another character reaches. */
const EXTRAS = [
  0x00b5, 0x017f, 0x01c5, 0x01c8, 0x01cb, 0x01f2, 0x0345, 0x0390, 0x03b0, 0x03c2, 0x03d0, 0x03d1, 0x03d5, 0x03d6,
  0x03f0, 0x03f1, 0x03f4, 0x03f5, 0x1c80, 0x1c81, 0x1c82, 0x1c83, 0x1c84, 0x1c85, 0x1c86, 0x1c87, 0x1c88, 0x1e9b,
  0x1e9e, 0x1fbe, 0x1fd3, 0x1fe3, 0x2126, 0x212a, 0x212b, 0xfb05, 0xfb06,
];

const single = (s: string): number | undefined => {
  const cp = s.codePointAt(0);
  return cp !== undefined && String.fromCodePoint(cp) === s ? cp : undefined;
};

const isCased = (cp: number): boolean => {
  const s = String.fromCodePoint(cp);
  return s.toLowerCase() !== s || s.toUpperCase() !== s;
};

let cased: number[] | undefined;

/** Sorted code points whose fold orbit has more than one member (computed once, on demand). */
function casedPoints(): number[] {
  if (!cased) {
    const set = new Set<number>(EXTRAS);
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isCased(cp)) set.add(cp);
    }
    cased = [...set].sort((a, b) => a - b);
  }
  return cased;
}

const orbits = new Map<number, number[]>();

/** Every code point Go's (?i) matches for `cp`, including `cp`. */
export function orbit(cp: number): number[] {
  const known = orbits.get(cp);
  if (known) return known;
  const candidates = new Set<number>([...EXTRAS]);
  const queue = [cp];
  while (queue.length > 0) {
    const c = queue.pop()!;
    const s = String.fromCodePoint(c);
    for (const m of [s.toLowerCase(), s.toUpperCase()]) {
      const x = single(m);
      if (x !== undefined && !candidates.has(x)) {
        candidates.add(x);
        queue.push(x);
      }
    }
  }
  const re = new RegExp(`^\\u{${cp.toString(16)}}$`, 'iu');
  const members = [cp, ...[...candidates].filter((x) => x !== cp && re.test(String.fromCodePoint(x)))];
  const out = [...new Set(members)].sort((a, b) => a - b);
  orbits.set(cp, out);
  return out;
}

/** Adds the fold orbits of every cased character in `ranges` (inclusive pairs). */
export function foldRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const out = [...ranges];
  const points = casedPoints();
  for (const [lo, hi] of ranges) {
    let i = lowerBound(points, lo);
    for (; i < points.length && points[i] <= hi; i++) {
      for (const m of orbit(points[i])) out.push([m, m]);
    }
  }
  return normalize(out);
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted, merged, inclusive ranges. */
export function normalize(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export const MAX_RUNE = 0x10ffff;

export function negate(ranges: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}
