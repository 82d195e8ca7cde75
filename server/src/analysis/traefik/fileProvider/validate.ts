// What makes Traefik refuse a dynamic file after it parses: a key its structs do not have
// (paerser "field not found") or a value it cannot decode (strconv.ParseBool / ParseInt, a
// duration: parser/element_fill.go). file.go then returns the error and the file defines nothing.
import { validateLabelValue } from '../../schema';
import type { MajorVersion } from '../static';
import type { KeyPart, Setting } from '../staticConfig/setting';
import type { Range } from '../../types';
import { lookupDynamicKey } from './schema';

export interface DynamicProblem {
  code: 'unknown-dynamic-key' | 'invalid-value';
  /** What is wrong, in a few words (the check adds what Traefik does about it). */
  what: string;
  range: Range;
  /** The key path as written, dot-joined. */
  key: string;
  suggestion?: string;
}

const REFUSED = 'Traefik cannot decode it and refuses the whole file';

/**
 * The file's problems for the Traefik version; with the version unknown, only what both v2 and v3
 * refuse (a key one of them knows may be the one that runs).
 */
export function validateDynamic(
  keys: KeyPart[][],
  settings: Setting[],
  version: MajorVersion | undefined,
): DynamicProblem[] {
  if (version) return validateFor(keys, settings, version);
  const v2 = new Set(validateFor(keys, settings, 'v2').map((p) => `${p.code}|${p.key}`));
  return validateFor(keys, settings, 'v3').filter((p) => v2.has(`${p.code}|${p.key}`));
}

function validateFor(keys: KeyPart[][], settings: Setting[], version: MajorVersion): DynamicProblem[] {
  const problems: DynamicProblem[] = [];
  const seen = new Set<string>();
  for (const path of keys) {
    const found = lookupDynamicKey(
      path.map((p) => p.text),
      version,
    );
    if (found.bad === undefined) continue;
    // Each key path is listed with its parents (and its children): one finding per wrong segment.
    const key = path
      .slice(0, found.bad + 1)
      .map((p) => p.text)
      .join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    const part = path[found.bad];
    const what =
      found.problem === 'leaf'
        ? `"${path[found.bad - 1].text}" takes a value, not the sub-key "${part.text}"`
        : found.problem === 'index'
          ? `"${path[found.bad - 1]?.text}" is not a list`
          : `unknown key "${part.text}"`;
    problems.push({
      code: 'unknown-dynamic-key',
      what,
      range: part.range,
      key,
      ...(found.suggestion ? { suggestion: found.suggestion } : {}),
    });
  }
  for (const s of settings) {
    if (s.value === undefined || s.path.some((p) => p.text.startsWith('['))) continue;
    const segments = s.path.map((p) => p.text);
    if ([...seen].some((bad) => `${segments.join('.')}.`.startsWith(`${bad}.`))) continue;
    const problem = validateLabelValue(['traefik', ...segments], s.value, version, REFUSED);
    if (!problem?.drops) continue;
    problems.push({
      code: 'invalid-value',
      what: problem.message,
      range: s.path[s.path.length - 1].range,
      key: segments.join('.'),
    });
  }
  return problems;
}
