// Traefik parses each router rule when it builds the routing table; a rule it cannot parse, an
// unknown matcher or a wrong argument count disables the router ("error while parsing rule",
// pkg/muxer/http/mux.go AddRoute, pkg/rules/parser.go). Some v2 forms parse under
// v3 but never match what was meant (placeholders in HostRegexp/PathPrefix): warnings.
import type { Label } from '../compose/model';
import type { Project } from '../project';
import { parseRuleIn, type RuleProblem, type RuleSyntax } from '../rules';
import type { RouterFields } from '../traefik/routing';
import type { Range } from '../types';
import { valueSpan } from '../compose/interpolated';
import type { Check, CheckContext } from './check';
import { renderDefaultRule, templateProblem } from '../traefik/defaultRule';
import { index } from '../traefik/lookup';
import { containerProvider, switchedOff } from '../traefik/containers';
import { disablesRouter } from './references';
import { fileRule, judgedFileRouters } from './fileRouterRules';

export const check: Check<'rule-syntax'> = {
  code: 'rule-syntax',
  severity: 'error',
  description:
    'A router rule Traefik rejects (syntax, unknown matcher, arguments), or a v2 form that never matches under v3.',
  container(container, ctx) {
    const { project } = ctx;
    // No Traefik parses the rules of a container whose traefik.enable is false (keepContainer).
    if (switchedOff(container.labels)) return;
    for (const router of container.definitions) {
      const protocol = router.protocol;
      if (router.kind !== 'routers' || protocol === 'udp') continue;
      const label = router.fields.get('rule');
      if (!label || label.value.trim() === '') continue;
      // Compose fills ${VAR} in later: a variable outside a string literal can be any rule.
      if (label.interpolated && interpolatesStructure(label.value)) continue;
      const syntax = ruleSyntax(project, router);
      const parsed = parseRuleIn(project, label.value, syntax, protocol);
      const variables = label.interpolated ? variableSpans(label.value) : [];
      for (const problem of parsed.problems) {
        // Compose fills ${VAR} in later: never judge what a variable will become.
        if (variables.some(([a, b]) => problem.start < b && a < Math.max(problem.end, problem.start + 1))) continue;
        ctx.report({
          message: problem.message + fromVariables(label, problem.start, problem.end),
          explanation: whatTraefikDoes(problem, router.name, syntax),
          file: label.file,
          range: insideValue(project, label, problem.start, problem.end),
          severity: problem.severity,
          ...(problem.severity === 'error' ? { effect: disablesRouter(container.compose.name, router) } : {}),
          data: {
            kind: problem.kind,
            router: router.name,
            protocol,
            syntax,
            ...(problem.suggestion !== undefined ? { suggestion: problem.suggestion } : {}),
          },
        });
      }
    }
  },
  run(ctx) {
    for (const provider of ['docker', 'swarm'] as const) defaultRuleProblem(ctx, provider);
    fileRouterRules(ctx);
  },
};

/** The rules of the file provider's routers (checks/fileRouterRules.ts): parsed as Traefik parses a label's. */
function fileRouterRules(ctx: CheckContext<'rule-syntax'>): void {
  const { project } = ctx;
  for (const router of judgedFileRouters(project, ['http', 'tcp'])) {
    const rule = fileRule(project, router);
    if (!rule) continue;
    const fields = new Map([...router.fields].map(([k, v]) => [k, { value: v.value ?? '' }]));
    const syntax = ruleSyntax(project, { protocol: router.protocol, fields });
    const protocol = router.protocol === 'tcp' ? 'tcp' : 'http';
    for (const problem of parseRuleIn(project, rule.value, syntax, protocol).problems)
      ctx.report({
        message: problem.message,
        explanation: whatTraefikDoes(problem, `${router.name}@file`, syntax),
        file: rule.file,
        range: rule.at(problem.start, problem.end),
        severity: problem.severity,
        data: { kind: problem.kind, router: router.name, protocol, syntax, dynamicFile: true },
      });
  }
}

/**
 * The provider's `defaultRule`, on the static configuration's text: a template Traefik cannot
 * parse stops the provider (none of its containers is routed); a rule it renders that Traefik
 * cannot parse disables each router that takes it (pkg/muxer/http/mux.go AddRoute). Said only
 * when a container of the provider is routed (by the default rule, for the second).
 */
