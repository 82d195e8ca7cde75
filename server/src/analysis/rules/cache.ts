// Rules repeat across edits and several checks read the same rule: parse each
// (rule, syntax, protocol) once. Parsed rules are never mutated by their readers.
import { parseRule } from './parser';
import type { ParsedRule, RuleProtocol, RuleSyntax } from './types';

const cache = new Map<string, ParsedRule>();

export function parseRuleCached(rule: string, syntax: RuleSyntax, protocol: RuleProtocol = 'http'): ParsedRule {
  const key = `${syntax}\u0000${protocol}\u0000${rule}`;
  let parsed = cache.get(key);
  if (!parsed) {
    if (cache.size > 5000) cache.clear();
    parsed = parseRule(rule, syntax, protocol);
    cache.set(key, parsed);
  }
  return parsed;
}
