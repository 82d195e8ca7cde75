// Quick fixes, found by the finding's code and data (never its message): one action per obvious
// repair. Each edits only the text it must and writes new labels in the file's own style.
import type { Project } from '../project';
import { fixContext, type FixContext } from './fixes/common';
import { duplicateLabel, invalidValue, unknownLabel } from './fixes/keys';
import { chooseService, suggestedName } from './fixes/names';
import { routeConflict } from './fixes/conflict';
import { unescapedDollar } from './fixes/dollars';
import { priorityTie, routeShadowed } from './fixes/priority';
import { ruleSyntax, stripPrefixMismatch } from './fixes/rules';
import { dashboardLoop, missingPort, notEnabled, scaleContainerName } from './fixes/service';
import { removeSuppression, suppressFix } from './fixes/suppress';
import { publishedPort } from './fixes/ports';
import type { CodeAction, FindingRef } from './types';
import type { Code } from '../checks/codes';

/** A quick fix for the findings of `C`: it reads their data as the code declares it. */
type Fix<C extends Code> = (ctx: FixContext<C>) => CodeAction[];

const FIXES: { [C in Code]?: Fix<C> } = {
  'unknown-label': unknownLabel,
  'invalid-value': invalidValue,
  'duplicate-label': duplicateLabel,
  'unescaped-dollar': unescapedDollar,
  'undefined-middleware': suggestedName,
  'undefined-service': (ctx) => [...suggestedName(ctx), ...chooseService(ctx)],
  'undefined-entrypoint': suggestedName,
  'undefined-certresolver': suggestedName,
  'not-enabled': (ctx) => (ctx.finding.data?.insertEnable === false ? [] : notEnabled(ctx)),
  'missing-port': missingPort,
  'published-port': publishedPort,
  'dashboard-loop': dashboardLoop,
  'scale-container-name': scaleContainerName,
  'rule-syntax': ruleSyntax,
  'stripprefix-mismatch': stripPrefixMismatch,
  'route-shadowed': routeShadowed,
  'priority-tie': priorityTie,
  'unknown-static-key': suggestedName,
  'unknown-network': suggestedName,
  'unused-suppression': (ctx) => [...suggestedName(ctx), ...removeSuppression(ctx)],
};

/** Finding codes that have a quick fix (for the server's codeActionProvider and the README). */
export const FIXABLE_CODES: readonly Code[] = Object.keys(FIXES) as Code[];

/** Findings without a safe fix: an action that says why and goes where the user must choose. */
const EXPLAINED: { [C in Code]?: Fix<C> } = {
  'route-conflict': routeConflict,
};

export function codeActions<C extends Code>(project: Project, file: string, finding: FindingRef<C>): CodeAction[] {
  // The table holds, for each code, a fix of that code (its type says so): this is that fix.
  const fix = (FIXES[finding.code] ?? EXPLAINED[finding.code]) as Fix<C> | undefined;
  if (!fix) return [];
  const ctx = fixContext(project, file, finding);
  return ctx ? fix(ctx) : [];
}

/** "Suppress <code> on this line", offered next to a finding's fixes (never by fix-all). */
export function suppressActions(project: Project, file: string, finding: FindingRef): CodeAction[] {
  const ctx = fixContext(project, file, finding);
  return ctx ? suppressFix(ctx) : [];
}
