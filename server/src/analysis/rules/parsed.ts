// Rules repeat across edits and several checks read the same rule: each is parsed once per
// (rule, syntax, protocol) and its footprints made once per tree, in the facts the analyser's
// engine keeps for the project (project.ts Derived), never in this module. Parsed rules are never
// mutated by their readers.
import type { Derived } from '../project';
import { footprints, type TermFootprint } from './footprint';
import { parseRule } from './parser';
import type { ParsedRule, RuleNode, RuleProtocol, RuleSyntax } from './types';

/** What holds the facts: a project (its `derived`). */
export interface RuleFacts {
  derived: Pick<Derived, 'byText' | 'of' | 'matchers'>;
}

/** The rule parsed in `syntax` for `protocol`, as the project's facts keep it. */
export function parseRuleIn(
  project: RuleFacts,
  rule: string,
  syntax: RuleSyntax,
  protocol: RuleProtocol = 'http',
): ParsedRule {
  return project.derived.byText(`parsed rule ${syntax} ${protocol}`, rule, () => parseRule(rule, syntax, protocol));
}

/** footprints(tree, syntax), once per parsed tree (a tree stands for its rule text: parseRuleIn shares it). */
export function footprintsIn(project: RuleFacts, tree: RuleNode, syntax: RuleSyntax): TermFootprint[] | undefined {
  return project.derived.of(`footprints ${syntax}`, tree, () => footprints(tree, syntax, project.derived.matchers));
}
