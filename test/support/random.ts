// A small seeded generator (mulberry32) for property tests: a failing seed replays exactly.
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a random edit falls: a flip between two texts a test names, a typed character, or a deletion. */
export interface EditStyle {
  /** Pairs of texts an edit swaps one way or the other (a typo and its fix). */
  flips: readonly (readonly [string, string])[];
  /** Characters typed at a random place. */
  typed: string;
  /** Share of edits that flip; up to `flips + types` they type; the rest delete a character. */
  shares: { flips: number; types: number };
  /** Where a flip applies: the first occurrence, or the first after a random place (else the first). */
  flipAt: 'first' | 'random';
}

/** One seeded random edit of `text`, in `style`: the engine property tests' editor. */
export function randomEdit(text: string, random: () => number, style: EditStyle): string {
  const pick = random();
  if (pick < style.shares.flips) {
    const [from, to] = style.flips[Math.floor(random() * style.flips.length)];
    const [a, b] = random() < 0.5 ? [from, to] : [to, from];
    const at = style.flipAt === 'random' ? text.indexOf(a, Math.floor(random() * text.length)) : -1;
    const found = at >= 0 ? at : text.indexOf(a);
    return found >= 0 ? text.slice(0, found) + b + text.slice(found + a.length) : text;
  }
  const at = Math.floor(random() * text.length);
  if (pick < style.shares.flips + style.shares.types)
    return text.slice(0, at) + style.typed[Math.floor(random() * style.typed.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1);
}
