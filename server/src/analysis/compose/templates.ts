// The string values that hold a required variable (`${X:?err}`, `${X?err}`). compose-go
// interpolates every string value of a compose file, at any depth (`x-` fields, `include:`
// paths, environment, labels: interpolation/interpolation.go recursiveInterpolate), never a
// mapping key, before anything else reads the file (loader/loader.go loadYamlFile); a required
// variable that is missing makes it refuse the whole project (template/template.go
// MissingRequiredError). The parser keeps only the values that may hold one, so a check can
// judge them once the environment is known.
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { TemplateScalar } from './model';
import { mapScalar } from './scalar';

/** How deep the walk follows nesting (the parser reports deeper nesting on its own). */
const MAX_DEPTH = 200;

/** The string values under `node` (mapping keys excepted) written with `${NAME?` or `${NAME:?`. */
export function requiredTemplates(
  node: unknown,
  text: string,
  out: TemplateScalar[] = [],
  depth = 0,
): TemplateScalar[] {
  if (!node || depth > MAX_DEPTH || isAlias(node)) return out; // an alias's text is at its anchor
  if (isScalar(node)) {
    const value = node.source ?? node.value;
    if (typeof value !== 'string' || !node.range || !REQUIRED.test(value)) return out;
    const range = { start: node.range[0], end: node.range[1] };
    const map = mapScalar(node, text);
    const exact = map && !map.table && { start: map.start, end: map.start + value.length };
    out.push(exact ? { value, range, valueRange: exact } : { value, range });
    return out;
  }
  if (isMap(node)) {
    for (const pair of node.items) if (isPair(pair)) requiredTemplates(pair.value, text, out, depth + 1);
  } else if (isSeq(node)) {
    for (const item of node.items) requiredTemplates(item as Node, text, out, depth + 1);
  }
  return out;
}

/** A `${NAME?` or `${NAME:?` (the interpolator decides what it really is). */
const REQUIRED = /\$\{[_a-z][_a-z0-9]*:?\?/i;
