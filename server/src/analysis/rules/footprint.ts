// A cheap, sound pre-test for "can two rules match the same request?": each DNF term of a rule
// needs its positive Path/PathPrefix and Host values, so two terms whose required paths or hosts
// cannot coincide never overlap. Used to avoid the full overlap proof on thousands of pairs.
import { dnf, toFormula, type Literal } from './atoms';
import type { CompiledMatchers } from './compiled';
import type { RuleNode, RuleSyntax } from './types';

export interface TermFootprint {
  /** A positive path literal the term needs (the longest one), if any. */
  path?: { kind: 'eq' | 'prefix'; value: string };
  /** A positive exact host the term needs (lower-cased, trailing dot removed), if any. */
  host?: string;
}

/** One footprint per DNF term; undefined when the rule is too large to expand (treat as "anything"). */
export function footprints(
  tree: RuleNode,
  syntax: RuleSyntax,
  compiled: CompiledMatchers,
): TermFootprint[] | undefined {
  return dnf(toFormula(tree, syntax, compiled))?.map(termFootprint);
}

function termFootprint(term: Literal[]): TermFootprint {
  const out: TermFootprint = {};
  for (const { atom, pos } of term) {
    if (!pos) continue;
    if (atom.kind === 'path-eq' || atom.kind === 'path-prefix') {
      const kind = atom.kind === 'path-eq' ? 'eq' : 'prefix';
      // An exact path says more than any prefix; among prefixes the longest says most.
      if (!out.path || (out.path.kind === 'prefix' && (kind === 'eq' || atom.value.length > out.path.value.length)))
        out.path = { kind, value: atom.value };
    } else if (atom.kind === 'host-eq') {
      out.host = atom.value.replace(/\.$/, '');
    }
  }
  return out;
}

/** False only when no request can satisfy both terms' path requirements. */
export function pathsMeet(a: TermFootprint['path'], b: TermFootprint['path']): boolean {
  if (!a || !b) return true;
  if (a.kind === 'eq' && b.kind === 'eq') return a.value === b.value;
  if (a.kind === 'eq') return a.value.startsWith(b.value);
  if (b.kind === 'eq') return b.value.startsWith(a.value);
  return a.value.startsWith(b.value) || b.value.startsWith(a.value);
}

/** False only when the two terms need different exact hosts. */
export function termsMeet(a: TermFootprint, b: TermFootprint): boolean {
  if (a.host !== undefined && b.host !== undefined && a.host !== b.host) return false;
  return pathsMeet(a.path, b.path);
}

/**
 * Pairs of items (by index) that may share a request, found without comparing every pair:
 * items whose terms need a path are sorted by it, and a prefix meets only the values that
 * start with it. Items with a term that needs no path meet everything (then the host decides).
 */
export function candidatePairs(items: (TermFootprint[] | undefined)[]): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  const add = (i: number, j: number): void => {
    if (i === j) return;
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = `${a},${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push([a, b]);
  };
  const anyPath: number[] = [];
  const pathed: { item: number; term: TermFootprint; path: NonNullable<TermFootprint['path']> }[] = [];
  items.forEach((terms, item) => {
    if (!terms || terms.some((t) => !t.path)) anyPath.push(item);
    for (const term of terms ?? []) if (term.path) pathed.push({ item, term, path: term.path });
  });
  for (const i of anyPath) for (let j = 0; j < items.length; j++) if (meet(items[i], items[j])) add(i, j);
  pathed.sort((x, y) => (x.path.value < y.path.value ? -1 : x.path.value > y.path.value ? 1 : 0));
  for (let k = 0; k < pathed.length; k++) {
    const p = pathed[k];
    // Sorted order puts every value that starts with p's value right after its equals.
    let first = k;
    while (first > 0 && pathed[first - 1].path.value === p.path.value) first--;
    for (let j = first; j < pathed.length && pathed[j].path.value.startsWith(p.path.value); j++) {
      const q = pathed[j];
      if (p.path.kind === 'eq' && q.path.value !== p.path.value) break;
      if (termsMeet(p.term, q.term)) add(p.item, q.item);
    }
  }
  return out;
}

function meet(a: TermFootprint[] | undefined, b: TermFootprint[] | undefined): boolean {
  if (!a || !b) return true;
  return a.some((x) => b.some((y) => termsMeet(x, y)));
}
