// The Traefik rule language: parse (v2 and v3 syntax, HTTP and TCP), match requests, priorities.
export type {
  HttpRequest,
  MatcherNode,
  ParsedRule,
  RuleNode,
  RuleProblem,
  RuleProtocol,
  RuleSyntax,
  StringArg,
} from './types';
export { parseRule } from './parser';
export { CompiledMatchers } from './compiled';
export { footprintsIn, parseRuleIn, type RuleFacts } from './parsed';
export { matchRequest, matchRequestTri, type Tri } from './evaluate';
export { defaultPriority } from './priority';
export { matcherNames, resolveMatcher, spellings } from './matchers';
export {
  coveredBy,
  coverage,
  overlap,
  witnessNotCovered,
  type OverlapOptions,
  type OverlapResult,
  type RuleInput,
} from './overlap';
export { candidatePairs, footprints, pathsMeet, termsMeet, type TermFootprint } from './footprint';
