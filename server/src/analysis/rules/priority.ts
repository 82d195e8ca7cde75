// Default router priority: the rule's length in bytes (pkg/muxer/http/mux.go GetRulePriority);
// for TCP a lone HostSNI(`*`) gets -1 so the catch-all is tried last (pkg/muxer/tcp/mux.go).
import { parseRule } from './parser';
import type { RuleNode, RuleProtocol } from './types';

export function defaultPriority(rule: string, protocol: RuleProtocol = 'http'): number {
  if (protocol === 'tcp') {
    let tree: RuleNode | undefined = parseRule(rule, 'v3', 'tcp').tree;
    // Traefik pushes `!` into the leaf and then ignores it for this test.
    while (tree?.type === 'not') tree = tree.operand;
    if (tree?.type === 'matcher' && tree.name === 'HostSNI' && tree.args.length === 1 && tree.args[0].value === '*')
      return -1;
  }
  return Buffer.byteLength(rule, 'utf8');
}