function defaultRuleProblem(ctx: CheckContext<'rule-syntax'>, key: 'docker' | 'swarm'): void {
  const { project } = ctx;
  const config = project.staticConfig[key];
  const at = config?.defaultRuleAt;
  if (!config?.defaultRule || !at || at.interpolated) return;
  // v2's swarm mode is the docker provider.
  const provider = config.swarmMode ? 'docker' : key;
  const routers = index(project, 'http', 'routers').all.filter(
    (r) => r.container.enabled && containerProvider(r.container, project.staticConfig) === config,
  );
  if (routers.length === 0) return;
  const template = templateProblem(config.defaultRule);
  if (template) {
    ctx.report({
      message: `defaultRule is no template Traefik can parse (${template}): the ${provider} provider does not start`,
      explanation: `Traefik parses the ${provider} provider's defaultRule as a Go template when the provider starts ("error while parsing default rule", pkg/provider/docker/pdocker.go Init) and does not run a provider that fails to start, so none of its ${routers.length} router(s) exists.`,
      file: at.origin.file,
      range: at.origin.range,
      data: { kind: 'template', router: routers[0].name, protocol: 'http', syntax: 'v3', defaultRule: true },
    });
    return;
  }
  const users = routers.filter((r) => (r.fields.get('rule')?.value.trim() ?? '') === '');
  if (users.length === 0) return;
  // Rules from the default rule are parsed as v3 whatever the default syntax (aggregator applyModel).
  const syntax: RuleSyntax = project.version === 'v2' ? 'v2' : 'v3';
  const rule = renderDefaultRule(config.defaultRule, users[0].container, project.name);
  if (rule === undefined) return;
  const problem = parseRuleIn(project, rule, syntax, 'http').problems.find((p) => p.severity === 'error');
  if (!problem) return;
  const names = users.map((r) => `"${r.name}"`).join(', ');
  ctx.report({
    message: `defaultRule makes a rule Traefik cannot parse: ${problem.message}`,
    explanation: `For "${users[0].container.compose.name}" it renders ${rule}. Traefik disables each router that takes the default rule (${names}: "error while parsing rule", pkg/muxer/http/mux.go AddRoute).`,
    file: at.origin.file,
    range: at.origin.range,
    data: { kind: problem.kind, router: users[0].name, protocol: 'http', syntax, defaultRule: true },
  });
}

/** What Traefik does with a router whose rule has `problem`, for the finding's explanation. */
function whatTraefikDoes(problem: RuleProblem, router: string, syntax: RuleSyntax): string {
  return (
    (problem.detail ? `${problem.detail} ` : '') +
    (problem.severity === 'error'
      ? `Traefik cannot build router "${router}" from this rule (${syntax} syntax) and disables it ("error while parsing rule", pkg/muxer/http/mux.go AddRoute); its requests go to another router or get a 404.`
      : `Traefik accepts the rule of router "${router}" (${syntax} syntax), but it does not match what it says.`)
  );
}

/** Offsets of `${...}` and `$VAR` in a value (`$$` is a literal dollar). */
function variableSpans(value: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /\$\$|\$\{[^}]*\}?|\$[A-Za-z_][A-Za-z0-9_]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null) if (m[0] !== '$$') spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * What compose put where the problem is, when a variable's value is part of it: the rule is
 * judged as interpolated, and `Host(``)` alone would not say that `${APP_HOST}` is empty in `.env`.
 */
function fromVariables(label: Label, start: number, end: number): string {
  const i = label.interpolation;
  if (!i) return '';
  const named = i.result.pieces
    // The problem sits on the substituted text (and the quotes around it), not on a whole rule.
    .filter((p) => !p.literal && p.value.start - 1 <= start && end <= p.value.end + 1)
    .flatMap((p) => {
      const use = i.result.variables.find((v) => v.range.start === p.source.start);
      if (!use) return [];
      const value = label.value.slice(p.value.start, p.value.end);
      return [`\${${use.name}} is ${value === '' ? 'empty' : JSON.stringify(value)}`];
    });
  return named.length ? ` (${named.join(', ')})` : '';
}

/** Whether a compose variable stands outside backtick or double-quoted literals. */
function interpolatesStructure(rule: string): boolean {
  let quote = '';
  for (let i = 0; i < rule.length; i++) {
    const c = rule[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '`' || c === '"') quote = c;
    else if (c === '$' && rule[i + 1] === '$') i++;
    else if (c === '$') return true;
  }
  return false;
}

/** Per router `ruleSyntax` (v3 only; unknown values fall back to v3), else the static default, else the version's. */
export function ruleSyntax(project: Project, router: RouterFields): RuleSyntax {
  if (project.version === 'v2') return 'v2';
  const own = router.fields.get('rulesyntax')?.value.trim().toLowerCase();
  if (own === 'v2' || own === 'v3') return own;
  if (own !== undefined) return 'v3';
  return project.staticConfig.defaultRuleSyntax ?? 'v3';
}

/**
 * Offsets inside the rule string mapped to the file: exact when the value is written as is
 * (no escapes); the whole value otherwise.
 */
function insideValue(project: Project, label: Label, start: number, end: number): Range {
  const text = project.files.find((f) => f.file === label.file)?.text;
  const written = text?.slice(label.valueRange.start, label.valueRange.end);
  if (!label.exact || written !== (label.interpolation?.written ?? label.value)) return label.valueRange;
  return valueSpan(label, start, end).range;
}
